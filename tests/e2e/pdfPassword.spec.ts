/**
 * A password-protected PDF asks for its password (issue 23), wherever it is opened: from the Open dialog,
 * dropped on the window, or named on the command line. The dialog is modal and accessible (a labelled
 * password field with focus, Open and Cancel, Escape cancels, focus returns, keys do not reach the player);
 * a wrong password is said there and can be tried again; Cancel says nothing was opened; the password is
 * never written to the data folder. PDFs encrypted by tests/helpers/pdfWriter.ts, read by the real pdf.js.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openPlayer, startHost, test } from './browserHost.fixture';
import { expectNoAxeViolations, focusedElement } from './pageChecks';
import { column, writePdf } from '../helpers/pdfWriter';

const PASSWORD = 'correct horse 7';
const FILE_LABEL = 'A file on this computer (HTML, text, Markdown, PDF or EPUB)';
const body = column(['Only a listener with the password hears this paragraph.', 'A second line of the same paragraph follows it.'], { x: 72, top: 700 });
const locked = Buffer.from(writePdf([{ runs: [{ x: 72, y: 740, size: 20, text: 'A Locked Memo' }, ...body] }], { password: PASSWORD }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const libraryTitles = (dataDir: string): string[] => {
  const file = join(dataDir, 'library.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { data: Array<{ title: string }> }).data.map((entry) => entry.title) : [];
};

async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'application/pdf' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, data: [...bytes] },
  );
}

test('from the Open dialog: the password is asked in a modal dialog, a wrong one said, the right one opens it', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const before = libraryTitles(host.dataDir);
  await page.getByRole('button', { name: 'Open…' }).click();
  const open = page.getByRole('dialog', { name: 'Open an article' });
  await open.getByLabel(FILE_LABEL).setInputFiles({ name: 'memo.pdf', mimeType: 'application/pdf', buffer: locked });

  const dialog = page.getByRole('dialog', { name: 'Password needed' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('memo.pdf is protected by a password.');
  const field = dialog.getByLabel('Password', { exact: true });
  await expect(field).toHaveAttribute('type', 'password');
  await expect(field).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Open', exact: true })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expectNoAxeViolations(page, 'the password dialog');

  // Keys do not reach the player behind: on the Cancel button, the player's keys (Space plays, L moves on) do nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('l');
  await page.keyboard.press('k');
  await expect(dialog).toBeVisible();
  await expect(page.locator('article h1')).toHaveAttribute('aria-current', 'location'); // still at the title, where reading starts
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeAttached();

  await field.fill('guess');
  await page.keyboard.press('Enter');
  const alert = dialog.getByRole('alert');
  await expect(alert).toHaveText('That password is not right. Try again, or Cancel.');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('That password is not right. Try again, or Cancel.');
  await expectNoAxeViolations(page, 'a wrong password in the dialog');
  expect(libraryTitles(host.dataDir)).toEqual(before);

  await field.fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.locator('article h1')).toHaveText('A Locked Memo');
  await expect(dialog).toBeHidden();
  await expect(open).toBeHidden();
  await expect(page.locator('article h1')).toBeFocused();
  await expect(page.locator('[data-block-index]').first()).toHaveText('Only a listener with the password hears this paragraph. A second line of the same paragraph follows it.');
  expect(libraryTitles(host.dataDir)).toEqual(['A Locked Memo', ...before]);
  for (const file of filesUnder(host.dataDir)) expect(readFileSync(file, 'latin1'), file).not.toContain(PASSWORD);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
});

test('dropped on the window: Escape cancels, says nothing was opened, and focus returns where it was', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const before = libraryTitles(host.dataDir);
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await play.focus();
  await dropFile(page, 'memo.pdf', locked);
  const dialog = page.getByRole('dialog', { name: 'Password needed' });
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert')).toContainText('Nothing was opened: memo.pdf needs its password.');
  await expect(page.locator('article h1')).toHaveText('Welcome to Article Player');
  await expect(play).toBeFocused();
  expect(libraryTitles(host.dataDir)).toEqual(before);

  // Cancel in the Open dialog says it there, beside the file field.
  await page.getByRole('button', { name: 'Open…' }).click();
  const open = page.getByRole('dialog', { name: 'Open an article' });
  await open.getByLabel(FILE_LABEL).setInputFiles({ name: 'memo.pdf', mimeType: 'application/pdf', buffer: locked });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(open.getByRole('alert')).toContainText('Nothing was opened: memo.pdf needs its password.');
  await expect(open.getByLabel(FILE_LABEL)).toBeFocused();
  expect(await focusedElement(page)).not.toBe('BODY');
});

test('named on the command line: the player asks for the password before it shows the PDF', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'ap-password-cli-'));
  const path = join(folder, 'memo.pdf');
  writeFileSync(path, locked);
  const { child, url, dataDir } = await startHost([path]);
  try {
    await page.goto(url);
    const dialog = page.getByRole('dialog', { name: 'Password needed' });
    const field = dialog.getByLabel('Password', { exact: true });
    await expect(field).toBeFocused();
    await field.fill(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.locator('article h1')).toHaveText('A Locked Memo');
    await expect(dialog).toBeHidden();
    expect(await focusedElement(page)).not.toBe('BODY');
    expect(libraryTitles(dataDir)).toEqual(['A Locked Memo']);
  } finally {
    child.kill('SIGTERM');
  }
});

test('named on the command line and cancelled: the player says nothing was opened, focus on that notice', async ({ page }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'ap-password-cli-')), 'memo.pdf');
  writeFileSync(path, locked);
  const { child, url, dataDir } = await startHost([path]);
  try {
    await page.goto(url);
    const dialog = page.getByRole('dialog', { name: 'Password needed' });
    await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: 'This article could not be opened' })).toBeVisible();
    await expect(page.getByText('Nothing was opened: memo.pdf needs its password.')).toBeVisible();
    expect(await focusedElement(page)).not.toBe('BODY');
    await expect(page.getByRole('button', { name: 'Open another article…' })).toBeEnabled();
    expect(libraryTitles(dataDir)).toEqual([]);
  } finally {
    child.kill('SIGTERM');
  }
});
