/**
 * HTML to an Article: parsed by linkedom (no script execution, no CSS parsing, so a page's markup
 * or stylesheets cannot run code or crash the process), reduced by Mozilla Readability, then
 * walked into blocks that keep the structure a listener needs (headings, quotes, list items).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { makeBlock, normalizeText, type Article, type Block, type BlockKind, type HiddenBlock } from '../../../shared/article.js';
import { findContentCandidate, isHiddenOrComments } from './contentCandidate.js';
import { detectLang, normalizeLangTag } from '../detectLang.js';
import { hiddenFromPage, HiddenList } from '../hiddenBlocks.js';
import { walkHtmlBlocks, type HtmlBlock } from './walkHtmlBlocks.js';
import { countWords, stopwordsFor, type FeatureVector } from '../blockFeatures.js';
import { contentModels, decideBlocks, preferModelReading, type ContentModel } from '../contentModel.js';
import { ENDS_SENTENCE, htmlBlockVectors, IN_READABILITY, LINK_SHARE } from './htmlBlockFeatures.js';
import { shingleHits } from '../textOverlap.js';
import { relativeReading } from '../contiguity.js';
import { cleanByline, readPageMetadata } from '../pageMetadata.js';
import { isFurnitureElement, isFurnitureText, revealStreamedContent } from './htmlCleanup.js';
import { describeCode, tableText } from '../readableStructures.js';
import { isNumberedCaption } from '../figures.js';
import { superscriptText } from './footnoteMarkers.js';

const HEADING = /^H[1-6]$/u;
/** Elements whose text is never read: page furniture, media and captions (captions would interrupt a paragraph). */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG', 'FIGCAPTION', 'BUTTON', 'FORM', 'INPUT', 'SELECT', 'TEXTAREA', 'NAV', 'ASIDE']);
const LEAF_KINDS: Record<string, BlockKind> = { P: 'paragraph', LI: 'list-item', PRE: 'code', TABLE: 'table', DT: 'paragraph', DD: 'paragraph' };
const CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'UL', 'OL', 'DL', 'FIGURE', 'BLOCKQUOTE', 'BODY', 'DETAILS', 'CENTER', 'HGROUP']);

function textOf(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType === 1) {
      const element = child as Element;
      if (SKIPPED.has(element.tagName)) continue;
      if (element.tagName === 'BR') text += ' ';
      else if (element.tagName === 'SUP') text += superscriptText(element, textOf(element));
      else text += textOf(element);
      if (element.tagName === 'TD' || element.tagName === 'TH') text += ' ';
    }
  }
  return text;
}

const MAX_READABILITY_DEPTH = 400;

/** Whether any element is nested deeper than the limit (iterative: the markup may be deeper than the stack). */
function depthExceeds(root: Element | null, limit: number): boolean {
  if (!root) return false;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Cells of a table's rows, nested tables flattened into their cell. */
function tableRows(table: Element): string[][] {
  return Array.from(table.querySelectorAll('tr'))
    .filter((row) => row.closest('table') === table)
    .map((row) => Array.from(row.children).filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH').map((cell) => normalizeText(textOf(cell))));
}

/** "language-js" / "lang-python" on the <pre> or its <code>. */
function codeLanguage(pre: Element): string | null {
  const classes = `${pre.getAttribute('class') ?? ''} ${pre.querySelector('code')?.getAttribute('class') ?? ''}`;
  return /\b(?:language|lang)-([\w+#-]+)/u.exec(classes)?.[1] ?? null;
}


/** Walks the cleaned content in document order, one block per paragraph-level element. */
function collectBlocks(root: Element, insideQuote: boolean, blocks: Block[]): void {
  let inline = '';
  const flushInline = () => {
    const block = makeBlock(insideQuote ? 'quote' : 'paragraph', inline);
    if (block && !isFurnitureText(block.text)) blocks.push(block);
    inline = '';
  };
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === 3) {
      inline += child.textContent ?? '';
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName;
    if (tag === 'FIGCAPTION' && isNumberedCaption(textOf(element))) {
      flushInline();
      const block = makeBlock('paragraph', textOf(element));
      if (block) blocks.push(block);
      continue;
    }
    if (SKIPPED.has(tag) || element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden') || isFurnitureElement(element) || isHiddenOrComments(element)) continue;
    const kind: BlockKind | undefined = HEADING.test(tag) ? 'heading' : LEAF_KINDS[tag];
    const isContainer = CONTAINERS.has(tag) || (kind === 'list-item' && element.querySelector('p, ul, ol, div') !== null);
    if (!kind && !isContainer) {
      inline += tag === 'SUP' ? superscriptText(element, textOf(element)) : textOf(element);
      continue;
    }
    flushInline();
    if (isContainer) {
      collectBlocks(element, insideQuote || tag === 'BLOCKQUOTE', blocks);
    } else {
      const text = kind === 'table' ? tableText(tableRows(element)) : kind === 'code' ? describeCode(element.textContent ?? '', codeLanguage(element)) : textOf(element);
      const block = makeBlock(insideQuote && kind === 'paragraph' ? 'quote' : kind!, text);
      if (block && !(kind !== 'code' && isFurnitureText(block.text))) blocks.push(block);
    }
  }
  flushInline();
}

const jsonLdByDocument = new WeakMap<Document, string[]>();

/** The JSON-LD blocks parseDocument took out of the page (scripts are removed before anything reads it). */
export function jsonLdOf(document: Document): string[] {
  return jsonLdByDocument.get(document) ?? [];
}

const HEAD_ELEMENTS = new Set(['TITLE', 'META', 'LINK', 'STYLE', 'BASE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Parses a page into a document with one <head> and one <body>, as a browser would. linkedom follows the
 * markup literally: without <html> (HTML copied to the clipboard) or with <title> before <body> but no
 * <head>, its document.body is an empty element and the article would be lost.
 */
export function parseDocument(html: string): Document {
  const wrapped = /<html[\s>]/iu.test(html)
    ? html
    : ((inner) => (/<body[\s>]/iu.test(inner) ? `<!doctype html><html>${inner}</html>` : `<!doctype html><html><head></head><body>${inner}</body></html>`))(
        html.replace(/^\s*<!doctype[^>]*>/iu, ''),
      );
  const document = parseHTML(wrapped).document as unknown as Document;
  const root = document.documentElement;
  const children = Array.from(root.children);
  const well = children.length === 2 && children[0]!.tagName === 'HEAD' && children[1]!.tagName === 'BODY';
  if (!well) {
    const head = children.find((child) => child.tagName === 'HEAD') ?? document.createElement('head');
    const bodies = children.filter((child) => child.tagName === 'BODY');
    const body = bodies.find((candidate) => candidate.textContent?.trim()) ?? bodies[0] ?? document.createElement('body');
    for (const child of children) {
      if (child === head || child === body) continue;
      if (child.tagName === 'BODY') {
        while (child.firstChild) body.appendChild(child.firstChild);
        child.remove();
      } else if (HEAD_ELEMENTS.has(child.tagName)) head.appendChild(child);
      else body.appendChild(child);
    }
    root.insertBefore(head, root.firstChild);
    root.appendChild(body);
  }
  unwrapNestedDocuments(document);
  revealStreamedContent(document);
  // Code and inert templates are never text to read, nor a byline or title (Readability would take a
  // byline from any element classed "byline", script inside included). JSON-LD is kept aside: it is metadata.
  const jsonLd: string[] = [];
  for (const element of Array.from(document.querySelectorAll('script, style, template, noscript'))) {
    if (element.localName === 'script' && /ld\+json/iu.test(element.getAttribute('type') ?? '')) jsonLd.push(element.textContent ?? '');
    element.remove();
  }
  jsonLdByDocument.set(document, jsonLd);
  return document;
}

/**
 * A page pasted inside a page (a CMS block holding "<!DOCTYPE html><html><body>..."): a browser ignores the
 * inner <html> and <body> tags and keeps their content in place; linkedom nests them as elements, which
 * Readability scores as separate documents. Their content is moved into place and an inner <head> dropped.
 */
function unwrapNestedDocuments(document: Document): void {
  const body = document.body;
  if (!body) return;
  for (const element of Array.from(body.querySelectorAll('html, head, body'))) {
    const parent = element.parentNode;
    if (!parent) continue;
    if (element.localName !== 'head') while (element.firstChild) parent.insertBefore(element.firstChild, element);
    parent.removeChild(element);
  }
}

/** What extractHtml learns of a page before deciding what is read: the trainer sees exactly this. */
export interface HtmlAnalysis {
  title: string;
  byline: string | null;
  source: string | null;
  lang: string | null;
  /** Readability's reading (with the second-opinion fallback): the blocks read when there is no page walk. */
  readability: Block[];
  /** Every block of the page in order, or null when the markup was too deep to walk. */
  page: HtmlBlock[] | null;
  /** The page block that is the headline, or -1. */
  titleIndex: number;
  /** Features of the page blocks for the HTML content model. */
  vectors: FeatureVector[] | null;
}

export function analyzeHtml(html: string, fallbackTitle: string, source: string | null = null): HtmlAnalysis {
  const document = parseDocument(html);
  const metadata = readPageMetadata(document, jsonLdOf(document), source);
  const pageTitle = normalizeText(document.querySelector('title')?.textContent ?? '');
  const headingCount = document.querySelectorAll('h1').length;
  // Text only: a <script> or <style> inside the heading is not part of the title.
  const heading = document.querySelector('h1');
  const firstHeading = heading ? normalizeText(textOf(heading)) : '';
  // Readability's scoring climbs ancestors from every node: on pathologically deep markup it never ends.
  const tooDeep = depthExceeds(document.documentElement as unknown as Element, MAX_READABILITY_DEPTH);
  const candidate = tooDeep ? null : findContentCandidate(document as unknown as Document);
  const candidateElement = candidate ? ((document.querySelectorAll('*')[candidate.index] as unknown as Element | undefined) ?? null) : null;
  // The whole page as blocks, before Readability rewrites the document.
  let page: HtmlBlock[] | null = [];
  try {
    if (document.body) page = walkHtmlBlocks(document.body as unknown as Element, { candidate: candidateElement });
  } catch {
    page = null; // markup too deep for this walk: Readability's reading alone
  }
  const parsed = tooDeep ? null : new Readability(document as unknown as Document, { charThreshold: 500, keepClasses: true }).parse();

  const blocks: Block[] = [];
  if (tooDeep && document.body) collectBlocks(document.body as unknown as Element, false, blocks);
  if (parsed?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    collectBlocks(content.body as unknown as Element, false, blocks);
  }
  // Readability kept much less prose than the page's main container holds: it picked the wrong part.
  const readWords = blocks.reduce((sum, block) => sum + (block.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
  if (candidate && candidate.proseWords >= 80 && candidate.proseWords > 2 * readWords) {
    const fresh = parseDocument(html);
    const element = fresh.querySelectorAll('*')[candidate.index];
    if (element) {
      const fallback: Block[] = [];
      collectBlocks(element as unknown as Element, false, fallback);
      const fallbackWords = fallback.reduce((sum, block) => sum + (block.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
      if (fallbackWords > readWords) blocks.splice(0, blocks.length, ...fallback);
    }
  }
  const named = normalizeText(parsed?.title ?? '') || pageTitle;
  let title = metadata.title ?? (named || fallbackTitle);
  // "Headline | Site name" or a short section name: the page's single <h1>, when it overlaps the title, is the headline;
  // a page without a <title> is named by its single <h1>.
  if (!metadata.title && headingCount === 1 && firstHeading.length >= 4 && (!named || title.includes(firstHeading) || firstHeading.includes(title))) title = firstHeading;
  // The title is the <h1> of the reader; do not read it twice.
  if (blocks[0]?.kind === 'heading' && blocks[0].text.toLowerCase() === title.toLowerCase()) blocks.shift();
  // Shown once as "By <name>": the page's metadata first, then Readability's, without its own "By".
  const byline = metadata.byline ?? cleanByline(parsed?.byline);
  const lang = detectLang(document as unknown as Document, blocks.map((block) => block.text).join(' ')) ?? normalizeLangTag(parsed?.lang);

  let vectors: FeatureVector[] | null = null;
  let titleIndex = -1;
  if (page) {
    const wanted = title.toLowerCase();
    titleIndex = page.findIndex((block) => block.kind === 'heading' && block.text.toLowerCase() === wanted);
    if (titleIndex < 0) titleIndex = page.findIndex((block) => block.text.toLowerCase() === wanted);
    const texts = page.map((block) => block.text);
    const inReadability = shingleHits(texts, blocks.map((block) => block.text).join('\n'));
    vectors = htmlBlockVectors(page, inReadability, titleIndex, stopwordsFor(lang, texts));
  }
  return {
    title,
    byline,
    source: source ?? metadata.siteName ?? (parsed?.siteName ? normalizeText(parsed.siteName) : null),
    lang,
    readability: blocks,
    page,
    titleIndex,
    vectors,
  };
}

/**
 * A page that marks up its article: the <article>, <main>, role=main or itemprop=articleBody element around the
 * headline, when it also holds the body (at least 80% of the words the reading takes, `readWords(i)` of page block
 * i). Text outside it is then not the article (a cookie banner, a promotion, a teaser above it), whatever its
 * shape. Returns, per page block, whether it lies inside, or null when the page marks up no such article.
 */
export function articleContainer(page: HtmlBlock[], titleIndex: number, readWords: (i: number) => number): boolean[] | null {
  const headline = page[titleIndex];
  if (!headline?.inArticle) return null;
  const total = page.reduce((sum, _, i) => sum + readWords(i), 0);
  if (total === 0) return null;
  // From the innermost: an <article> may hold only the headline, with the body in the <main> around it.
  for (let level = headline.articles.length - 1; level >= 0; level--) {
    const container = headline.articles[level]!;
    const inside = page.map((block) => block.articles[level] === container);
    const insideWords = page.reduce((sum, _, i) => sum + (inside[i] ? readWords(i) : 0), 0);
    if (insideWords >= 0.8 * total) return inside;
  }
  return null;
}

/** Fewest words of a block that counts as prose when the model's relative reading is the last resort. */
const MIN_PROSE_WORDS = 8;

/**
 * The page's blocks, each read or left out (with its reason) by the HTML content model in one pass: the
 * reader and "Show the text left out" both come from it. Without a page walk, Readability's reading.
 */
export function extractHtml(html: string, fallbackTitle: string, source: string | null = null, model: ContentModel | null = contentModels().html ?? null): Article {
  const analysis = analyzeHtml(html, fallbackTitle, source);
  const { title, byline, page, vectors } = analysis;
  const article = { title, byline, source: analysis.source, lang: analysis.lang };
  const sizes = page?.map((block) => countWords(block.text)) ?? [];
  // Readability's reading, with what it left out found by matching the page walk against it; text the page
  // marks as outside its article (when the article's container holds the headline and what Readability read) is not read.
  const readabilityReading = (): Article => {
    let blocks = analysis.readability;
    let hidden: HiddenBlock[] = [];
    try {
      if (page && vectors) {
        const inside = articleContainer(page, analysis.titleIndex, (i) => (vectors[i]![IN_READABILITY]! >= 0.5 ? sizes[i]! : 0));
        if (inside) {
          const insideTexts = new Set(page.filter((_, i) => inside[i]).map((block) => block.text));
          const outsideTexts = new Set(page.filter((_, i) => !inside[i]).map((block) => block.text));
          const kept = blocks.filter((block) => insideTexts.has(block.text) || !outsideTexts.has(block.text));
          if (kept.length > 0) blocks = kept;
        }
      }
      if (page) hidden = hiddenFromPage(page, blocks, [title]);
    } catch {
      hidden = [];
    }
    return { ...article, blocks, ...(hidden.length > 0 ? { hidden } : {}) };
  };
  if (!page || !vectors || !model) return readabilityReading();
  const decided = decideBlocks(model, vectors, sizes);
  let { read, stretch } = decided;
  // Nothing read, and Readability found nothing either (a short article on a page of another kind than the
  // model knows): the stretch the model rates highest relative to the rest of the page, never an empty reading.
  // Only when that stretch holds prose (a sentence of some length, mostly not links): a page of menus and
  // links alone still has nothing to read, and says so.
  if (analysis.readability.length === 0 && !read.some((value, i) => value && i !== analysis.titleIndex)) {
    const relative = relativeReading(decided.probabilities, sizes, model);
    const isProse = (i: number) => sizes[i]! >= MIN_PROSE_WORDS && vectors[i]![LINK_SHARE]! < 0.5 && vectors[i]![ENDS_SENTENCE]! > 0;
    if (relative.read.some((value, i) => value && i !== analysis.titleIndex && isProse(i))) ({ read, stretch } = relative);
  }
  // Readability's reading, confirmed by the model: kept (its cleanup of a whole article is finer than a block walk).
  const readabilityWords = analysis.readability.reduce((sum, block) => sum + countWords(block.text), 0);
  if (!preferModelReading(model, read, vectors.map((vector) => vector[IN_READABILITY]!), sizes, readabilityWords) && analysis.readability.length > 0) return readabilityReading();
  const inside = articleContainer(page, analysis.titleIndex, (i) => (read[i] ? sizes[i]! : 0));
  if (inside) inside.forEach((isInside, i) => (read[i] &&= isInside));
  const blocks: Block[] = [];
  const hidden = new HiddenList();
  const bylineKey = byline?.toLowerCase() ?? null;
  page.forEach((block, i) => {
    if (i === analysis.titleIndex) return;
    const isByline = bylineKey !== null && block.text.length < 200 && block.text.toLowerCase().includes(bylineKey) && (/^(?:\P{L}*\p{L}+\s+)?by\b/iu.test(block.text) || /^\p{Lu}/u.test(block.text)) && block.text.split(/\s+/u).length <= 15;
    if (read[i] && !isByline) {
      blocks.push({ kind: block.kind, text: block.text });
      return;
    }
    if (!/\p{L}/u.test(block.text)) return;
    const reason = isByline ? 'byline' : (block.reason ?? (inside && !inside[i] ? 'outside the marked-up article' : i < stretch[0] ? 'before the article' : i >= stretch[1] ? 'after the article' : 'not part of the article'));
    hidden.add({ kind: block.kind, text: block.text, position: blocks.length, reason });
  });
  // Never an empty reading of a page that has text: Readability's, then.
  if (blocks.length === 0 && analysis.readability.length > 0) return { ...article, blocks: analysis.readability };
  return { ...article, blocks, ...hidden.field() };
}
