/** Find in the article (Ctrl+F or /): the matches with their paragraph, and reading from the one chosen. */
import { audioTime, currentBlock, expect, openPlayer, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';

test('Ctrl+F finds a word, lists where it occurs, and reads from the match chosen', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('Control+f');
  const dialog = page.getByRole('dialog', { name: 'Find in article' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('searchbox', { name: 'Find' });
  await expect(field).toBeFocused();

  await field.fill('zzqx');
  await expect(dialog.getByRole('status')).toHaveText('No match for "zzqx".');
  await field.fill('pause');
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ match(es)?\.$/);
  const results = dialog.getByRole('list', { name: /Matches/ }).getByRole('button');
  const count = await results.count();
  expect(count).toBeGreaterThan(0);
  await expectNoAxeViolations(page, 'find');

  // The last match: its paragraph number is shown, and reading starts at the word found.
  const last = results.nth(count - 1);
  const paragraph = Number((await last.locator('.find-where').textContent())!.replace(/\D+/gu, ''));
  await last.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => currentBlock(page)).toBe(paragraph - 1);
  await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('ap-word') ?? [])][0]?.toString().toLowerCase())).toMatch(/^paus/);
  const at = await audioTime(page);
  await expect.poll(() => audioTime(page)).toBeGreaterThan(at);
  // Focus went back into the page, not to the body.
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
});

test('/ opens it too, and Enter in the field reads from the first match', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('/');
  const field = page.getByRole('searchbox', { name: 'Find' });
  await expect(field).toBeFocused();
  await field.fill('question mark');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Find in article' })).toBeHidden();
  const block = await currentBlock(page);
  expect(await page.locator(`[data-block-index="${block}"]`).textContent()).toContain('question mark');
});

test('Enter that comes before the list of matches has caught up with the typing still reads from the first match', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Find' })).toBeFocused();
  // The typing is drawn at once; the list follows in a later, interruptible render. Submit in between.
  const listedWhenSubmitted = await page.evaluate(async () => {
    const field = document.querySelector<HTMLInputElement>('dialog.find-dialog input[type="search"]')!;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, 'question mark');
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    const listed = document.querySelectorAll('.find-results li').length;
    field.form!.requestSubmit();
    return listed;
  });
  expect(listedWhenSubmitted, 'the submit came before the matches were listed').toBe(0);
  await expect(page.getByRole('dialog', { name: 'Find in article' })).toBeHidden();
  const block = await currentBlock(page);
  expect(await page.locator(`[data-block-index="${block}"]`).textContent()).toContain('question mark');
});
