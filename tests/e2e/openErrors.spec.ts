/**
 * A failed open is said where the listener is (issue 25): inside the Open dialog, announced
 * (role="alert" in the modal, since the page behind it is inert), with focus on the field to correct;
 * closing the dialog leaves no banner behind. Opens that no dialog asked for (a dropped file) show their
 * problem in the bar that stays in view.
 */
import { expect, openPlayer, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';

test('an unreachable address: the error is in the dialog, announced, focus on the address; closing leaves nothing behind', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('End'); // reading far down the article: the top of the page is out of view
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  const address = dialog.getByLabel('Web address', { exact: true });
  await expect(address).toBeFocused(); // the field to fill in, not Close
  await address.fill('http://127.0.0.1:9/nothing-here');
  await page.keyboard.press('Enter');
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('That article could not be opened.');
  await expect(alert).toBeInViewport();
  await expect(address).toBeFocused();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(/could not be opened/u);
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, 'an open error in the dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0); // no banner left at the top of the article
  await expect(page.getByRole('button', { name: 'Open…' })).toBeFocused();
  // Opened again, the dialog starts clean.
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(address).not.toHaveAttribute('aria-invalid');
});

test('an empty file: the error is beside the file field, which keeps focus', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  const file = dialog.getByLabel('A file on this computer (HTML, text, Markdown, PDF or EPUB)');
  await file.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(dialog.getByRole('alert')).toContainText('That article could not be opened.');
  await expect(file).toBeFocused();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('article h1')).toHaveText('Welcome to Article Player'); // the article on screen stays
});

test('a dropped file that cannot be read: the problem shows in the bar in view, and Dismiss keeps focus off the body', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File([], 'empty.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('That article could not be opened.');
  await expect(alert).toBeInViewport();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
  await expect(page.locator('article h1[aria-current], [data-block-index][aria-current]')).toBeFocused(); // the reading place (the title)
});
