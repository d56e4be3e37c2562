/**
 * Running heads, running feet, page numbers and repeated journal lines: lines in the top or bottom band of
 * a page (the outermost three lines, within 12% of the page's height from its edge) that
 * - repeat on other pages in the same band, digits ignored ("Page 3 of 9", "Journal of X, 12(3)"), or
 * - are a page number alone ("7", "- 7 -", "Page 7", "7 of 9", "vii", the page's label), or
 * - on any page, a single one included: are set smaller than the body and stand apart from every other
 *   line by more than two and a half body lines (a footer line; a note, which opens with its label, is not).
 * The outermost line of a page within 20% of an edge is in its band too when it stands more than two body
 * sizes apart from the next line (LaTeX's page numbers: 14-17% of an A4 or Letter page from the bottom).
 */
import type { PdfPage } from './extractPdf.js';
import type { Line } from './pdfLines.js';

const BAND = 0.12;
const WIDE_BAND = 0.2;
const OUTERMOST = 3;

function repeatKey(text: string): string {
  return text.toLowerCase().replace(/\d+/gu, '#').replace(/[^\p{L}#]+/gu, '');
}

function isPageNumber(text: string, label: string): boolean {
  const bare = text.toLowerCase().replace(/[\s\-\u2013\u2014|•·.,:()[\]]+/gu, ' ').trim();
  if (bare === label.toLowerCase()) return true;
  return /^(?:(?:page|p|pg|seite|página|pagina)\s*)?(?:\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:of|\/|von|de|sur)\s*\d{1,5})?$/u.test(bare);
}

const NOTE_START = /^(\d{1,3}|[*\u2020\u2021\u00a7\u00b6]{1,3})[.)]?\s/u;

export function findFurniture(pages: PdfPage[], bodySize: number): Set<Line> {
  const out = new Set<Line>();
  const bands: Array<{ line: Line; band: 'top' | 'bottom'; page: PdfPage }> = [];
  for (const page of pages) {
    const sorted = [...page.lines].sort((a, b) => b.y - a.y);
    const top = page.bottom + page.height * (1 - BAND);
    const bottom = page.bottom + page.height * BAND;
    sorted.slice(0, OUTERMOST).forEach((line) => line.y > top && bands.push({ line, band: 'top', page }));
    sorted.slice(-OUTERMOST).forEach((line) => line.y < bottom && !bands.some((b) => b.line === line) && bands.push({ line, band: 'bottom', page }));
    // The outermost line a little further in, set apart from the text (LaTeX's page numbers on A4 and Letter
    // stand 14-17% of the height from the bottom, two to three lines under the text).
    const apart = 2 * bodySize;
    const first = sorted[0];
    const last = sorted.at(-1);
    if (first && first.y > page.bottom + page.height * (1 - WIDE_BAND) && !bands.some((b) => b.line === first) && (sorted[1] === undefined || first.y - sorted[1].y > apart)) {
      bands.push({ line: first, band: 'top', page });
    }
    if (last && last.y < page.bottom + page.height * WIDE_BAND && !bands.some((b) => b.line === last) && (sorted.at(-2) === undefined || sorted.at(-2)!.y - last.y > apart)) {
      bands.push({ line: last, band: 'bottom', page });
    }
  }
  const pagesWith = new Map<string, Set<number>>();
  for (const { line, band } of bands) {
    const key = `${band}:${repeatKey(line.text)}`;
    pagesWith.set(key, (pagesWith.get(key) ?? new Set()).add(line.page));
  }
  const needed = pages.length <= 3 ? 2 : 3;
  for (const { line, band, page } of bands) {
    const repeated = (pagesWith.get(`${band}:${repeatKey(line.text)}`)?.size ?? 0) >= needed;
    if (repeated || isPageNumber(line.text, page.label)) {
      out.add(line);
      continue;
    }
    if (line.size < 0.95 * bodySize && !line.leadingMarker && !NOTE_START.test(line.text)) {
      const nearest = Math.min(...page.lines.filter((other) => other !== line && !out.has(other)).map((other) => Math.abs(other.y - line.y)));
      if (nearest > 2.5 * bodySize * 1.2) out.add(line);
    }
  }
  return out;
}
