/** Settings > Preview (issue 25): a sample with the chosen voice and speed, without losing the reading position. */
import { audioTime, currentBlock, expect, openPlayer, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';

test('Preview speaks a sample with the chosen voice on its own audio, pausing reading at its place', async ({ page, host }) => {
  // Every play() of an audio element, recorded: the player's element (in the page) or the preview's own.
  await page.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { played: string[] }).played = played;
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!this.muted) played.push(this.dataset.preview ?? (this.isConnected ? 'player' : 'other'));
      return play.call(this);
    };
  });
  await openPlayer(page, host.url);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.5);

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Voice for English').selectOption('en-gb');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'sample' })).toHaveText('Playing a sample of English (Great Britain).', { timeout: 15_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { played: string[] }).played.includes('voice'))).toBe(true);
  // Reading paused where it was: same paragraph, its clock still.
  expect(await page.evaluate(() => document.querySelector('audio')!.paused)).toBe(true);
  const pausedAt = await audioTime(page);
  expect(pausedAt).toBeGreaterThan(0.5);
  await expectNoAxeViolations(page, 'Settings with a voice preview playing');
  await page.keyboard.press('Escape');
  expect(await currentBlock(page)).toBe(0);
  expect(await audioTime(page)).toBe(pausedAt);
  // Play goes on from there.
  await page.keyboard.press('k');
  await expect.poll(() => audioTime(page)).toBeGreaterThan(pausedAt);
  expect(await currentBlock(page)).toBe(0);
});
