/** Starts the real browser host (`npm start -- --browser --no-open`, built) and opens the printed address. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..');

export interface RunningHost {
  url: string;
  output: string[];
  /** Where this host keeps settings and the library. */
  dataDir: string;
}

/** Each host gets its own empty data folder unless the test passes one (to test persistence). */
export async function startHost(args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<RunningHost & { child: ChildProcess }> {
  const dataDir = env.ARTICLE_PLAYER_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ap-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'start.js'), '--browser', '--no-open', ...args], {
    env: { ...env, ARTICLE_PLAYER_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not print its address: ${output.join('\n')}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output.push(...chunk.toString().split('\n').filter(Boolean));
      const line = output.find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${output.join('\n')}`)));
  });
  return { url, output, dataDir, child };
}

/** The player page for an article, loaded and ready. */
export async function openPlayer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled(); // the player is ready for keys
}

export const audioTime = (page: Page) => page.evaluate(() => document.querySelector('audio')!.currentTime);
/** The block being read: its index, or -1 while the title (read before block 0) is. */
export const currentBlock = (page: Page) =>
  page
    .locator('article h1[aria-current], [data-block-index][aria-current]')
    .first()
    .evaluate((element) => (element.hasAttribute('data-block-index') ? Number(element.getAttribute('data-block-index')) : -1));

type Fixtures = { host: RunningHost; hostArgs: string[] };

export const test = base.extend<Fixtures>({
  hostArgs: [[], { option: true }],
  host: async ({ hostArgs }, use) => {
    const { child, ...host } = await startHost(hostArgs);
    await use(host);
    child.kill('SIGTERM');
  },
});

export { expect };
