/**
 * Reopening a long document resumes at its saved place (issue 23): a long PDF named on the command line
 * streams (its first pages show before the rest is read), is read to a place far in, and after a reload
 * (the host opens it again, streaming) the reader says where it is going, Play pressed at once waits for
 * the place instead of starting at the top, reading starts there when its part arrives, and library.json
 * keeps the saved place all along. A move before the place arrives cancels the jump. Opening it from the
 * library resumes there too.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { audioTime, currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';
import { longPdf } from '../helpers/longDocuments';

const PAGES = 300;
const PLACE_PAGE = 250;

/** The saved place of the one entry in library.json. */
function savedPlace(dataDir: string): { blockIndex: number; sentenceIndex: number } | null {
  try {
    const index = JSON.parse(readFileSync(join(dataDir, 'library.json'), 'utf8')) as { data: Array<{ position: { blockIndex: number; sentenceIndex: number } }> };
    return index.data[0]?.position ?? null;
  } catch {
    return null;
  }
}

const progress = (page: Page) => page.getByTestId('stream-progress');

test('a long PDF from the command line streams; reopened, it resumes at the saved place once it arrives, and Play waits for it', async ({ page }) => {
  test.setTimeout(180_000);
  const file = join(mkdtempSync(join(tmpdir(), 'ap-resume-file-')), 'report.pdf');
  writeFileSync(file, longPdf(PAGES, 12));
  const data = mkdtempSync(join(tmpdir(), 'ap-resume-data-'));
  const host = await startHost([file], { ...process.env, ARTICLE_PLAYER_DATA_DIR: data });
  try {
    // Streamed from the command line: the first pages show while the rest is read.
    await openPlayer(page, host.url);
    await expect(page.locator('article > h1')).toHaveText('A Very Long Report');
    await expect(progress(page)).toHaveText(new RegExp(`^Reading page \\d+ of ${PAGES}$`, 'u'));
    await expect(progress(page)).toBeHidden({ timeout: 90_000 });

    // Read to a place far in: Go to page, play a moment, pause.
    await page.keyboard.press('g');
    await page.getByRole('dialog', { name: 'Go to page' }).getByLabel('Page').fill(String(PLACE_PAGE));
    await page.keyboard.press('Enter');
    await expect(page.locator('.app > [role="status"]')).toHaveText(`Page ${PLACE_PAGE}`);
    const place = await currentBlock(page);
    expect(await page.locator(`[data-block-index="${place}"]`).textContent()).toMatch(new RegExp(`^Page ${PLACE_PAGE} paragraph \\d+ tells`, 'u'));
    await page.keyboard.press('k');
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.1);
    await page.keyboard.press('k');
    await expect.poll(() => savedPlace(data)?.blockIndex).toBe(place);
    const saved = savedPlace(data)!;

    // Reopened (the host opens the same file again, streaming): it says where it is going, Play waits for the place.
    await page.reload();
    await expect(page.locator('article > h1')).toHaveText('A Very Long Report');
    await expect(progress(page)).toHaveText(new RegExp(`^Going to your place on page ${PLACE_PAGE}: reading page \\d+ of ${PAGES}$`, 'u'));
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // Until the place arrives, nothing is read from the top, and nothing is saved over the place.
    let waited = 0;
    for (let i = 0; i < 4 && (await progress(page).isVisible()); i++) {
      // The title, where the session stands while the place is awaited (not read), or the place once it came.
      const at = await currentBlock(page);
      expect([-1, place]).toContain(at);
      if (at === -1) {
        waited++;
        expect(savedPlace(data)).toEqual(saved);
      }
      await page.waitForTimeout(250);
    }
    expect(waited).toBeGreaterThan(0);
    await expect.poll(() => currentBlock(page), { timeout: 60_000 }).toBe(place);
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.1);
    await expect(page.locator(`[data-block-index="${place}"]`)).toBeInViewport();
    await page.keyboard.press('k');
    await expect(progress(page)).toBeHidden({ timeout: 90_000 });
    expect(savedPlace(data)?.blockIndex).toBe(place);

    // A move before the place arrives cancels the jump: reading stays where the listener went.
    await page.reload();
    await expect(progress(page)).toHaveText(/^Going to your place on page/u);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await page.locator('[data-block-index="2"]').click();
    await expect(progress(page)).toHaveText(/^Reading page \d+ of/u);
    await expect(progress(page)).toBeHidden({ timeout: 90_000 });
    expect(await currentBlock(page)).toBeLessThan(10);
    await page.keyboard.press('k');

    // Opened from the library while the host's copy still arrives: the whole article, kept there, at the saved place.
    await page.keyboard.press('g');
    await page.getByRole('dialog', { name: 'Go to page' }).getByLabel('Page').fill(String(PLACE_PAGE));
    await page.keyboard.press('Enter');
    await expect.poll(() => savedPlace(data)?.blockIndex).toBe(place);
    await page.reload();
    await expect(progress(page)).toHaveText(/^Going to your place on page/u);
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('dialog', { name: 'Library' }).getByRole('button', { name: 'A Very Long Report (open now)', exact: true }).click();
    await expect(progress(page)).toBeHidden();
    await expect.poll(() => currentBlock(page)).toBe(place);
    expect(savedPlace(data)?.blockIndex).toBe(place);
  } finally {
    host.child.kill();
  }
});
