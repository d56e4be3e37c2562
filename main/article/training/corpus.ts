/**
 * The WCXB corpus for training and measuring extraction: its pages, their ground truth, and one fixed
 * split by site (a site is never on both sides), so figures on held-out pages are figures on sites the
 * model and the rules were not fitted to.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

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

/**
 * The page parsed as a browser parses it (jsdom: HTML5 tree building, no scripts, no subresources), for the
 * variants of pageVariants.mjs. linkedom follows broken markup literally and gives some corpus pages an
 * empty <body>; a scraper working from a browser's DOM would not see that. Style sheets are dropped first.
 */
export async function withBrowserDocument<T>(html: string, use: (document: Document) => T): Promise<T> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', () => {});
  // Style sheets are not text and jsdom's CSS parser throws on some of them: they are left out.
  const dom = new JSDOM(html.replace(/<style\b[\s\S]*?<\/style\s*>/giu, ''), { virtualConsole });
  try {
    return use(dom.window.document);
  } finally {
    dom.window.close();
  }
}

/**
 * `pageText` of every page, cached in node_modules/.cache (parsing 709 pages with jsdom takes a minute).
 * The cache is keyed by the variants file's text, so a changed variants file is never read from a stale cache.
 */
export async function cachedPageTexts(corpusDir: string, pages: CorpusPage[], pageText: (document: Document) => string, variantsSource: string): Promise<Map<string, string>> {
  const key = createHash('sha1').update(variantsSource).update(corpusDir).digest('hex').slice(0, 12);
  const dir = join(process.cwd(), 'node_modules', '.cache', 'article-player');
  const file = join(dir, `pageText-${key}.json`);
  const cached = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  let changed = false;
  for (const page of pages) {
    if (cached[page.id] !== undefined) continue;
    cached[page.id] = await withBrowserDocument(page.html, pageText);
    changed = true;
  }
  if (changed) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(cached));
  }
  return new Map(pages.map((page) => [page.id, cached[page.id]!]));
}

/**
 * `shortenArticle(document, truth, 2)` of every page (null where the variants file cannot cut it down
 * cleanly), cached like cachedPageTexts.
 */
export async function cachedShortPages(
  corpusDir: string,
  pages: CorpusPage[],
  shortenArticle: (document: Document, truth: string, keep: number) => { html: string; truth: string } | null,
  variantsSource: string,
): Promise<Map<string, { html: string; truth: string } | null>> {
  const key = createHash('sha1').update(variantsSource).update(corpusDir).digest('hex').slice(0, 12);
  const dir = join(process.cwd(), 'node_modules', '.cache', 'article-player');
  const file = join(dir, `shortArticle-${key}.json`);
  const cached = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { html: string; truth: string } | null>) : {};
  let changed = false;
  for (const page of pages) {
    if (page.id in cached) continue;
    cached[page.id] = await withBrowserDocument(page.html, (document) => shortenArticle(document, page.truth.text, 2));
    changed = true;
  }
  if (changed) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(cached));
  }
  return new Map(pages.map((page) => [page.id, cached[page.id] ?? null]));
}
