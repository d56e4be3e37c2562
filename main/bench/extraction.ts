/**
 * Extraction quality and speed on the WCXB dev corpus (../shared/corpus/wcxb-dev-articles), scored the way
 * public article-extraction benchmarks score: the text is split into word tokens (Unicode letters, digits
 * and underscore, like Python's \w, lowercased), 4-word shingles are counted per page as a multiset,
 * TP/FP/FN per page give precision and recall per page, those are averaged over pages, and F1 is the
 * harmonic mean of the averaged precision and recall.
 *
 * Two extractors: (a) the project's extractHtml (blocks' text joined by newlines) and (b) the baseline,
 * plain Readability.js on jsdom with textContent, in a worker thread replaced every hundred pages
 * (main/article/training/jsdomWorkers.ts: jsdom keeps memory per page). jsdom's CSS parser can throw uncaught
 * errors on some pages; such a page counts as empty output for the baseline.
 *
 * Run by `npm run bench` (main/bench/bench.ts, part `extraction`, through extractionReport.ts);
 * BENCH_SKIP_EXTRACTION=1 leaves it out, BENCH_ONLY=extraction runs it alone.
 */
import { extractHtml } from '../article/html/extractHtml.js';
import { corpusIds, readCorpusPage, type CorpusPage } from '../article/training/corpus.js';
import { JsdomWorkers } from '../article/training/jsdomWorkers.js';

export interface ExtractionBenchOptions {
  corpusDir: string;
  /** Only the first N pages (sorted by file name). */
  limit?: number;
  /** Also score the jsdom + Readability baseline (default true). */
  baseline?: boolean;
  /** How many of our worst pages to list (default 10). */
  worst?: number;
  /** Only these page ids (e.g. "0042"). */
  only?: string[];
  /** These pages instead of the corpus directory's (another source's; their `split` names the set). */
  pages?: BenchPage[];
}

/** A page to score: a corpus page, or another source's, whose `split` is the set it belongs to. */
export type BenchPage = Omit<CorpusPage, 'split'> & { split: string };

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export interface PageResult {
  id: string;
  url: string;
  /** 'train' or 'held-out' for WCXB pages, the source's name for another source's. */
  split: string;
  /** Our title equals the ground truth's, case and whitespace folded. */
  titleRight: boolean;
  /** Our byline equals the ground truth's author (a leading "By" ignored); null where the truth names none. */
  bylineRight: boolean | null;
  ours: Score;
  oursMs: number;
  baseline: Score | null;
  baselineMs: number | null;
  baselineError: string | null;
  /** A few words of ground truth our extractor missed, and of text it added. */
  missedSample: string;
  extraSample: string;
  outputWords: number;
  truthWords: number;
}

export interface Summary {
  precision: number;
  recall: number;
  f1: number;
  msMedian: number;
  msP95: number;
  msMax: number;
}

export interface ExtractionBenchReport {
  pages: number;
  /** Pages without ground truth text. */
  skipped: string[];
  tokenization: string;
  ours: Summary;
  baseline: Summary | null;
  baselineErrors: number;
  /** Pages where our F1 is below the baseline's by more than 0.05. */
  worseThanBaseline: Array<{ id: string; ours: number; baseline: number }>;
  worst: PageResult[];
  results: PageResult[];
}

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

function shingles(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const n = Math.min(SHINGLE, tokens.length);
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Precision and recall of one page's output against its ground truth, over 4-word shingle multisets. */
export function scoreText(output: string, truth: string): Score & { missed: string[]; extra: string[] } {
  const predicted = shingles(tokenize(output));
  const expected = shingles(tokenize(truth));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  for (const [key, count] of predicted) {
    const want = expected.get(key) ?? 0;
    tp += Math.min(count, want);
    if (count > want) {
      fp += count - want;
      extra.push(key);
    }
  }
  for (const [key, count] of expected) {
    const got = predicted.get(key) ?? 0;
    if (count > got) {
      fn += count - got;
      missed.push(key);
    }
  }
  if (expected.size === 0 && predicted.size === 0) return { precision: 1, recall: 1, f1: 1, missed, extra };
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, missed, extra };
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summarize(scores: Score[], times: number[]): Summary {
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  const precision = mean(scores.map((s) => s.precision));
  const recall = mean(scores.map((s) => s.recall));
  const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    precision: round(precision, 4),
    recall: round(recall, 4),
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), 4),
    msMedian: round(percentile(times, 0.5), 2),
    msP95: round(percentile(times, 0.95), 2),
    msMax: round(Math.max(0, ...times), 1),
  };
}

/** The bench's title and byline comparison: case-insensitive, whitespace-normalized. */
export function sameText(ours: string, truth: string): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/\s+/gu, ' ').trim();
  return fold(ours) === fold(truth);
}

function sample(keys: string[]): string {
  return keys.slice(0, 3).join(' | ');
}

export async function runExtractionBench(options: ExtractionBenchOptions): Promise<ExtractionBenchReport> {
  const useBaseline = options.baseline ?? true;
  const readability = useBaseline ? await JsdomWorkers.start() : null;
  let pages: BenchPage[];
  const skipped: string[] = [];
  if (options.pages) {
    pages = options.pages;
    if (options.only) pages = pages.filter((page) => options.only!.includes(page.id));
    if (options.limit) pages = pages.slice(0, options.limit);
  } else {
    // Chosen by id before any page is read, so a limit reads only the pages it keeps.
    let ids = corpusIds(options.corpusDir);
    if (options.only) ids = ids.filter((id) => options.only!.includes(id));
    if (options.limit) ids = ids.slice(0, options.limit);
    pages = [];
    for (const id of ids) {
      const page = readCorpusPage(options.corpusDir, id);
      // Two pages of the corpus have no main_content: there is nothing to score against.
      if (page) pages.push(page);
      else skipped.push(id);
    }
  }

  const results: PageResult[] = [];
  try {
    for (const page of pages) {
      const { id, html, url } = page;
      const truth = page.truth.text;
      const start = performance.now();
      let output = '';
      let title = '';
      let byline: string | null = null;
      try {
        const article = extractHtml(html, id, url);
        output = article.blocks.map((block) => block.text).join('\n');
        title = article.title;
        byline = article.byline;
      } catch {
        output = '';
      }
      const oursMs = performance.now() - start;
      const ours = scoreText(output, truth);

      let baseline: Score | null = null;
      let baselineMs: number | null = null;
      let baselineError: string | null = null;
      if (readability) {
        const reply = await readability.readability(html, { url });
        baselineMs = reply.ms;
        baselineError = reply.error;
        const scored = scoreText(reply.text, truth);
        baseline = { precision: scored.precision, recall: scored.recall, f1: scored.f1 };
      }
      const author = page.truth.author;
      results.push({
        id,
        url,
        split: page.split,
        titleRight: sameText(title, page.truth.title),
        bylineRight: author ? sameText((byline ?? '').replace(/^by\s+/iu, ''), author) : null,
        ours: { precision: ours.precision, recall: ours.recall, f1: ours.f1 },
        oursMs,
        baseline,
        baselineMs,
        baselineError,
        missedSample: sample(ours.missed),
        extraSample: sample(ours.extra),
        outputWords: tokenize(output).length,
        truthWords: tokenize(truth).length,
      });
    }
  } finally {
    await readability?.close();
  }

  const worseThanBaseline = results
    .filter((r) => r.baseline && r.ours.f1 < r.baseline.f1 - 0.05)
    .map((r) => ({ id: r.id, ours: Math.round(r.ours.f1 * 1000) / 1000, baseline: Math.round(r.baseline!.f1 * 1000) / 1000 }))
    .sort((a, b) => a.ours - a.baseline - (b.ours - b.baseline));
  return {
    pages: results.length,
    skipped,
    tokenization: 'lowercased runs of Unicode letters, digits and underscore ([\\p{L}\\p{N}_]+), 4-word shingles as multisets',
    ours: summarize(results.map((r) => r.ours), results.map((r) => r.oursMs)),
    baseline: readability ? summarize(results.map((r) => r.baseline!), results.map((r) => r.baselineMs!)) : null,
    baselineErrors: results.filter((r) => r.baselineError).length,
    worseThanBaseline,
    worst: [...results].sort((a, b) => a.ours.f1 - b.ours.f1).slice(0, options.worst ?? 10),
    results,
  };
}
