/**
 * The queue in `npm run bench` (JSON key `queue`), in Debian's Chromium against the real browser host and
 * espeak-ng:
 * - handover: from the end of an article's last paragraph audio to the first audio of the next queued
 *   article, minus the configured pause between articles (the next article is prefetched while the last
 *   paragraph plays). Baseline in the same run: reading the next article from the library and
 *   synthesizing its first paragraph only when the previous one has ended (no prefetch), timed in main
 *   alone, before any transport or playback, so it is a lower bound of what the listener would wait.
 * - dialog: a 1,000-entry queue, opening the Queue dialog and moving one entry up, against the same
 *   operations on a 3-entry queue in the same run. A move is shown before main answers (the window
 *   reorders its list at once), so it is timed twice: to the row painted in its new place, which is
 *   what the listener waits for, and to main's answer, the move written to the queue file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { EngineChoice } from '../../shared/settings.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import type { LibraryEntry } from '../../shared/library.js';
import { createAppHandlers, memoizedSpeech } from '../api/createAppContext.js';
import { loadRendererSource } from '../article/loadArticleSource.js';
import { summarize } from './support.js';
import { startBrowserHost } from '../hosts/browserHost.js';
import { synthesizeBlock } from '../speech/synthesizeBlock.js';

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

/**
 * Before any page script: the arrival time of every WebSocket message (the API's answers), a "painted"
 * clock, and `__arm`, which from the next key press checks at every frame whether the page shows what
 * is awaited and takes the time once that frame is painted. Timed in the page, from the keydown event
 * itself, so Playwright's own round trips (the key's release, the next evaluate) are not counted.
 */
const PAGE_PROBES = () => {
  type Check = { kind: 'open'; count: number } | { kind: 'moved'; at: number; id: string };
  const w = window as unknown as {
    __messages: number[];
    __painted: () => Promise<number>;
    __arm: (check: Check) => void;
    __key: { t0: number; before: number; painted: Promise<number> };
  };
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
  const options = () => document.querySelectorAll<HTMLElement>('dialog.queue-dialog .queue-list [role="option"]');
  const shows = (check: Check) =>
    check.kind === 'open' ? Boolean(document.querySelector<HTMLDialogElement>('dialog.queue-dialog')?.open) && options().length === check.count : options()[check.at]?.dataset.queueId === check.id;
  w.__arm = (check) => {
    let resolvePainted: (at: number) => void = () => undefined;
    w.__key = { t0: 0, before: w.__messages.length, painted: new Promise((resolve) => (resolvePainted = resolve)) };
    window.addEventListener(
      'keydown',
      () => {
        w.__key.t0 = performance.now();
        const everyFrame = () =>
          requestAnimationFrame(() => {
            if (!shows(check)) return everyFrame();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolvePainted(performance.now());
            channel.port2.postMessage(0);
          });
        everyFrame();
      },
      { capture: true, once: true },
    );
  };
};

type PageWithProbes = { __messages: number[]; __painted: () => Promise<number>; __key: { t0: number; before: number; painted: Promise<number> } };

/** Opens the Queue dialog with its key: to the first frame painted with the dialog and every article in it, and to the refreshed list (the dialog asks main again) painted. */
async function timeOpen(page: Page, count: number): Promise<{ openMs: number; settledMs: number }> {
  await page.evaluate((rows) => (window as unknown as { __arm: (check: unknown) => void }).__arm({ kind: 'open', count: rows }), count);
  await page.keyboard.press('q');
  return page.evaluate(async () => {
    const w = window as unknown as PageWithProbes;
    const openMs = (await w.__key.painted) - w.__key.t0;
    while (!w.__messages.slice(w.__key.before).some((at) => at > w.__key.t0)) await new Promise((resolve) => setTimeout(resolve, 1));
    return { openMs, settledMs: (await w.__painted()) - w.__key.t0 };
  });
}

/** Moves the article at `index` up with the Move up button and Enter: to the first frame painted with it in its new place, and to main's answer (the move written to the queue file). */
async function timeMoveUp(page: Page, index: number): Promise<{ paintedMs: number; confirmedMs: number }> {
  // The article chosen in the list (selection follows focus), then the Move up button below the list.
  await page.evaluate(async (at) => {
    const option = document.querySelectorAll<HTMLElement>('.queue-list [role="option"]')[at]!;
    option.focus();
    await new Promise(requestAnimationFrame);
    if (option.getAttribute('aria-selected') !== 'true') throw new Error('the focused article was not selected');
    document.querySelector<HTMLElement>('.queue-dialog [data-command="up"]')!.focus();
    (window as unknown as { __arm: (check: unknown) => void }).__arm({ kind: 'moved', at: at - 1, id: option.dataset.queueId! });
  }, index);
  await page.keyboard.press('Enter');
  return page.evaluate(async () => {
    const w = window as unknown as PageWithProbes;
    const paintedMs = (await w.__key.painted) - w.__key.t0;
    const answer = () => w.__messages.slice(w.__key.before).find((at) => at > w.__key.t0);
    while (answer() === undefined) await new Promise((resolve) => setTimeout(resolve, 1));
    return { paintedMs, confirmedMs: answer()! - w.__key.t0 };
  });
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
  const movePainted: number[] = [];
  const moveConfirmed: number[] = [];
  try {
    await page.addInitScript(PAGE_PROBES);
    await page.goto(host.url);
    await page.waitForFunction(READY);
    await page.waitForFunction((count) => document.querySelectorAll('.queue-list [role="option"]').length === count, entries); // the queue is read at start
    for (let run = 0; run < runs; run++) {
      const opened = await timeOpen(page, entries);
      open.push(opened.openMs);
      settled.push(opened.settledMs);
      const moved = await timeMoveUp(page, entries - 1 - (run % (entries - 1)));
      movePainted.push(moved.paintedMs);
      moveConfirmed.push(moved.confirmedMs);
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
    moveUpToPaintedMs: summarize(movePainted),
    moveUpToConfirmedByMainMs: summarize(moveConfirmed),
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
      description: 'the same dialog operations on a 3-entry queue, in the same run; moveUpToConfirmedByMainMs includes the WebSocket round trip and the queue file written (fsync) before main answers',
      dialog3: small,
    },
  };
}
