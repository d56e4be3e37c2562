/**
 * PDFs in the player (issue 23): a two-column PDF printed by Chromium opens from the Open dialog and reads
 * in order, each paragraph a block, its note at the end; a scanned PDF says what it is in the dialog and leaves the article open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openPlayer, test } from './browserHost.fixture';
import { writePdf } from '../helpers/pdfWriter';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'chromium-two-columns.pdf');

test('a PDF opens from the Open dialog, its paragraphs whole and in order, and plays', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  await dialog.getByLabel('A file on this computer (HTML, text, Markdown, PDF or EPUB)').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: readFileSync(FIXTURE) });
  await expect(page.locator('article h1')).toHaveText('Reading a Printed Report Aloud');
  const blocks = page.locator('[data-block-index]');
  // 14 paragraphs, then the note, read at the end by the default note placement.
  await expect(blocks).toHaveCount(15);
  await expect(blocks.last()).toHaveText('Note 1: The survey asked 212 listeners in the spring of 2026.');
  await expect(blocks.first()).toHaveText(/^Listening to a long report should feel like hearing a careful person read it aloud\. The reader follows/u);
  await expect(page.locator('article')).not.toContainText('Journal of Spoken Documents');
  await expect(page.locator('article')).not.toContainText(/Page \d of \d/u);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
});

test('a scanned PDF is said to be scanned pages without text, and the article on screen stays', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  const scanned = Buffer.from(writePdf([{ runs: [], image: true }]));
  await dialog.getByLabel('A file on this computer (HTML, text, Markdown, PDF or EPUB)').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: scanned });
  await expect(dialog.getByRole('alert')).toContainText('scanned pages without text');
  await expect(page.locator('article h1')).toHaveText('Welcome to Article Player');
});
