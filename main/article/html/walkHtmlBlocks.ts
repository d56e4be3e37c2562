/**
 * The HTML block walker: an HTML document (or any element of one) to candidate blocks, in document order,
 * one per heading, paragraph, list item, quote, code block and table, each with what the markup says of it
 * (the reason a furniture container or line gives, the share of its text in links, whether it sits inside
 * <article>/<main> or the main prose container, its element). It decides nothing: every block with text is
 * returned, and whoever calls it decides what is read.
 *
 *   walkHtmlBlocks(root, options?) -> HtmlBlock[]
 *
 * - HTML pages (html/extractHtml.ts): the whole <body>, before Readability changes the document; the HTML
 *   content model then classifies the blocks, and the ones not read become the hidden blocks.
 * - EPUB (a spine document is all content): walk its <body> and read every block whose `reason` is null
 *   (or all of them); `options.onElement` carries the format's semantics: return 'skip' for an element whose
 *   text is never read (a noteref, a page-break mark: note `at.blocks`, the index of the block it comes
 *   before, or after which it falls when `at.inBlock`), or blocks to put in its place (an image's alt text,
 *   which then follows the block it sits in).
 * - Markdown: the visible text of raw HTML blocks, kept as hidden blocks.
 *
 * Never collected: scripts, styles, templates, noscript, media, form controls, and hidden content
 * (hidden attribute, aria-hidden, display: none or visibility: hidden in a style attribute, hiding classes).
 */
import { makeBlock, type Block, type BlockKind } from '../../../shared/article.js';
import { isClassHiddenName, isCommentsName } from './contentCandidate.js';
import { isFurnitureText } from './htmlCleanup.js';
import { describeCode, tableText } from '../readableStructures.js';
import { superscriptText } from './footnoteMarkers.js';

/** A block of the page with the reason it would be left out, when something about it says so, and what the markup says of it. */
export interface HtmlBlock extends Block {
  reason: string | null;
  /** Share of its text inside links (menus and teasers are mostly links). */
  linkShare: number;
  /** Inside <article>, <main>, role=main or itemprop=articleBody. */
  inArticle: boolean;
  /** Those elements around it, outermost first (recorded during the walk: Readability later takes the page apart). */
  articles: readonly Element[];
  /** Inside the page's main prose container (contentCandidate.ts), when the walk was given one. */
  inCandidate: boolean;
  /** The element the block is (or, for loose text, the element holding it): where it sits in the page. */
  element: Element;
}

/** Where the walk is in the page. */
export interface WalkContext {
  inArticle: boolean;
  articles: readonly Element[];
  inCandidate: boolean;
  /** The main prose container, if known. */
  candidate: Element | null;
}

const TOP: WalkContext = { inArticle: false, articles: [], inCandidate: false, candidate: null };

/** A block a hook puts in an element's place (an image's alternative text). */
export interface HtmlWalkInsert {
  kind: BlockKind;
  text: string;
  reason?: string | null;
}

/**
 * What a hook says of an element: 'skip' (neither it nor its text is read), blocks to put in its place
 * (the element itself is then not walked), or undefined: walk it as usual.
 */
export type HtmlElementChoice = 'skip' | readonly HtmlWalkInsert[] | undefined;

/** Where the walk stands when it asks the hook: `blocks` blocks are out; `inBlock`: the element is inside the text of the next one. */
export interface HtmlWalkPosition {
  blocks: number;
  inBlock: boolean;
}

export interface HtmlWalkOptions {
  /** The page's main prose container (contentCandidate.ts): its blocks have `inCandidate`. */
  candidate?: Element | null;
  /** The reason every block starts with (a hidden container's, for text walked out of context). */
  reason?: string | null;
  /** Format semantics (EPUB): asked once per element, before the walk looks at it. */
  onElement?: (element: Element, at: HtmlWalkPosition) => HtmlElementChoice;
}

/** The hook of the walk under way and its answers (the walk is synchronous; nested walks save and restore it). */
let hook: { ask: NonNullable<HtmlWalkOptions['onElement']>; answers: Map<Element, HtmlElementChoice>; out: HtmlBlock[]; pending: HtmlWalkInsert[] } | null = null;

function choiceFor(element: Element, inBlock: boolean): HtmlElementChoice {
  if (!hook) return undefined;
  if (hook.answers.has(element)) return hook.answers.get(element);
  const choice = hook.ask(element, { blocks: hook.out.length, inBlock });
  hook.answers.set(element, choice);
  if (choice !== undefined && choice !== 'skip' && inBlock) hook.pending.push(...choice);
  return choice;
}

/**
 * Every block of the document or element `root`, in document order, with what the markup says of it; see the
 * file's header. Nothing is left out but what is never text (scripts, media, controls, hidden content).
 */
export function walkHtmlBlocks(root: Element, options: HtmlWalkOptions = {}): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  const saved = hook;
  hook = options.onElement ? { ask: options.onElement, answers: new Map(), out, pending: [] } : null;
  try {
    collectPageBlocks(root, false, options.reason ?? null, out, options.candidate ? { ...TOP, candidate: options.candidate } : TOP);
  } finally {
    hook = saved;
  }
  return out;
}

/** Characters of the element's visible text that sit inside links. */
function linkedChars(element: Element): number {
  if (element.localName === 'a') return visibleText(element).length;
  let count = 0;
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) count += linkedChars(child);
  return count;
}

/** Never text for people: code, media, embedded documents and form controls. */
const NEVER = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'img', 'button', 'input',
  'select', 'option', 'optgroup', 'datalist', 'textarea', 'output', 'meter', 'progress', 'head', 'title', 'meta', 'link',
]);
const LEAF_KINDS: Record<string, BlockKind> = { p: 'paragraph', li: 'list-item', pre: 'code', table: 'table', dt: 'paragraph', dd: 'paragraph', figcaption: 'paragraph' };
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'header', 'footer', 'ul', 'ol', 'dl', 'figure', 'blockquote', 'body', 'details', 'center', 'hgroup', 'nav', 'aside', 'form', 'fieldset',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** A list item holding these is walked as a container (as the reader does). */
const LIST_ITEM_BLOCKS = new Set(['p', 'ul', 'ol', 'div']);

/** An attribute's raw value (linkedom's getAttribute escapes the value on every call). */
function attribute(element: Element, name: string): string | null {
  return element.getAttributeNode(name)?.value ?? null;
}

function hasDescendant(element: Element, names: Set<string>): boolean {
  const stack: Element[] = [];
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push(child);
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (names.has(next.localName)) return true;
    for (let child = next.firstElementChild; child; child = child.nextElementSibling) stack.push(child);
  }
  return false;
}

/** Class and id words, and what they mean to a person. */
const CLASS_REASONS: Record<string, string> = {
  share: 'share buttons', sharing: 'share buttons', sharebar: 'share buttons', social: 'share buttons', socials: 'share buttons',
  newsletter: 'newsletter sign-up', subscribe: 'newsletter sign-up', subscription: 'newsletter sign-up', signup: 'newsletter sign-up',
  breadcrumb: 'breadcrumbs', breadcrumbs: 'breadcrumbs',
  related: 'related links', recommended: 'related links', recirc: 'related links', more: 'related links',
  promo: 'advertisement', advert: 'advertisement', advertisement: 'advertisement', ad: 'advertisement', ads: 'advertisement', adslot: 'advertisement', sponsor: 'advertisement', sponsored: 'advertisement',
  byline: 'byline', bio: 'author bio', author: 'author bio', authors: 'author bio',
  caption: 'figure caption', credit: 'image credit', credits: 'image credit',
  comments: 'comment section', comment: 'comment section',
  tags: 'tags', tagcloud: 'tags',
  cookie: 'cookie notice', cookies: 'cookie notice', consent: 'cookie notice',
  popup: 'pop-up', modal: 'pop-up',
  pagination: 'page navigation', pager: 'page navigation',
  disclaimer: 'disclaimer', disclosure: 'disclaimer',
  toolbar: 'page furniture', menu: 'site menu', navbar: 'site menu', nav: 'site menu', sidebar: 'sidebar', footer: 'page footer', header: 'page header', masthead: 'page header',
  toc: 'table of contents',
};

const REASON_WORD = new RegExp(`(?:^|[\\s_-])(?:${Object.keys(CLASS_REASONS).join('|')})(?:$|[\\s_-])|comment|disqus|respond`, 'iu');

function elementReason(element: Element, classes: string | null, id: string | null): string | null {
  switch (element.localName) {
    case 'nav':
      return 'site menu';
    case 'figcaption':
      return 'figure caption';
    case 'aside':
      return 'sidebar';
    case 'header':
      return 'page header';
    case 'footer':
      return 'page footer';
    case 'form':
      return 'form';
    default:
  }
  if (classes === null && id === null && !element.getAttributeNode('role')) return null;
  switch (attribute(element, 'role')) {
    case 'navigation':
      return 'site menu';
    case 'complementary':
      return 'sidebar';
    case 'contentinfo':
      return 'page footer';
    case 'banner':
      return 'page header';
    case 'search':
      return 'search box';
    case 'dialog':
      return 'pop-up';
    default:
  }
  const attributes = `${classes ?? ''} ${id ?? ''}`;
  // One test for the common case: nothing in the class or id says furniture.
  if (!REASON_WORD.test(attributes)) return null;
  if (isCommentsName(classes, id)) return 'comment section';
  for (const word of attributes.toLowerCase().split(/[\s_-]+/u)) {
    const reason = CLASS_REASONS[word];
    if (reason) return reason;
  }
  return null;
}

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/iu;

function isHidden(element: Element, classes: string | null): boolean {
  if (element.getAttributeNode('hidden') || attribute(element, 'aria-hidden') === 'true') return true;
  const style = attribute(element, 'style');
  if (style && HIDING_STYLE.test(style)) return true;
  return isClassHiddenName(classes);
}

/** Text as the reader hears it: no code, media, controls or hidden parts. */
function visibleText(node: Node): string {
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType === 1) {
      const element = child as Element;
      const name = element.localName;
      if (hook && choiceFor(element, true) !== undefined) continue;
      if (NEVER.has(name) || name === 'figcaption' || isHidden(element, attribute(element, 'class'))) continue;
      if (name === 'br') text += ' ';
      else if (name === 'sup') text += superscriptText(element, visibleText(element));
      else text += visibleText(element);
      if (name === 'td' || name === 'th') text += ' ';
    }
  }
  return text;
}

function tableRows(table: Element): string[][] {
  return Array.from(table.querySelectorAll('tr'))
    .filter((row) => row.closest('table') === table)
    .map((row) => Array.from(row.children).filter((cell) => (cell.localName === 'td' || cell.localName === 'th') && !isHidden(cell, attribute(cell, 'class'))).map((cell) => visibleText(cell)));
}

function textReason(text: string): string {
  if (/^(?:\w+ )?by\s/iu.test(text)) return 'byline';
  if (/^(?:on this page|in this |jump to|(?:table of )?contents)/iu.test(text)) return 'table of contents';
  if (/^(?:advertis|sponsored|ad$)/iu.test(text)) return 'advertisement';
  if (/comment|leave a reply/iu.test(text)) return 'comment section';
  if (/^(?:share|tweet|email|print|copy link|facebook|twitter|linkedin|pinterest|whatsapp|reddit)/iu.test(text)) return 'share buttons';
  if (/^(?:sign up|subscribe|newsletter)/iu.test(text)) return 'newsletter sign-up';
  if (/^(?:photo|image|picture|illustration|\(?getty|\(?shutterstock|\(?ap photo|\(?reuters)/iu.test(text)) return 'image credit';
  if (/^(?:read more|read next|related|see also|more from|recommended|also read|must read|you may|you might|most|trending)/iu.test(text)) return 'related links';
  return 'page furniture';
}

/** One block per paragraph-level element of the page, with the reason of its nearest marked ancestor. */
function collectPageBlocks(root: Element, insideQuote: boolean, reason: string | null, out: HtmlBlock[], context: WalkContext): void {
  let inline = '';
  let inlineLinked = 0;
  const push = (kind: BlockKind, text: string, blockReason: string | null, linked: number, element: Element = root) => {
    const block = makeBlock(kind, text);
    if (block)
      out.push({
        ...block,
        reason: blockReason ?? (kind !== 'code' && isFurnitureText(block.text) ? textReason(block.text) : null),
        linkShare: Math.min(1, linked / Math.max(1, block.text.length)),
        inArticle: context.inArticle,
        articles: context.articles,
        inCandidate: context.inCandidate,
        element,
      });
    // What a hook put in the place of an element inside this block's text follows it.
    if (hook && hook.pending.length > 0) for (const insert of hook.pending.splice(0)) push(insert.kind, insert.text, insert.reason ?? blockReason, 0, element);
  };
  const flushInline = () => {
    if (inline !== '') push(insideQuote ? 'quote' : 'paragraph', inline, reason, inlineLinked);
    inline = '';
    inlineLinked = 0;
  };
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      inline += child.textContent ?? '';
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.localName;
    if (hook) {
      const choice = choiceFor(element, inline.trim() !== '');
      if (choice === 'skip') continue;
      if (choice !== undefined) {
        if (inline.trim() === '') for (const insert of choice) push(insert.kind, insert.text, insert.reason ?? reason, 0, element);
        continue;
      }
    }
    if (NEVER.has(tag)) continue;
    const classes = attribute(element, 'class');
    if (isHidden(element, classes)) continue;
    const kind: BlockKind | undefined = HEADINGS.has(tag) ? 'heading' : LEAF_KINDS[tag];
    const isContainer = CONTAINERS.has(tag) || (kind === 'list-item' && hasDescendant(element, LIST_ITEM_BLOCKS));
    if (!kind && !isContainer) {
      inline += tag === 'sup' ? superscriptText(element, visibleText(element)) : visibleText(element);
      inlineLinked += linkedChars(element);
      continue;
    }
    flushInline();
    // The nearest reason wins, except a form's: a form inside comments is the comment section.
    const found = elementReason(element, classes, attribute(element, 'id'));
    const own = found === 'form' ? (reason ?? found) : (found ?? reason);
    if (isContainer) {
      const marksArticle = tag === 'article' || tag === 'main' || attribute(element, 'role') === 'main' || attribute(element, 'itemprop') === 'articleBody';
      const inner: WalkContext =
        !marksArticle && (context.inCandidate || element !== context.candidate)
          ? context
          : {
              ...context,
              inArticle: context.inArticle || marksArticle,
              articles: marksArticle ? [...context.articles, element] : context.articles,
              inCandidate: context.inCandidate || element === context.candidate,
            };
      collectPageBlocks(element, insideQuote || tag === 'blockquote', own, out, inner);
    } else if (kind === 'table') push('table', tableText(tableRows(element)), own, linkedChars(element), element);
    else if (kind === 'code') push('code', describeCode(visibleText(element), null), own, 0, element);
    else push(insideQuote && kind === 'paragraph' ? 'quote' : kind!, visibleText(element), own, linkedChars(element), element);
  }
  flushInline();
}

