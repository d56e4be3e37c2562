/**
 * On a small window or zoomed in (400 px wide; 200% zoom of 1280x800, which is 640x400 CSS px), the
 * player's controls stay in view wherever the reading is (issue 25: the toolbar scrolled away with the
 * page and no control was visible), each with a name and a tooltip.
 */
import type { Page } from '@playwright/test';
import { currentBlock, expect, openPlayer, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';

/** The control is inside the window and nothing covers its centre. */
async function expectReachable(page: Page, name: string, role: 'button' | 'slider' = 'button'): Promise<void> {
  const control = page.getByRole(role, { name, exact: true });
  await expect(control).toBeInViewport({ ratio: 1 });
  const onTop = await control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit === element || element.contains(hit);
  });
  expect(onTop, `${name} is not covered`).toBe(true);
}

for (const { width, height, what } of [
  { width: 400, height: 800, what: '400 px wide' },
  { width: 640, height: 400, what: '200% zoom' },
]) {
  test.describe(what, () => {
    test.use({ viewport: { width, height } });

    test('play, previous, next, rate and progress stay in view at the last paragraph, named, with tooltips', async ({ page, host }) => {
      await openPlayer(page, host.url);
      await page.locator('article h1').focus();
      await page.keyboard.press('End');
      await expect.poll(() => currentBlock(page)).toBeGreaterThan(5);
      for (const name of ['Previous paragraph', 'Play', 'Next paragraph']) {
        await expectReachable(page, name);
        // Icon-only here: the tooltip says what the icon does.
        await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('title', new RegExp(`^${name}`));
      }
      await expectReachable(page, 'Speech rate', 'slider');
      await expectReachable(page, 'Position in article', 'slider');
      await expect(page.locator('.player-bar .progress')).toBeInViewport();
      await expect(page.locator('.player-bar .progress')).toContainText(/Paragraph \d+ of \d+/);

      // The paragraph being read is not under the bar.
      const [blockTop, barTop] = await page.evaluate(() => [
        document.querySelector('[data-block-index][aria-current]')!.getBoundingClientRect().top,
        document.querySelector('.player-bar')!.getBoundingClientRect().top,
      ]);
      expect(blockTop).toBeLessThan(barTop);

      await page.keyboard.press('k');
      await expectReachable(page, 'Pause');
      await expectNoAxeViolations(page, 'smallScreen');
    });
  });
}
