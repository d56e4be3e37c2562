/**
 * Focus is never left on the page body (issue 25): after each action that removes or disables the
 * control that had focus, something meaningful has it; and while a modal dialog is open, the player
 * behind it does not act on keys, even when focus has fallen out of the dialog.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openPlayer, startHost, test } from './browserHost.fixture';

/** What has focus: never the body. */
async function expectFocusNotOnBody(page: Page, after: string): Promise<void> {
  // Checked a frame later too: a button that disables or removes itself drops focus once the page is drawn again.
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body || el === document.documentElement ? 'BODY' : `${el.tagName} ${el.getAttribute('aria-label') ?? el.id ?? ''}`;
  });
  expect(focused, `focus after ${after}`).not.toBe('BODY');
}

test('Dismiss on a notice (mouse and Enter)', async ({ page }) => {
  const data = mkdtempSync(join(tmpdir(), 'ap-focus-'));
  writeFileSync(join(data, 'settings.json'), '{"version":1,"data":{"theme":"dark",');
  const { url, child } = await startHost([], { ...process.env, ARTICLE_PLAYER_DATA_DIR: data });
  try {
    await openPlayer(page, url);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
    await expectFocusNotOnBody(page, 'Dismiss with the mouse');
    // A failed open dropped on the window: its Dismiss, pressed with Enter.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File([], 'empty.txt', { type: 'text/plain' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
    await expectFocusNotOnBody(page, 'Dismiss with Enter');
  } finally {
    child.kill();
  }
});

test('"Add text to queue" disables itself: focus goes back to its field', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Queue' });
  const text = dialog.getByLabel('Text of an article to queue');
  await text.fill('Focus Story\n\nA paragraph to queue.');
  await dialog.getByRole('button', { name: 'Add text to queue' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/Added Focus Story to the queue/u);
  await expect(dialog.getByRole('button', { name: 'Add text to queue' })).toBeDisabled();
  await expectFocusNotOnBody(page, 'Add text to queue');
  await expect(text).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expectFocusNotOnBody(page, 'closing the Queue dialog');
});

test('"Cancel the sleep timer" disappears: focus moves on to the choices', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('t');
  const dialog = page.getByRole('dialog', { name: 'Sleep timer' });
  await dialog.getByRole('button', { name: 'In 30 minutes' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('t');
  await dialog.getByRole('button', { name: 'Cancel the sleep timer' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Cancel the sleep timer' })).toHaveCount(0);
  await expectFocusNotOnBody(page, 'Cancel the sleep timer');
  await expect(dialog.getByRole('button', { name: 'In 5 minutes' })).toBeFocused();
});

test('while a modal dialog is open, the player does not act on keys, even with focus on the body', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  await expect(dialog).toBeVisible();
  // Focus dropped out of the dialog (as a control removed under it would leave it).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  for (const key of ['ArrowDown', 'End', 'k', 'Space']) await page.keyboard.press(key);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await expect(page.locator('article h1')).toHaveAttribute('aria-current', 'location'); // not moved from the title
  expect(await page.evaluate(() => document.querySelector('audio')!.paused)).toBe(true); // not playing
  await expect(dialog).toBeVisible();
});
