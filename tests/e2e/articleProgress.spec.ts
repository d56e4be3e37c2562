/** The progress slider: elapsed and remaining time, moved by keys (with words for screen readers) or dragged. */
import { audioTime, currentBlock, expect, openPlayer, test } from './browserHost.fixture';

test('the position slider moves the reading by keys and by dragging, and says where it is in words', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const slider = page.getByRole('slider', { name: 'Position in article' });
  // The title is read first: the slider's first step, before paragraph 1.
  await expect(slider).toHaveAttribute('aria-valuetext', /^Title, 0 seconds in, about \d+ (minute|second)s?.* left$/);

  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => currentBlock(page)).toBe(1);
  await expect(slider).toHaveAttribute('aria-valuetext', /^Paragraph 2 of 15, \d+ seconds? in/);
  await page.keyboard.press('End');
  await expect.poll(() => currentBlock(page)).toBe(14);
  await expect(page.locator('.article-progress .clock').last()).toHaveText(/^-0:\d\d$/);

  // Playing, then dragged to the middle: the reading moves when the drag is let go, and goes on playing.
  await page.keyboard.press('Home');
  await expect.poll(() => currentBlock(page)).toBe(-1); // the title
  await page.locator('article h1').focus();
  await page.keyboard.press('k');
  await expect.poll(() => currentBlock(page), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2);
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  expect(await currentBlock(page), 'nothing moves while dragging').toBe(0);
  await page.mouse.up();
  const dropped = Number(await slider.inputValue()); // the middle of -1 (the title) to 14
  expect(dropped).toBeGreaterThanOrEqual(6);
  expect(dropped).toBeLessThanOrEqual(7);
  await expect.poll(() => currentBlock(page)).toBe(dropped);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  const at = await audioTime(page);
  await expect.poll(() => audioTime(page)).toBeGreaterThan(at);
});
