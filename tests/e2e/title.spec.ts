/** The title (and, as a setting, the byline) read before the first paragraph (issue 25), with the real engine in Chromium. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';

const sentence = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('ap-sentence') ?? [])][0]?.toString() ?? null);
const word = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('ap-word') ?? [])][0]?.toString() ?? null);
const sentenceIn = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('ap-sentence') ?? [])][0]?.startContainer.parentElement?.tagName ?? null);

test('an article starts at its title: read first and highlighted, then the first paragraph; Home goes back to it', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const title = page.locator('article > h1');
  await expect(title).toHaveAttribute('aria-current', 'location'); // where reading starts
  await expect(page.getByRole('slider', { name: 'Position in article' })).toHaveAttribute('aria-valuetext', /^Title, 0 seconds in/);
  await expectNoAxeViolations(page, 'the title is the reading place');

  await page.keyboard.press('k');
  await expect.poll(() => sentence(page)).toBe('Welcome to Article Player');
  expect(await sentenceIn(page)).toBe('H1');
  await expect.poll(() => word(page)).toBeTruthy();
  // Then the first paragraph, numbered as before: "Paragraph 1".
  await expect.poll(() => currentBlock(page), { timeout: 15_000 }).toBe(0);
  await expect(title).not.toHaveAttribute('aria-current');
  await expect.poll(() => sentence(page)).toMatch(/^Article Player reads articles aloud/);

  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('status')).toHaveText(/^Paragraph 2 of \d+$/);
  await page.keyboard.press('Home');
  await expect(page.getByRole('status')).toHaveText('Title');
  await expect(title).toHaveAttribute('aria-current', 'location');
  await expect.poll(() => sentence(page)).toBe('Welcome to Article Player');
  // Previous paragraph from the first one goes to the title too; Next from the title to paragraph 1.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('status')).toHaveText(/^Paragraph 1 of \d+$/);
  await page.keyboard.press('p');
  await expect(page.getByRole('status')).toHaveText(/^Paragraph 1 of \d+, /);
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('status')).toHaveText('Title');
  await expect(title).toHaveAttribute('aria-current', 'location');
});

test('a place saved past the start resumes there without the title; the title itself is saved as the start', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => currentBlock(page)).toBe(1);
  await page.keyboard.press('k');
  await page.reload();
  await openPlayer(page, host.url.replace(/\?token=.*/, ''));
  expect(await currentBlock(page)).toBe(1);
  await expect(page.locator('article > h1')).not.toHaveAttribute('aria-current');
  await page.keyboard.press('Home');
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('k'); // paused at the title (or just after it): the place saved is the very start
  await page.reload();
  await openPlayer(page, host.url.replace(/\?token=.*/, ''));
  await expect(page.locator('article > h1')).toHaveAttribute('aria-current', 'location');
});

test('the byline after the title, when Settings asks for it', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ap-title-'));
  const file = join(dir, 'ferry.html');
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Harbour Ferry</title><meta name="author" content="Jane Doe"></head>
<body><article><h1>The Harbour Ferry</h1>
<p>The ferry leaves the harbour at seven every morning, whatever the weather, and it has done so for ninety years.</p>
<p>Its captain knows every passenger by name, and most of their dogs as well, which is more than the mayor can say.</p>
</article></body></html>`,
  );
  const host = await startHost([file]);
  try {
    await openPlayer(page, host.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const byline = page.getByRole('checkbox', { name: 'Read the author after the title' });
    await expect(byline).not.toBeChecked(); // off by default
    await byline.check();
    await page.keyboard.press('Escape');
    await page.reload(); // it applies from the next article opened
    await openPlayer(page, host.url.replace(/\?token=.*/, ''));
    await page.keyboard.press('k');
    await expect.poll(() => sentence(page)).toBe('The Harbour Ferry');
    await expect.poll(() => sentence(page), { timeout: 10_000 }).toBe('By Jane Doe');
    expect(await sentenceIn(page)).toBe('SPAN'); // the byline line under the title
    await expect.poll(() => currentBlock(page), { timeout: 15_000 }).toBe(0);
  } finally {
    host.child.kill();
  }
});
