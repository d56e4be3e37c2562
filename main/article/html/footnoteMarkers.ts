/**
 * Superscript footnote references (<sup><a href="#fn2">2</a></sup>, role="doc-noteref", class
 * "reference"/"footnote") become "[2]" in the block's text: shown as a marker rather than glued to the
 * word ("here2"), and found by the reading rule that skips citation markers. Other superscripts
 * (m², 10<sup>6</sup>) are text and stay as they are.
 */
const NOTE_WORDS = /(?:^|[\s_-])(?:reference|footnote|footnote-ref|fn|fnref|noteref|cite|citation|endnote|note)(?:$|[\s_-]|\d)/iu;
const MARKER_TEXT = /^\s*\[?\s*([\p{L}\p{N}*†‡§]{1,6}(?:\s*[,–-]\s*[\p{L}\p{N}]{1,6})*)\s*\]?\s*$/u;

function isNoteReference(sup: Element): boolean {
  const marks = (element: Element | null) => `${element?.getAttribute('class') ?? ''} ${element?.getAttribute('id') ?? ''} ${element?.getAttribute('role') ?? ''}`;
  if (NOTE_WORDS.test(marks(sup)) || /doc-noteref/u.test(marks(sup))) return true;
  const link = sup.querySelector('a');
  if (!link) return false;
  return /^#/u.test(link.getAttribute('href') ?? '') || NOTE_WORDS.test(marks(link)) || /doc-noteref/u.test(marks(link));
}

/** The text a <sup> contributes: "[n]" for a footnote reference, its own text otherwise. */
export function superscriptText(sup: Element, text: string): string {
  const marker = MARKER_TEXT.exec(text);
  if (!marker || !isNoteReference(sup)) return text;
  return `[${marker[1]!.replace(/\s+/gu, '')}]`;
}
