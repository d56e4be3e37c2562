/**
 * The queue in `npm run bench` (JSON key `queue`), in Debian's Chromium against the real browser host and
 * espeak-ng:
 * - handover: from the end of an article's last paragraph audio to the first audio of the next queued
 *   article, minus the configured pause between articles (the next article is prefetched while the last
 *   paragraph plays). Baseline in the same run: reading the next article from the library and
 *   synthesizing its first paragraph only when the previous one has ended (no prefetch), timed in main
 *   alone, before any transport or playback, so it is a lower bound of what the listener would wait.
 * - dialog: a 1,000-entry queue, opening the Queue dialog and moving one entry up, against the same
 *   operations on a 3-entry queue in the same run.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { EngineChoice } from '../shared/settings.js';
import { DEFAULT_SETTINGS } from '../shared/settings.js';
import type { LibraryEntry } from '../shared/library.js';
import { createAppHandlers, memoizedSpeech } from './api/createAppContext.js';
import { loadRendererSource } from './article/loadArticleSource.js';
import { summarize } from './benchSupport.js';
import { startBrowserHost } from './hosts/browserHost.js';
import { synthesizeBlock } from './speech/synthesizeBlock.js';

type Speech = ReturnType<typeof memoizedSpeech>;

export interface QueueBenchOptions {
  browser: Browser;
  rendererDir: string;
  speech: Speech;
  runs: number;
}

const QUEUE_PAUSE_MS = DEFAULT_SETTINGS.queuePauseMs;
const READY = () => !document.querySelector<HTMLButtonElement>('[aria-keyshortcuts="Space K"]')?.disabled;

/** Pasted text as the queue's "Add text to queue" sends it; `run` keeps every run's audio out of the synthesis cache. */
function textArticle(title: string, paragraphs: string[]) {
  return loadRendererSource({ type: 'text', text: [title, ...paragraphs].join('\n\n'), html: false });
}

async function loaded(result: Awaited<ReturnType<typeof loadRendererSource>>) {
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** In the page: the silence from the last `ended` audio event to the next article's audio playing (its heading on screen). */
function timeHandover(page: Page, nextTitle: string): Promise<number> {
  return page.evaluate(
    (title) =>
      new Promise<number>((resolve) => {
        let endedAt = -1;
        document.addEventListener('ended', () => (endedAt = performance.now()), { capture: true });
        const poll = () => {
          const audio = document.querySelector('audio');
          const heading = document.querySelector('article h1')?.textContent;
          if (heading === title && endedAt >= 0 && audio && !audio.paused && audio.currentTime > 0) resolve(performance.now() - endedAt);
          else setTimeout(poll, 1);
        };
        poll();
      }),
    nextTitle,
  );
}

async function benchHandover({ browser, rendererDir, speech, runs }: QueueBenchOptions) {
  const gaps: number[] = [];
  const baseline: number[] = [];
  const engine = (await speech('auto' as EngineChoice)).engine;
  if (!engine) return { skipped: 'no speech engine gives audio here' };
  for (let run = 0; run < runs; run++) {
    const first = await loaded(await textArticle(`First Story ${run}`, ['The first story starts with this paragraph.', `Its last paragraph, number ${run}, ends here.`]));
    const nextTitle = `Next Story ${run}`;
    const nextText = `The next story, heard in run ${run}, begins with this sentence.`;
    const { handlers, context } = createAppHandlers(mkdtempSync(join(tmpdir(), 'article-player-bench-queue-')), async () => first, speech);
    const added = await handlers.addToQueue({ item: { type: 'source', source: { type: 'text', text: `${nextTitle}\n\n${nextText}`, html: false } }, placement: 'end', currentId: null });
    if (!added.ok) throw new Error(added.message);
    const host = await startBrowserHost({ handlers, rendererDir });
    const page = await browser.newPage();
    try {
      await page.goto(host.url);
      await page.waitForFunction(READY);
      await page.waitForTimeout(300);
      const handover = timeHandover(page, nextTitle);
      await page.keyboard.press('k');
      gaps.push((await handover) - QUEUE_PAUSE_MS);
    } finally {
      await page.close();
      await host.close();
    }
    // The baseline: the next article read and its first paragraph synthesized only once the previous has ended.
    const started = performance.now();
    const opened = await context.library.open(added.entry.id, { touch: false });
    if (!opened) throw new Error('the queued article left the library');
    await synthesizeBlock(engine, { text: `${opened.article.blocks[0]!.text} Again ${run}.`, lang: opened.article.lang, voice: null, rate: 1, sentencePauseMs: DEFAULT_SETTINGS.sentencePauseMs });
    baseline.push(performance.now() - started);
  }
  return {
    extraMs: { ...summarize(gaps), configuredPauseMs: QUEUE_PAUSE_MS, goal: 150 },
    baselineNoPrefetchMs: summarize(baseline),
  };
}

/** Library entries for a queue of `count` articles (the dialog shows titles and positions only). */
function seedEntries(count: number): LibraryEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: createHash('sha256').update(`queue ${i}`).digest('hex').slice(0, 20),
    title: `Queued story number ${i}`,
    byline: null,
    source: `https://example.test/queued/${i}`,
    lang: 'en',
    blockCount: 20,
    wordCount: 1200 + i,
    addedAt: new Date(2026, 0, 1).toISOString(),
    openedAt: new Date(2026, 0, 1).toISOString(),
    position: { blockIndex: i % 3, sentenceIndex: 0 },
  }));
}

/** Before any page script: the arrival time of every WebSocket message (the API's answers), and a "painted" clock. */
const PAGE_PROBES = () => {
  const w = window as unknown as { __messages: number[]; __painted: () => Promise<number> };
  w.__messages = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', () => w.__messages.push(performance.now())); // before the app's own onmessage
    }
  };
  // After the next frame: a rAF callback runs before style, layout and paint; a task posted from it runs after them.
  w.__painted = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
};

/** In the page: the time of the next key press, and how many API answers had come before it. */
async function markKeyPress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __messages: number[]; __key: { t0: number; before: number } };
    w.__key = { t0: 0, before: w.__messages.length };
    window.addEventListener('keydown', () => (w.__key.t0 = performance.now()), { capture: true, once: true });
  });
}

/** Opens the Queue dialog with its key: to the dialog painted with every row, and to the refreshed list (the dialog asks main again) painted. */
async function timeOpen(page: Page, rows: number): Promise<{ openMs: number; settledMs: number }> {
  await markKeyPress(page);
  await page.keyboard.press('q');
  return page.evaluate(async (count) => {
    const w = window as unknown as { __messages: number[]; __key: { t0: number; before: number }; __painted: () => Promise<number> };
    const { t0, before } = w.__key;
    const wait = () => new Promise((resolve) => setTimeout(resolve, 1));
    const shown = () => {
      const dialog = document.querySelector<HTMLDialogElement>('dialog.queue-dialog');
      return dialog?.open && dialog.querySelectorAll('.queue-list > li').length === count;
    };
    while (!shown()) await wait();
    const openMs = (await w.__painted()) - t0;
    while (!w.__messages.slice(before).some((at) => at > t0)) await wait();
    return { openMs, settledMs: (await w.__painted()) - t0 };
  }, rows);
}

/** Moves the row at `index` up with its button and Enter: to the moved row painted in its new place, and from main's answer to that paint. */
async function timeMoveUp(page: Page, index: number): Promise<{ totalMs: number; renderMs: number }> {
  const id = await page.evaluate((at) => {
    const row = document.querySelectorAll<HTMLElement>('.queue-list > li')[at]!;
    row.querySelector<HTMLElement>('[data-command="up"]')!.focus();
    return row.dataset.queueId!;
  }, index);
  await markKeyPress(page);
  await page.keyboard.press('Enter');
  return page.evaluate(
    async ({ at, movedId }) => {
      const w = window as unknown as { __messages: number[]; __key: { t0: number; before: number }; __painted: () => Promise<number> };
      while (document.querySelectorAll<HTMLElement>('.queue-list > li')[at - 1]?.dataset.queueId !== movedId) await new Promise((resolve) => setTimeout(resolve, 0));
      const answeredAt = w.__messages.at(-1)!;
      const painted = await w.__painted();
      return { totalMs: painted - w.__key.t0, renderMs: painted - answeredAt };
    },
    { at: index, movedId: id },
  );
}

async function benchDialog({ browser, rendererDir, speech, runs }: QueueBenchOptions, entries: number) {
  const welcome = await loaded(await loadRendererSource({ type: 'text', text: 'Queue Dialog Bench\n\nOne paragraph to have an article open.', html: false }));
  const { handlers, context } = createAppHandlers(mkdtempSync(join(tmpdir(), 'article-player-bench-queue-dialog-')), async () => welcome, speech);
  const seed = seedEntries(entries);
  await context.library.index.update(() => seed);
  await context.queue.file.update(() => ({ upNext: seed.map((entry) => entry.id), history: [] }));
  const host = await startBrowserHost({ handlers, rendererDir });
  const page = await browser.newPage();
  const open: number[] = [];
  const settled: number[] = [];
  const moveTotal: number[] = [];
  const moveRender: number[] = [];
  try {
    await page.addInitScript(PAGE_PROBES);
    await page.goto(host.url);
    await page.waitForFunction(READY);
    await page.waitForFunction((count) => document.querySelectorAll('.queue-list > li').length === count, entries); // the queue is read at start
    for (let run = 0; run < runs; run++) {
      const opened = await timeOpen(page, entries);
      open.push(opened.openMs);
      settled.push(opened.settledMs);
      const moved = await timeMoveUp(page, entries - 1 - (run % (entries - 1)));
      moveTotal.push(moved.totalMs);
      moveRender.push(moved.renderMs);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('dialog.queue-dialog')?.open);
      await page.waitForTimeout(100);
    }
  } finally {
    await page.close();
    await host.close();
  }
  return {
    entries,
    openToPaintedMs: summarize(open),
    openToRefreshedListPaintedMs: summarize(settled),
    moveUpToPaintedMs: summarize(moveTotal),
    moveUpAnswerToPaintedMs: summarize(moveRender),
  };
}

export async function runQueueBench(options: QueueBenchOptions) {
  const handover = await benchHandover({ ...options, runs: Math.ceil(options.runs / 2) });
  const large = await benchDialog(options, 1000);
  const small = await benchDialog(options, 3);
  return {
    handoverToNextArticleAudio: handover,
    dialog1000: { ...large, goalMs: 50 },
    baseline: {
      description: 'the same dialog operations on a 3-entry queue, in the same run; totals include the WebSocket round trip and the queue file written (fsync) before main answers',
      dialog3: small,
    },
  };
}
