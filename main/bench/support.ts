/** What every browser bench shares: the summary of a list of timings, Debian's Chromium launched the same way, waiting for the player. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

export function summarize(values: number[]): Summary {
  if (values.length === 0) return { median: NaN, p95: NaN, min: NaN, max: NaN, runs: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]!), max: round(sorted.at(-1)!), runs: values.length };
}

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The Play button is enabled: a player exists for the article. */
export async function waitForPlayer(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[aria-keyshortcuts="Space K"]')?.disabled, undefined, { timeout: 60_000 });
}

/** Starts the app's browser host as the user would, and resolves with its address once printed. */
export function startApp(startScript: string, args: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, ARTICLE_PLAYER_DATA_DIR: mkdtempSync(join(tmpdir(), 'article-player-bench-start-')) };
  const child = spawn(process.execPath, [startScript, '--browser', '--no-open', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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

export function stopApp(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
