/**
 * Finding one's way in a long document: the table of contents (chapters when the document has them,
 * else its headings), the page list, where a block stands, next and previous chapter, and the block a
 * page label leads to ("go to page iv"). Pure functions of the blocks, computed once per article; the
 * lookups by block index are binary searches, so they cost nothing in a 300,000-word book.
 *
 * Note bodies (kind 'note') are placed by the listener's rule (shared/notes.ts), often at the end of
 * the article, and keep the chapter and page they were printed on. They neither start a chapter nor a
 * page here: a note read at the end belongs, for navigation, to the place where it is read.
 */
import type { Block } from './article.js';

export interface ContentsEntry {
  /** The chapter's title, or the heading's text. */
  title: string;
  /** The first block of the chapter (or the heading block). */
  blockIndex: number;
}

export interface Contents {
  /** 'chapters' from Block.chapter, 'headings' from heading blocks, 'none' when the article has neither. */
  kind: 'chapters' | 'headings' | 'none';
  entries: ContentsEntry[];
}

export interface PageStart {
  /** The page label as printed: "iv", "12", "A-3". */
  label: string;
  /** The first block that starts on this page. */
  blockIndex: number;
  /** The last block that starts on it (before the next page's first block; note bodies aside). */
  lastBlockIndex: number;
}

/** A block that can start a chapter or a page (note bodies cannot: see above). */
const placesItself = (block: Block) => block.kind !== 'note';

/** A new chapter wherever a block's chapter differs from the chapter of the block before it. */
export function chapterEntries(blocks: readonly Block[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  let previous: string | undefined;
  blocks.forEach((block, blockIndex) => {
    if (!placesItself(block)) return;
    const chapter = block.chapter?.trim() || undefined;
    if (chapter !== undefined && chapter !== previous) entries.push({ title: chapter, blockIndex });
    previous = chapter;
  });
  return entries;
}

export function headingEntries(blocks: readonly Block[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.kind === 'heading') entries.push({ title: block.text, blockIndex });
  });
  return entries;
}

/**
 * Chapters when there are two or more; otherwise the headings (a one-chapter book, an article with
 * sections); otherwise the single chapter; otherwise nothing.
 */
export function tableOfContents(blocks: readonly Block[]): Contents {
  const chapters = chapterEntries(blocks);
  if (chapters.length >= 2) return { kind: 'chapters', entries: chapters };
  const headings = headingEntries(blocks);
  if (headings.length > 0) return { kind: 'headings', entries: headings };
  if (chapters.length > 0) return { kind: 'chapters', entries: chapters };
  return { kind: 'none', entries: [] };
}

/** Every page that some block starts on, in reading order (a page label repeats only where the document repeats it). */
export function pageStarts(blocks: readonly Block[]): PageStart[] {
  const pages: PageStart[] = [];
  let previous: string | undefined;
  blocks.forEach((block, blockIndex) => {
    if (!placesItself(block)) return;
    const label = block.page?.trim();
    if (label && label !== previous) {
      pages.push({ label, blockIndex, lastBlockIndex: blockIndex });
      previous = label;
    } else if (pages.length) pages.at(-1)!.lastBlockIndex = blockIndex; // on the same page, or one not marked
  });
  return pages;
}

/** The index of the last item starting at or before blockIndex, or -1 (items are in block order). */
function lastAtOrBefore(items: readonly { blockIndex: number }[], blockIndex: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.blockIndex <= blockIndex) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The entry (chapter or heading section) a block is in, as an index into entries; -1 before the first. */
export function entryAt(entries: readonly ContentsEntry[], blockIndex: number): number {
  return lastAtOrBefore(entries, blockIndex);
}

/** The page a block is on: the label of the last page started at or before it; null before the first page mark. */
export function pageAt(pages: readonly PageStart[], blockIndex: number): string | null {
  const index = lastAtOrBefore(pages, blockIndex);
  return index >= 0 ? pages[index]!.label : null;
}

/** The next entry after the one reading is in; null at the last. */
export function nextEntry(entries: readonly ContentsEntry[], blockIndex: number): number | null {
  const next = entryAt(entries, blockIndex) + 1;
  return next < entries.length ? next : null;
}

/**
 * Back to the start of the current entry when reading is past it (as "previous paragraph" restarts the
 * paragraph), else the entry before; null in the first entry's first block, or before the first entry.
 */
export function previousEntry(entries: readonly ContentsEntry[], blockIndex: number): number | null {
  const current = entryAt(entries, blockIndex);
  if (current < 0) return null;
  if (entries[current]!.blockIndex < blockIndex) return current;
  return current > 0 ? current - 1 : null;
}

/** The chapters an export is divided into (WebVTT cues, MP3 chapter frames): the article's chapters, if the contents list chapters. */
export function exportChapters(article: { blocks: readonly Block[] }): ContentsEntry[] | undefined {
  const contents = tableOfContents(article.blocks);
  return contents.kind === 'chapters' ? contents.entries : undefined;
}

// ---- go to page ------------------------------------------------------------------------------

const ROMAN: Array<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

type PageNumber = { system: 'arabic' | 'roman'; value: number };

/** A label as a number in its numbering system: "12" is arabic 12, "iv" roman 4; other labels have none. */
export function pageNumber(label: string): PageNumber | null {
  const text = label.trim();
  if (/^\d{1,9}$/u.test(text)) return { system: 'arabic', value: Number(text) };
  if (!/^[ivxlcdm]{1,15}$/iu.test(text)) return null;
  const letters = text.toUpperCase();
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let value = 0;
  for (let i = 0; i < letters.length; i++) {
    const here = values[letters[i]!]!;
    const next = values[letters[i + 1] ?? ''] ?? 0;
    value += here < next ? -here : here;
  }
  // Only well-formed numerals ("iiii" and "ic" are not page numbers).
  return value > 0 && toRoman(value) === letters ? { system: 'roman', value } : null;
}

export type PageTarget =
  /** exact: the page starts at this block; otherwise the page begins inside it (it starts on an earlier page, `label`). */
  { ok: true; blockIndex: number; label: string; exact: boolean } | { ok: false; message: string };

/** "Pages run from i to 320." */
export function pageRange(pages: readonly PageStart[]): string {
  if (pages.length === 0) return 'This article has no page numbers.';
  if (pages.length === 1) return `The article has one page, ${pages[0]!.label}.`;
  return `Pages run from ${pages[0]!.label} to ${pages.at(-1)!.label}.`;
}

/** What was typed, without a leading "page" or "p.": "p. 12" is "12". */
export function pageQuery(typed: string): string {
  return typed
    .trim()
    .replace(/^(?:page|p\.?)\s*/iu, '')
    .trim();
}

/**
 * The block where a page starts, from what the listener typed: a label as printed ("iv", "12", "A-3",
 * any case, "page 12" and "p. 12" too). A numbered page that no block starts on (a long paragraph runs
 * over it) leads to the block it begins in: the last one starting on the nearest earlier page of the
 * same numbering.
 */
export function findPage(pages: readonly PageStart[], typed: string): PageTarget {
  if (pages.length === 0) return { ok: false, message: 'This article has no page numbers.' };
  const wanted = pageQuery(typed);
  if (!wanted) return { ok: false, message: `Type a page number. ${pageRange(pages)}` };
  const exact = pages.find((page) => page.label.toLowerCase() === wanted.toLowerCase());
  if (exact) return { ok: true, blockIndex: exact.blockIndex, label: exact.label, exact: true };
  const number = pageNumber(wanted);
  const missing = { ok: false as const, message: `There is no page ${wanted}. ${pageRange(pages)}` };
  if (!number) return missing;
  const numbered = pages.map((page) => ({ page, number: pageNumber(page.label) })).filter((p) => p.number?.system === number.system);
  const values = numbered.map((p) => p.number!.value);
  if (numbered.length === 0 || number.value < Math.min(...values) || number.value > Math.max(...values)) return missing;
  // The highest page below the one wanted (its first occurrence): the page wanted begins inside the last
  // block that starts on it, the one a long paragraph runs over the page break in.
  let best: (typeof numbered)[number] | null = null;
  for (const candidate of numbered) {
    if (candidate.number!.value < number.value && (!best || candidate.number!.value > best.number!.value)) best = candidate;
  }
  if (!best) return missing;
  return { ok: true, blockIndex: best.page.lastBlockIndex, label: best.page.label, exact: false };
}

// ---- where am I ------------------------------------------------------------------------------

/** "Chapter 2 of 5: The Storm, page 14" (the parts the article has), for the position announcement; '' when none. */
export function describePlace(contents: Contents, pages: readonly PageStart[], blockIndex: number): string {
  const parts: string[] = [];
  if (contents.kind === 'chapters') {
    const index = entryAt(contents.entries, blockIndex);
    if (index >= 0) parts.push(`Chapter ${index + 1} of ${contents.entries.length}: ${contents.entries[index]!.title}`);
    else parts.push('Before the first chapter');
  }
  const page = pageAt(pages, blockIndex);
  if (page !== null) parts.push(`page ${page}`);
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
