/**
 * "Show hidden blocks": the text extraction left out, with where it stood and why.
 *
 * HTML: the whole <body> is walked (before Readability changes the document) into blocks the way the
 * reader walks the article, each carrying a reason taken from the element or its nearest ancestor
 * (nav, footer, figcaption, a "share" or "comments" class...). Blocks whose text is part of what is read
 * are matched against the kept blocks, in document order, which gives every other block its position.
 * Never collected: scripts, styles, templates, noscript, media, form controls, and hidden content
 * (hidden attribute, aria-hidden, display: none or visibility: hidden in a style attribute, hiding classes).
 */
import { makeBlock, type Block, type BlockKind, type HiddenBlock } from '../../shared/article.js';
import { isClassHiddenName, isCommentsName } from './contentCandidate.js';
import { isFurnitureText } from './htmlCleanup.js';
import { describeCode, tableText } from './readableStructures.js';
import { superscriptText } from './footnoteMarkers.js';

export const MAX_HIDDEN_BLOCKS = 200;
export const MAX_HIDDEN_CHARS = 100_000;

/** An article's left-out blocks within the limits: repeats dropped, at most MAX_HIDDEN_BLOCKS and MAX_HIDDEN_CHARS. */
export class HiddenList {
  readonly blocks: HiddenBlock[] = [];
  private readonly seen = new Set<string>();
  private chars = 0;

  get full(): boolean {
    return this.blocks.length >= MAX_HIDDEN_BLOCKS;
  }

  /** Adds the block unless the list is full, has its text already, or would pass the character limit. */
  add(block: HiddenBlock): boolean {
    if (this.full || this.seen.has(block.text) || this.chars + block.text.length > MAX_HIDDEN_CHARS) return false;
    this.seen.add(block.text);
    this.chars += block.text.length;
    this.blocks.push(block);
    return true;
  }

  /** The `hidden` field of an Article: absent when nothing was left out. */
  field(): { hidden?: HiddenBlock[] } {
    return this.blocks.length > 0 ? { hidden: this.blocks } : {};
  }
}

/** A block of the page with the reason it would be left out, when something about it says so, and what the markup says of it. */
export interface PageBlock extends Block {
  reason: string | null;
  /** Share of its text inside links (menus and teasers are mostly links). */
  linkShare: number;
  /** Inside <article>, <main>, role=main or itemprop=articleBody. */
  inArticle: boolean;
  /** Inside the page's main prose container (contentCandidate.ts), when the walk was given one. */
  inCandidate: boolean;
  /** The element the block is (or, for loose text, the element holding it): where it sits in the page. */
  element: Element;
}

/** Where the walk is in the page. */
export interface WalkContext {
  inArticle: boolean;
  inCandidate: boolean;
  /** The main prose container, if known. */
  candidate: Element | null;
}

const TOP: WalkContext = { inArticle: false, inCandidate: false, candidate: null };

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
export function collectPageBlocks(root: Element, insideQuote: boolean, reason: string | null, out: PageBlock[], context: WalkContext = TOP): void {
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
        inCandidate: context.inCandidate,
        element,
      });
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
      const role = attribute(element, 'role');
      const inner: WalkContext =
        context.inArticle && context.inCandidate
          ? context
          : {
              ...context,
              inArticle: context.inArticle || tag === 'article' || tag === 'main' || role === 'main' || attribute(element, 'itemprop') === 'articleBody',
              inCandidate: context.inCandidate || element === context.candidate,
            };
      collectPageBlocks(element, insideQuote || tag === 'blockquote', own, out, inner);
    } else if (kind === 'table') push('table', tableText(tableRows(element)), own, linkedChars(element), element);
    else if (kind === 'code') push('code', describeCode(visibleText(element), null), own, 0, element);
    else push(insideQuote && kind === 'paragraph' ? 'quote' : kind!, visibleText(element), own, linkedChars(element), element);
  }
  flushInline();
}

const WORD = /[\p{L}\p{N}]+/gu;

function tokensOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function shinglesOf(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return out;
}

/**
 * The page blocks that are not read, each placed before the kept block that follows it in the page.
 * `alsoKept` is text shown elsewhere (the title, the byline), not hidden either.
 */
export function hiddenFromPage(page: PageBlock[], kept: Block[], alsoKept: string[]): HiddenBlock[] {
  const exact = new Map<string, number[]>();
  kept.forEach((block, index) => {
    const list = exact.get(block.text);
    if (list) list.push(index);
    else exact.set(block.text, [index]);
  });
  const extra = new Set(alsoKept.filter(Boolean));
  // Offsets of each kept block in the joined text, to find which block holds a piece of it.
  const offsets: number[] = [];
  let joined = '';
  for (const block of kept) {
    offsets.push(joined.length);
    joined += `${block.text}\n`;
  }
  // Words and 3-word shingles of the kept text, built on first need (most page blocks match exactly).
  let keptWords: Set<string> | null = null;
  let keptShingles: Map<string, number> | null = null;
  const wordIndex = () => {
    if (keptWords) return keptWords;
    keptWords = new Set<string>();
    for (const block of kept) for (const token of tokensOf(block.text)) keptWords.add(token);
    return keptWords;
  };
  const shingleIndex = () => {
    if (keptShingles) return keptShingles;
    keptShingles = new Map<string, number>();
    kept.forEach((block, at) => {
      for (const shingle of shinglesOf(tokensOf(block.text))) if (!keptShingles!.has(shingle)) keptShingles!.set(shingle, at);
    });
    return keptShingles;
  };
  const blockAt = (offset: number) => {
    let low = 0;
    let high = offsets.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (offsets[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  const hidden = new HiddenList();
  let cursor = 0; // index of the next kept block not yet met in the page
  for (const block of page) {
    if (hidden.full) break;
    const { text } = block;
    const indices = exact.get(text);
    if (indices) {
      const next = indices.find((index) => index >= cursor);
      if (next !== undefined) cursor = next + 1;
      continue;
    }
    if (extra.has(text)) continue;
    const tokens = tokensOf(text);
    const words = wordIndex();
    let known = 0;
    for (const token of tokens) if (words.has(token)) known++;
    // A piece of a kept block (the page splits what the reader joined): every word of it is read.
    if (known === tokens.length) {
      let at = joined.indexOf(text, offsets[Math.min(cursor, offsets.length - 1)] ?? 0);
      if (at < 0 && cursor > 0) at = joined.indexOf(text);
      if (at >= 0) {
        cursor = Math.max(cursor, blockAt(at) + 1);
        continue;
      }
    }
    // Mostly read text (the reader's copy lost or split a part of it).
    if (tokens.length >= 3 && known >= tokens.length * 0.6) {
      const own = shinglesOf(tokens);
      const shingleAt = shingleIndex();
      let shared = 0;
      let last = -1;
      for (const shingle of own) {
        const at = shingleAt.get(shingle);
        if (at === undefined) continue;
        shared++;
        if (at >= cursor && at < cursor + 50) last = Math.max(last, at);
      }
      if (shared >= own.length * 0.5) {
        if (last >= 0) cursor = last + 1;
        continue;
      }
    }
    if (!/\p{L}/u.test(text)) continue;
    hidden.add({ kind: block.kind, text, position: Math.min(cursor, kept.length), reason: block.reason ?? 'not part of the article' });
  }
  return hidden.blocks;
}
