/**
 * Features of an HTML page's blocks for the HTML content model: the plain-text features (blockFeatures.ts)
 * and what the markup adds: links, the article's own containers, the reason a furniture container gives,
 * the block's kind, where the headline stands, and what the other extractors chose (Readability's output,
 * the main prose container), which the model weighs as evidence rather than obeys.
 */
import { blockFeatures, countWords, FEATURE_NAMES, type FeatureVector } from '../blockFeatures.js';
import type { HtmlBlock } from './walkHtmlBlocks.js';

/** Index of the inReadability feature in an HTML feature vector. */
export const IN_READABILITY = FEATURE_NAMES.length + 3;
/** Index of the linkShare feature (the share of the block's text inside links) in an HTML feature vector. */
export const LINK_SHARE = FEATURE_NAMES.length;
/** Index of the endsSentence feature in a feature vector. */
export const ENDS_SENTENCE = FEATURE_NAMES.indexOf('endsSentence');

export const HTML_FEATURE_NAMES = [
  ...FEATURE_NAMES,
  'linkShare',
  'inArticle',
  'inCandidate',
  'inReadability',
  'readabilityShare',
  'hasReason',
  'reasonMenu',
  'reasonShare',
  'reasonRelated',
  'reasonComments',
  'reasonAuthor',
  'reasonCaption',
  'reasonAd',
  'isHeading',
  'isListItem',
  'isTable',
  'isCode',
  'isQuote',
  'afterTitle',
  'titleDistance',
  'hasTitle',
  'prevInReadability',
  'nextInReadability',
  'prevLinkShare',
  'nextLinkShare',
  'sharesTitleContainer',
  'onlyBodyShared',
] as const;

/**
 * How deep the block's and the headline's nearest common ancestor is (html is 0, body 1), and that as a
 * share of the headline's depth (1: the block is inside the headline's own element).
 */
function titleKinship(page: HtmlBlock[], titleIndex: number): Array<{ depth: number; share: number }> {
  const title = page[titleIndex]?.element;
  if (!title) return page.map(() => ({ depth: 0, share: 0 }));
  const depthOf = new Map<Element, number>();
  const chain: Element[] = [];
  for (let node: Element | null = title; node; node = node.parentElement) chain.push(node);
  chain.reverse().forEach((element, depth) => depthOf.set(element, depth));
  const titleDepth = Math.max(1, chain.length - 1);
  return page.map((block) => {
    for (let node: Element | null = block.element; node; node = node.parentElement) {
      const depth = depthOf.get(node);
      if (depth !== undefined) return { depth, share: depth / titleDepth };
    }
    return { depth: 0, share: 0 };
  });
}

const REASON_GROUPS: Array<[number, RegExp]> = [
  [0, /site menu|page header|page footer|sidebar|breadcrumbs|page navigation|table of contents|search box|form/u],
  [1, /share buttons|newsletter|pop-up|cookie/u],
  [2, /related links|tags/u],
  [3, /comment/u],
  [4, /author|byline/u],
  [5, /caption|image credit/u],
  [6, /advertisement|disclaimer/u],
];

/**
 * `inReadability[i]`: the share of block i's shingles in Readability's output; `titleIndex`: the block that is
 * the headline (-1 when none is).
 */
export function htmlBlockVectors(page: HtmlBlock[], inReadability: number[], titleIndex: number, stopwords: Set<string>): FeatureVector[] {
  const texts = page.map((block) => block.text);
  const base = blockFeatures(texts, stopwords);
  const words = texts.map(countWords);
  const total = words.reduce((sum, value) => sum + value, 0);
  const readWords = words.reduce((sum, value, i) => sum + (inReadability[i]! >= 0.5 ? value : 0), 0);
  const readabilityShare = total === 0 ? 0 : readWords / total;
  const kinship = titleKinship(page, titleIndex);
  return page.map((block, i) => {
    const reasons = new Array<number>(7).fill(0);
    if (block.reason) for (const [index, pattern] of REASON_GROUPS) if (pattern.test(block.reason)) reasons[index] = 1;
    return [
      ...base[i]!,
      block.linkShare,
      block.inArticle ? 1 : 0,
      block.inCandidate ? 1 : 0,
      inReadability[i]!,
      readabilityShare,
      block.reason ? 1 : 0,
      ...reasons,
      block.kind === 'heading' ? 1 : 0,
      block.kind === 'list-item' ? 1 : 0,
      block.kind === 'table' ? 1 : 0,
      block.kind === 'code' ? 1 : 0,
      block.kind === 'quote' ? 1 : 0,
      titleIndex >= 0 && i > titleIndex ? 1 : 0,
      titleIndex >= 0 ? Math.tanh((i - titleIndex) / 10) : 0,
      titleIndex >= 0 ? 1 : 0,
      inReadability[i - 1] ?? 0,
      inReadability[i + 1] ?? 0,
      page[i - 1]?.linkShare ?? 0,
      page[i + 1]?.linkShare ?? 0,
      kinship[i]!.share,
      titleIndex >= 0 && kinship[i]!.depth <= 1 ? 1 : 0,
    ];
  });
}
