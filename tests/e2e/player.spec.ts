/**
 * The player end to end in Debian's Chromium, against the real browser host, the real espeak-ng and
 * real audio playback (headless Chromium advances currentTime without a sound card).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { audioTime, currentBlock, expect, openPlayer, test } from './browserHost.fixture';

const ROOT = join(import.meta.dirname, '..', '..');

test.describe('welcome article', () => {
  test('loads as clean text: an article, its title as h1, the same blocks as extract --json', async ({ page, host }) => {
    await openPlayer(page, host.url);
    const expected = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'out', 'main', 'cli.js'), 'extract', join(ROOT, 'assets', 'welcome.md'), '--json']).toString()) as {
      title: string;
      blocks: Array<{ text: string }>;
    };
    await expect(page.locator('article > h1')).toHaveText(expected.title);
    const blocks = page.locator('article [data-block-index]');
    await expect(blocks).toHaveCount(expected.blocks.length);
    const texts = await blocks.allTextContents();
    expect(texts).toEqual(expected.blocks.map((b) => b.text));
    const indexes = await blocks.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-block-index'))));
    expect(indexes).toEqual(expected.blocks.map((_, i) => i));
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/); // the token left the address bar
  });

  test('has the named toolbar controls, a status region and an audio element', async ({ page, host }) => {
    await openPlayer(page, host.url);
    const toolbar = page.getByRole('toolbar');
    for (const name of ['Play', 'Previous paragraph', 'Next paragraph']) await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
    const slider = toolbar.getByRole('slider', { name: 'Speech rate' });
    await expect(slider).toHaveAttribute('aria-valuetext', '1.0 times normal speed, 175 words per minute');
    await expect(page.getByRole('status')).toHaveCount(1);
    await expect(page.locator('audio')).toHaveCount(1);
    await expect(toolbar.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-keyshortcuts', 'Space K');
  });

  test('Play speaks: audio time advances, the button becomes Pause, the status says so', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Playing');
    expect(await currentBlock(page)).toBe(-1); // the title first
    await expect.poll(() => currentBlock(page), { timeout: 15_000 }).toBe(0); // then the first paragraph
    // The audio really is speech from the engine: a WAV blob of several seconds (the whole paragraph's,
    // once the opening sentence, said alone so Play starts at once, has been heard).
    await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.duration), { timeout: 10_000 }).toBeGreaterThan(3);
  });

  test('the spoken word and sentence are highlighted and move with the audio', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.keyboard.press('k');
    const spoken = () =>
      page.evaluate(() => ({
        word: [...(CSS.highlights.get('ap-word') ?? [])].map((r) => r.toString())[0] ?? null,
        sentence: [...(CSS.highlights.get('ap-sentence') ?? [])].map((r) => r.toString())[0] ?? null,
      }));
    await expect.poll(async () => (await spoken()).word).toBeTruthy();
    const first = await spoken();
    expect(first.sentence).toBe(await page.locator('article > h1').textContent()); // the title is read first
    await expect.poll(async () => (await spoken()).word, { timeout: 5000 }).not.toBe(first.word);
  });

  test('ArrowDown moves aria-current and plays the next paragraph; ArrowUp early goes back', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.keyboard.press('ArrowDown'); // from the title to the first paragraph
    await page.keyboard.press(' ');
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.3);
    const firstSource = await page.evaluate(() => document.querySelector('audio')!.src);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentBlock(page)).toBe(1);
    await expect(page.getByRole('status')).toHaveText('Paragraph 2 of 15');
    await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.src)).not.toBe(firstSource);
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => currentBlock(page)).toBe(0);
    await page.keyboard.press('End');
    await expect.poll(() => currentBlock(page)).toBe(14);
    await expect(page.locator('[data-block-index="14"]')).toBeInViewport();
  });

  test('Pause stops the clock and Play resumes from the same point', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.keyboard.press('ArrowDown'); // the first paragraph, longer than the title
    await page.keyboard.press('k');
    await expect.poll(() => audioTime(page)).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Paused');
    const pausedAt = await audioTime(page);
    await page.waitForTimeout(700);
    expect(await audioTime(page)).toBe(pausedAt);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => audioTime(page)).toBeGreaterThan(pausedAt + 0.2);
    expect(await currentBlock(page)).toBe(0);
  });

  test('+ and - change the rate at once, on the audio that is playing', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.keyboard.press('ArrowDown'); // the first paragraph, longer than the title
    await page.keyboard.press('k');
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.3);
    const source = await page.evaluate(() => document.querySelector('audio')!.src);
    for (let i = 0; i < 5; i++) await page.keyboard.press('+');
    const slider = page.getByRole('slider', { name: 'Speech rate' });
    await expect(slider).toHaveValue('1.5');
    await expect(slider).toHaveAttribute('aria-valuetext', '1.5 times normal speed, 263 words per minute');
    expect(await page.evaluate(() => document.querySelector('audio')!.playbackRate)).toBeCloseTo(1.5, 5);
    expect(await page.evaluate(() => document.querySelector('audio')!.preservesPitch)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('audio')!.src)).toBe(source); // not restarted
    await page.keyboard.press('0');
    await expect(slider).toHaveValue('1');
  });
});

test.describe('a short article', () => {
  test.use({ hostArgs: ['tests/fixtures/short.txt'] });

  test('aria-current moves on by itself when a paragraph ends, to the end of the article', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await expect(page.locator('article > h1')).toHaveText('Short Article For Tests');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => currentBlock(page), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => currentBlock(page), { timeout: 15_000 }).toBe(2);
    await expect(page.getByRole('status')).toHaveText('End of article', { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  });

  test('clicking a paragraph reads from there', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.locator('[data-block-index="2"]').click();
    await expect.poll(() => currentBlock(page)).toBe(2);
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2);
  });
});

test.describe('problems are shown, never a blank page', () => {
  test('a missing file names the problem', async ({ page }) => {
    const { startHost } = await import('./browserHost.fixture');
    const { url, child } = await startHost(['/nonexistent/article.html']);
    try {
      await page.goto(url);
      await expect(page.getByRole('heading', { name: 'This article could not be opened' })).toBeVisible();
      await expect(page.getByText('The file /nonexistent/article.html does not exist.')).toBeVisible();
    } finally {
      child.kill();
    }
  });

  test('no speech engine: the article is still shown, with what to install', async ({ page }) => {
    const { startHost } = await import('./browserHost.fixture');
    const { url, child } = await startHost([], { ...process.env, PATH: '/nonexistent' });
    try {
      await openPlayer(page, url);
      await expect(page.getByText(/Install espeak-ng/).first()).toBeVisible();
      await expect(page.locator('[data-block-index]')).toHaveCount(15);
      await page.keyboard.press('k');
      await expect(page.getByRole('status')).toContainText('Install espeak-ng');
    } finally {
      child.kill();
    }
  });
});

test.describe('keyboard shortcuts dialog', () => {
  test('? opens it, Escape closes it, focus returns', async ({ page, host }) => {
    await openPlayer(page, host.url);
    const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await opener.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Next paragraph/ })).toContainText('Down Arrow or L');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('k'); // keys inside the dialog do not control playback
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});
