/**
 * Latency of the real player (bench part `player`): Play to first audio, the next paragraph's audio and
 * highlight, the silence between paragraphs beyond the configured pause, and a rate change, in Debian's
 * Chromium against the real browser host and espeak-ng. The baseline, measured in the same run: one
 * engine process per paragraph, started when that paragraph is wanted (no prefetch), the way the `say`
 * package works.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Article } from '../../shared/article.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { createAppHandlers, memoizedSpeech } from '../api/createAppContext.js';
import { loadArticleSource } from '../article/loadArticleSource.js';
import { startBrowserHost } from '../hosts/browserHost.js';
import { launchBenchBrowser, summarize } from './support.js';

/** The default pause between paragraphs (shared/settings.ts); gaps are reported beyond it. */
const PARAGRAPH_PAUSE_MS = DEFAULT_SETTINGS.paragraphPauseMs;

/** In the page: press a key, then poll until the audio clock moves (and optionally until aria-current moves). */
async function timeKeyToAudio(page: Page, key: string): Promise<{ audioMs: number; highlightMs: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { t0: number } };
    w.__bench = { t0: 0 };
    window.addEventListener('keydown', () => (w.__bench.t0 = performance.now()), { capture: true, once: true });
  });
  const before = await page.evaluate(() => ({ src: document.querySelector('audio')!.src, block: document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? null }));
  await page.keyboard.press(key);
  return page.evaluate(
    ({ src, block, pressed }) =>
      new Promise<{ audioMs: number; highlightMs: number }>((resolve) => {
        const w = window as unknown as { __bench: { t0: number } };
        const audio = document.querySelector('audio')!;
        let highlightMs = -1;
        const poll = () => {
          const now = performance.now() - w.__bench.t0;
          const current = document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? null;
          if (highlightMs < 0 && current !== block) highlightMs = now;
          // Play counts any audio (the block is on the element before Play); a move counts the next block's.
          const newAudio = pressed === 'k' || src === '' || audio.src !== src;
          if (newAudio && !audio.paused && audio.currentTime > 0) resolve({ audioMs: now, highlightMs });
          else setTimeout(poll, 1);
        };
        poll();
      }),
    { ...before, pressed: key },
  );
}

/** The baseline: a fresh engine process for the paragraph, timed to its first audio bytes. */
function baselineFirstAudio(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('espeak-ng', ['-b', '1', '--stdin', '--stdout'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let header = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      header += chunk.length;
      if (header > 44) {
        resolve(performance.now() - start);
        child.kill();
      }
    });
    child.on('error', reject);
    child.stdin.end(text);
  });
}

/** In the page: the silence between the end of one paragraph and audible audio of the next, minus the configured pause. */
async function timeParagraphGaps(page: Page, count: number): Promise<number[]> {
  return page.evaluate(
    (wanted) =>
      new Promise<number[]>((resolve) => {
        const audio = document.querySelector('audio')!;
        const gaps: number[] = [];
        let endedAt = -1;
        let endedSrc = '';
        audio.addEventListener('ended', () => {
          endedAt = performance.now();
          endedSrc = audio.src;
        });
        const poll = () => {
          if (endedAt >= 0 && audio.src !== endedSrc && !audio.paused && audio.currentTime > 0) {
            gaps.push(performance.now() - endedAt);
            endedAt = -1;
          }
          if (gaps.length >= wanted) resolve(gaps);
          else setTimeout(poll, 1);
        };
        poll();
      }),
    count,
  );
}

/** In the page: from the key press to the playing audio's rate changing (heard at once: no new audio is loaded). */
async function timeRateChange(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __rate: { t0: number; before: number } };
    w.__rate = { t0: 0, before: document.querySelector('audio')!.playbackRate };
    window.addEventListener('keydown', () => (w.__rate.t0 = performance.now()), { capture: true, once: true });
  });
  await page.keyboard.press(key);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __rate: { t0: number; before: number } };
        const poll = () => {
          if (document.querySelector('audio')!.playbackRate !== w.__rate.before) resolve(performance.now() - w.__rate.t0);
          else setTimeout(poll, 1);
        };
        poll();
      }),
  );
}

export interface PlayerBenchOptions {
  speech: ReturnType<typeof memoizedSpeech>;
  rendererDir: string;
  /** The welcome article (its first two paragraphs are the baseline's). */
  article: Article;
  /** tests/fixtures/short.txt: short paragraphs, where the gap between them is what a listener notices. */
  shortArticlePath: string;
  runs: number;
}

export async function runPlayerBench({ speech, rendererDir, article, shortArticlePath, runs }: PlayerBenchOptions) {
  // A fresh data folder: the bench never touches the user's library.
  const { handlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'article-player-bench-')), async () => ({ ok: true as const, article }), speech);
  const host = await startBrowserHost({ handlers, rendererDir });
  const browser = await launchBenchBrowser();
  const play: number[] = [];
  const next: number[] = [];
  const highlight: number[] = [];
  const gaps: number[] = [];
  const rateChange: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.goto(host.url);
      // Every run starts at the top: clear the position the previous run saved.
      await handlers.removeLibraryEntries({ ids: 'all' });
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
      await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[aria-keyshortcuts="Space K"]')?.disabled);
      await page.waitForTimeout(300); // a listener reads the page before pressing Play
      play.push((await timeKeyToAudio(page, 'k')).audioMs);
      await page.waitForTimeout(400); // the next paragraph is prefetched while the first plays
      const moved = await timeKeyToAudio(page, 'ArrowDown');
      next.push(moved.audioMs);
      highlight.push(moved.highlightMs);
      await page.close();
    }
    // Gaps between paragraphs and rate changes, on short paragraphs (the gap is what a listener notices).
    // A fresh data folder each run: a saved position would otherwise start the next run at the end.
    const shortArticle = await loadArticleSource(shortArticlePath);
    if (!shortArticle.ok) throw new Error(shortArticle.message);
    for (let run = 0; run < Math.ceil(runs / 2); run++) {
      const { handlers: shortHandlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'article-player-bench-')), async () => shortArticle, speech);
      const shortHost = await startBrowserHost({ handlers: shortHandlers, rendererDir });
      const page = await browser.newPage();
      try {
        await page.goto(shortHost.url);
        await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[aria-keyshortcuts="Space K"]')?.disabled);
        await page.waitForTimeout(300);
        const gapsDone = timeParagraphGaps(page, shortArticle.article.blocks.length - 1);
        await page.keyboard.press('k');
        rateChange.push(await timeRateChange(page, '+'));
        rateChange.push(await timeRateChange(page, '-'));
        gaps.push(...(await gapsDone).map((ms) => ms - PARAGRAPH_PAUSE_MS));
      } finally {
        await page.close();
        await shortHost.close();
      }
    }
  } finally {
    await browser.close();
    await host.close();
  }

  const baselinePlay: number[] = [];
  const baselineNext: number[] = [];
  for (let run = 0; run < runs; run++) {
    baselinePlay.push(await baselineFirstAudio(article.blocks[0]!.text));
    baselineNext.push(await baselineFirstAudio(article.blocks[1]!.text));
  }
  const result = {
    article: { title: article.title, paragraphs: article.blocks.filter((block) => block.kind === 'paragraph').length },
    playToFirstAudioMs: { ...summarize(play), goal: 150 },
    nextParagraphToAudioMs: { ...summarize(next), goal: 100 },
    nextParagraphHighlightMs: { ...summarize(highlight), goal: 50 },
    // The paragraph gap of issue 13 (p95 goal 30).
    paragraphGapExtraMs: { ...summarize(gaps), configuredPauseMs: PARAGRAPH_PAUSE_MS, goal: 30 },
    rateChangeToAudibleMs: { ...summarize(rateChange), goal: 100 },
    baseline: {
      description:
        'one espeak-ng process per paragraph, started when the paragraph is wanted, no prefetch (as the say package does); time to its first audio bytes, before any playback. Between paragraphs this start-up is extra silence, and a rate change restarts the paragraph.',
      playToFirstAudioMs: summarize(baselinePlay),
      nextParagraphToAudioMs: summarize(baselineNext),
      paragraphGapExtraMs: summarize(baselineNext),
    },
  };
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    ...result,
    ratios: {
      playVsBaseline: ratio(result.playToFirstAudioMs.median, result.baseline.playToFirstAudioMs.median),
      nextVsBaseline: ratio(result.nextParagraphToAudioMs.median, result.baseline.nextParagraphToAudioMs.median),
    },
  };
}
