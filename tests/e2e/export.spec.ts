/** Export audio from the UI: progress, the files that arrive, and cancel. */
import { readFileSync } from 'node:fs';
import { expect, openPlayer, test } from './browserHost.fixture';

test.describe('export audio', () => {
  test.use({ hostArgs: ['tests/fixtures/short.txt'] });

  test('exports the article as WAV with a WebVTT chapter list', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.getByRole('button', { name: 'Export audio…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export audio' });
    await dialog.getByLabel('WAV (uncompressed)').check();
    const downloads: Array<{ name: string; path: string }> = [];
    page.on('download', (download) => void download.path().then((path) => downloads.push({ name: download.suggestedFilename(), path })));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    // A browser saves downloads where it likes (and may ask): the page says what it exported, not where it went.
    await expect(dialog.getByRole('status')).toHaveText(/^Exported Short-Article-For-Tests\.wav \(0 min \d+ s\) and its chapter list Short-Article-For-Tests\.vtt as downloads\.$/);
    await expect.poll(() => downloads.length).toBe(2);
    const wav = downloads.find((d) => d.name.endsWith('.wav'))!;
    const vtt = downloads.find((d) => d.name.endsWith('.vtt'))!;
    expect(readFileSync(wav.path).subarray(0, 4).toString()).toBe('RIFF');
    const cues = readFileSync(vtt.path, 'utf8');
    expect(cues.startsWith('WEBVTT')).toBe(true);
    expect(cues.match(/ --> /g)).toHaveLength(3);
  });
});

test('an export can be cancelled, and nothing is downloaded', async ({ page, host }) => {
  await openPlayer(page, host.url);
  // Slow speech makes the export (of the welcome article, as MP3) long enough to cancel.
  for (let i = 0; i < 5; i++) await page.keyboard.press('-');
  await page.getByRole('button', { name: 'Export audio…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export audio' });
  let downloaded = 0;
  page.on('download', () => downloaded++);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Progress' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog.getByRole('status')).toHaveText('The export was cancelled.');
  await page.waitForTimeout(300);
  expect(downloaded).toBe(0);
});
