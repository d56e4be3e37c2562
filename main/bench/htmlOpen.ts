/**
 * A long HTML article opened the way a person opens it: `start.js --browser file.html` started fresh
 * (fresh data folder), its address opened in Chromium as soon as it is printed, timed from opening the
 * address (the page asks for the article then: extraction is inside) to the first screen readable (the
 * title and the first paragraph in the document) and to every block in the document; from the
 * process's start to every block too (the app reads its article at start, so both count). The baseline, in the same run: the article's first 40 paragraphs as HTML, opened the
 * same way. The extraction alone (loadArticleSource in this process) is timed beside it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { Article } from '../../shared/article.js';
import { loadArticleSource } from '../article/loadArticleSource.js';
import { generatedArticle } from '../generatedArticle.js';
import { startApp, stopApp, summarize } from './support.js';

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

/** A plain article page: a title, a site header and footer, and the paragraphs in <article>. */
export function articleHtml(article: Article): string {
  const paragraphs = article.blocks.map((block) => `<p>${escape(block.text)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(article.title)}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>${escape(article.title)}</h1>
${paragraphs}
</article></main><footer><p>Copyright the bench.</p></footer></body></html>`;
}

/** Runs before the page's scripts: the epoch times of the first screen readable and of every block in the document. */
function watchBlocks(expected: number): void {
  const w = window as unknown as { __open: { firstMs: number; allMs: number } };
  w.__open = { firstMs: -1, allMs: -1 };
  const poll = () => {
    if (w.__open.firstMs < 0 && document.querySelector('article h1') && document.querySelector('[data-block-index="0"]')) w.__open.firstMs = Date.now();
    if (document.querySelector(`[data-block-index="${expected - 1}"]`) && document.querySelectorAll('[data-block-index]').length >= expected) w.__open.allMs = Date.now();
    else setTimeout(poll, 2);
  };
  poll();
}

async function openHtml(browser: Browser, startScript: string, file: string, blocks: number) {
  const started = Date.now();
  const { url, child } = await startApp(startScript, [file]);
  const page = await browser.newPage();
  try {
    await page.addInitScript(watchBlocks, blocks);
    const navigated = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __open: { allMs: number } }).__open.allMs >= 0, undefined, { timeout: 60_000, polling: 50 });
    const { firstMs, allMs } = await page.evaluate(() => (window as unknown as { __open: { firstMs: number; allMs: number } }).__open);
    return { firstScreenMs: firstMs - navigated, allBlocksMs: allMs - navigated, startedMs: navigated - started, startToAllMs: allMs - started };
  } finally {
    await page.close();
    await stopApp(child);
  }
}

export async function runHtmlOpenBench({ browser, startScript, long, short, runs }: { browser: Browser; startScript: string; long: number; short: number; runs: number }) {
  const folder = mkdtempSync(join(tmpdir(), 'article-player-bench-html-'));
  const measure = async (name: string, count: number) => {
    const article = generatedArticle(count);
    const file = join(folder, `${name}.html`);
    writeFileSync(file, articleHtml(article));
    const first: number[] = [];
    const all: number[] = [];
    const started: number[] = [];
    const startToAll: number[] = [];
    const extract: number[] = [];
    let extractedBlocks = 0;
    for (let run = 0; run < runs; run++) {
      const opened = await openHtml(browser, startScript, file, count);
      first.push(opened.firstScreenMs);
      all.push(opened.allBlocksMs);
      started.push(opened.startedMs);
      startToAll.push(opened.startToAllMs);
      const t0 = performance.now();
      const loaded = await loadArticleSource(file);
      extract.push(performance.now() - t0);
      extractedBlocks = loaded.ok ? loaded.article.blocks.length : -1;
    }
    return {
      paragraphs: count,
      words: article.blocks.reduce((sum, block) => sum + block.text.split(' ').length, 0),
      extractedBlocks,
      processStartToAddressMs: summarize(started),
      openToFirstScreenMs: summarize(first),
      openToEveryBlockMs: summarize(all),
      processStartToEveryBlockMs: summarize(startToAll),
      extractionInProcessMs: summarize(extract),
    };
  };
  const shortResult = await measure('short', short);
  const longResult = await measure('long', long);
  return {
    description: `start.js --browser file.html (fresh data folder); from opening the printed address to the first screen readable and to every block in the document in Chromium; ${long} paragraphs against ${short} (the baseline), ${runs} runs each; extraction alone timed in the bench's process`,
    short: shortResult,
    long: longResult,
  };
}
