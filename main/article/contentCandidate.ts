/**
 * A second opinion on where the article is, for pages where Readability picks the wrong part of the
 * page (a menu, a teaser) or too little of it. The candidate is the element holding the most prose:
 * words inside paragraph-level elements (p, li, headings, quotes, pre, cells) that are not inside
 * navigation, headers, footers, asides or forms, preferring the article's own markers (<article>,
 * <main>, role=main, itemprop=articleBody, "content"/"entry"/"post"/"article" classes), and the
 * smallest element that still holds most of that prose.
 */

const PROSE = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, dd';
const EXCLUDED = 'nav, header, footer, aside, form, [role="navigation"], [role="complementary"], [role="contentinfo"], [aria-hidden="true"], [hidden]';
const MARKERS = 'article, main, [role="main"], [itemprop="articleBody"], div, section';
const CONTENT_CLASS = /(?:^|[\s_-])(?:content|entry|post|article|story|body|text|prose|main)(?:$|[\s_-])/iu;

/** Comment threads and content hidden by a class (display: none in the page's CSS, which is not loaded here). */
const COMMENTS = /^(?!(?:has|no|with|show|hide|allow|enable|open|closed)[-_])[\w-]*(?:comment|disqus)[\w-]*$|^respond$/iu;
const HIDDEN_CLASSES = new Set(['hidden', 'is-hidden', 'invisible', 'd-none', 'hide', 'w-condition-invisible', 'sr-only', 'visually-hidden', 'screen-reader-text']);

export function isHiddenOrComments(element: Element): boolean {
  const classes = (element.getAttribute('class') ?? '').split(/\s+/u);
  if (classes.some((name) => HIDDEN_CLASSES.has(name))) return true;
  return [...classes, element.getAttribute('id') ?? ''].some((name) => name !== '' && COMMENTS.test(name));
}

function excluded(element: Element): boolean {
  if (element.closest(EXCLUDED)) return true;
  for (let ancestor: Element | null = element; ancestor; ancestor = ancestor.parentElement) if (isHiddenOrComments(ancestor)) return true;
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
    if (element.parentElement?.closest(PROSE)) continue; // counted with its paragraph-level ancestor
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
