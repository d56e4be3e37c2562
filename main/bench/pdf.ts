/**
 * The PDF bench (issue 23): the WCXB dev pages' ground-truth text printed by Chromium (Playwright's
 * page.pdf) in seven layouts (the seventh tagged), read back by extractPdf and scored against the ground truth the way the HTML
 * bench scores (4-word shingles, F1 per split). Per layout and split it also counts
 * - leaks: the running head's words and "Page N of M" found in the reading, per 100 pages;
 * - hyphen splits left: a word the printer hyphenated at a line end read as two ("nega- tive", "nega tive",
 *   "nega-tive" where the truth has "negative"), per 10,000 words; and compounds wrongly joined;
 * - order errors: truth paragraphs read in the wrong order (located by their first six words);
 * - note markers read inside sentences (the notes layout) and note bodies found;
 * - milliseconds per page (extraction only; pdf.js loaded once).
 * Printed PDFs are cached in node_modules/.cache/article-player/pdf-bench (ignored by git), keyed by the
 * layout's definition. BENCH_PDF_PAGES limits the pages per split (default: all).
 * Also: a 500-page PDF (corpus articles one after another): time until the first pages can be listened to
 * and until the whole book is read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { extractPdf } from '../article/pdf/extractPdf.js';
import { loadPdfjs } from '../article/pdf/pdfjs.js';
import { corpusIds, readCorpusPage, type CorpusPage } from '../article/training/corpus.js';
import { scoreText, tokenize } from './extraction.js';
import { REPO_ROOT } from './paths.js';
import { benchStreamedOpen } from './streamedOpen.js';
import { launchBenchBrowser, round } from './support.js';

const HEADER_TEXT = 'WCXB Reader Quarterly, Volume 12';

interface Layout {
  name: string;
  css: string;
  /** Page options for page.pdf. */
  pdf: Record<string, unknown>;
  /** Soft hyphens in long words, so the printer breaks words at line ends with a hyphen. */
  softHyphens?: boolean;
  notes?: boolean;
}

const BASE_CSS = 'body{font-family:"Liberation Serif",serif;font-size:11pt;line-height:1.3;margin:0} h1{font-size:20pt} h2{font-size:14pt} p{margin:0 0 0.7em}';
const MARGIN = { top: '0.9in', bottom: '0.9in', left: '0.8in', right: '0.8in' };

const LAYOUTS: Layout[] = [
  { name: 'oneColumn', css: '', pdf: { format: 'Letter', margin: MARGIN } },
  { name: 'twoColumns', css: '.body{columns:2;column-gap:1.6em} h1{column-span:all}', pdf: { format: 'Letter', margin: MARGIN } },
  {
    name: 'headerFooter',
    css: '',
    pdf: {
      format: 'Letter',
      margin: MARGIN,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8px;width:100%;padding:0 0.8in;font-family:serif">${HEADER_TEXT}</div>`,
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;font-family:serif">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    },
  },
  { name: 'hyphens', css: 'body{hyphens:auto;max-width:3.2in;text-align:justify}', pdf: { format: 'Letter', margin: MARGIN }, softHyphens: true },
  { name: 'ligatures', css: 'body{font-family:"DejaVu Serif",serif;font-variant-ligatures:common-ligatures discretionary-ligatures}', pdf: { format: 'Letter', margin: MARGIN } },
  { name: 'notes', css: 'sup{font-size:70%} .notes{font-size:9pt}', pdf: { format: 'Letter', margin: MARGIN }, notes: true },
  // Tagged (Chromium's structure tree, headings and paragraphs as in the HTML): the tree's reading is measured.
  { name: 'taggedTwoColumns', css: '.body{columns:2;column-gap:1.6em} h1{column-span:all}', pdf: { format: 'Letter', margin: MARGIN, tagged: true } },
];

/** BENCH_PDF_LAYOUTS=a,b measures those layouts only (and not the long document); all by default. */
function wantedLayouts(): Layout[] {
  const names = (process.env.BENCH_PDF_LAYOUTS ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) return LAYOUTS;
  const unknown = names.filter((n) => !LAYOUTS.some((l) => l.name === n));
  if (unknown.length) throw new Error(`BENCH_PDF_LAYOUTS: no layout ${unknown.join(', ')} (known: ${LAYOUTS.map((l) => l.name).join(', ')})`);
  return LAYOUTS.filter((l) => names.includes(l.name));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Soft hyphens between syllable-like parts of long words (vowel, then consonant, then vowel). */
function softHyphenate(text: string): string {
  return text.replace(/\p{L}{8,}/gu, (word) => word.replace(/(?<=\p{L}{3}[aeiouy])(?=[b-df-hj-np-tv-z][aeiouy]\p{L}{2})/gu, '\u00ad'));
}

/** The page's truth as a document: title, paragraphs (short unpunctuated lines as headings), notes when asked. */
function documentHtml(page: CorpusPage, layout: Layout): { html: string; notes: number } {
  const paragraphs = page.truth.text.split(/\n+/u).map((p) => p.trim()).filter(Boolean);
  let notes = 0;
  const body = paragraphs
    .map((text, i) => {
      const heading = text.length < 70 && !/[.!?:;,"”)]$/u.test(text);
      let inner = escapeHtml(layout.softHyphens ? softHyphenate(text) : text);
      if (layout.notes && !heading && i % 3 === 1 && /[.!?]$/u.test(text)) inner += `<sup>${++notes}</sup>`;
      return heading ? `<h2>${inner}</h2>` : `<p>${inner}</p>`;
    })
    .join('\n');
  const noteList = layout.notes && notes
    ? `<div class="notes"><p>Notes</p>${Array.from({ length: notes }, (_, i) => `<p>${i + 1}. Bench note number ${i + 1} gives a source for the claim before it.</p>`).join('')}</div>`
    : '';
  const title = escapeHtml(page.truth.title || 'Untitled');
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${BASE_CSS}${layout.css}</style></head><body><div class="body"><h1>${title}</h1>${body}</div>${noteList}</body></html>`,
    notes,
  };
}

function cacheDir(layout: Layout): string {
  const key = createHash('sha1').update(JSON.stringify(layout)).update(BASE_CSS).update(documentHtml.toString()).update(softHyphenate.toString()).digest('hex').slice(0, 10);
  const dir = join(REPO_ROOT, 'node_modules', '.cache', 'article-player', 'pdf-bench', `${layout.name}-${key}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function printed(browser: Browser, page: CorpusPage, layout: Layout): Promise<Uint8Array> {
  const file = join(cacheDir(layout), `${page.id}.pdf`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const tab = await browser.newPage();
  try {
    await tab.setContent(documentHtml(page, layout).html, { waitUntil: 'load' });
    const bytes = await tab.pdf(layout.pdf);
    writeFileSync(file, bytes);
    return new Uint8Array(bytes);
  } finally {
    await tab.close();
  }
}

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/** Line-end hyphenation left in the reading, and compounds joined that the truth writes with a hyphen. */
function hyphenFaults(output: string, truth: string): { splits: number; joinedCompounds: number } {
  const truthWords = new Set(tokenize(truth));
  const truthHyphenated = new Set((truth.toLowerCase().match(/[\p{L}]+-[\p{L}]+/gu) ?? []).map((w) => w.replace('-', '')));
  const out = words(output.toLowerCase());
  let splits = 0;
  let joinedCompounds = 0;
  for (let i = 0; i < out.length; i++) {
    const word = out[i]!.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const hyphen = /^([\p{L}]+)-([\p{L}]+)$/u.exec(word);
    if (hyphen && truthWords.has(hyphen[1]! + hyphen[2]!) && !truth.toLowerCase().includes(word)) splits++;
    const next = out[i + 1]?.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (next && /^[\p{L}]+-?$/u.test(word)) {
      const joined = word.replace(/-$/u, '') + next;
      if (truthWords.has(joined) && !truthWords.has(word.replace(/-$/u, '')) && !truthWords.has(next)) splits++;
    }
    if (!hyphen && truthHyphenated.has(word) && !truthWords.has(word)) joinedCompounds++;
  }
  return { splits, joinedCompounds };
}

/** Truth paragraphs (8+ words) found in the reading out of order: adjacent pairs whose places go backwards. */
function orderErrors(output: string, truth: string): number {
  const outTokens = tokenize(output).join(' ');
  const places: number[] = [];
  for (const paragraph of truth.split(/\n+/u)) {
    const tokens = tokenize(paragraph);
    if (tokens.length < 8) continue;
    const key = tokens.slice(0, 6).join(' ');
    const first = outTokens.indexOf(key);
    // Only paragraphs whose opening words occur once in the reading (and once in the truth) say anything.
    if (first < 0 || outTokens.indexOf(key, first + 1) >= 0) continue;
    places.push(first);
  }
  let errors = 0;
  for (let i = 1; i < places.length; i++) if (places[i]! < places[i - 1]!) errors++;
  return errors;
}

interface DocResult {
  id: string;
  split: 'train' | 'held-out';
  pages: number;
  words: number;
  f1: number;
  precision: number;
  recall: number;
  leaks: number;
  hyphenSplits: number;
  joinedCompounds: number;
  orderErrors: number;
  markersLeft: number;
  notesExpected: number;
  notesFound: number;
  ms: number;
  /** CPU time of this process during the extraction: what the wall time would be on an idle machine. */
  cpuMs: number;
  error?: string;
}

function summarizeDocs(docs: DocResult[]) {
  const ok = docs.filter((d) => !d.error);
  const mean = (f: (d: DocResult) => number) => ok.reduce((s, d) => s + f(d), 0) / Math.max(1, ok.length);
  const precision = mean((d) => d.precision);
  const recall = mean((d) => d.recall);
  const pages = ok.reduce((s, d) => s + d.pages, 0);
  const totalWords = ok.reduce((s, d) => s + d.words, 0);
  const sum = (f: (d: DocResult) => number) => ok.reduce((s, d) => s + f(d), 0);
  const perPage = ok.map((d) => d.ms / Math.max(1, d.pages)).sort((a, b) => a - b);
  const cpuPerPage = ok.map((d) => d.cpuMs / Math.max(1, d.pages)).sort((a, b) => a - b);
  return {
    documents: docs.length,
    failed: docs.length - ok.length,
    pages,
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), 4),
    precision: round(precision, 4),
    recall: round(recall, 4),
    leaksPer100Pages: round((sum((d) => d.leaks) / Math.max(1, pages)) * 100, 2),
    hyphenSplitsPer10kWords: round((sum((d) => d.hyphenSplits) / Math.max(1, totalWords)) * 10_000, 2),
    joinedCompounds: sum((d) => d.joinedCompounds),
    orderErrors: sum((d) => d.orderErrors),
    markersLeft: sum((d) => d.markersLeft),
    notesFound: `${sum((d) => d.notesFound)} of ${sum((d) => d.notesExpected)}`,
    msPerPageMedian: round(perPage[Math.floor(perPage.length / 2)] ?? 0, 1),
    msPerPageP95: round(perPage[Math.min(perPage.length - 1, Math.ceil(0.95 * perPage.length) - 1)] ?? 0, 1),
    cpuMsPerPageMedian: round(cpuPerPage[Math.floor(cpuPerPage.length / 2)] ?? 0, 1),
    worst: [...ok].sort((a, b) => a.f1 - b.f1).slice(0, 3).map((d) => ({ id: d.id, f1: round(d.f1, 3) })),
  };
}

async function benchLayout(browser: Browser, pages: CorpusPage[], layout: Layout): Promise<DocResult[]> {
  const results: DocResult[] = [];
  for (const page of pages) {
    const bytes = await printed(browser, page, layout);
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      const article = await extractPdf(bytes, 'untitled');
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const output = article.blocks.map((b) => b.text).join('\n');
      const truth = page.truth.text;
      const score = scoreText(output, truth);
      const leakPattern = new RegExp(`${HEADER_TEXT.split(' ').slice(0, 3).join(' ')}|Page \\d+ of \\d+`, 'gu');
      const { splits, joinedCompounds } = hyphenFaults(output, truth);
      const expectedNotes = layout.notes ? documentHtml(page, layout).notes : 0;
      results.push({
        id: page.id,
        split: page.split,
        pages: article.pageCount,
        words: tokenize(output).length,
        f1: score.f1,
        precision: score.precision,
        recall: score.recall,
        leaks: layout.pdf.displayHeaderFooter ? (output.match(leakPattern)?.length ?? 0) : 0,
        hyphenSplits: splits,
        joinedCompounds,
        orderErrors: orderErrors(output, truth),
        // A marker read inside a sentence: a note number glued to the end of a sentence ("claim.3").
        markersLeft: layout.notes ? (output.match(/\p{L}[.!?]\d{1,3}(?=\s|$)/gu)?.length ?? 0) : 0,
        notesExpected: expectedNotes,
        notesFound: article.notes?.length ?? 0,
        ms,
        cpuMs,
      });
    } catch (error) {
      results.push({ id: page.id, split: page.split, pages: 0, words: 0, f1: 0, precision: 0, recall: 0, leaks: 0, hyphenSplits: 0, joinedCompounds: 0, orderErrors: 0, markersLeft: 0, notesExpected: 0, notesFound: 0, ms: 0, cpuMs: 0, error: (error as Error).message });
    }
  }
  return results;
}

/** A 500-page book of corpus articles: time to the first pages (what the reader shows first) and to all of it. */
async function benchLongDocument(browser: Browser, pages: CorpusPage[]) {
  const file = join(cacheDir(LAYOUTS[0]!), 'book-500.pdf');
  if (!existsSync(file)) {
    const chapters: string[] = [];
    let words = 0;
    // About 450 words a page at 11 pt on Letter: enough articles for 500 pages.
    for (let i = 0; words < 500 * 480; i++) {
      const page = pages[i % pages.length]!;
      chapters.push(`<h1>${escapeHtml(page.truth.title || 'Chapter')}</h1>${page.truth.text.split(/\n+/u).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`);
      words += tokenize(page.truth.text).length;
    }
    const tab = await browser.newPage();
    await tab.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long book</title><style>${BASE_CSS}</style></head><body>${chapters.join('\n')}</body></html>`);
    writeFileSync(file, await tab.pdf({ format: 'Letter', margin: MARGIN, outline: true }));
    await tab.close();
  }
  const bytes = new Uint8Array(readFileSync(file));
  const timed = async (maxPages?: number) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const article = await extractPdf(bytes.slice(), 'book', maxPages ? { maxPages } : {});
    const used = process.cpuUsage(cpu);
    return { article, ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000) };
  };
  const first = await timed(10);
  const all = await timed();
  // As the listener meets it: through the loader and its worker, the first pages streamed to the reader.
  const streamed = await benchStreamedOpen(bytes, 'book.pdf', Math.min(3, Number(process.env.BENCH_RUNS ?? 9)));
  return {
    streamed,
    pages: all.article.pageCount,
    firstTenPages: { ms: first.ms, cpuMs: first.cpuMs },
    wholeBook: { ms: all.ms, cpuMs: all.cpuMs },
    msPerPage: round(all.ms / all.article.pageCount, 1),
    cpuMsPerPage: round(all.cpuMs / all.article.pageCount, 1),
    blocks: all.article.blocks.length,
    chapters: new Set(all.article.blocks.map((b) => b.chapter)).size,
    goalMs: 2000,
  };
}

export async function runPdfBench(corpusDir: string) {
  const limit = Number(process.env.BENCH_PDF_PAGES ?? Infinity);
  const all = corpusIds(corpusDir).map((id) => readCorpusPage(corpusDir, id)).filter((p): p is CorpusPage => p !== null);
  const pick = (split: CorpusPage['split']) => all.filter((p) => p.split === split).slice(0, limit);
  const pages = [...pick('held-out'), ...pick('train')];
  await loadPdfjs();
  const browser = await launchBenchBrowser();
  try {
    const layouts: Record<string, unknown> = {};
    const goals: Record<string, boolean> = {};
    const chosen = wantedLayouts();
    for (const layout of chosen) {
      const docs = await benchLayout(browser, pages, layout);
      const heldOut = summarizeDocs(docs.filter((d) => d.split === 'held-out'));
      layouts[layout.name] = { heldOut, train: summarizeDocs(docs.filter((d) => d.split === 'train')), errors: docs.filter((d) => d.error).slice(0, 3).map((d) => `${d.id}: ${d.error}`) };
      goals[`${layout.name}F1AtLeast097`] = heldOut.f1 >= 0.97;
      if (layout.pdf.displayHeaderFooter) goals.leaksUnder1Per100Pages = heldOut.leaksPer100Pages < 1;
      if (layout.softHyphens) goals.hyphenSplitsUnder1Per10kWords = heldOut.hyphenSplitsPer10kWords < 1;
      if (layout.name === 'twoColumns') goals.noOrderErrorsOnTwoColumns = heldOut.orderErrors === 0;
      if (layout.name === 'taggedTwoColumns') goals.noOrderErrorsOnTaggedTwoColumns = heldOut.orderErrors === 0;
      goals[`${layout.name}At30MsPerPage`] = heldOut.msPerPageMedian <= 30;
      goals[`${layout.name}At30CpuMsPerPage`] = heldOut.cpuMsPerPageMedian <= 30;
    }
    const longDocument = chosen.length === LAYOUTS.length ? await benchLongDocument(browser, pages) : { skipped: 'BENCH_PDF_LAYOUTS chose some layouts' };
    return { corpus: 'WCXB dev ground truth printed by Chromium (CC-BY-4.0)', pagesPerSplit: Number.isFinite(limit) ? limit : 'all', goals, layouts, longDocument };
  } finally {
    await browser.close();
  }
}
