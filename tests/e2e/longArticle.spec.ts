/**
 * A 2,000-paragraph article end to end: the reader renders every block once and lets off-screen ones
 * skip layout (content-visibility), so this checks what depends on every block being in the
 * document: all of them there in order, find in page, selecting and reading a far paragraph, and the
 * position marks on exactly one current block while stepping.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generatedArticle } from '../../main/generatedArticle';
import { currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';

const COUNT = 2000;
const article = generatedArticle(COUNT);
const file = join(mkdtempSync(join(tmpdir(), 'ap-long-')), 'long.md');
writeFileSync(file, `# ${article.title}\n\n${article.blocks.map((block) => block.text).join('\n\n')}\n`);

const status = (page: Page) => page.getByRole('status');

test.describe('a 2,000-paragraph article', () => {
  let host: Awaited<ReturnType<typeof startHost>>;
  test.beforeAll(async () => {
    host = await startHost([file]);
  });
  test.afterAll(() => {
    host.child.kill('SIGTERM');
  });

  test('every block is in the document, in order, with its text; find in page reaches the last', async ({ page }) => {
    await openPlayer(page, host.url);
    const blocks = page.locator('article [data-block-index]');
    await expect(blocks).toHaveCount(COUNT);
    const found = await blocks.evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-block-index'), element.textContent]));
    expect(found).toEqual(article.blocks.map((block, i) => [String(i), block.text]));
    // Off-screen paragraphs skip layout, but stay findable: the browser's find lands in the last one.
    const last = article.blocks[COUNT - 1]!.text;
    const phrase = last.slice(0, last.indexOf('.'));
    const landedIn = await page.evaluate((text) => {
      const w = window as unknown as { find(text: string): boolean };
      return w.find(text) ? document.getSelection()!.anchorNode!.parentElement!.getAttribute('data-block-index') : null;
    }, phrase);
    expect(landedIn).toBe(String(COUNT - 1));
    await expect(page.locator('[data-block-index="0"]')).toHaveCSS('content-visibility', 'auto');
  });

  test('stepping marks one current block at a time; a selection far down reads from there', async ({ page }) => {
    await openPlayer(page, host.url);
    expect(await currentBlock(page)).toBe(0);
    for (let step = 1; step <= 3; step++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => currentBlock(page)).toBe(step);
      await expect(page.locator('[aria-current]')).toHaveCount(1);
      await expect(page.locator(`[data-block-index="${step}"]`)).toHaveAttribute('tabindex', '0');
      await expect(page.locator(`[data-block-index="${step - 1}"]`)).toHaveAttribute('tabindex', '-1');
    }
    // Select from inside paragraph 1,500 into the next, as a mouse would; the text is what is shown.
    const target = 1500;
    const selected = await page.evaluate((index) => {
      const from = document.querySelector(`[data-block-index="${index}"]`)!.firstChild as Text;
      const to = document.querySelector(`[data-block-index="${index + 1}"]`)!.firstChild as Text;
      const range = document.createRange();
      range.setStart(from, from.data.indexOf(' ') + 1);
      range.setEnd(to, to.data.indexOf(' '));
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return document.getSelection()!.toString();
    }, target);
    const from = article.blocks[target]!.text;
    expect(selected.startsWith(from.slice(from.indexOf(' ') + 1))).toBe(true);
    expect(selected.endsWith(article.blocks[target + 1]!.text.split(' ')[0]!)).toBe(true);
    await page.keyboard.press('r');
    await expect(status(page)).toHaveText('Reading the selection');
    await expect.poll(() => currentBlock(page)).toBe(target);
    await expect(page.locator('[aria-current]')).toHaveCount(1);
    await expect(page.locator(`[data-block-index="${target}"]`)).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    // Everything before the current block is marked read; nothing after it.
    const read = await page.locator('[data-block-index].read').count();
    expect(read).toBe(target);
  });
});
