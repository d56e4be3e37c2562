/**
 * Cleanup rules around Readability, general rather than per site:
 * - before: React streaming SSR puts content in <div hidden id="S:n"> and moves it into place with a
 *   script that never runs here, so the content is moved into its <template id="B:n"> placeholder;
 * - after: page furniture that survives Readability (share bars, newsletter prompts, breadcrumbs,
 *   related headlines, author bios, captions and credits, ad labels) is recognised by class, id, role
 *   and by short lines of well-known furniture text.
 */

/** Moves React's streamed boundaries to their placeholders (what its inline script would do). */
export function revealStreamedContent(document: Document): void {
  for (const hidden of Array.from(document.querySelectorAll('div[hidden][id^="S:"]'))) {
    const id = hidden.getAttribute('id')!.slice(2);
    const placeholder = document.getElementById(`B:${id}`);
    hidden.removeAttribute('hidden');
    // A placeholder inside its own content (or the reverse) would move a node into itself: leave such pages as they are.
    if (placeholder?.parentNode && !hidden.contains(placeholder) && !placeholder.contains(hidden)) {
      // React streams a fallback (a spinner) between <!--$?--> and <!--/$--> after the template; it is replaced.
      let end = placeholder.nextSibling;
      while (end && !(end.nodeType === 8 && end.textContent === '/$')) end = end.nextSibling;
      for (let next = end ? placeholder.nextSibling : null; next && next !== end; ) {
        const after: ChildNode | null = next.nextSibling;
        next.parentNode!.removeChild(next);
        next = after;
      }
      const parent = placeholder.parentNode;
      while (hidden.firstChild) parent.insertBefore(hidden.firstChild, placeholder);
      parent.removeChild(placeholder);
      hidden.parentNode?.removeChild(hidden);
    }
  }
}

/** Class or id words of furniture containers. Matched on whole words of the attribute (split on - _ space). */
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'sharebar', 'social', 'socials', 'newsletter', 'subscribe', 'subscription', 'signup', 'breadcrumb', 'breadcrumbs',
  'related', 'recommended', 'recirc', 'promo', 'advert', 'advertisement', 'ad', 'ads', 'adslot', 'sponsor', 'sponsored', 'byline', 'bio', 'author',
  'caption', 'credit', 'credits', 'wp-caption-text', 'comments', 'comment', 'tags', 'tagcloud', 'cookie', 'cookies', 'popup', 'modal',
  'toolbar', 'pagination', 'pager', 'disclaimer', 'disclosure', 'sr',
]);
/** Words that mean the container is the content even if a furniture word is also present ("author-content" is not). */
const CONTENT_WORDS = new Set(['content', 'body', 'article', 'entry', 'post', 'main', 'text', 'story']);

export function isFurnitureElement(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner' || role === 'search' || role === 'dialog') return true;
  const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase().split(/[\s_-]+/u).filter(Boolean);
  if (words.length === 0 || !words.some((word) => FURNITURE_WORDS.has(word))) return false;
  // Furniture is short, or mostly links (a list of related headlines); a long run of prose is content
  // whatever its class says ("more-on-x-related-articles-text" wrapping a paragraph).
  const length = (element.textContent ?? '').length;
  if (length <= 600 && !words.some((word) => CONTENT_WORDS.has(word))) return true;
  return linkDensity(element, length) > 0.5;
}

function linkDensity(element: Element, length: number): number {
  if (length === 0) return 0;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) linked += (link.textContent ?? '').length;
  return linked / length;
}

/** Short blocks of page furniture text, never article text. */
const FURNITURE_LINE =
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|skip to (?:main )?content|share(?: this)?(?: article| story| post| page)?(?: on \w+)?|share|tweet|email|print|copy link|facebook|twitter|linkedin|pinterest|whatsapp|reddit|(?:sign up|subscribe)(?: (?:for|to) (?:our|the) [\w ]*newsletter)?|newsletter|related(?: articles| stories| posts| content)?|you (?:may|might) also like|recommended(?: for you| reading)?|more (?:stories|articles|from [\w ]+)|most (?:read|popular)|trending(?: now)?|read more|read next|see also|comments?(?: \(\d+\))?|\d+ comments?|leave a (?:reply|comment)|back to top|(?:photo|image|picture|illustration)(?: credit)?s?\s*:.*|\(?(?:getty images|shutterstock|ap photo|reuters)\)?|loading(?:\.\.\.|…)?|(?:table of )?contents|listen to (?:this )?article|\d+ min(?:ute)? read|updated:?.*\d{4}|published:?.*\d{4})$/iu;
const TEASER_LINE = /^(?:read more|read next|related|see also|more from|recommended|also read|must read)\s*:/iu;

/** A byline standing alone: "By Daniel Burstein, Senior Director, ...", "Written by Jane Doe | May 2". Not a sentence ("By Tuesday, the council had voted."). */
const BYLINE_TEXT = /^(?:[Ww]ritten |[Pp]osted |[Rr]eviewed |[Ee]dited |[Ww]ords |[Ss]tory |[Rr]eporting )?(?:[Bb]y|BY)\s+\p{Lu}[\p{L}'’.-]+\s+\p{Lu}[\p{L}'’.-]+/u;
/** Contents and credits headings left without their list ("On this page", "Edited by", "What to read next..."). */
const SECTION_FURNITURE = /^(?:on this page|in this (?:article|post|guide|section)|jump to(?: section)?|what to read next|(?:written|edited|reviewed|fact[- ]checked) by)\s*[.…:]*$/iu;

export function isFurnitureText(text: string): boolean {
  const words = text.split(/\s+/u).filter(Boolean).length;
  if (words <= 25 && BYLINE_TEXT.test(text) && !/[.!?]["”’)]?$/u.test(text)) return true;
  if (words <= 6 && SECTION_FURNITURE.test(text)) return true;
  return (words <= 10 && FURNITURE_LINE.test(text)) || (words <= 25 && TEASER_LINE.test(text));
}
