/** The library, resume and persisted settings, across restarts of the real host with one data folder. */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';

test('reopening after a restart resumes at the same paragraph and sentence', async ({ page }) => {
  const data = mkdtempSync(join(tmpdir(), 'ap-resume-'));
  const env = { ...process.env, ARTICLE_PLAYER_DATA_DIR: data };
  const first = await startHost([], env);
  try {
    await openPlayer(page, first.url);
    await page.keyboard.press('k');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight'); // the second sentence of paragraph 4, even before its audio is ready
    await expect.poll(() => currentBlock(page)).toBe(3);
    await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('ap-sentence') ?? [])][0]?.toString())).toMatch(/^Press it again/);
    // Saved as reading advances, not only on exit: the store on disk has the position before the kill.
    const savedPosition = () => {
      try {
        const library = JSON.parse(readFileSync(join(data, 'library.json'), 'utf8')) as { data?: Array<{ position?: unknown }> };
        return library.data?.[0]?.position ?? null;
      } catch {
        return null;
      }
    };
    await expect.poll(savedPosition).toEqual({ blockIndex: 3, sentenceIndex: 1 });
  } finally {
    first.child.kill('SIGKILL'); // no chance to save on exit
  }
  const second = await startHost([], env);
  try {
    await openPlayer(page, second.url);
    expect(await currentBlock(page)).toBe(3);
    await page.keyboard.press('k');
    await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('ap-sentence') ?? [])][0]?.toString())).toMatch(/^Press it again/);
  } finally {
    second.child.kill();
  }
});

test('closing the page at once still keeps the place it had reached', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('k');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // from the title
  await expect.poll(() => currentBlock(page)).toBe(2);
  await page.reload(); // within the 400 ms the position waits before it is saved
  await openPlayer(page, host.url.replace(/\?token=.*/, ''));
  expect(await currentBlock(page)).toBe(2);
});

test('pasted text opens, joins the library, and the library reopens the welcome article', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByLabel('Or paste the text of an article').fill('A Pasted Story\n\nThe first paragraph of the pasted story.\n\nThe second paragraph.');
  await page.getByRole('button', { name: 'Read pasted text' }).click();
  await expect(page.locator('article > h1')).toHaveText('A Pasted Story');
  await expect(page.locator('article > h1')).toBeFocused(); // focus lands on the new article
  await expect(page.locator('[data-block-index]')).toHaveCount(2);

  await page.getByRole('button', { name: 'Library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Library' });
  await expect(dialog.getByRole('status')).toHaveText('2 articles.');
  await dialog.getByLabel('Search the library').fill('welcome');
  await expect(dialog.getByRole('status')).toHaveText('1 article found.');
  await dialog.getByRole('button', { name: 'Welcome to Article Player', exact: true }).click();
  await expect(page.locator('article > h1')).toHaveText('Welcome to Article Player');
  await expect(page.getByRole('dialog')).toBeHidden();
});

/** Opens pasted text as an article (it joins the library). */
async function openPasted(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByLabel('Or paste the text of an article').fill(`${title}\n\nThe first paragraph of ${title}.\n\nThe second paragraph.`);
  await page.getByRole('button', { name: 'Read pasted text' }).click();
  await expect(page.locator('article > h1')).toHaveText(title);
}

test('Remove moves focus to the next entry (the previous after the last), says it, and Undo or Ctrl+Z brings the article back, queue place too', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await openPasted(page, 'Story Alpha');
  await openPasted(page, 'Story Beta');
  await page.getByRole('button', { name: 'Library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Library' });
  const status = dialog.getByRole('status');
  await expect(status).toHaveText('3 articles.');
  // Most recent first: Beta, Alpha, Welcome. Beta waits in the queue.
  const titles = () => dialog.locator('.library-open > span:first-child').allTextContents();
  expect(await titles()).toEqual(['Story Beta', 'Story Alpha', 'Welcome to Article Player']);
  await dialog.getByRole('listitem').filter({ hasText: 'Story Beta' }).getByRole('button', { name: 'Add to queue' }).click();
  const upNext = () => {
    try {
      return (JSON.parse(readFileSync(join(host.dataDir, 'queue.json'), 'utf8')) as { data: { upNext: string[] } }).data.upNext.length;
    } catch {
      return -1; // not written yet
    }
  };
  await expect.poll(upNext).toBe(1);

  await dialog.getByRole('button', { name: 'Remove Story Beta' }).click();
  await expect(status).toHaveText('Removed Story Beta.');
  await expect(dialog.getByRole('button', { name: 'Story Alpha', exact: true })).toBeFocused(); // the entry that took its place
  expect(await titles()).toEqual(['Story Alpha', 'Welcome to Article Player']);
  expect(upNext()).toBe(0); // a removed article never plays from the queue
  await expect(dialog.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expectNoAxeViolations(page, 'the library offers Undo');

  await page.keyboard.press('Control+z');
  await expect(status).toHaveText('Story Beta is back in the library.');
  await expect(dialog.getByRole('button', { name: 'Story Beta (open now)', exact: true })).toBeFocused();
  expect(await titles()).toEqual(['Story Beta', 'Story Alpha', 'Welcome to Article Player']);
  expect(upNext()).toBe(1); // back in the queue where it stood
  await expect(dialog.getByRole('button', { name: 'Undo' })).toBeHidden();

  // The last entry: focus goes to the one before it; the Undo button brings it back and takes focus to it.
  await dialog.getByRole('button', { name: 'Remove Welcome to Article Player' }).press('Enter');
  await expect(status).toHaveText('Removed Welcome to Article Player.');
  await expect(dialog.getByRole('button', { name: 'Story Alpha', exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByRole('button', { name: 'Welcome to Article Player', exact: true })).toBeFocused();
  await expect(status).toHaveText('Welcome to Article Player is back in the library.');

  // Only entry in a search: the list empties, focus goes to the search field, never the body.
  await dialog.getByLabel('Search the library').fill('alpha');
  await expect(status).toHaveText('1 article found.');
  await dialog.getByRole('button', { name: 'Remove Story Alpha' }).click();
  await expect(dialog.getByLabel('Search the library')).toBeFocused();
  await expect(dialog.getByRole('list', { name: 'Articles' })).toBeHidden();
  await page.keyboard.press('Control+z'); // the field's text was not typed since: the removal is undone
  await expect(status).toHaveText('Story Alpha is back in the library.');
  await expect(dialog.getByRole('button', { name: 'Story Alpha', exact: true })).toBeFocused();
});

test('removing all, confirmed, keeps focus in the dialog', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Library' });
  await dialog.getByRole('button', { name: 'Remove all…' }).click();
  await dialog.getByRole('button', { name: 'Remove all articles' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Removed 1 article.');
  await expect(dialog.getByLabel('Search the library')).toBeFocused();
  await expect(dialog.getByRole('list', { name: 'Articles' })).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Undo' })).toBeHidden();
});

test('a failed open keeps the article on screen and says why', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByLabel('A file on this computer').setInputFiles({ name: 'photo.html', mimeType: 'text/html', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  await expect(page.getByRole('alert')).toContainText('photo.html is not a text or HTML file');
  await page.keyboard.press('Escape');
  await expect(page.locator('article > h1')).toHaveText('Welcome to Article Player');
});

test('settings are kept across a reload', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Theme').selectOption('sepia');
  await page.getByLabel('Font').selectOption('opendyslexic');
  await page.keyboard.press('Escape');
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await page.reload(); // at once: changes not yet saved are sent as the page goes away
  await openPlayer(page, host.url.replace(/\?token=.*/, ''));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await expect(page.getByRole('slider', { name: 'Speech rate' })).toHaveValue('1.3');
  const font = await page.locator('[data-block-index="0"]').evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain('OpenDyslexic');
  // The bundled font file loads from the app itself (no network, allowed by the CSP).
  expect(await page.evaluate(async () => (await document.fonts.load('16px OpenDyslexic')).length)).toBeGreaterThan(0);
});

test('a damaged settings file is set aside and reported, and the app starts with defaults', async ({ page }) => {
  const data = mkdtempSync(join(tmpdir(), 'ap-corrupt-'));
  writeFileSync(join(data, 'settings.json'), '{"version":1,"data":{"theme":"dark",');
  const { url, child } = await startHost([], { ...process.env, ARTICLE_PLAYER_DATA_DIR: data });
  try {
    await openPlayer(page, url);
    await expect(page.getByText(/Your settings file could not be read \(it is damaged\)\. It was kept as .*settings\.json\.set-aside-/)).toBeVisible();
    await expect(page.locator('article > h1')).toHaveText('Welcome to Article Player');
    expect(readdirSync(data).some((name) => name.startsWith('settings.json.set-aside-'))).toBe(true);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText(/settings file could not be read/)).toBeHidden();
  } finally {
    child.kill();
  }
});

test('dropping a file on the window opens it', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped Story\n\nA paragraph that arrived by drag and drop.'], 'dropped.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('article > h1')).toHaveText('Dropped Story');
  await expect(page.locator('[data-block-index="0"]')).toHaveText('A paragraph that arrived by drag and drop.');
});

test('pasting outside a text field opens the pasted text; pasting a link opens the address', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const paste = (type: string, value: string) =>
    page.evaluate(
      ([kind, text]) => {
        const data = new DataTransfer();
        data.setData(kind!, text!);
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      [type, value],
    );
  await paste('text/html', '<meta charset="utf-8"><h1>Pasted Page</h1><p>A paragraph copied from a web page, with <b>bold</b> words in it.</p>');
  await expect(page.locator('article > h1')).toHaveText('Pasted Page');
  await expect(page.locator('[data-block-index="0"]')).toHaveText('A paragraph copied from a web page, with bold words in it.');
  await paste('text/plain', 'https://127.0.0.1:1/unreachable');
  await expect(page.getByRole('alert')).toContainText(/could not be opened/);
  await expect(page.locator('article > h1')).toHaveText('Pasted Page'); // nothing lost
});

test.describe('text the extractor left out', () => {
  test.use({ hostArgs: ['tests/fixtures/scraped/scraped-news.txt'] });

  test('can be shown in place and brought back into the reading, keeping the place', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await expect(page.locator('[data-block-index]')).toHaveCount(4);
    const toggle = page.getByRole('button', { name: /^Show the text left out \(\d+\)$/ });
    await toggle.click();
    await expect(page.getByRole('button', { name: /^Hide the text left out/ })).toHaveAttribute('aria-pressed', 'true');
    const comments = page.getByRole('group', { name: /^Left out: / }).filter({ hasText: 'Comments (14)' });
    await expect(comments).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    // Nothing hidden is read: the reading blocks are still the four paragraphs.
    await expect(page.locator('[data-block-index]')).toHaveCount(4);
    await page.keyboard.press('End'); // the place: the last paragraph
    await expect(page.locator('[data-block-index="3"]')).toHaveAttribute('aria-current', 'location');
    // A control, not reading text: the UI font (as the toolbar's), not the reading font around it.
    const fontOf = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).fontFamily);
    const uiFont = await fontOf(page.getByRole('button', { name: 'Play', exact: true }));
    expect(uiFont).not.toBe(await fontOf(comments.locator('.hidden-text')));
    expect(await fontOf(comments.getByRole('button', { name: 'Read this too' }))).toBe(uiFont);
    await comments.getByRole('button', { name: 'Read this too' }).click();
    await expect(page.getByRole('status')).toHaveText('The text is now part of the reading.');
    await expect(page.locator('[data-block-index]')).toHaveCount(5);
    await expect(page.locator('[data-block-index="4"]')).toHaveText('Comments (14)');
    await expect(page.locator('[aria-current]')).toHaveAttribute('data-block-index', '3');
    // It stays brought back: the library keeps the changed article.
    await page.reload();
    await openPlayer(page, host.url.replace(/\?token=.*/, ''));
    await expect(page.locator('[data-block-index]')).toHaveCount(5);
  });
});
