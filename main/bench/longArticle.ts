/**
 * A 2,000-paragraph (about 100,000-word) article against a 40-paragraph one of the same paragraphs,
 * in the same run, in Debian's Chromium through the browser host with espeak-ng: how long until every
 * block is in the document, how long a step to the next paragraph takes while playing (ArrowDown to
 * aria-current moving), the long tasks (over 50 ms) while stepping, and the renderer's JS heap.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { EngineChoice } from '../../shared/settings.js';
import type { EngineDetection } from '../speech/detectEngine.js';
import { createAppHandlers } from '../api/createAppContext.js';
import { startBrowserHost } from '../hosts/browserHost.js';
import { generatedArticle } from '../generatedArticle.js';
import { round, summarize, waitForPlayer } from './support.js';

export interface LongArticleOptions {
  browser: Browser;
  rendererDir: string;
  speech: (choice: EngineChoice) => Promise<EngineDetection>;
  long?: number;
  short?: number;
  opens?: number;
  steps?: number;
  /** The time between keydowns while ArrowDown is held (key repeat). */
  repeatMs?: number;
}

interface LongTask {
  start: number;
  duration: number;
}

/** Runs before the page's own scripts: collects long tasks and notes when the last of `expected` blocks is in the document. */
function watchPage(expected: number): void {
  const w = window as unknown as { __long: { openMs: number; longTasks: LongTask[] } };
  w.__long = { openMs: -1, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__long.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    if (document.querySelector(`[data-block-index="${expected - 1}"]`) && document.querySelectorAll('[data-block-index]').length >= expected) w.__long.openMs = performance.now();
    else setTimeout(poll, 2);
  };
  poll();
}

/** One ArrowDown: the time to aria-current reaching the next block, and to the frame after it. */
async function timeStep(page: Page): Promise<{ stepMs: number; frameMs: number }> {
  await page.evaluate(() => {
    const from = Number(document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? -1);
    const w = window as unknown as { __step: Promise<{ stepMs: number; frameMs: number }> };
    let t0 = -1;
    window.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
    w.__step = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const now = Number(document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? -1);
        if (now !== from + 1) return;
        const stepMs = performance.now() - t0;
        observer.disconnect();
        // The frame that shows it: after the next animation frame's callbacks, style and layout.
        requestAnimationFrame(() => setTimeout(() => resolve({ stepMs, frameMs: performance.now() - t0 }), 0));
      });
      observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
    });
  });
  await page.keyboard.press('ArrowDown');
  return page.evaluate(() => (window as unknown as { __step: Promise<{ stepMs: number; frameMs: number }> }).__step);
}

interface BackToBack {
  stepMs: number[];
  landedOn: number;
  expected: number;
}

/**
 * ArrowDown held: keydowns `gapMs` apart, repeats after the first as key repeat sends them. Each step is
 * timed from its keydown to aria-current reaching the block that step asked for (the one after where
 * the previous step asked to go).
 */
async function stepBackToBack(page: Page, steps: number, gapMs: number): Promise<BackToBack> {
  const from = await page.evaluate(() => {
    const start = Number(document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? -1);
    const w = window as unknown as { __held: { downs: number[]; reached: Map<number, number> } };
    w.__held = { downs: [], reached: new Map() };
    window.addEventListener('keydown', () => w.__held.downs.push(performance.now()), { capture: true });
    new MutationObserver(() => {
      const now = Number(document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? -1);
      if (!w.__held.reached.has(now)) w.__held.reached.set(now, performance.now());
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
    return start;
  });
  for (let step = 0; step < steps; step++) {
    await page.keyboard.down('ArrowDown');
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  await page.keyboard.up('ArrowDown');
  await page.waitForTimeout(1000);
  return page.evaluate(
    ({ start, count }) => {
      const w = window as unknown as { __held: { downs: number[]; reached: Map<number, number> } };
      const stepMs = w.__held.downs.map((down, i) => (w.__held.reached.get(start + i + 1) ?? Number.POSITIVE_INFINITY) - down);
      return { stepMs, landedOn: Number(document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? -1), expected: start + count };
    },
    { start: from, count: steps },
  );
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return round(usedSize / 1024 / 1024, 2);
  } finally {
    await cdp.detach();
  }
}

async function measureArticle(options: Required<LongArticleOptions>, count: number) {
  const article = generatedArticle(count);
  const words = article.blocks.reduce((sum, block) => sum + block.text.split(' ').length, 0);
  const { handlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'article-player-bench-long-')), async () => ({ ok: true, article }), options.speech);
  const host = await startBrowserHost({ handlers, rendererDir: options.rendererDir });
  const open: number[] = [];
  const heap: number[] = [];
  let blocksInOrder = false;
  try {
    let page: Page | null = null;
    for (let run = 0; run < options.opens; run++) {
      await page?.close();
      page = await options.browser.newPage();
      await page.addInitScript(watchPage, count);
      await page.goto(host.url);
      await page.waitForFunction(() => (window as unknown as { __long: { openMs: number } }).__long.openMs >= 0, undefined, { timeout: 60_000 });
      open.push(await page.evaluate(() => (window as unknown as { __long: { openMs: number } }).__long.openMs));
      await waitForPlayer(page);
      await page.waitForTimeout(300);
      heap.push(await heapMb(page));
      await handlers.removeLibraryEntries({ ids: 'all' }); // the next open starts at the top again
    }
    blocksInOrder = await page!.evaluate((n) => [...document.querySelectorAll('[data-block-index]')].every((element, i) => element.getAttribute('data-block-index') === String(i)) && document.querySelectorAll('[data-block-index]').length === n, count);
    // Stepping while playing, as a listener skims: Play, then ArrowDown every 250 ms.
    await page!.keyboard.press('k');
    await page!.waitForFunction(() => !document.querySelector('audio')!.paused && document.querySelector('audio')!.currentTime > 0, undefined, { timeout: 20_000 });
    await page!.waitForTimeout(500);
    const longTasksSince = async (from: number, to: number) =>
      page!.evaluate(({ from, to }) => (window as unknown as { __long: { longTasks: LongTask[] } }).__long.longTasks.filter((task) => task.start >= from && task.start < to).map((task) => task.duration), { from, to });
    const now = () => page!.evaluate(() => performance.now());
    const steppingFrom = await now();
    const steps: number[] = [];
    const frames: number[] = [];
    const stepCount = Math.min(options.steps, Math.floor((count - 1) / 2));
    for (let step = 0; step < stepCount; step++) {
      const timed = await timeStep(page!);
      steps.push(timed.stepMs);
      frames.push(timed.frameMs);
      await page!.waitForTimeout(250);
    }
    await page!.waitForTimeout(500);
    const heldFrom = await now();
    const longTasks = await longTasksSince(steppingFrom, heldFrom);
    // Then ArrowDown held (key repeat), still playing: steps back to back.
    const held = await stepBackToBack(page!, stepCount, options.repeatMs);
    const heldLongTasks = await longTasksSince(heldFrom, await now());
    await page!.close();
    const longTaskSummary = (tasks: number[]) => ({ count: tasks.length, maxMs: tasks.length ? round(Math.max(...tasks)) : 0, totalMs: round(tasks.reduce((a, b) => a + b, 0)) });
    return {
      paragraphs: count,
      words,
      blocksInDocumentInOrder: blocksInOrder,
      openMs: summarize(open),
      stepMs: summarize(steps),
      stepToNextFrameMs: summarize(frames),
      longTasksWhileStepping: longTaskSummary(longTasks),
      held: { description: `ArrowDown held: ${stepCount} keydowns ${options.repeatMs} ms apart while playing`, stepMs: summarize(held.stepMs), longTasks: longTaskSummary(heldLongTasks), landedOn: held.landedOn, expected: held.expected },
      heapAfterOpenMb: summarize(heap),
    };
  } finally {
    await host.close();
  }
}

export async function runLongArticleBench(given: LongArticleOptions) {
  const options: Required<LongArticleOptions> = { long: 2000, short: 40, opens: 3, steps: 20, repeatMs: 30, ...given };
  const short = await measureArticle(options, options.short);
  const long = await measureArticle(options, options.long);
  const ratio = (a: number, b: number) => round(a / b, 2);
  const stepRatio = ratio(long.stepMs.median, short.stepMs.median);
  return {
    description: `a generated ${options.long}-paragraph article against its first ${options.short} paragraphs, opened ${options.opens} times each; ${options.steps} ArrowDown steps while playing, 250 ms apart, then ArrowDown held (${options.steps} keydowns ${options.repeatMs} ms apart, as key repeat sends them)`,
    short,
    long,
    stepRatioMedian: stepRatio,
    stepRatioP95: ratio(long.stepMs.p95, short.stepMs.p95),
    goals: {
      openAtMost1000Ms: long.openMs.median <= 1000,
      stepP95AtMost16Ms: long.stepMs.p95 <= 16,
      noLongTaskWhileStepping: long.longTasksWhileStepping.count === 0,
      heldStepP95AtMost16Ms: long.held.stepMs.p95 <= 16 && short.held.stepMs.p95 <= 16,
      noLongTaskWhileHeld: long.held.longTasks.count === 0 && short.held.longTasks.count === 0,
      heldLandsOnTheRightBlock: long.held.landedOn === long.held.expected && short.held.landedOn === short.held.expected,
      stepRatioAtMost15: stepRatio <= 1.5,
    },
  };
}
