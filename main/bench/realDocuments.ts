/**
 * Real documents made by others (issue 23): the PDFs and EPUB books in tests/fixtures/real (sources,
 * licences and SHA-256 in the README there) and the tagged PDF Chromium prints for the tests, read by the
 * extractors as the app reads them. They have no ground truth, so what can be measured is measured, per file:
 * - PDFs: pages, blocks, words; lines repeated at the page edges (the outermost three lines of three pages, or
 *   two of a document of up to three, digits ignored; page numbers alone) and how many of them the reading
 *   holds; line-end hyphens in the text layer and how each was read (joined, kept as a hyphen, or split by a
 *   space); order errors against the order the file is known to have (`knownOrder`: snippets in reading
 *   order, written by hand from the source, for the files that have one); ms and CPU ms per page (median of runs).
 * - EPUB books: chapters, blocks, notes given apart, blocks with a page, image descriptions read, printed
 *   line numbers left on a line, ms per chapter (median of runs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEpub } from '../article/epub/extractEpub.js';
import { extractPdf, openDocument } from '../article/pdf/extractPdf.js';
import { loadPdfjs } from '../article/pdf/pdfjs.js';
import { pageLines, type Line, type PdfMarkedContent, type PdfTextItem } from '../article/pdf/pdfLines.js';
import { cleanPdfText } from '../article/pdf/pdfWords.js';
import { REPO_ROOT } from './paths.js';
import { round } from './support.js';

interface PdfFile {
  file: string;
  /** Where it comes from, as the fixtures' README says. */
  from: string;
  password?: string;
  /** Snippets in the order the document is read (from its source), to count order errors. */
  knownOrder?: string[];
}

const REAL = join(REPO_ROOT, 'tests', 'fixtures', 'real');
const PDFS: PdfFile[] = [
  { file: 'real/pdflatex-4-pages.pdf', from: 'py-pdf/sample-files 004 (pdfTeX, A4), CC-BY-SA-4.0' },
  {
    file: 'real/multicolumn.pdf',
    from: 'py-pdf/sample-files 026 (pdfTeX twocolumn), CC-BY-SA-4.0',
    // lipsum paragraphs 1-10, then the table (multicolumn.tex).
    knownOrder: ['Lorem ipsum dolor sit amet', 'Nam dui ligula', 'Nulla malesuada porttitor', 'Quisque ullamcorper', 'Fusce mauris', 'Suspendisse vel felis', 'Sed commodo posuere', 'Pellentesque habitant morbi', 'Morbi luctus', 'Suspendisse vitae elit', 'Table 1: EU Countries'],
  },
  { file: 'real/crazyones-pdfa.pdf', from: 'py-pdf/sample-files 021 (PDF/A), CC-BY-SA-4.0' },
  { file: 'real/google-doc-document.pdf', from: 'py-pdf/sample-files 011 (Google Docs), CC-BY-SA-4.0' },
  { file: 'real/libreoffice-writer-password.pdf', from: 'py-pdf/sample-files 005 (LibreOffice, password), CC-BY-SA-4.0', password: 'openpassword' },
  {
    file: 'pdf/chromium-tagged.pdf',
    from: 'tests/fixtures/pdf/makeTaggedPdf.mjs (Chromium, tagged)',
    knownOrder: ['People who read', 'Method', 'Each reader kept', 'Who took part', 'Readers came from', 'Image: A bar chart', 'Figure 1.', 'Results', 'Listening time rose', 'Table 1.', 'Office, Reports', "The library's readers", 'Discussion', 'About this study', 'Listening did not replace'],
  },
];
const EPUBS = [
  { file: 'real/wasteland.epub', from: 'IDPF epub3-samples 30/wasteland, CC-BY-SA-3.0' },
  { file: 'real/childrens-literature.epub', from: 'IDPF epub3-samples 30/childrens-literature, public domain text, CC-BY-SA-3.0' },
];

const fixture = (file: string) => new Uint8Array(readFileSync(join(REAL, '..', file)));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed<T>(runs: number, work: () => Promise<T> | T): Promise<{ result: T; ms: number; cpuMs: number }> {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    result = await work();
    ms.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { result: result as T, ms: median(ms), cpuMs: median(cpuMs) };
}

/**
 * The text layer's lines, page by page, as pdf.js gives them (before any of the reading's decisions): top to
 * bottom (`byHeight`, for the page edges) and in the content stream's order (`inStream`, for line ends: the
 * producers here write each column in order).
 */
async function rawLines(bytes: Uint8Array, password?: string): Promise<{ byHeight: string[][]; inStream: string[][] }> {
  const doc = await openDocument(bytes, { password });
  try {
    const byHeight: string[][] = [];
    const inStream: string[][] = [];
    const texts = (lines: Line[]) => lines.map((line) => cleanPdfText(line.text).trim()).filter(Boolean);
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const lines = pageLines(content.items as Array<PdfTextItem | PdfMarkedContent>, i - 1);
      byHeight.push(texts([...lines].sort((a, b) => b.y - a.y)));
      inStream.push(texts(lines));
    }
    return { byHeight, inStream };
  } finally {
    await doc.destroy();
  }
}

const edgeKey = (text: string) => text.toLowerCase().replace(/\d+/gu, '#').replace(/[^\p{L}#]+/gu, '');

/** Lines at the page edges that repeat (digits ignored) or are a number alone: the candidates for leaks. */
function edgeLines(pages: string[][]): string[] {
  const edges = pages.map((lines) => [...lines.slice(0, 3), ...lines.slice(-3)]);
  const pagesWith = new Map<string, number>();
  for (const lines of edges) for (const key of new Set(lines.map(edgeKey))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  const needed = pages.length <= 3 ? 2 : 3;
  const out: string[] = [];
  for (const lines of edges) for (const line of lines) if (/^[-–—\s]*(?:\d{1,4}|[ivxlc]{1,6})[-–—\s]*$/iu.test(line) || (pages.length > 1 && (pagesWith.get(edgeKey(line)) ?? 0) >= needed)) out.push(line);
  return out;
}

/** How many edge lines the reading holds: a block that is the line, or the line inside a block between words. */
function leaks(lines: string[], blocks: string[]): number {
  let count = 0;
  for (const line of lines) {
    const escaped = line.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    const inside = new RegExp(`(?:^|\\s)${escaped}(?:\\s|$)`, 'u');
    if (blocks.some((block) => block === line || (/\p{L}/u.test(line) && inside.test(block)) || (!/\p{L}/u.test(line) && new RegExp(`\\p{L}[,.;]?\\s${escaped}\\s\\p{Ll}`, 'u').test(block)))) count++;
  }
  return count;
}

/** Line-end hyphens of the text layer ("nega-" + "tive") and how the reading has them. */
function hyphens(pages: string[][], reading: string): { lineEndHyphens: number; joined: number; keptHyphen: number; split: number } {
  const result = { lineEndHyphens: 0, joined: 0, keptHyphen: 0, split: 0 };
  for (const lines of pages) {
    for (let i = 0; i + 1 < lines.length; i++) {
      const before = /(\p{L}+)[-\u2010]$/u.exec(lines[i]!)?.[1];
      const after = /^(\p{Ll}+)/u.exec(lines[i + 1]!)?.[1];
      if (!before || !after) continue;
      result.lineEndHyphens++;
      if (reading.includes(`${before}${after}`)) result.joined++;
      else if (reading.includes(`${before}-${after}`)) result.keptHyphen++;
      else if (reading.includes(`${before} ${after}`) || reading.includes(`${before}- ${after}`)) result.split++;
    }
  }
  return result;
}

/** Snippets read out of order: those not at the place the known order gives them (longest in-order run kept). */
function orderErrors(known: string[], blocks: string[]): { found: number; orderErrors: number } {
  const at = known.map((snippet) => blocks.findIndex((block) => block.startsWith(snippet)));
  const found = at.filter((i) => i >= 0);
  // Longest non-decreasing subsequence: what is in order; the rest are errors.
  const tails: number[] = [];
  for (const value of found) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
  }
  return { found: found.length, orderErrors: found.length - tails.length };
}

export async function runRealDocumentsBench(runs: number) {
  await loadPdfjs();
  const pdfs: Record<string, unknown> = {};
  for (const spec of PDFS) {
    const bytes = fixture(spec.file);
    const options = spec.password ? { password: spec.password } : {};
    const { result: article, ms, cpuMs } = await timed(runs, () => extractPdf(bytes.slice(), spec.file, options));
    const blocks = article.blocks.map((b) => b.text);
    const reading = blocks.join('\n');
    const raw = await rawLines(bytes.slice(), spec.password);
    const edges = edgeLines(raw.byHeight);
    pdfs[spec.file.replace(/^.*\//u, '')] = {
      from: spec.from,
      pages: article.pageCount,
      blocks: blocks.length,
      words: reading.split(/\s+/u).filter(Boolean).length,
      headings: article.blocks.filter((b) => b.kind === 'heading').length,
      tables: article.blocks.filter((b) => b.kind === 'table').length,
      imageDescriptions: blocks.filter((t) => t.startsWith('Image: ')).length,
      notes: article.notes?.length ?? 0,
      edgeLines: edges.length,
      edgeLinesRead: leaks(edges, blocks),
      ...hyphens(raw.inStream, reading),
      ...(spec.knownOrder && orderErrors(spec.knownOrder, blocks)),
      msPerPage: round(ms / Math.max(1, article.pageCount), 1),
      cpuMsPerPage: round(cpuMs / Math.max(1, article.pageCount), 1),
    };
  }
  const epubs: Record<string, unknown> = {};
  for (const spec of EPUBS) {
    const bytes = fixture(spec.file);
    const { result: book, ms, cpuMs } = await timed(runs, () => extractEpub(bytes, spec.file, spec.file));
    const chapters = new Set(book.blocks.map((b) => b.chapter).filter(Boolean)).size;
    epubs[spec.file.replace(/^.*\//u, '')] = {
      from: spec.from,
      chapters,
      blocks: book.blocks.length,
      notes: book.notes?.length ?? 0,
      notesTiedToTheirBlock: book.notes?.filter((n) => n.referencedBy !== null).length ?? 0,
      blocksWithPage: book.blocks.filter((b) => b.page !== undefined).length,
      imageDescriptions: book.blocks.filter((b) => b.text.startsWith('Image: ')).length,
      lineNumbersLeft: book.blocks.filter((b) => /\p{L}[,.;:!?'"’”)]?\d{1,4}$/u.test(b.text)).length,
      msPerChapter: round(ms / Math.max(1, chapters), 1),
      cpuMsPerChapter: round(cpuMs / Math.max(1, chapters), 1),
    };
  }
  return { runs, pdfs, epubs };
}
