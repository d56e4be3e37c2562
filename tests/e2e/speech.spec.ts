/** Listening that keeps up: true pause, instant rate, sentence navigation, recovery from a dying engine. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audioTime, currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';

const ROOT = join(import.meta.dirname, '..', '..');
const spokenWord = (page: import('@playwright/test').Page) => page.evaluate(() => [...(CSS.highlights.get('ap-word') ?? [])][0]?.toString() ?? null);
const spokenSentence = (page: import('@playwright/test').Page) => page.evaluate(() => [...(CSS.highlights.get('ap-sentence') ?? [])][0]?.toString() ?? null);

test('pause and resume continue from the same word, not from the start of the paragraph', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('k');
  await expect.poll(() => audioTime(page)).toBeGreaterThan(2.5);
  await page.keyboard.press('k');
  const pausedAt = await audioTime(page);
  const word = await spokenWord(page);
  await page.waitForTimeout(600);
  expect(await spokenWord(page)).toBe(word);
  await page.keyboard.press('k');
  await expect.poll(() => audioTime(page)).toBeGreaterThan(pausedAt);
  expect(await audioTime(page)).toBeLessThan(pausedAt + 1); // resumed here, not restarted at 0 or skipped ahead
  expect(await currentBlock(page)).toBe(0);
});

test('a faster rate shortens the paragraph without restarting it', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('k');
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.5);
  const mediaPerSecond = async () => {
    const [t0, w0] = await page.evaluate(() => [document.querySelector('audio')!.currentTime, performance.now()]);
    await page.waitForTimeout(1000);
    const [t1, w1] = await page.evaluate(() => [document.querySelector('audio')!.currentTime, performance.now()]);
    return (t1! - t0!) / ((w1! - w0!) / 1000);
  };
  const normal = await mediaPerSecond();
  const source = await page.evaluate(() => document.querySelector('audio')!.src);
  const before = await audioTime(page);
  for (let i = 0; i < 10; i++) await page.keyboard.press('+');
  expect(await audioTime(page)).toBeGreaterThanOrEqual(before); // no jump back to the start
  const fast = await mediaPerSecond();
  expect(normal).toBeGreaterThan(0.8);
  expect(normal).toBeLessThan(1.2);
  expect(fast / normal).toBeGreaterThan(1.7); // 2x: the same audio plays through twice as fast
  expect(await page.evaluate(() => document.querySelector('audio')!.src)).toBe(source);
});

test('sentence navigation moves within the paragraph and across paragraphs', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('k');
  await expect.poll(() => spokenSentence(page)).toBe('Article Player reads articles aloud.');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => spokenSentence(page)).toMatch(/^Open a web page/);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => spokenSentence(page)).toMatch(/^Then it reads the article to you/);
  await page.keyboard.press('ArrowLeft'); // within a second of its start: the sentence before
  await expect.poll(() => spokenSentence(page)).toMatch(/^Open a web page/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight'); // past the last sentence: the next paragraph
  await expect.poll(() => currentBlock(page)).toBe(1);
  await expect.poll(() => spokenSentence(page)).toMatch(/^You are listening to the welcome article/);
  await page.keyboard.press(','); // at the start of a paragraph: back across the boundary, to its last sentence
  await expect.poll(() => currentBlock(page)).toBe(0);
  await expect.poll(() => spokenSentence(page)).toMatch(/^Then it reads the article to you/);
});

test('a speech engine killed mid-article: the reader says so, keeps its place, and the next Play works', async ({ page }) => {
  const marker = join(mkdtempSync(join(tmpdir(), 'ap-kill-')), 'kill-engine');
  const { url, child } = await startHost([], { ...process.env, PATH: `${join(ROOT, 'tests', 'fixtures', 'bin')}:${process.env.PATH}`, ARTICLE_PLAYER_KILL_ENGINE: marker });
  try {
    await openPlayer(page, url);
    await page.keyboard.press('k');
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.3);
    writeFileSync(marker, '');
    await page.keyboard.press('End'); // the last paragraph is not cached: the engine must run, and dies
    await expect(page.getByRole('main').getByText(/could not speak this paragraph: .*SIGKILL/)).toBeVisible();
    await expect(page.getByRole('status')).toContainText('SIGKILL');
    expect(await currentBlock(page)).toBe(14);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    rmSync(marker);
    expect(existsSync(marker)).toBe(false);
    await page.keyboard.press('k');
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.3);
    expect(await currentBlock(page)).toBe(14);
    await expect(page.getByRole('main').getByText(/could not speak this paragraph/)).toBeHidden();
  } finally {
    child.kill();
  }
});
