/**
 * The WCXB corpus for training and measuring extraction: its pages, their ground truth, and one fixed
 * split by site (a site is never on both sides), so figures on held-out pages are figures on sites the
 * model and the rules were not fitted to.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JsdomWorkers } from './jsdomWorkers.js';

export interface CorpusPage {
  id: string;
  url: string;
  html: string;
  truth: { title: string; author: string | null; text: string };
  split: 'train' | 'held-out';
}

/** One site in four is held out: the first byte of the SHA-1 of its host name, mod 4, is 0. */
export function splitOf(url: string): 'train' | 'held-out' {
  let host = url;
  try {
    host = new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    // not a URL: the text itself decides
  }
  return createHash('sha1').update(host).digest()[0]! % 4 === 0 ? 'held-out' : 'train';
}

/** For the training tools: ends the process with one line when the corpus (beside the repository, never in it) is missing. */
export function exitUnlessCorpus(corpusDir: string, tool: string): void {
  if (existsSync(join(corpusDir, 'html')) && existsSync(join(corpusDir, 'ground-truth'))) return;
  console.error(`${tool}: the WCXB corpus is not at ${corpusDir} (it lives beside the repository, not in it; CORPUS_DIR names another place)`);
  process.exit(1);
}

/** Page ids of the corpus, sorted. */
export function corpusIds(corpusDir: string): string[] {
  return readdirSync(join(corpusDir, 'html'))
    .filter((name) => name.endsWith('.html.gz'))
    .map((name) => name.slice(0, -'.html.gz'.length))
    .sort();
}

/** A page with its ground truth, or null for a page without ground-truth text (two in the dev split). */
export function readCorpusPage(corpusDir: string, id: string): CorpusPage | null {
  const html = gunzipSync(readFileSync(join(corpusDir, 'html', `${id}.html.gz`))).toString('utf8');
  const file = JSON.parse(readFileSync(join(corpusDir, 'ground-truth', `${id}.json`), 'utf8')) as {
    url?: string;
    ground_truth: { main_content?: string; title?: string; author?: string | null };
  };
  const text = file.ground_truth.main_content;
  if (typeof text !== 'string' || text.trim() === '') return null;
  const url = file.url && /^https?:/u.test(file.url) ? file.url : 'https://example.org/';
  return { id, url, html, truth: { title: file.ground_truth.title ?? '', author: file.ground_truth.author ?? null, text }, split: splitOf(url) };
}

/** What the variants need of a page (a WCXB page or another source's). */
type VariantPage = Pick<CorpusPage, 'id' | 'html' | 'truth'>;

/** A cache file in node_modules/.cache, keyed by the variants file's text, so a changed variants file is never read from a stale cache. */
function cacheFile(corpusDir: string, variantsFile: string, name: string): string {
  const key = createHash('sha1').update(readFileSync(variantsFile, 'utf8')).update(corpusDir).digest('hex').slice(0, 12);
  return join(process.cwd(), 'node_modules', '.cache', 'article-player', `${name}-${key}.json`);
}

/**
 * `exportName(document, ...args)` of the variants file on every page not in the cache file yet, parsed
 * with jsdom in workers (jsdomWorkers.ts: jsdom keeps memory per page), then the cache written.
 */
async function cachedVariant<T>(file: string, pages: VariantPage[], variantsFile: string, exportName: string, args: (page: VariantPage) => unknown[]): Promise<Record<string, T>> {
  const cached = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>) : {};
  const missing = pages.filter((page) => !(page.id in cached));
  if (missing.length === 0) return cached;
  const workers = await JsdomWorkers.start();
  if (!workers) throw new Error('the jsdom worker could not be found or built');
  try {
    for (const page of missing) {
      const { value, error } = await workers.call<T>(variantsFile, exportName, page.html, args(page));
      if (error) throw new Error(`${exportName} of page ${page.id}: ${error}`);
      cached[page.id] = value as T;
    }
  } finally {
    await workers.close();
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(cached));
  return cached;
}

/** `pageText` of every page (parsing 709 pages with jsdom takes a minute), cached. */
export async function cachedPageTexts(corpusDir: string, pages: VariantPage[], variantsFile: string): Promise<Map<string, string>> {
  const cached = await cachedVariant<string>(cacheFile(corpusDir, variantsFile, 'pageText'), pages, variantsFile, 'pageText', () => []);
  return new Map(pages.map((page) => [page.id, cached[page.id]!]));
}

/** `shortenArticle(document, truth, 2)` of every page (null where the variants file cannot cut it down cleanly), cached. */
export async function cachedShortPages(corpusDir: string, pages: VariantPage[], variantsFile: string): Promise<Map<string, { html: string; truth: string } | null>> {
  const cached = await cachedVariant<{ html: string; truth: string } | null>(cacheFile(corpusDir, variantsFile, 'shortArticle'), pages, variantsFile, 'shortenArticle', (page) => [page.truth.text, 2]);
  return new Map(pages.map((page) => [page.id, cached[page.id] ?? null]));
}
