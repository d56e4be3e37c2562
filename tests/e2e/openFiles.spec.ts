/**
 * The Open dialog's file field (issues 23 and 25): it says it takes PDF and EPUB, it is a button-sized
 * control that the keyboard opens, and a PDF larger than a WebSocket message used to allow (100 MB at the
 * API, 134 MB at the socket) opens in the browser host; one over the PDF limit is refused before it is sent.
 */
import { mkdtempSync, openSync, closeSync, writeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openPlayer, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';
import { column, writePdf } from '../helpers/pdfWriter';

const FILE_LABEL = 'A file on this computer (HTML, text, Markdown, PDF or EPUB)';
const MB = 1024 * 1024;
const folder = mkdtempSync(join(tmpdir(), 'ap-open-files-'));

test('the file field names PDF and EPUB, is as tall as the buttons, and opens its picker from the keyboard', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  const file = dialog.getByLabel(FILE_LABEL);
  await expect(file).toBeVisible();
  const accept = (await file.getAttribute('accept'))!.split(',');
  expect(accept).toEqual(expect.arrayContaining(['.pdf', '.epub', 'application/pdf', 'application/epub+zip']));
  const box = (await file.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  // Its button is button-sized too, like "Open address" beside it.
  const buttonHeight = await file.evaluate((input) => Number.parseFloat(getComputedStyle(input, '::file-selector-button').minHeight));
  expect(buttonHeight).toBeGreaterThanOrEqual(44);
  // Tab from the address field's row reaches it, and Space opens the system's file chooser.
  await dialog.getByLabel('Web address', { exact: true }).fill('x');
  await page.keyboard.press('Tab'); // Open address
  await page.keyboard.press('Tab');
  await expect(file).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  expect((await chooser).isMultiple()).toBe(false);
  await expectNoAxeViolations(page, 'the Open dialog');
});

test('a 150 MB PDF opens in the browser host; a 301 MB one is refused before it is sent, with its limit', async ({ page, host }) => {
  test.setTimeout(180_000);
  const large = join(folder, 'large-report.pdf');
  const body = column(['A large report still opens in the browser player, read from its text layer.'], { x: 72, top: 700 });
  writeFileSync(large, writePdf([{ runs: [{ x: 72, y: 740, size: 20, text: 'A Very Large Report' }, ...body] }], { padding: 150 * MB }));
  // Over the limit: only its size and first bytes are looked at, so a sparse file stands in for it.
  const huge = join(folder, 'huge-report.pdf');
  const fd = openSync(huge, 'w');
  writeSync(fd, writePdf([{ runs: body }]));
  ftruncateSync(fd, 301 * MB);
  closeSync(fd);

  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  await dialog.getByLabel(FILE_LABEL).setInputFiles(huge);
  await expect(dialog.getByRole('alert')).toContainText('huge-report.pdf is 301.0 MB; PDFs up to 300 MB can be opened.');
  await expect(page.locator('article h1')).toHaveText('Welcome to Article Player');

  await dialog.getByLabel(FILE_LABEL).setInputFiles(large);
  await expect(page.locator('article h1')).toHaveText('A Very Large Report', { timeout: 120_000 });
  await expect(page.locator('[data-block-index]').first()).toHaveText('A large report still opens in the browser player, read from its text layer.');
  // The socket survived the 150 MB message: the player still talks to the host.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
});
