/**
 * Play to first audio as a listener meets it: the key press to the audio element's `playing` event,
 * in Debian's Chromium against the browser host and espeak-ng. The cold case is the first Play after
 * the app starts: a fresh `start.js --browser` process (fresh data folder, so nothing is cached) and a
 * fresh Chromium, each run. Later Plays are new pages on the same running app (it has spoken once).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchBenchBrowser, summarize, waitForPlayer } from './support.js';

export interface PlayStartOptions {
  /** out/main/start.js */
  startScript: string;
  freshStarts: number;
  laterPlaysPerStart: number;
}

/** Starts the app's browser host as the user would, and resolves with its address once printed. */
function startApp(startScript: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, ARTICLE_PLAYER_DATA_DIR: mkdtempSync(join(tmpdir(), 'article-player-bench-start-')) };
  const child = spawn(process.execPath, [startScript, '--browser', '--no-open'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the app did not print its address: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/u.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the app stopped (${code}): ${output}`)));
  });
}

function stopApp(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** Presses Play and resolves with the time from the keydown to `playing`, and to the audio clock moving. */
export async function timePlay(page: Page, key = 'k'): Promise<{ playingMs: number; clockMs: number }> {
  await page.evaluate(() => {
    const audio = document.querySelector('audio')!;
    const w = window as unknown as { __play: { t0: number; playing: number; clock: number } };
    w.__play = { t0: -1, playing: -1, clock: -1 };
    window.addEventListener('keydown', () => (w.__play.t0 = performance.now()), { capture: true, once: true });
    audio.addEventListener('playing', () => (w.__play.playing = performance.now()), { once: true });
  });
  await page.keyboard.press(key);
  return page.evaluate(
    () =>
      new Promise<{ playingMs: number; clockMs: number }>((resolve, reject) => {
        const w = window as unknown as { __play: { t0: number; playing: number; clock: number } };
        const audio = document.querySelector('audio')!;
        const giveUp = setTimeout(() => reject(new Error('no audio within 20 s')), 20_000);
        const poll = () => {
          if (w.__play.clock < 0 && !audio.paused && audio.currentTime > 0) w.__play.clock = performance.now();
          if (w.__play.playing >= 0 && w.__play.clock >= 0) {
            clearTimeout(giveUp);
            resolve({ playingMs: w.__play.playing - w.__play.t0, clockMs: w.__play.clock - w.__play.t0 });
          } else setTimeout(poll, 1);
        };
        poll();
      }),
  );
}

/** Opens the app in a page, waits as a listener would (the page read, then Play), and times Play. */
async function openAndPlay(browser: Browser, url: string) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await waitForPlayer(page);
    await page.waitForTimeout(300); // a listener reads the page before pressing Play
    return await timePlay(page);
  } finally {
    await page.close();
  }
}

export async function runPlayStartBench(options: PlayStartOptions) {
  const cold: number[] = [];
  const coldClock: number[] = [];
  const later: number[] = [];
  const laterClock: number[] = [];
  for (let run = 0; run < options.freshStarts; run++) {
    const { url, child } = await startApp(options.startScript);
    const browser = await launchBenchBrowser();
    try {
      const first = await openAndPlay(browser, url);
      cold.push(first.playingMs);
      coldClock.push(first.clockMs);
      for (let again = 0; again < options.laterPlaysPerStart; again++) {
        const next = await openAndPlay(browser, url);
        later.push(next.playingMs);
        laterClock.push(next.clockMs);
      }
    } finally {
      await browser.close();
      await stopApp(child);
    }
  }
  const coldSummary = summarize(cold);
  const laterSummary = summarize(later);
  return {
    description:
      'keydown to the audio element\'s playing event; cold: the first Play after a fresh start of the app (start.js --browser, fresh data folder) in a fresh Chromium; later: new pages on the same running app',
    coldFirstPlayMs: { ...coldSummary, each: cold.map((ms) => Math.round(ms * 10) / 10), goal: 60 },
    coldFirstPlayToClockMs: summarize(coldClock),
    laterPlayMs: { ...laterSummary, goal: 40 },
    laterPlayToClockMs: summarize(laterClock),
    goals: { coldMedianAtMost60: coldSummary.median <= 60, laterMedianAtMost40: laterSummary.median <= 40 },
  };
}
