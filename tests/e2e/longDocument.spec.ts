/**
 * Long documents stay instant (issue 23, 5): a long PDF and a long EPUB, made here, open from the Open
 * dialog with their first pages (chapters) while the rest is read, show "Reading page N of M", play at once
 * (audio from the real engine before the reading is finished), grow while they play, and say when complete.
 */
import { expect, openPlayer, test, audioTime } from './browserHost.fixture';
import { longEpub, longPdf } from '../helpers/longDocuments';
import { expectNoAxeViolations } from './pageChecks';

const FILE_FIELD = 'A file on this computer';

for (const doc of [
  // The PDF is long enough for audio to start well before its last page is read; the book (about 300,000 words)
  // is read faster than that, so it is asked only to open with its first chapters and to say when it is complete.
  { name: 'long.pdf', mimeType: 'application/pdf', bytes: () => longPdf(800, 24), title: 'A Very Long Report', unit: 'page', total: 800, audioBeforeEnd: true },
  { name: 'long.epub', mimeType: 'application/epub+zip', bytes: () => longEpub(600, 25), title: 'A Very Long Book', unit: 'chapter', total: 600, audioBeforeEnd: false },
]) {
  test(`${doc.name}: plays from its first ${doc.unit}s while the rest is read, and says when it is complete`, async ({ page, host }) => {
    test.setTimeout(120_000);
    await openPlayer(page, host.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open an article' });
    await dialog.getByLabel(FILE_FIELD).setInputFiles({ name: doc.name, mimeType: doc.mimeType, buffer: Buffer.from(doc.bytes()) });
    await expect(page.locator('article h1')).toHaveText(doc.title, { timeout: 30_000 });
    const firstCount = await page.locator('[data-block-index]').count();
    const status = page.locator('.app > [role="status"]');
    await expect(status).toHaveText(new RegExp(`^Opened ${doc.title}\\. Reading ${doc.unit} \\d+ of ${doc.total}$`, 'u'));
    const progress = page.getByTestId('stream-progress');
    // Play pressed the moment the first part shows, as a listener would.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    if (doc.audioBeforeEnd) {
      await expect(progress).toHaveText(new RegExp(`^Reading ${doc.unit} \\d+ of ${doc.total}$`, 'u'));
      await expect(page.getByRole('progressbar', { name: new RegExp(`^Reading ${doc.unit} \\d+ of ${doc.total}$`, 'u') })).toBeVisible();
    }
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2);
    // Audio before the reading of the document finished.
    if (doc.audioBeforeEnd) {
      await expect(progress).toBeVisible();
      await expectNoAxeViolations(page, 'while a long document is read and played');
    }
    // The rest arrives while it plays: the article grows, the player goes on, and the end is said once.
    await expect(progress).toBeHidden({ timeout: 90_000 });
    await expect(status).toHaveText(`The whole document has been read: all ${doc.total} ${doc.unit}s.`);
    expect(await page.locator('[data-block-index]').count()).toBeGreaterThan(firstCount * 5);
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2);
  });
}
