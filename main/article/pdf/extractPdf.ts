/**
 * A PDF to an Article (with its notes apart): pdf.js text items -> lines (pdfLines.ts) -> running heads,
 * footers and page numbers out (furniture.ts) -> reading order per page (readingOrder.ts) -> paragraphs
 * and headings from geometry, carried across columns and pages, words joined across line ends
 * (pdfWords.ts) -> notes apart -> title, author, page labels and chapters. Runs in the extraction worker.
 */
import type { Block, HiddenBlock } from '../../../shared/article.js';
import type { ArticleWithNotes, NoteBody } from '../../../shared/notes.js';
import { guessLangFromText, normalizeLangTag } from '../detectLang.js';
import { bylineLength, bylineText } from './byline.js';
import { findFurniture } from './furniture.js';
import { loadPdfjs } from './pdfjs.js';
import { pageLines, type Line, type PdfMarkedContent, type PdfTextItem } from './pdfLines.js';
import { cleanPdfText, DocumentWords } from './pdfWords.js';
import { carryFloats, documentGutterOf, orderPage, treeOrder, type PlacedLine } from './readingOrder.js';
import { readStructure, StructCounter, type StructFigure, type StructNode, type StructRole } from './structure.js';
import { describesImage, isNumberedCaption } from '../figures.js';
import { tableText } from '../readableStructures.js';
import { DocumentError } from '../documentError.js';

/** A PDF that cannot be read, with the reason in words for the listener. */
export class PdfProblem extends DocumentError {
  constructor(
    message: string,
    override readonly kind: 'password' | 'wrong-password' | 'damaged' | 'scanned' | 'no-unicode' | 'empty',
  ) {
    super(message);
    this.name = 'PdfProblem';
  }
}

export interface PdfOptions {
  /** The document's password, when it has one (the app's password dialog asks for it). */
  password?: string;
  /** Read only the first N pages (the first part of a long document, shown while the rest is read). */
  maxPages?: number;
  /** Figures' alternative text (tagged PDFs) read as blocks of their own; off: kept as hidden blocks. Default on. */
  imageDescriptions?: boolean;
  /**
   * Streaming: called with the article of the pages read so far, at `firstPart` pages and then each time
   * the pages read have doubled (a long document is shown and read while the rest follows). Never called
   * for a document that fits in its first part.
   */
  onPart?: (part: PdfArticle, pagesRead: number) => void;
  /** Streaming: called after each page is read, with the pages read and the document's page count. */
  onProgress?: (pagesRead: number, pageCount: number) => void;
  /** The pages of the first part (default FIRST_PART_PAGES). */
  firstPart?: number;
}

/** A streamed PDF's first part: two pages, some minutes of listening, read in well under a second (each page costs 100-300 ms on a busy machine). */
export const FIRST_PART_PAGES = 2;

/** Where a streamed document's parts are cut: the first part, then each doubling of the pages read (plain, for tests). */
export function isPartCheckpoint(pagesRead: number, firstPart: number, pageCount: number): boolean {
  if (pagesRead >= pageCount || pagesRead < firstPart) return false;
  let checkpoint = firstPart;
  while (checkpoint < pagesRead) checkpoint *= 2;
  return checkpoint === pagesRead;
}

export interface PdfPage {
  index: number;
  label: string;
  width: number;
  height: number;
  bottom: number;
  lines: Line[];
  /** A tagged page's figures with their alt text, in tree order. */
  figures?: StructFigure[];
}

interface Paragraph {
  lines: PlacedLine[];
  heading: boolean;
  /** What the structure tree says the paragraph is (tagged PDFs). */
  role?: StructRole;
  text: string;
  markers: Array<{ label: string; page: number }>;
}

const NOTE_LABEL = /^(\d{1,3}|[*\u2020\u2021\u00a7\u00b6]{1,3})[.)]?\s+(?=\S)/u;

function median(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The body text's size: the size most characters are set in. */
function bodySizeOf(pages: PdfPage[]): number {
  const weight = new Map<number, number>();
  for (const page of pages) for (const line of page.lines) weight.set(Math.round(line.size * 2) / 2, (weight.get(Math.round(line.size * 2) / 2) ?? 0) + line.text.length);
  let best = 10;
  let most = -1;
  for (const [size, count] of weight) if (count > most) [best, most] = [size, count];
  return best;
}

/** The font most body-size characters are set in. */
function bodyFontOf(lines: Line[], bodySize: number): string | null {
  const weight = new Map<string, number>();
  for (const line of lines) if (Math.abs(line.size - bodySize) <= 0.08 * bodySize) weight.set(line.font, (weight.get(line.font) ?? 0) + line.text.length);
  let best: string | null = null;
  let most = -1;
  for (const [font, count] of weight) if (count > most) [best, most] = [font, count];
  return best;
}

/**
 * Headings set at the body's size in another font (bold, small capitals): a paragraph of one short line in
 * a font other than the body's, without sentence punctuation at its end, followed by body text.
 */
function markBodySizeHeadings(paragraphs: Paragraph[], bodyFont: string | null): void {
  if (!bodyFont) return;
  paragraphs.forEach((paragraph, i) => {
    const next = paragraphs[i + 1];
    if (paragraph.heading || paragraph.lines.length !== 1 || !next || next.heading) return;
    const line = paragraph.lines[0]!;
    if (line.font === bodyFont || next.lines[0]!.font !== bodyFont) return;
    if (words(line.text).length > 12 || /[.!?:;,]$/u.test(line.text) || !/^[\p{Lu}\p{N}]/u.test(line.text)) return;
    paragraph.heading = true;
  });
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Width of the first word of a line, from the line's average character width. */
function firstWordWidth(line: Line): number {
  const first = line.text.split(' ')[0] ?? '';
  return ((line.x1 - line.x0) / Math.max(1, line.text.length)) * first.length;
}

/** The line ended before the right edge although the next line's first word would have fit there. */
function endedEarly(prev: PlacedLine, next: Line): boolean {
  if (/[\p{L}][-\u2010\u00ad]$/u.test(prev.text)) return false; // broken inside a word or compound
  const space = 0.3 * prev.size;
  return prev.x1 + space + firstWordWidth(next) < prev.regionRight - 0.2 * prev.size;
}

function isIndented(line: PlacedLine): boolean {
  return line.x0 > line.regionLeft + 0.7 * line.size;
}

/** Opens a PDF with the options the app reads every PDF with; a password or damage is said as a PdfProblem. */
export async function openDocument(bytes: Uint8Array, options: PdfOptions) {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes,
    password: options.password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    const err = error as Error & { code?: number };
    if (err.name === 'PasswordException') {
      throw new PdfProblem(
        err.code === 2 ? 'The password given for this PDF is not right, so it cannot be opened.' : 'This PDF is protected by a password, and Article Player cannot open it without the password.',
        err.code === 2 ? 'wrong-password' : 'password',
      );
    }
    if (err.name === 'InvalidPDFException') throw new PdfProblem('This PDF is damaged: its structure cannot be read, so there is nothing to read aloud.', 'damaged');
    throw new PdfProblem(`This PDF is damaged and cannot be read (${err.message}).`, 'damaged');
  }
}

type PdfDocument = Awaited<ReturnType<typeof openDocument>>;

async function readPages(doc: PdfDocument, maxPages: number, afterPage?: (pages: PdfPage[]) => void): Promise<{ pages: PdfPage[]; failed: number }> {
  let labels: string[] | null = null;
  try {
    labels = await doc.getPageLabels();
  } catch {
    labels = null;
  }
  const pages: PdfPage[] = [];
  let failed = 0;
  const count = Math.min(doc.numPages, maxPages);
  const counter = new StructCounter();
  for (let index = 0; index < count; index++) {
    const label = labels?.[index]?.trim() || String(index + 1);
    try {
      const page = await doc.getPage(index + 1);
      const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
      const content = await page.getTextContent({ includeMarkedContent: true });
      // A tagged page's structure tree: reading order, headings, captions, tables, figures' alt text.
      const structure = readStructure((await page.getStructTree().catch(() => null)) as StructNode | null, counter);
      const blockOf = structure ? (mcid: string | undefined) => (mcid === undefined ? undefined : structure.places.get(mcid)?.block) : undefined;
      const lines = pageLines(content.items as Array<PdfTextItem | PdfMarkedContent>, index, blockOf).map((line) => {
        const place = structure && line.mcid !== undefined ? structure.places.get(line.mcid) : undefined;
        return { ...line, text: cleanPdfText(line.text), ...(place && { place }) };
      });
      const figures = structure?.figures.length ? { figures: structure.figures } : {};
      pages.push({ index, label, width: x1 - x0, height: y1 - y0, bottom: y0, lines: lines.filter((line) => line.text.trim()), ...figures });
      page.cleanup();
    } catch {
      failed++;
      pages.push({ index, label, width: 612, height: 792, bottom: 0, lines: [] });
    }
    afterPage?.(pages);
  }
  return { pages, failed };
}

/** Text that came out as private-use, replacement or control characters: fonts without a Unicode map. */
function unreadableShare(pages: PdfPage[]): { letters: number; unreadable: number } {
  let letters = 0;
  let unreadable = 0;
  for (const page of pages) {
    for (const line of page.lines) {
      for (const char of line.text) {
        if (/\s/u.test(char)) continue;
        if (/[\p{Co}\ufffd\p{Cc}]/u.test(char)) unreadable++;
        else if (/[\p{L}\p{N}]/u.test(char)) letters++;
      }
    }
  }
  return { letters, unreadable };
}

interface Outline {
  title: string;
  page: number;
  y: number | null;
}

/** Chapters from the outline: the first level with more than one entry (a lone top entry is the document's title). */
async function chaptersOf(doc: PdfDocument): Promise<Outline[]> {
  type Item = { title: string; dest: string | unknown[] | null; items: Item[] };
  let level = ((await doc.getOutline().catch(() => null)) ?? []) as Item[];
  while (level.length === 1 && level[0]!.items.length > 0) level = level[0]!.items;
  const out: Outline[] = [];
  for (const item of level) {
    try {
      const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
      if (!Array.isArray(dest) || dest.length === 0) continue;
      const ref = dest[0];
      const page = typeof ref === 'number' ? ref : await doc.getPageIndex(ref as { num: number; gen: number });
      const y = (dest[1] as { name?: string } | undefined)?.name === 'XYZ' && typeof dest[3] === 'number' ? dest[3] : null;
      const title = item.title.replace(/\s+/gu, ' ').trim();
      if (title) out.push({ title, page, y });
    } catch {
      // an entry pointing nowhere is skipped
    }
  }
  return out.sort((a, b) => a.page - b.page || (b.y ?? Infinity) - (a.y ?? Infinity));
}

function chapterAt(chapters: Outline[], page: number, y: number): string | undefined {
  let found: string | undefined;
  for (const chapter of chapters) {
    if (chapter.page < page || (chapter.page === page && (chapter.y === null || chapter.y >= y - 2))) found = chapter.title;
    else break;
  }
  return found;
}

/** Lines at the bottom of a region set smaller than the body and starting with a note label: note bodies. */
function splitNotes(lines: PlacedLine[], bodySize: number, labels: Set<string>): { body: PlacedLine[]; notes: PlacedLine[] } {
  const noteLines = new Set<PlacedLine>();
  const byRegion = new Map<number, PlacedLine[]>();
  for (const line of lines) byRegion.set(line.region, [...(byRegion.get(line.region) ?? []), line]);
  for (const regionLines of byRegion.values()) {
    let start = regionLines.length;
    while (start > 0 && regionLines[start - 1]!.size < 0.95 * bodySize) start--;
    // The first small line that opens a note, from the top of the small tail.
    for (let i = start; i < regionLines.length; i++) {
      const line = regionLines[i]!;
      const label = line.leadingMarker ?? NOTE_LABEL.exec(line.text)?.[1] ?? null;
      if (label && labels.has(label)) {
        for (let j = i; j < regionLines.length; j++) noteLines.add(regionLines[j]!);
        break;
      }
    }
  }
  return { body: lines.filter((l) => !noteLines.has(l)), notes: lines.filter((l) => noteLines.has(l)) };
}

export interface PdfArticle extends ArticleWithNotes {
  pageCount: number;
}

/** Pages read to their article, or the problem that keeps them from being read. */
function articleOfPages(pages: PdfPage[], failed: number, facts: DocumentFacts): PdfArticle {
  if (pages.length > 0 && failed === pages.length) throw new PdfProblem('This PDF is damaged: none of its pages could be read.', 'damaged');
  const { letters, unreadable } = unreadableShare(pages);
  if (letters === 0 && unreadable === 0) {
    throw new PdfProblem('This PDF is scanned pages without text: it has no text layer to read aloud. A PDF made from it with text recognition (OCR) can be read.', 'scanned');
  }
  if (unreadable > 0.25 * (letters + unreadable)) {
    throw new PdfProblem('The text of this PDF cannot be read: its fonts do not say which letters their glyphs are (no Unicode map), so it comes out as meaningless characters.', 'no-unicode');
  }
  return buildArticle(pages, facts);
}

export async function extractPdf(bytes: Uint8Array, fallbackTitle: string, options: PdfOptions = {}): Promise<PdfArticle> {
  const doc = await openDocument(bytes, options);
  try {
    // The metadata and outline first (they are small), so each part of a streamed document has its title and chapters.
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as { Title?: string; Author?: string; Language?: string };
    const chapters = await chaptersOf(doc);
    const facts: DocumentFacts = {
      title: info.Title?.trim() || null,
      author: info.Author?.trim() || null,
      lang: info.Language ?? null,
      chapters,
      fallbackTitle,
      pageCount: doc.numPages,
      imageDescriptions: options.imageDescriptions ?? true,
    };
    const total = Math.min(doc.numPages, options.maxPages ?? Infinity);
    const firstPart = Math.max(1, options.firstPart ?? FIRST_PART_PAGES);
    const afterPage = (pages: PdfPage[]) => {
      options.onProgress?.(pages.length, total);
      if (!options.onPart || !isPartCheckpoint(pages.length, firstPart, total)) return;
      try {
        const part = articleOfPages(pages, 0, facts);
        if (part.blocks.length > 0) options.onPart(part, pages.length);
      } catch {
        // The first pages alone are scanned or unreadable: the whole document decides (it may have text further on).
      }
    };
    const { pages, failed } = await readPages(doc, options.maxPages ?? Infinity, options.onPart || options.onProgress ? afterPage : undefined);
    return articleOfPages(pages, failed, facts);
  } finally {
    await doc.destroy().catch(() => {});
  }
}

interface DocumentFacts {
  title: string | null;
  author: string | null;
  lang: string | null;
  chapters: Outline[];
  fallbackTitle: string;
  pageCount: number;
  /** Figures' alt text read (default) or kept hidden. */
  imageDescriptions?: boolean;
}

/** Pages of lines to the Article: the geometry part, apart from pdf.js so tests can give it lines. */
export function buildArticle(pages: PdfPage[], facts: DocumentFacts): PdfArticle {
  const bodySize = bodySizeOf(pages);
  const furniture = findFurniture(pages, bodySize);
  const kept = pages.map((page) => page.lines.filter((line) => !furniture.has(line)));
  const gutter = documentGutterOf(kept);
  // Geometry places every line in its column; where the page's structure tree gives the order, it decides.
  const placed: PlacedLine[][] = carryFloats(kept.map((lines) => treeOrder(orderPage(lines, gutter))));
  const labelsUsed = new Set<string>();
  for (const lines of placed) for (const line of lines) for (const marker of line.markers) labelsUsed.add(marker.label);

  // Line spacing of the body: the usual distance between baselines of following lines of one size.
  const ratios: number[] = [];
  for (const lines of placed) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      if (a.region !== b.region || Math.abs(a.size - b.size) > 0.05 * a.size) continue;
      const ratio = (a.y - b.y) / a.size;
      if (ratio > 0.9 && ratio < 2.2) ratios.push(ratio);
    }
  }
  const leading = median(ratios, 1.2);

  const vocabulary = new DocumentWords();
  for (const lines of placed) for (const line of lines) vocabulary.addLine(line.text);
  const breaks: Array<[string, string]> = [];
  const ordered = placed.flat();
  for (let i = 1; i < ordered.length; i++) {
    const before = /([\p{L}\p{M}]+)[-\u2010]$/u.exec(ordered[i - 1]!.text)?.[1];
    const after = /^\p{Ll}[\p{L}\p{M}]*/u.exec(ordered[i]!.text)?.[0];
    if (before && after) breaks.push([before, after]);
  }
  vocabulary.learnBreaks(breaks);

  const bodyLines: PlacedLine[] = [];
  const noteLines: PlacedLine[] = [];
  for (const lines of placed) {
    const { body, notes } = labelsUsed.size ? splitNotes(lines, bodySize, labelsUsed) : { body: lines, notes: [] };
    bodyLines.push(...body);
    noteLines.push(...notes);
  }

  const isHeadingSize = (size: number) => size > bodySize * 1.12;
  const paragraphs = toParagraphs(bodyLines, { leading, isHeadingSize, vocabulary });
  for (const paragraph of paragraphs) if (paragraph.role === 'heading') paragraph.heading = true;
  markBodySizeHeadings(paragraphs, bodyFontOf(bodyLines, bodySize));
  const notes = toParagraphs(noteLines, { leading, isHeadingSize: () => false, vocabulary, noteStarts: labelsUsed });

  // Title: the metadata's when page 1 says it too, else the largest text at the top of page 1.
  const first = pages[0];
  const topOfFirst = paragraphs.filter((p) => p.lines[0]!.page === 0 && first && p.lines[0]!.y > first.bottom + first.height * 0.45).slice(0, 8);
  const largest = topOfFirst.filter((p) => isHeadingSize(p.lines[0]!.size)).sort((a, b) => b.lines[0]!.size - a.lines[0]!.size)[0];
  let title = facts.fallbackTitle;
  let titleParagraph: Paragraph | undefined;
  const agrees = (text: string, candidate: string) => {
    const want = words(candidate);
    if (want.length === 0) return false;
    const have = new Set(words(text));
    return want.filter((w) => have.has(w)).length >= 0.6 * want.length;
  };
  if (facts.title && agrees(topOfFirst.map((p) => p.text).join(' '), facts.title)) {
    title = facts.title;
    titleParagraph = topOfFirst.find((p) => agrees(facts.title!, p.text) && agrees(p.text, facts.title!));
  } else if (largest) {
    title = largest.text;
    titleParagraph = largest;
  } else if (facts.title) {
    title = facts.title;
  }

  // The byline under the title (authors, affiliations, the date; byline.ts): kept hidden, not read as headings.
  const bylineParagraphs = new Set<Paragraph>();
  if (titleParagraph && first) {
    const at = paragraphs.indexOf(titleParagraph);
    const count = bylineLength(titleParagraph.lines, paragraphs.slice(at + 1), { pageWidth: first.width, bodySize });
    for (const paragraph of paragraphs.slice(at + 1, at + 1 + count)) bylineParagraphs.add(paragraph);
  }
  const byline = facts.author ?? bylineText([...bylineParagraphs].flatMap((p) => p.lines.map((line) => line.text)));

  const blocks: Block[] = [];
  const hidden: HiddenBlock[] = [];
  const blockOfParagraph = new Map<Paragraph, number>();
  /** Where each block starts: page and tree order, to put figures' descriptions among them. */
  const starts: Array<{ page: number; order: number | undefined }> = [];
  const place = (block: Block, line: PlacedLine) => {
    block.page = pages[line.page]?.label ?? String(line.page + 1);
    const chapter = chapterAt(facts.chapters, line.page, line.y + line.size);
    if (chapter) block.chapter = chapter;
    return block;
  };
  // Private-use characters left in readable text are icons and emoji from symbol fonts (flags in a Google
  // Docs table): nothing to say. A document mostly made of them was refused above (no Unicode map).
  const clean = (text: string) => text.replace(/[\u00ad\p{Co}]/gu, '').replace(/\s+/gu, ' ').trim();
  const captions = new Set<string>();
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    if (paragraph === titleParagraph) continue;
    const line = paragraph.lines[0]!;
    // A tagged table: its cells' paragraphs, row by row, one table block read "cell, cell, cell." (as in HTML).
    const cell = line.place?.table;
    if (cell) {
      const rows = new Map<number, Array<{ text: string; header: boolean }>>();
      let j = i;
      for (; j < paragraphs.length && paragraphs[j]!.lines[0]!.place?.table?.table === cell.table; j++) {
        const at = paragraphs[j]!.lines[0]!.place!.table!;
        const cells = rows.get(at.row) ?? [];
        const text = clean(paragraphs[j]!.text);
        if (text) cells.push({ text, header: at.header });
        rows.set(at.row, cells);
      }
      const table = [...rows.values()].filter((row) => row.length > 0);
      if (table.length) {
        const cells = table.map((row) => row.map((c) => c.text));
        starts.push({ page: line.page, order: line.place?.order });
        blocks.push(place({ kind: 'table', text: tableText(cells), table: { rows: cells, header: table[0]!.every((c) => c.header) } }, line));
      }
      i = j - 1;
      continue;
    }
    const text = clean(paragraph.text);
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    if (bylineParagraphs.has(paragraph)) {
      hidden.push({ ...place({ kind: 'paragraph', text }, line), position: blocks.length, reason: 'byline' });
      continue;
    }
    // Captions as in HTML: numbered ones are part of the argument and read; others are left out, kept hidden.
    if (paragraph.role === 'caption') {
      captions.add(text.toLowerCase());
      if (!isNumberedCaption(text)) {
        hidden.push({ ...place({ kind: 'paragraph', text }, line), position: blocks.length, reason: 'figure caption' });
        continue;
      }
    }
    const kind = paragraph.heading ? 'heading' : paragraph.role === 'list-item' ? 'list-item' : 'paragraph';
    blockOfParagraph.set(paragraph, blocks.length);
    starts.push({ page: line.page, order: line.place?.order });
    blocks.push(place({ kind, text }, line));
  }

  // Figures' alternative text (tagged PDFs), read as a block of its own where the figure stands, "Image: ...",
  // as an EPUB's image descriptions (the same setting; placeholders and text equal to the caption not read).
  const figures: Array<{ block: Block; at: number }> = [];
  for (const page of pages) {
    for (const figure of page.figures ?? []) {
      if (!describesImage(figure.alt, '') || captions.has(figure.alt.toLowerCase())) continue;
      let at = starts.findIndex((s) => s.page > page.index || (s.page === page.index && s.order !== undefined && s.order > figure.order));
      if (at < 0) at = blocks.length;
      const block: Block = { kind: 'paragraph', text: `Image: ${figure.alt}`, page: page.label };
      const chapter = chapterAt(facts.chapters, page.index, 0);
      if (chapter) block.chapter = chapter;
      figures.push({ block, at });
    }
  }
  if (figures.length) {
    const imageDescriptions = facts.imageDescriptions ?? true;
    // Inserted from the last, so the positions found stay right; hidden ones say where they stood.
    for (const { block, at } of [...figures].reverse()) {
      if (!imageDescriptions) {
        hidden.push({ ...block, position: at, reason: 'image description' });
        continue;
      }
      blocks.splice(at, 0, block);
      for (const [paragraph, index] of blockOfParagraph) if (index >= at) blockOfParagraph.set(paragraph, index + 1);
      for (const h of hidden) if (h.position >= at) h.position++;
    }
  }

  const noteBodies: NoteBody[] = [];
  for (const note of notes) {
    const line = note.lines[0]!;
    const label = line.leadingMarker ?? NOTE_LABEL.exec(note.text)?.[1] ?? null;
    const text = (line.leadingMarker ? note.text : note.text.replace(NOTE_LABEL, '')).trim();
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    // The block that refers to it: a marker with its label on the same page, else the nearest one before.
    let referencedBy: number | null = null;
    for (const paragraph of paragraphs) {
      const index = blockOfParagraph.get(paragraph);
      if (index === undefined || !paragraph.markers.some((m) => m.label === label && m.page <= line.page)) continue;
      referencedBy = index;
      if (paragraph.markers.some((m) => m.label === label && m.page === line.page)) break;
    }
    const body: NoteBody = { text, label, referencedBy, page: pages[line.page]?.label ?? String(line.page + 1) };
    const chapter = chapterAt(facts.chapters, line.page, line.y + line.size);
    if (chapter) body.chapter = chapter;
    noteBodies.push(body);
  }

  const allText = blocks.map((b) => b.text).join(' ');
  const lang = normalizeLangTag(facts.lang) ?? guessLangFromText(allText.slice(0, 5000));
  const article: PdfArticle = { title, byline, source: null, lang, blocks, pageCount: facts.pageCount };
  if (noteBodies.length) article.notes = noteBodies;
  if (hidden.length) article.hidden = hidden.sort((a, b) => a.position - b.position);
  return article;
}

interface ParagraphRules {
  leading: number;
  isHeadingSize: (size: number) => boolean;
  vocabulary: DocumentWords;
  /** For note bodies: a line opening with one of these labels starts a new note. */
  noteStarts?: Set<string>;
}

function startsNote(line: PlacedLine, labels: Set<string> | undefined): boolean {
  if (!labels) return false;
  const label = line.leadingMarker ?? NOTE_LABEL.exec(line.text)?.[1];
  return label !== undefined && label !== null && labels.has(label);
}

/** Whether `line` goes on the paragraph whose last line is `prev`. */
function continues(prev: PlacedLine, line: PlacedLine, rules: ParagraphRules): boolean {
  // A tagged page's structure says which lines are one element; across pages, geometry still decides for body text.
  if (line.page < prev.page) return false; // a float carried past a page break (carryFloats)
  if (prev.place && line.place) {
    if (prev.page === line.page) return prev.place.block === line.place.block;
    if (prev.place.role !== 'paragraph' || line.place.role !== 'paragraph') return false;
  }
  if (Math.abs(line.size - prev.size) > 0.08 * prev.size) return false;
  if (startsNote(line, rules.noteStarts)) return false;
  const heading = rules.isHeadingSize(prev.size);
  const samePlace = prev.page === line.page && prev.region === line.region;
  if (heading) return prev.page === line.page && prev.y - line.y <= 1.8 * prev.size && prev.y > line.y;
  if (samePlace) {
    const dy = prev.y - line.y;
    if (dy < -0.5 * prev.size) return false;
    if (dy > rules.leading * prev.size * 1.3) return false;
    if (isIndented(line) && !isIndented(prev)) return false;
    if (endedEarly(prev, line)) return false;
    return true;
  }
  // A column or page break: the paragraph goes on when its last line was full and the next one is not indented.
  if (isIndented(line)) return false;
  return !endedEarly(prev, line);
}

function appendLine(text: string, next: string, vocabulary: DocumentWords): string {
  if (!text) return next;
  if (text.endsWith('\u00ad')) return text.slice(0, -1) + next; // a soft hyphen: the word was broken there
  const broken = /([\p{L}\p{M}]+)[-\u2010]$/u.exec(text);
  const following = /^[\p{L}\p{M}]+/u.exec(next);
  if (broken && following && /\p{Ll}/u.test(broken[1]!.at(-1)!)) {
    if (vocabulary.joins(broken[1]!, following[0])) return text.slice(0, -1) + next;
    return text + next;
  }
  return `${text} ${next}`;
}

function toParagraphs(lines: PlacedLine[], rules: ParagraphRules): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (const line of lines) {
    const prev = current?.lines.at(-1);
    if (current && prev && continues(prev, line, rules)) {
      current.lines.push(line);
      current.text = appendLine(current.text, line.text, rules.vocabulary);
    } else {
      current = { lines: [line], heading: rules.isHeadingSize(line.size), text: line.text, markers: [], ...(line.place && { role: line.place.role }) };
      out.push(current);
    }
    for (const marker of line.markers) current.markers.push({ label: marker.label, page: line.page });
  }
  return out;
}
