/**
 * Accessibility end to end: axe-core finds no violations in any state or theme, the page reflows at
 * 200% and 400% zoom without horizontal scrolling (WCAG 1.4.10), and every flow works from the keyboard
 * with focus visible and never lost.
 */
import type { Page } from '@playwright/test';
import { audioTime, expect, openPlayer, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';

async function chooseTheme(page: Page, theme: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Theme').selectOption(theme);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme === 'system' ? /light|dark/ : theme);
}

test.describe('axe-core finds nothing', () => {
  test('idle, playing with highlights, paused', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await expectNoAxeViolations(page, 'idle');
    await page.keyboard.press('k');
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('ap-word'))).toBe(true);
    await expectNoAxeViolations(page, 'playing with highlights');
    await page.keyboard.press('k');
    await expect(page.getByRole('status')).toHaveText('Paused');
    await expectNoAxeViolations(page, 'paused');
  });

  test('every dialog open', async ({ page, host }) => {
    await openPlayer(page, host.url);
    for (const [button, dialog] of [
      ['Settings', 'Settings'],
      ['Keyboard shortcuts', 'Keyboard shortcuts'],
      ['Library', 'Library'],
      ['Open…', 'Open an article'],
      ['Contents', 'Contents'],
    ]) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
      await expectNoAxeViolations(page, `${dialog} open`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
    }
  });

  test('each theme, with the reading aids on', async ({ page, host }) => {
    await openPlayer(page, host.url);
    for (const theme of ['light', 'dark', 'sepia', 'contrast']) {
      await chooseTheme(page, theme);
      await expectNoAxeViolations(page, `theme ${theme}`);
    }
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Reading aid').selectOption('fade-read');
    await page.keyboard.press('Escape');
    await page.keyboard.press('l');
    await page.keyboard.press('l');
    await expectNoAxeViolations(page, 'fading read text');
  });

  test('forced colors (Windows high contrast): still no violations, and the current paragraph keeps an outline', async ({ page, host }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openPlayer(page, host.url);
    await page.keyboard.press('k');
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('ap-word'))).toBe(true);
    await expectNoAxeViolations(page, 'forced colors, playing');
    const bar = await page.locator('[aria-current]').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(bar).toBe('solid'); // the current paragraph keeps a visible outline when colours are forced
  });

  test('an error shown', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Web address', { exact: true }).fill('ftp://example.org/file');
    await page.getByRole('button', { name: 'Open address' }).click();
    await expect(page.getByRole('alert')).toContainText('Only http and https');
    await expectNoAxeViolations(page, 'an open error shown');
  });
});

test.describe('zoom and reflow (WCAG 1.4.10)', () => {
  for (const [zoom, width] of [
    ['200%', 640],
    ['400%', 320],
  ] as const) {
    test(`nothing scrolls sideways at ${zoom} of a 1280 px window`, async ({ page, host }) => {
      await page.setViewportSize({ width, height: 400 });
      await openPlayer(page, host.url);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Settings' }).click();
      expect(await overflow()).toBeLessThanOrEqual(0);
      const dialogFits = await page.getByRole('dialog', { name: 'Settings' }).evaluate((d) => d.getBoundingClientRect().right <= window.innerWidth);
      expect(dialogFits).toBe(true);
      await page.keyboard.press('Escape');
      // The wrapped toolbar does not stay over the text: the paragraph being read is not hidden under it (2.4.11).
      await page.keyboard.press('End');
      const covered = await page.evaluate(() => {
        const bar = document.querySelector('.app-bar')!.getBoundingClientRect();
        const block = document.querySelector('[aria-current]')!.getBoundingClientRect();
        return bar.bottom > block.top + 1 && bar.top < block.bottom;
      });
      expect(covered).toBe(false);
    });
  }

  test('WCAG text spacing (line 1.5, letters 0.12em, words 0.16em, paragraphs 2em) loses nothing', async ({ page, host }) => {
    await page.setViewportSize({ width: 640, height: 600 });
    await openPlayer(page, host.url);
    // A constructed style sheet, as a user style sheet would be (the page's CSP refuses inline <style>).
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    expect(await page.locator('[data-block-index="0"]').evaluate((el) => getComputedStyle(el).letterSpacing)).not.toBe('normal');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, label, .progress')]
        .filter((el) => getComputedStyle(el).clipPath === 'none') // labels hidden on purpose for screen readers (the compact player bar)
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .map((el) => el.textContent),
    );
    expect(clipped).toEqual([]);
  });

  test('text at 300% of its size still reflows', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const size = page.getByRole('slider', { name: 'Text size' });
    await size.focus();
    await page.keyboard.press('End');
    await expect(size).toHaveAttribute('aria-valuetext', '300%');
    await page.keyboard.press('Escape');
    const fontSize = await page.locator('[data-block-index="0"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(59); // 1.25rem x 3
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });
});

test.describe('motion', () => {
  test('no smooth scrolling under prefers-reduced-motion', async ({ page, host }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openPlayer(page, host.url);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    await page.keyboard.press('End');
    // The jump to the last paragraph is immediate: it is in view on the very next frame.
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await expect(page.locator('[data-block-index="14"]')).toBeInViewport();
  });

  test('smooth scrolling otherwise', async ({ page, host }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openPlayer(page, host.url);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
  });
});

test.describe('keyboard only', () => {
  test('tab order reaches every control in a logical order, with a visible focus ring', async ({ page, host }) => {
    await openPlayer(page, host.url);
    const names: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      names.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const outline = getComputedStyle(el).outlineStyle;
          const name = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? el.tagName;
          return `${name.trim()}${outline === 'none' ? ' (NO FOCUS RING)' : ''}`;
        }),
      );
    }
    expect(names).toEqual([
      'Previous paragraph', // the toolbar's buttons are one Tab stop (roving tabindex)
      'Speech rate',
      'Position in article',
      'Sleep timer',
      'Contents',
      'Open…',
      'Library',
      'Queue',
      'Export audio…',
      'Settings',
      'Keyboard shortcuts',
      'Welcome to Article Player', // the reading place: the title, read before the first paragraph
    ]);
  });

  test('the toolbar is a real toolbar: one Tab stop, arrows move between its buttons, reading keys act in the article', async ({ page, host }) => {
    await openPlayer(page, host.url);
    const toolbar = page.getByRole('toolbar', { name: 'Player controls' });
    const button = (name: string) => toolbar.getByRole('button', { name, exact: true });
    await page.keyboard.press('Tab');
    await expect(button('Previous paragraph')).toBeFocused();
    const sentence = () => page.evaluate(() => [...(CSS.highlights.get('ap-sentence') ?? [])][0]?.toString() ?? null);
    const before = await sentence();
    await page.keyboard.press('ArrowRight'); // the next button, not the next sentence
    await expect(button('Play')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(button('Next paragraph')).toBeFocused();
    await page.keyboard.press('End');
    await expect(button('Hear as written')).toBeFocused();
    await page.keyboard.press('ArrowRight'); // wraps
    await expect(button('Previous paragraph')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(button('Hear as written')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(button('Previous paragraph')).toBeFocused();
    expect(await sentence()).toBe(before);
    await expect(page.locator('article h1')).toHaveAttribute('aria-current', 'location'); // Home/End moved focus, not reading (still at the title)
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    // Tab leaves the buttons for the slider, whose arrows change the rate; Shift+Tab comes back to the button last used.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await expect(toolbar.getByRole('slider', { name: 'Speech rate' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(toolbar.getByRole('slider', { name: 'Speech rate' })).toHaveValue('1.1');
    await page.keyboard.press('Shift+Tab');
    await expect(button('Play')).toBeFocused();
    // In the article, the same keys read.
    await page.locator('article h1').focus();
    await page.keyboard.press('End');
    await expect(page.locator('[data-block-index][aria-current]')).not.toHaveAttribute('data-block-index', '0');
    await expectNoAxeViolations(page, 'toolbar with roving focus');
  });

  test('open settings, change the theme, close: focus returns to the Settings button', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.getByRole('button', { name: 'Settings' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Tab'); // engine
    await page.keyboard.press('Tab'); // language whose voice is set
    await page.keyboard.press('Tab'); // voice
    await page.keyboard.press('Tab'); // preview the voice
    await page.keyboard.press('Tab'); // all voices checkbox
    await page.keyboard.press('Tab'); // pitch
    await page.keyboard.press('Tab'); // volume
    await page.keyboard.press('Tab'); // sentence pause
    await page.keyboard.press('Tab'); // paragraph pause
    await page.keyboard.press('Tab'); // shorten long silences
    await page.keyboard.press('Tab'); // theme
    await expect(page.getByLabel('Theme')).toBeFocused();
    await page.getByLabel('Theme').selectOption('dark');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('play, navigate by paragraph and sentence, change the rate: all from the keyboard', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.keyboard.press('Space');
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.3);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('ap-sentence') ?? [])][0]?.toString())).toMatch(/^Open a web page, an HTML or text file/);
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[data-block-index="1"]')).toHaveAttribute('aria-current', 'location');
    await page.keyboard.press('=');
    await expect(page.getByRole('slider', { name: 'Speech rate' })).toHaveValue('1.1');
    await page.keyboard.press('p');
    await expect(page.getByRole('status')).toHaveText(/^Paragraph 2 of 15, (about \d+ min|less than a minute) left$/);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  });

  test('a key can be remapped, and a conflicting key is refused with a message', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByRole('button', { name: 'Change Next paragraph' }).click();
    await page.keyboard.press('k');
    await expect(dialog.getByRole('status')).toHaveText('K is already used for Play or pause. Press another key, or Escape to cancel.');
    await page.keyboard.press('n');
    await expect(dialog.getByRole('status')).toHaveText('N is already used for Next article in the queue. Press another key, or Escape to cancel.');
    await page.keyboard.press('x');
    await expect(dialog.getByRole('status')).toHaveText('Next paragraph is now X.');
    await expect(dialog.getByRole('row', { name: /Next paragraph/ })).toContainText('X');
    await page.keyboard.press('Escape');
    await page.keyboard.press('x'); // from the title to the first paragraph
    await expect(page.locator('[data-block-index="0"]')).toHaveAttribute('aria-current', 'location');
    await expect(page.getByRole('button', { name: 'Next paragraph' })).toHaveAttribute('aria-keyshortcuts', 'X');
  });
});
