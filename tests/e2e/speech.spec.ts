/** Listening that keeps up: true pause, instant rate, sentence navigation, recovery from a dying engine. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  await page.keyboard.press('ArrowDown'); // the first paragraph, longer than the title
  await page.keyboard.press('k');
  // Past the opening sentence (said from its own audio so Play starts at once): the whole paragraph plays.
  await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.duration), { timeout: 10_000 }).toBeGreaterThan(3);
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
  // Each step must land within 3 s: the sentences are 6-10 s long, so waiting longer could pass by the
  // audio reaching the next sentence by itself. Pairs of presses check that a quick second press is
  // not lost (it once was: a seek read back a microsecond early, in the sentence before).
  const soon = { timeout: 3000 };
  await openPlayer(page, host.url);
  await page.keyboard.press('k');
  await expect.poll(() => spokenSentence(page), soon).toBe('Welcome to Article Player'); // the title first
  await expect.poll(() => spokenSentence(page), { timeout: 6000 }).toBe('Article Player reads articles aloud.'); // then on by itself
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => spokenSentence(page), soon).toMatch(/^Open a web page/);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => spokenSentence(page), soon).toMatch(/^Then it reads the article to you/);
  await page.keyboard.press('ArrowLeft'); // within a second of its start: the sentence before
  await expect.poll(() => spokenSentence(page), soon).toMatch(/^Open a web page/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight'); // past the last sentence: the next paragraph
  await expect.poll(() => currentBlock(page), soon).toBe(1);
  await expect.poll(() => spokenSentence(page), soon).toMatch(/^This is the welcome article: press Space/);
  await page.keyboard.press(','); // at the start of a paragraph: back across the boundary, to its last sentence
  await expect.poll(() => currentBlock(page), soon).toBe(0);
  await expect.poll(() => spokenSentence(page), soon).toMatch(/^Then it reads the article to you/);
  await page.keyboard.press('.');
  await page.keyboard.press('.'); // two quick presses: the second sentence of the paragraph after
  await expect.poll(() => currentBlock(page), soon).toBe(1);
  await expect.poll(() => spokenSentence(page), soon).toBe('Everything in Article Player works from the keyboard.');
  await page.keyboard.press('End');
  await page.keyboard.press('.'); // most often while the last paragraph is still being synthesized: not lost either
  await expect.poll(() => currentBlock(page), soon).toBe(14);
  await expect.poll(() => spokenSentence(page), soon).toBe('Open any article and enjoy listening.');
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

test.describe('direct speech (speech-dispatcher) when no engine can give audio', () => {
  // spd-say needs an audio device, which this machine lacks; tests/fixtures/bin-direct/spd-say stands in
  // for it (it takes 20 ms a word and logs what it was asked to say). PATH holds nothing else, so neither
  // espeak-ng nor festival is found and the player must fall back to direct speech.
  const directEnv = (log: string) => ({ ...process.env, PATH: join(ROOT, 'tests', 'fixtures', 'bin-direct'), ARTICLE_PLAYER_SPOKEN_LOG: log });
  /** This test's spd-say stand-ins still running (found by the log path in their environment: other tests run in parallel). */
  const speaking = (log: string) =>
    readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('spd-say') && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(log);
        } catch {
          return false; // gone already
        }
      });

  test('reads paragraph after paragraph through the direct engine, highlighting each paragraph', async ({ page }) => {
    const log = join(mkdtempSync(join(tmpdir(), 'ap-direct-')), 'spoken.log');
    const { url, child } = await startHost([join(ROOT, 'tests', 'fixtures', 'short.txt')], directEnv(log));
    try {
      await openPlayer(page, url);
      await expect(page.getByText(/Speech Dispatcher speaks directly/)).toBeVisible();
      await expect(page.getByText('Voice: Speech Dispatcher')).toBeVisible();
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => currentBlock(page)).toBe(1);
      await expect(page.getByRole('status')).toHaveText('End of article', { timeout: 15_000 });
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
        'The first paragraph is short.',
        'The second paragraph is short too.',
        'The third and last paragraph.',
      ]);
    } finally {
      child.kill();
    }
  });

  test('pause stops the speech process; resume starts the sentence again', async ({ page }) => {
    const log = join(mkdtempSync(join(tmpdir(), 'ap-direct-')), 'spoken.log');
    const { url, child } = await startHost([], directEnv(log));
    try {
      await openPlayer(page, url);
      await page.keyboard.press('k');
      await expect.poll(() => (existsSync(log) ? readFileSync(log, 'utf8') : '')).toContain('Article Player reads articles aloud.');
      await page.keyboard.press('k');
      await expect(page.getByRole('status')).toHaveText('Paused');
      // The stand-in for the first paragraph (about 50 words) would take a second; it was stopped, not left running.
      await expect.poll(() => speaking(log)).toEqual([]);
      expect(await currentBlock(page)).toBe(0);
      await page.keyboard.press('ArrowRight'); // paused: move to the second sentence without speaking
      await page.keyboard.press('k');
      await expect.poll(() => readFileSync(log, 'utf8')).toContain('\nOpen a web page, an HTML or text file');
    } finally {
      child.kill();
    }
  });

  /** Speaks one paragraph of 600 words (the stand-in takes 12 s), runs `leave` on the page, and checks that the speech stops. */
  async function speechStopsWhen(page: import('@playwright/test').Page, leave: () => Promise<void>) {
    const dir = mkdtempSync(join(tmpdir(), 'ap-direct-'));
    const log = join(dir, 'spoken.log');
    const article = join(dir, 'long.txt');
    writeFileSync(article, `A long paragraph\n\n${'This sentence has six words in it. '.repeat(100)}\n`);
    const { url, child } = await startHost([article], directEnv(log));
    try {
      await openPlayer(page, url);
      await page.keyboard.press('k');
      await expect.poll(() => speaking(log)).toHaveLength(1);
      await leave();
      await expect.poll(() => speaking(log), { timeout: 3000 }).toEqual([]);
    } finally {
      child.kill();
    }
  }

  test('closing or reloading the page stops the speech at once', async ({ page }) => {
    await speechStopsWhen(page, async () => {
      await page.reload();
    });
  });

  test('a page that crashes stops the speech too (the host sees its connection drop)', async ({ page }) => {
    // No unload handlers run in a crash: only the host can notice.
    await speechStopsWhen(page, async () => {
      const devtools = await page.context().newCDPSession(page);
      void devtools.send('Page.crash').catch(() => undefined); // never answers: the page is gone
    });
  });
});
