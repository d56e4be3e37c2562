/**
 * Play to first audio as a listener meets it: the key press to audible audio, in Debian's Chromium
 * against the browser host and espeak-ng. The cold cases are Play pressed as soon as it is enabled, the
 * first Play after the app starts: a fresh `start.js --browser` process (fresh data folder, so nothing
 * is cached) and a fresh Chromium, each run; with the welcome article, with an HTML article named on the
 * command line (`start.js --browser file.html`), and with that article opened through Open... (Choose
 * File) on the freshly started app, Play pressed the moment its title shows. The baseline, in the same
 * run: new pages on the same running app (it has spoken once), Play pressed at once and after reading
 * the page for 300 ms.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { generatedArticle } from '../generatedArticle.js';
import { articleHtml } from './htmlOpen.js';
import { launchBenchBrowser, startApp, stopApp, summarize, waitForPlayer } from './support.js';

const FILE_LABEL = 'A file on this computer (HTML, text, Markdown, PDF or EPUB)';

export interface PlayStartOptions {
  /** out/main/start.js */
  startScript: string;
  freshStarts: number;
  laterPlaysPerStart: number;
}

/**
 * Presses Play and resolves with the time from the keydown to the audio element's `playing` event after
 * it, and to audible audio: playing, not muted (the warm-up at open plays muted), its clock moving.
 */
export async function timePlay(page: Page, key = 'k'): Promise<{ playingMs: number; clockMs: number }> {
  await page.evaluate(() => {
    const audio = document.querySelector('audio')!;
    const w = window as unknown as { __play: { t0: number; startAt: number; playing: number } };
    w.__play = { t0: -1, startAt: 0, playing: -1 };
    window.addEventListener(
      'keydown',
      () => {
        w.__play.t0 = performance.now();
        w.__play.startAt = audio.currentTime;
        audio.addEventListener('playing', () => (w.__play.playing = performance.now()), { once: true });
      },
      { capture: true, once: true },
    );
  });
  await page.keyboard.press(key);
  return page.evaluate(
    () =>
      new Promise<{ playingMs: number; clockMs: number }>((resolve, reject) => {
        const w = window as unknown as { __play: { t0: number; startAt: number; playing: number } };
        const audio = document.querySelector('audio')!;
        const giveUp = setTimeout(() => reject(new Error('no audio within 20 s')), 20_000);
        const poll = () => {
          // A Play that finds the element already playing (muted) only unmutes it: no new `playing`.
          if (!audio.paused && !audio.muted && audio.currentTime !== w.__play.startAt) {
            clearTimeout(giveUp);
            const clock = performance.now() - w.__play.t0;
            resolve({ playingMs: w.__play.playing >= 0 ? w.__play.playing - w.__play.t0 : clock, clockMs: clock });
          } else setTimeout(poll, 1);
        };
        poll();
      }),
  );
}

/** Opens the app in a page and times Play: pressed as soon as it is enabled, or after reading the page a moment. */
async function openAndPlay(browser: Browser, url: string, atOnce: boolean) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await waitForPlayer(page);
    if (!atOnce) await page.waitForTimeout(300); // a listener reads the page before pressing Play
    return await timePlay(page);
  } finally {
    await page.close();
  }
}

/** A fresh app (and Chromium) per run, `args` on its command line; `play` opens a page and times the first Play. */
async function coldRuns(options: PlayStartOptions, args: readonly string[], play: (browser: Browser, url: string) => Promise<{ clockMs: number }>) {
  const times: number[] = [];
  for (let run = 0; run < options.freshStarts; run++) {
    const { url, child } = await startApp(options.startScript, args);
    const browser = await launchBenchBrowser();
    try {
      times.push((await play(browser, url)).clockMs);
    } finally {
      await browser.close();
      await stopApp(child);
    }
  }
  return times;
}

/** The freshly started app's page, the article opened through Open... > Choose File, Play pressed the moment its title shows. */
async function openThroughDialogAndPlay(browser: Browser, url: string, file: string, title: string) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await waitForPlayer(page);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('dialog', { name: 'Open an article' }).getByLabel(FILE_LABEL).setInputFiles(file);
    await page.waitForFunction(
      (expected) => document.querySelector('article h1')?.textContent?.trim() === expected && !document.querySelector<HTMLButtonElement>('[aria-keyshortcuts="Space K"]')?.disabled,
      title,
      { timeout: 60_000, polling: 'raf' },
    );
    return await timePlay(page);
  } finally {
    await page.close();
  }
}

export async function runPlayStartBench(options: PlayStartOptions) {
  const cold: number[] = [];
  const coldPlaying: number[] = [];
  const warmAtOnce: number[] = [];
  const later: number[] = [];
  for (let run = 0; run < options.freshStarts; run++) {
    const { url, child } = await startApp(options.startScript);
    const browser = await launchBenchBrowser();
    try {
      const first = await openAndPlay(browser, url, true);
      cold.push(first.clockMs);
      coldPlaying.push(first.playingMs);
      for (let again = 0; again < options.laterPlaysPerStart; again++) {
        warmAtOnce.push((await openAndPlay(browser, url, true)).clockMs);
        later.push((await openAndPlay(browser, url, false)).clockMs);
      }
    } finally {
      await browser.close();
      await stopApp(child);
    }
  }
  // An ordinary article (40 paragraphs of HTML), from the command line and through Open.
  const article = generatedArticle(40);
  const file = join(mkdtempSync(join(tmpdir(), 'article-player-bench-play-')), 'article.html');
  writeFileSync(file, articleHtml(article));
  const fromFile = await coldRuns(options, [file], (browser, url) => openAndPlay(browser, url, true));
  const throughOpen = await coldRuns(options, [], (browser, url) => openThroughDialogAndPlay(browser, url, file, article.title));
  const coldSummary = summarize(cold);
  const laterSummary = summarize(later);
  const each = (values: number[]) => values.map((ms) => Math.round(ms * 10) / 10);
  return {
    description:
      "keydown to audible audio (playing, unmuted, its clock moving). Cold: Play pressed as soon as it is enabled, the first Play after a fresh start of the app (start.js --browser, fresh data folder) in a fresh Chromium. Baseline, same run: new pages on the same running app, Play pressed at once (warmAtOnce) and after reading the page for 300 ms (later)",
    coldFirstPlayMs: { ...coldSummary, each: each(cold), goal: 60 },
    coldFirstPlayToPlayingEventMs: summarize(coldPlaying),
    coldFromFileMs: { ...summarize(fromFile), each: each(fromFile), goal: 60, how: 'start.js --browser article.html, Play as soon as it is enabled' },
    coldThroughOpenMs: { ...summarize(throughOpen), each: each(throughOpen), goal: 60, how: 'fresh app, Open... > Choose File article.html, Play the moment its title shows' },
    warmAtOncePlayMs: summarize(warmAtOnce),
    laterPlayMs: { ...laterSummary, goal: 40 },
    goals: {
      coldMedianAtMost60: coldSummary.median <= 60,
      coldFromFileMedianAtMost60: summarize(fromFile).median <= 60,
      coldThroughOpenMedianAtMost60: summarize(throughOpen).median <= 60,
      laterMedianAtMost40: laterSummary.median <= 40,
    },
  };
}
