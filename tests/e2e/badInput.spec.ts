/**
 * Bad input end to end (issue 23, "Done when"): a protected PDF, a damaged one, a scanned one, a zip bomb
 * named .epub, a 0-byte file and a .pdf that is a web page, opened one after another from the Open dialog of
 * the browser host. Each is said in a clear sentence in the dialog; the article on screen stays and still
 * plays; the library is as it was. The files are made here: PDFs by tests/helpers/pdfWriter.ts, the zip
 * bomb with fflate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { expect, openPlayer, test } from './browserHost.fixture';
import { column, writePdf } from '../helpers/pdfWriter';

const FILE_LABEL = 'A file on this computer (HTML, text, Markdown, PDF or EPUB)';
const body = column(['A paragraph that nobody will hear.'], { x: 72, top: 700 });

interface BadFile {
  name: string;
  bytes: Uint8Array;
  message: RegExp;
  /** A protected PDF asks for its password first; the listener cancels. */
  asksPassword?: boolean;
}

const BAD_FILES: BadFile[] = [
  { name: 'locked.pdf', bytes: writePdf([{ runs: body }], { password: 'secret' }), asksPassword: true, message: /Nothing was opened: locked\.pdf needs its password\.$/u },
  { name: 'damaged.pdf', bytes: strToU8('%PDF-1.7\n\u00ff\u0000\u0013 nothing of a PDF follows'), message: /This PDF is damaged/u },
  { name: 'scan.pdf', bytes: writePdf([{ runs: [], image: true }]), message: /This PDF is scanned pages without text/u },
  {
    name: 'bomb.epub',
    bytes: zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], 'OEBPS/zeros.xhtml': new Uint8Array(8 * 1024 * 1024) }),
    message: /compressed [\d,]+ times .*zip bomb/u,
  },
  { name: 'empty.pdf', bytes: new Uint8Array(0), message: /empty\.pdf is empty: there is nothing to read\.$/u },
  { name: 'login.pdf', bytes: strToU8('<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign in</form></body></html>'), message: /login\.pdf is not a PDF: it is a web page \(HTML\)/u },
];

/** The library as the listener knows it: its articles (ids and titles) and their files. */
function libraryState(dataDir: string): { entries: Array<{ id: string; title: string }>; files: string[] } {
  const index = JSON.parse(readFileSync(join(dataDir, 'library.json'), 'utf8')) as { data: Array<{ id: string; title: string }> };
  return { entries: index.data.map(({ id, title }) => ({ id, title })), files: readdirSync(join(dataDir, 'articles')).sort() };
}

test('each bad file is said in a sentence, the article on screen stays and plays, and the library is untouched', async ({ page, host }) => {
  test.setTimeout(180_000);
  await openPlayer(page, host.url);
  const heading = page.locator('article h1');
  const title = await heading.textContent();
  const before = libraryState(host.dataDir);
  expect(before.entries.length).toBeGreaterThan(0);
  const dialog = page.getByRole('dialog', { name: 'Open an article' });

  for (const bad of BAD_FILES) {
    await page.getByRole('button', { name: 'Open…' }).click();
    await dialog.getByLabel(FILE_LABEL).setInputFiles({ name: bad.name, mimeType: 'application/octet-stream', buffer: Buffer.from(bad.bytes) });
    if (bad.asksPassword) {
      const password = page.getByRole('dialog', { name: 'Password needed' });
      await expect(password.getByLabel('Password', { exact: true })).toBeFocused();
      await password.getByRole('button', { name: 'Cancel' }).click();
      await expect(password).toBeHidden();
    }
    const alert = dialog.getByRole('alert');
    await expect(alert, bad.name).toContainText('That article could not be opened.');
    await expect(alert, bad.name).toContainText(bad.message);
    await expect(dialog.getByLabel(FILE_LABEL), bad.name).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The article on screen stays, and plays.
    await expect(heading, bad.name).toHaveText(title!);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true }), bad.name).toBeVisible();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

    expect(libraryState(host.dataDir), bad.name).toEqual(before);
  }
});
