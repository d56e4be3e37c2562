/**
 * A second opinion on where the article is, for pages where Readability picks the wrong part of the
 * page (a menu, a teaser) or too little of it. The candidate is the element holding the most prose:
 * words inside paragraph-level elements (p, li, headings, quotes, pre, cells) that are not inside
 * navigation, headers, footers, asides or forms, preferring the article's own markers (<article>,
 * <main>, role=main, itemprop=articleBody, "content"/"entry"/"post"/"article" classes), and the
 * smallest element that still holds most of that prose.
 */

const PROSE = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, dd';
/** Not counted: inside nav, header, footer, aside, form, navigation/complementary/contentinfo roles, aria-hidden or hidden. */
const MARKERS = 'article, main, [role="main"], [itemprop="articleBody"], div, section';
const CONTENT_CLASS = /(?:^|[\s_-])(?:content|entry|post|article|story|body|text|prose|main)(?:$|[\s_-])/iu;

/** Comment threads and content hidden by a class (display: none in the page's CSS, which is not loaded here). */
const COMMENTS = /^(?!(?:has|no|with|show|hide|allow|enable|open|closed)[-_])[\w-]*(?:comment|disqus)[\w-]*$|^respond$/iu;
const HIDDEN_CLASSES = new Set(['hidden', 'is-hidden', 'invisible', 'd-none', 'hide', 'w-condition-invisible', 'sr-only', 'visually-hidden', 'screen-reader-text']);

export function isHiddenOrComments(element: Element): boolean {
  return isClassHidden(element) || isComments(element);
}

/** Hidden by a class the page's CSS would turn into display: none (the CSS is not loaded here). */
export function isClassHidden(element: Element): boolean {
  return isClassHiddenName(element.getAttribute('class'));
}

/** isClassHidden on the raw class value. */
export function isClassHiddenName(classes: string | null): boolean {
  return classes !== null && classes.split(/\s+/u).some((name) => HIDDEN_CLASSES.has(name));
}

/** A comment thread (class or id "comments", "disqus_thread", "respond", ...). */
export function isComments(element: Element): boolean {
  return isCommentsName(element.getAttribute('class'), element.getAttribute('id'));
}

/** isComments on the raw class and id values. */
export function isCommentsName(classes: string | null, id: string | null): boolean {
  if (classes) for (const name of classes.split(/\s+/u)) if (name !== '' && COMMENTS.test(name)) return true;
  return id !== null && id !== '' && COMMENTS.test(id);
}

const PROSE_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'td', 'dd']);
const EXCLUDED_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form']);
const EXCLUDED_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/** element.closest(EXCLUDED), or hidden or comments, walked by hand (linkedom's selector matching is slow). */
function excluded(element: Element): boolean {
  for (let ancestor: Element | null = element; ancestor; ancestor = ancestor.parentElement) {
    if (EXCLUDED_TAGS.has(ancestor.localName)) return true;
    const role = ancestor.getAttributeNode('role');
    if (role && EXCLUDED_ROLES.has(role.value)) return true;
    if (ancestor.getAttributeNode('hidden') || ancestor.getAttributeNode('aria-hidden')?.value === 'true') return true;
    if (isHiddenOrComments(ancestor)) return true;
  }
  return false;
}

function insideProse(element: Element): boolean {
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) if (PROSE_TAGS.has(ancestor.localName)) return true;
  return false;
}

function words(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

export interface Candidate {
  /** Index of the element in document.querySelectorAll('*'), so a fresh parse of the same page finds it again. */
  index: number;
  proseWords: number;
}

/** Prose words per element, counted once per paragraph-level element and added up its ancestors. */
export function findContentCandidate(document: Document): Candidate | null {
  const all = Array.from(document.querySelectorAll('*'));
  const position = new Map<Element, number>();
  all.forEach((element, index) => position.set(element, index));
  const prose = new Map<Element, number>();
  for (const element of Array.from(document.querySelectorAll(PROSE))) {
    if (insideProse(element)) continue; // counted with its paragraph-level ancestor
    if (excluded(element)) continue;
    const count = words(element.textContent ?? '');
    if (count < 4) continue;
    for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) prose.set(ancestor, (prose.get(ancestor) ?? 0) + count);
  }
  let total = 0;
  for (const [element, count] of prose) if (element.tagName === 'BODY') total = count;
  if (total === 0) return null;
  // The smallest marked container holding at least 80% of the page's prose, else the body's child that does.
  let best: Element | null = null;
  let bestCount = 0;
  for (const [element, count] of prose) {
    if (count < total * 0.8 || !element.matches(MARKERS)) continue;
    const marked = element.tagName !== 'DIV' && element.tagName !== 'SECTION' ? true : CONTENT_CLASS.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);
    if (!marked) continue;
    if (!best || best.contains(element)) {
      best = element;
      bestCount = count;
    }
  }
  if (!best) return null;
  // Several full articles (an infinite-scroll page, an archive): the prose is not one article, so no second opinion.
  const articles = Array.from(best.querySelectorAll('article')).filter((article) => !article.parentElement?.closest('article') && (prose.get(article) ?? 0) >= 150);
  if (articles.length >= 2 || best.querySelectorAll('h1').length >= 2) return null;
  return { index: position.get(best)!, proseWords: bestCount };
}
