/**
 * The head of a huge HTML page, for a first screen while the whole page is extracted (issue 25, instant):
 * the page cut at a tag boundary once its body has given `headChars` characters of text (markup, scripts,
 * styles and comments not counted), or null when the page holds less text than `streamFrom` (extracting
 * it whole is quick enough). The cut page goes through the same extraction as the whole; the parser
 * closes what the cut left open.
 */

/** Pages with at least this much body text (about 17,000 words) stream: the whole takes over 0.4 s to extract. */
export const STREAM_FROM_CHARS = 100_000;
/** The head's text: about 1,400 words, more than a screen at any size. */
export const HEAD_CHARS = 8_000;

const SKIPPED = /<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/giu;
const TAG = /<[^>]*>/gu;

/** Text characters between `from` and `to` of `html` (entities counted as written: close enough). */
export function textLength(html: string): number {
  return html.replace(SKIPPED, '').replace(TAG, '').replace(/\s+/gu, ' ').length;
}

export function htmlHead(html: string, headChars = HEAD_CHARS, streamFrom = STREAM_FROM_CHARS): string | null {
  const bodyAt = html.search(/<body\b/iu);
  const start = bodyAt < 0 ? 0 : bodyAt;
  // A cheap upper bound first: a page smaller than the threshold in all cannot hold that much text.
  if (html.length - start < streamFrom) return null;
  if (textLength(html.slice(start)) < streamFrom) return null;
  // Walk the body in steps, at tag boundaries, until the text so far reaches headChars.
  let text = 0;
  let at = start;
  const step = Math.max(4096, headChars);
  while (at < html.length) {
    let next = html.indexOf('<', Math.min(html.length, at + step));
    if (next < 0) next = html.length;
    // Never cut inside a script, style or comment: move past its end.
    const piece = html.slice(at, next);
    const open = /<(script|style|template|noscript)\b[^>]*>(?![\s\S]*<\/\1\s*>)|<!--(?![\s\S]*-->)/iu.exec(piece);
    if (open) {
      const closer = open[1] ? new RegExp(`</${open[1]}\\s*>`, 'iu') : /-->/u;
      const end = closer.exec(html.slice(next));
      next = end ? html.indexOf('<', next + end.index + end[0].length) : html.length;
      if (next < 0) next = html.length;
    }
    text += textLength(html.slice(at, next));
    at = next;
    if (text >= headChars) return at >= html.length ? null : html.slice(0, at);
  }
  return null;
}

/** The head's article without its last block, which the cut may have shortened. */
export function headBlocks<A extends { blocks: readonly unknown[] }>(head: A): A {
  return { ...head, blocks: head.blocks.slice(0, -1) };
}
