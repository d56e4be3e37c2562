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
import { audioTime, currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';
import { recordSynthesisRequests } from './synthesisRequests';

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
    // Off-screen blocks skip layout a chunk at a time: a few dozen elements watched, not 2,000.
    await expect(page.locator('[data-block-index="0"]').locator('xpath=..')).toHaveCSS('content-visibility', 'auto');
    await expect(page.locator('[data-block-index="0"]')).toHaveCSS('content-visibility', 'visible');
    expect(await page.locator('article .block-chunk').count()).toBe(COUNT / 50);
  });

  test('stepping marks one current block at a time; a selection far down reads from there', async ({ page }) => {
    await openPlayer(page, host.url);
    expect(await currentBlock(page)).toBe(-1); // the title, read before the first paragraph
    for (let step = 0; step <= 3; step++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => currentBlock(page)).toBe(step);
      await expect(page.locator('[aria-current]')).toHaveCount(1);
      await expect(page.locator(`[data-block-index="${step}"]`)).toHaveAttribute('tabindex', '0');
      await expect(step === 0 ? page.locator('article h1') : page.locator(`[data-block-index="${step - 1}"]`)).toHaveAttribute('tabindex', '-1');
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

  test('holding Down while playing: ten steps back to back land on the eleventh paragraph, which alone is synthesized and spoken', async ({ page }) => {
    // What the page asks main to synthesize.
    const asked = recordSynthesisRequests(page);
    await openPlayer(page, host.url);
    await page.keyboard.press('Home'); // the test before saved a place far down; Home goes to the title
    await expect.poll(() => currentBlock(page)).toBe(-1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentBlock(page)).toBe(0);
    await page.keyboard.press('k');
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0);
    // Key repeat: ten keydowns 30 ms apart, repeat set after the first. Sent from the page's own timers:
    // they keep their order against the player's (a key sent from here can arrive late on a busy machine).
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          let sent = 0;
          const send = () => {
            document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', repeat: sent > 0, bubbles: true, cancelable: true }));
            if (++sent < 10) setTimeout(send, 30);
            else resolve();
          };
          send();
        }),
    );
    expect(await currentBlock(page)).toBe(10);
    // It speaks where it landed: the element plays paragraph 11 from its start.
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect.poll(() => page.evaluate(() => !document.querySelector('audio')!.paused && document.querySelector('audio')!.currentTime > 0)).toBe(true);
    await expect(page.locator('[data-block-index="10"]')).toBeInViewport();
    const timesAsked = (index: number) => asked.filter((text) => text === article.blocks[index]!.text).length;
    expect(timesAsked(10)).toBe(1);
    // The paragraphs passed on the way were never asked for (the first step's was prefetched before).
    for (let passed = 3; passed <= 8; passed++) expect(timesAsked(passed), `paragraph ${passed + 1}`).toBe(0);
    expect(await currentBlock(page)).toBe(10);
  });
});
