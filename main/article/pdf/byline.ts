/**
 * The byline under a PDF's title (issue 23): the short lines LaTeX's \maketitle (and many a report) sets
 * under the title, centred, smaller than it: the authors, their affiliations, e-mail addresses, the date.
 * They are the byline, not headings to read as sections. Decided from features, not from a list of
 * documents: the lines follow the title on page 1, close under it; each is centred as the title is (or
 * on the page) and narrower than the text; smaller than the title; short; and each holds names, an
 * affiliation, an address or a date. What is found is kept hidden (shown on request, as in HTML), and
 * the names and affiliations make the byline when the metadata names no author.
 */
import type { PlacedLine } from './readingOrder.js';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DATE = new RegExp(
  `^(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${MONTHS})\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|(?:19|20)\\d{2})$`,
  'iu',
);
const AFFILIATION = /\b(?:Universit(?:y|ä|é|à)|Univ\.|Institut(?:e)?|Department|Dept\.|College|School|Laborator(?:y|ies)|Lab|Cent(?:er|re)|Faculty|Academy|Hospital|Research|Inc\.?|Ltd\.?|GmbH|Corporation|Company|Foundation)\b/u;
const EMAIL = /\S+@\S+\.\S+/u;
/** One name: capitalised words and initials, a particle or two (van, de, von). */
const NAME_PART = /^(?:\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.(?:-?\p{Lu}\.)?|van|von|de|der|den|da|di|du|del|la|le|bin|ibn)$/u;

/** Whether a line of text is a date ("January 3, 2024", "3 March 2021", "2024-01-03", "2024"). */
export function isDateLine(text: string): boolean {
  return DATE.test(text.trim());
}

/** Whether a line of text is people's names: "Ada Lovelace", "A. M. Turing and Alonzo Church", "Ann Lee, Bo Chen". */
export function isNameLine(text: string): boolean {
  const cleaned = text.replace(/[\d*†‡§¶]+(?=[\s,]|$)/gu, ' ').trim(); // affiliation marks after names
  const names = cleaned.split(/\s*(?:,|;|\band\b|&)\s*/u).filter(Boolean);
  if (names.length === 0 || names.length > 8) return false;
  return names.every((name) => {
    const parts = name.split(/\s+/u);
    return parts.length >= 2 && parts.length <= 4 && parts.every((part) => NAME_PART.test(part)) && /^\p{Lu}/u.test(parts.at(-1)!) && parts.at(-1)!.length > 2;
  });
}

/** Whether a byline line's text is of a byline's kind: names, an affiliation, an e-mail address or a date. */
export function isBylineText(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 120) return false;
  return isDateLine(t) || isNameLine(t) || EMAIL.test(t) || (AFFILIATION.test(t) && t.split(/\s+/u).length <= 14);
}

export interface BylineGeometry {
  /** The page's width (points). */
  pageWidth: number;
  /** The size of the document's body text. */
  bodySize: number;
}

/**
 * Of the paragraphs after the title (in reading order, starting with the one right after it), how many
 * make the byline: 0 when the first does not qualify. `title` is the title paragraph's lines.
 */
export function bylineLength(title: readonly PlacedLine[], following: ReadonlyArray<{ lines: readonly PlacedLine[]; text: string }>, { pageWidth, bodySize }: BylineGeometry): number {
  const titleLast = title.at(-1);
  if (!titleLast || titleLast.page !== 0) return 0;
  const titleSize = Math.max(...title.map((line) => line.size));
  const centreOf = (line: PlacedLine) => (line.x0 + line.x1) / 2;
  const titleCentre = centreOf(title[0]!);
  // Centred under the title, or on the page when the title itself is centred there.
  const centres = [titleCentre, pageWidth / 2];
  const tolerance = Math.max(6, 0.03 * pageWidth);
  let above = titleLast;
  let count = 0;
  for (const paragraph of following.slice(0, 6)) {
    const { lines } = paragraph;
    if (lines.length === 0 || lines.length > 3) break;
    const fits = lines.every((line) => {
      const gap = above.y - line.y;
      above = line;
      return (
        line.page === 0 &&
        gap > 0 &&
        gap <= 4.5 * Math.max(line.size, bodySize) &&
        line.size < titleSize * 0.92 &&
        line.size >= bodySize * 0.7 &&
        line.x1 - line.x0 < 0.6 * pageWidth &&
        centres.some((centre) => Math.abs(centreOf(line) - centre) <= tolerance) &&
        isBylineText(line.text)
      );
    });
    if (!fits) break;
    count++;
  }
  return count;
}

/** The byline said for the lines found: their names and affiliations (not the date), or null. */
export function bylineText(texts: readonly string[]): string | null {
  const said = texts.map((text) => text.replace(/\s+/gu, ' ').trim()).filter((text) => text && !isDateLine(text) && !EMAIL.test(text));
  return said.length ? said.join(', ') : null;
}
