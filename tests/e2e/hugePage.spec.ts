/**
 * A huge web page opens with its head while the whole page is read (issue 25, instant): a 100,000-word
 * HTML article from the Open dialog shows its first paragraphs and plays
 * them before the rest arrives, then holds every paragraph, reading on where it was.
 */
import { audioTime, currentBlock, expect, openPlayer, test } from './browserHost.fixture';
import { articleHtml } from '../../main/bench/htmlOpen';
import { generatedArticle } from '../../main/generatedArticle';
import { expectNoAxeViolations } from './pageChecks';

const article = generatedArticle(2000);
const html = articleHtml(article);
const blocks = (page: import('@playwright/test').Page) => page.locator('[data-block-index]').count();

test('from the Open dialog: the head shows and plays at once, the whole page follows and reading goes on', async ({ page, host }) => {
  test.setTimeout(120_000);
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  await dialog.getByLabel('A file on this computer').setInputFiles({ name: 'huge.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(page.locator('article h1')).toHaveText(article.title, { timeout: 30_000 });
  const status = page.locator('.app > [role="status"]');
  await expect(status).toHaveText(`Opened ${article.title}. Reading the rest of the page`);
  const first = await blocks(page);
  expect(first).toBeGreaterThan(10);
  expect(first).toBeLessThan(200);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2);
  await expectNoAxeViolations(page, 'while a huge page is read and played');
  await expect(status).toHaveText('The whole page has been read.', { timeout: 90_000 });
  expect(await blocks(page)).toBe(2000);
  // The head's paragraphs were the whole page's: the text shown first is still there, reading goes on.
  await expect(page.locator('[data-block-index="0"]')).toHaveText(article.blocks[0]!.text);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  expect(await currentBlock(page)).toBeLessThan(first);
});
