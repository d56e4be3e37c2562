/**
 * `npm run bench`: latency of the real player in Debian's Chromium against the real browser host and
 * espeak-ng, with a baseline measured in the same run: one engine process per paragraph, started
 * when that paragraph is wanted (no prefetch), the way the `say` package works. Prints JSON.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createAppHandlers, memoizedSpeech } from './api/createAppContext.js';
import { loadArticleSource } from './article/loadArticleSource.js';
import { startBrowserHost } from './hosts/browserHost.js';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'];

interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]!), max: round(sorted.at(-1)!), runs: values.length };
}

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
    ({ src, block }) =>
      new Promise<{ audioMs: number; highlightMs: number }>((resolve) => {
        const w = window as unknown as { __bench: { t0: number } };
        const audio = document.querySelector('audio')!;
        let highlightMs = -1;
        const poll = () => {
          const now = performance.now() - w.__bench.t0;
          const current = document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? null;
          if (highlightMs < 0 && current !== block) highlightMs = now;
          const newAudio = src === '' || audio.src !== src || key === 'k';
          if (newAudio && !audio.paused && audio.currentTime > 0) resolve({ audioMs: now, highlightMs });
          else setTimeout(poll, 1);
        };
        const key = block === null ? 'k' : '';
        poll();
      }),
    before,
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

async function main(): Promise<void> {
  const speech = memoizedSpeech();
  const initial = await loadArticleSource(null);
  if (!initial.ok) throw new Error(initial.message);
  const blocks = initial.article.blocks.filter((block) => block.kind === 'paragraph');
  // A fresh data folder: the bench never touches the user's library.
  const { handlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'article-player-bench-')), async () => initial, speech);
  const host = await startBrowserHost({ handlers, rendererDir: join(here, '..', 'renderer') });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const play: number[] = [];
  const next: number[] = [];
  const highlight: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      await page.goto(host.url);
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
  } finally {
    await browser.close();
    await host.close();
  }

  const baselinePlay: number[] = [];
  const baselineNext: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baselinePlay.push(await baselineFirstAudio(initial.article.blocks[0]!.text));
    baselineNext.push(await baselineFirstAudio(initial.article.blocks[1]!.text));
  }
  const result = {
    machine: { cpus: cpus().length, node: process.version, engine: (await speech('auto')).engine?.name ?? null },
    article: { title: initial.article.title, paragraphs: blocks.length },
    playToFirstAudioMs: { ...summarize(play), goal: 150 },
    nextParagraphToAudioMs: { ...summarize(next), goal: 100 },
    nextParagraphHighlightMs: { ...summarize(highlight), goal: 50 },
    baseline: {
      description: 'one espeak-ng process per paragraph, started on demand, no prefetch (as the say package does); time to its first audio bytes, before any playback',
      playToFirstAudioMs: summarize(baselinePlay),
      nextParagraphToAudioMs: summarize(baselineNext),
    },
  };
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  console.log(
    JSON.stringify(
      {
        ...result,
        ratios: {
          playVsBaseline: ratio(result.playToFirstAudioMs.median, result.baseline.playToFirstAudioMs.median),
          nextVsBaseline: ratio(result.nextParagraphToAudioMs.median, result.baseline.nextParagraphToAudioMs.median),
        },
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
