/**
 * Extraction on the shapes an article arrives in besides its HTML page, made from the same WCXB pages by
 * ../shared/corpus/variants/pageVariants.mjs (imported as it is, so figures stay comparable):
 * - plain text: `pageText` of each page (what a text-only scraper keeps, menus and footers included),
 *   opened as a .txt file; baselines in the same run: reading the whole text, and the project on the HTML;
 * - short articles: `shortenArticle(doc, truth, 2)`, the article cut to its first two paragraphs with the
 *   page chrome untouched (pages it cannot cut cleanly are skipped and counted); baseline Readability.js.
 * Every figure is given for all pages, the training split and the held-out split (training/corpus.ts: one
 * site in four, never seen by the trained models or the tuning). Scoring: benchExtraction's shingle F1.
 */
import { join } from 'node:path';
import { extractHtml } from '../article/html/extractHtml.js';
import { extractPlainText } from '../article/text/extractPlainText.js';
import { cachedPageTexts, cachedShortPages, corpusIds, readCorpusPage } from '../article/training/corpus.js';
import { JsdomWorkers } from '../article/training/jsdomWorkers.js';
import { sameText, scoreText, type BenchPage, type Score } from './extraction.js';

interface Row {
  id: string;
  split: string;
  scores: Record<string, Score>;
  titleRight?: boolean;
  /** The true title is one of the text's lines (a title taken from <title> or metadata may not be). */
  titleInText?: boolean;
  noReadableText?: boolean;
}

interface Figures {
  pages: number;
  [extractor: string]: number | { precision: number; recall: number; f1: number };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** The bench's macro F1 (precision and recall averaged over pages) of each extractor, for one set of pages. */
function figures(rows: Row[]): Figures {
  const out: Figures = { pages: rows.length };
  for (const name of Object.keys(rows[0]?.scores ?? {})) {
    const precision = rows.reduce((sum, row) => sum + row.scores[name]!.precision, 0) / Math.max(1, rows.length);
    const recall = rows.reduce((sum, row) => sum + row.scores[name]!.recall, 0) / Math.max(1, rows.length);
    out[name] = { precision: round(precision), recall: round(recall), f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)) };
  }
  return out;
}

function bySplit(rows: Row[], wholeSource: boolean): { all: Figures; train?: Figures; heldOut?: Figures } {
  if (wholeSource) return { all: figures(rows) };
  return { all: figures(rows), train: figures(rows.filter((row) => row.split === 'train')), heldOut: figures(rows.filter((row) => row.split === 'held-out')) };
}

function share(rows: Row[], test: (row: Row) => boolean): number {
  return rows.length === 0 ? 0 : round(rows.filter(test).length / rows.length);
}

function titlesBySplit(rows: Row[], wholeSource: boolean): { all: number; train?: number; heldOut?: number } {
  const right = (set: Row[]) => share(set, (row) => row.titleRight === true);
  if (wholeSource) return { all: right(rows) };
  return { all: right(rows), train: right(rows.filter((row) => row.split === 'train')), heldOut: right(rows.filter((row) => row.split === 'held-out')) };
}

function worst(rows: Row[], name: string, count: number) {
  return [...rows]
    .sort((a, b) => a.scores[name]!.f1 - b.scores[name]!.f1)
    .slice(0, count)
    .map((row) => ({ id: row.id, split: row.split, f1: round(row.scores[name]!.f1), precision: round(row.scores[name]!.precision), recall: round(row.scores[name]!.recall) }));
}

const plain = (score: Score): Score => ({ precision: score.precision, recall: score.recall, f1: score.f1 });

/** The variants file beside the WCXB corpus (../shared/corpus/variants/pageVariants.mjs). */
export function variantsFileOf(corpusDir: string): string {
  return join(corpusDir, '..', 'variants', 'pageVariants.mjs');
}

/** The WCXB corpus's pages as plain text and cut short, by training/held-out split. */
export async function runVariantBench(corpusDir: string, options: { limit?: number; worst?: number } = {}) {
  let ids = corpusIds(corpusDir);
  if (options.limit) ids = ids.slice(0, options.limit);
  const pages = ids.map((id) => readCorpusPage(corpusDir, id)).filter((page) => page !== null);
  return runVariantBenchOn(pages, { cacheKey: corpusDir, variantsFile: variantsFileOf(corpusDir), wholeSource: false, worst: options.worst });
}

/**
 * Any source's pages as plain text and cut short. `wholeSource`: one set (another source's pages) rather
 * than WCXB's all/train/held-out; `cacheKey` keeps each source's variants in their own cache file.
 */
export async function runVariantBenchOn(pages: BenchPage[], options: { cacheKey: string; variantsFile: string; wholeSource: boolean; worst?: number }) {
  const { variantsFile, wholeSource } = options;
  const texts = await cachedPageTexts(options.cacheKey, pages, variantsFile);
  const shorts = await cachedShortPages(options.cacheKey, pages, variantsFile);
  // Readability.js on the short pages, in jsdom workers (jsdom keeps memory per page).
  const readability = await JsdomWorkers.start();
  if (!readability) throw new Error('the jsdom worker could not be found or built');

  const textRows: Row[] = [];
  const shortRows: Row[] = [];
  try {
    for (const page of pages) {
      const text = texts.get(page.id)!;
      let ours = '';
      let title = '';
      try {
        const article = extractPlainText(text, `${page.id}.txt`);
        ours = article.blocks.map((block) => block.text).join('\n');
        title = article.title;
      } catch {
        ours = '';
      }
      let html = '';
      try {
        html = extractHtml(page.html, page.id, page.url).blocks.map((block) => block.text).join('\n');
      } catch {
        html = '';
      }
      textRows.push({
        id: page.id,
        split: page.split,
        scores: { ours: plain(scoreText(ours, page.truth.text)), wholeText: plain(scoreText(text, page.truth.text)), projectOnHtml: plain(scoreText(html, page.truth.text)) },
        titleRight: sameText(title, page.truth.title),
        titleInText: text.split(/\n+/u).some((line) => line.trim() !== '' && sameText(line, page.truth.title)),
      });

      const short = shorts.get(page.id);
      if (!short) continue;
      let shortOutput = '';
      let noReadableText = false;
      try {
        const article = extractHtml(short.html, page.id, page.url);
        shortOutput = article.blocks.map((block) => block.text).join('\n');
        noReadableText = article.blocks.length === 0;
      } catch {
        noReadableText = true;
      }
      const baseline = (await readability.readability(short.html, { dropStyleSheets: true })).text;
      shortRows.push({
        id: page.id,
        split: page.split,
        scores: { ours: plain(scoreText(shortOutput, short.truth)), readabilityJs: plain(scoreText(baseline, short.truth)) },
        noReadableText,
      });
    }
  } finally {
    await readability.close();
  }
  const count = options.worst ?? 10;
  return {
    split: wholeSource
      ? 'another source: no page of it is used in training or tuning'
      : 'sites whose host name has SHA-1 first byte mod 4 = 0 are held out from training and tuning (main/article/training/corpus.ts)',
    plainText: {
      what: 'pageText(page) opened as a .txt file',
      ...bySplit(textRows, wholeSource),
      titleRight: titlesBySplit(textRows, wholeSource),
      // Of the pages whose true title is a line of the text: the share where it is found.
      titleRightWhereInText: titlesBySplit(textRows.filter((row) => row.titleInText), wholeSource),
      pagesWithTitleInText: textRows.filter((row) => row.titleInText).length,
      worst: worst(textRows, 'ours', count),
    },
    shortArticles: {
      what: 'shortenArticle(page, truth, 2) opened as HTML',
      pagesUsed: shortRows.length,
      pagesSkipped: pages.length - shortRows.length,
      noReadableText: shortRows.filter((row) => row.noReadableText).map((row) => row.id),
      ...bySplit(shortRows, wholeSource),
      worst: worst(shortRows, 'ours', count),
    },
  };
}
