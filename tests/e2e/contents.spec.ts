/**
 * Finding one's way in a long document, end to end in Chromium against the real browser host and
 * espeak-ng: Contents (headings of a Markdown-made article; chapters of a book), next and previous
 * chapter, Go to page, page marks in the reader, the position announcement, and the place kept
 * across a reload. The book is seeded in the library's store, as the app keeps an opened EPUB.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeEpub } from '../../main/article/epub/writeEpub';
import { LibraryStore } from '../../main/store/LibraryStore';
import type { Article, Block } from '../../shared/article';
import { audioTime, currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';
import { expectNoAxeViolations, focusedElement } from './pageChecks';

const status = (page: Page) => page.getByRole('status');
const p = (text: string, page: string, chapter?: string): Block => ({ kind: 'paragraph', text, page, ...(chapter ? { chapter } : {}) });
const h = (text: string, page: string): Block => ({ kind: 'heading', text, page, chapter: text });
const li = (text: string, page: string, chapter: string): Block => ({ kind: 'list-item', text, page, chapter });

/** Front matter on roman pages, four chapters, a list that runs over a page break, page 5 inside a long paragraph. */
const BOOK: Article = {
  title: 'A Small Book of the Sea',
  byline: 'A. Writer',
  source: '/books/small-book.epub',
  lang: 'en',
  blocks: [
    p('A short preface.', 'i'), // 0
    p('Thanks to the crew.', 'ii'), // 1
    h('The Harbour', '1'), // 2
    p('Boats rest in the harbour.', '1', 'The Harbour'), // 3
    li('Ropes.', '2', 'The Harbour'), // 4
    li('Sails.', '3', 'The Harbour'), // 5
    h('The Storm', '4'), // 6
    p('The storm came at night and lasted until the morning.', '4', 'The Storm'), // 7 (page 5 begins inside it)
    h('The Lighthouse', '6'), // 8
    p('The keeper lit the lamp.', '6', 'The Lighthouse'), // 9
    p('Ships saw the light.', '7', 'The Lighthouse'), // 10
    h('Home Again', '8'), // 11
    p('Everyone came home.', '8', 'Home Again'), // 12
    p('The end.', '9', 'Home Again'), // 13
  ],
};

async function openSeededBook(page: Page): Promise<{ child: { kill: (signal?: NodeJS.Signals) => boolean }; url: string }> {
  const data = mkdtempSync(join(tmpdir(), 'ap-contents-'));
  await new LibraryStore(data).recordArticle(BOOK);
  const host = await startHost([], { ...process.env, ARTICLE_PLAYER_DATA_DIR: data });
  await openPlayer(page, host.url);
  await openFromLibrary(page);
  return host;
}

async function openFromLibrary(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('dialog', { name: 'Library' }).getByRole('button', { name: BOOK.title, exact: true }).click();
  await expect(page.locator('article > h1')).toHaveText(BOOK.title);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
}

test('headings of an article: Contents from its key, arrows, Enter reads from the heading; ] and [ move by heading', async ({ page, host }) => {
  await openPlayer(page, host.url); // the welcome article (Markdown): a paragraph, then five headings
  await expect(page.getByRole('button', { name: 'Go to page…' })).toHaveCount(0); // no page numbers
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Contents' });
  await expect(dialog).toBeVisible();
  const list = dialog.getByRole('list', { name: 'Headings' });
  const entries = list.getByRole('button');
  await expect(entries).toHaveCount(5);
  await expect(entries.first()).toBeFocused(); // reading is before the first heading: the first has focus, none is current
  await expect(list.locator('[aria-current]')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the Contents dialog is open');
  await page.keyboard.press('ArrowDown');
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(entries.nth(4)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(entries.nth(1)).toHaveText('Moving around');
  await expect(entries.nth(1)).toBeFocused();
  // One Tab stop: Tab leaves the list.
  await page.keyboard.press('Tab');
  await expect(entries.nth(1)).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(status(page)).toHaveText('Heading 2 of 5: Moving around');
  const moving = await page.locator('h2[data-block-index]', { hasText: 'Moving around' }).getAttribute('data-block-index').then(Number);
  await expect.poll(() => currentBlock(page)).toBe(moving);
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.1); // Enter reads from there
  await expect.poll(() => focusedElement(page)).toBe(`block ${moving}`);

  await page.keyboard.press(']');
  await expect(status(page)).toHaveText('Heading 3 of 5: Changing the speed');
  await page.keyboard.press('[');
  await expect(status(page)).toHaveText('Heading 2 of 5: Moving around');
  await expect.poll(() => currentBlock(page)).toBe(moving);

  // Opened from its button, marked on the heading being read; Escape gives focus back to the button.
  await page.getByRole('button', { name: 'Contents', exact: true }).click();
  await expect(list.getByRole('button', { name: 'Moving around' })).toHaveAttribute('aria-current', 'true');
  await expect(list.getByRole('button', { name: 'Moving around' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Contents', exact: true })).toBeFocused();
  await page.keyboard.press('k');
});

test('a book: page marks, next and previous chapter, Go to page with its errors, where I am, Contents with pages, resume after reload', async ({ page }) => {
  const host = await openSeededBook(page);
  try {
    // Page marks: one where each page starts, hidden from assistive technology, never a block.
    const marks = page.locator('article .page-mark');
    await expect(marks).toHaveCount(10); // i, ii, 1, 2, 3, 4, 6, 7, 8, 9: page 5 begins inside a paragraph
    await expect(marks.first()).toHaveText('Page i');
    for (const mark of await marks.all()) {
      await expect(mark).toHaveAttribute('aria-hidden', 'true');
      await expect(mark).not.toHaveAttribute('data-block-index');
      await expect(mark).not.toHaveAttribute('tabindex');
    }
    await expect(page.locator('article ul > li.page-mark')).toHaveText(['Page 2', 'Page 3']); // inside the list: a hidden list item
    await expect(page.locator('article ul')).toHaveCount(1); // the list stays one list
    await expect(page.locator('.page-mark + [data-block-index="7"]')).toHaveCount(0);
    await expect(page.locator('.page-mark + [data-block-index="8"]')).toHaveCount(1);
    await expectNoAxeViolations(page, 'a book with page marks is open');

    // Next and previous chapter.
    await page.keyboard.press(']');
    await expect(status(page)).toHaveText('Chapter 1 of 4: The Harbour');
    await expect.poll(() => currentBlock(page)).toBe(2);
    await page.keyboard.press(']');
    await expect(status(page)).toHaveText('Chapter 2 of 4: The Storm');
    await expect.poll(() => currentBlock(page)).toBe(6);
    await page.keyboard.press('ArrowDown'); // into the chapter: [ goes back to its start, then to the one before
    await page.keyboard.press('[');
    await expect(status(page)).toHaveText('Chapter 2 of 4: The Storm');
    await expect.poll(() => currentBlock(page)).toBe(6);
    await page.keyboard.press('[');
    await expect(status(page)).toHaveText('Chapter 1 of 4: The Harbour');
    await page.keyboard.press('[');
    await expect(status(page)).toHaveText('This is the first chapter');

    // Go to page: opened by its key, the field has focus; errors are said in the dialog and focus stays.
    await page.keyboard.press('g');
    const goTo = page.getByRole('dialog', { name: 'Go to page' });
    await expect(goTo).toBeVisible();
    const field = goTo.getByLabel('Page');
    await expect(field).toBeFocused();
    await expect(field).toHaveAccessibleDescription(/Pages run from i to 9\./u);
    await expectNoAxeViolations(page, 'the Go to page dialog is open');
    await field.fill('99');
    await page.keyboard.press('Enter');
    await expect(goTo.getByRole('alert')).toHaveText('There is no page 99. Pages run from i to 9.');
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/^There is no page 99\./u);
    await expectNoAxeViolations(page, 'the Go to page dialog shows an error');
    await field.fill('page 7');
    await page.keyboard.press('Enter');
    await expect(goTo).toBeHidden();
    await expect(status(page)).toHaveText('Page 7');
    await expect.poll(() => currentBlock(page)).toBe(10);
    await expect.poll(() => focusedElement(page)).toBe(`h1 ${BOOK.title}`); // back where it was when G was pressed (the title, focused on opening)
    // From its button, a roman page, then a page that begins inside a paragraph.
    await page.getByRole('button', { name: 'Go to page…' }).click();
    await goTo.getByLabel('Page').fill('II');
    await goTo.getByRole('button', { name: 'Go' }).click();
    await expect(status(page)).toHaveText('Page ii');
    await expect.poll(() => currentBlock(page)).toBe(1);
    await expect(page.getByRole('button', { name: 'Go to page…' })).toBeFocused();
    await page.keyboard.press('g');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('Page 5 begins in this paragraph, which starts on page 4');
    await expect.poll(() => currentBlock(page)).toBe(7);

    // Where am I: chapter and page with the paragraph and the time left.
    await page.keyboard.press('p');
    await expect(status(page)).toHaveText(/^Chapter 2 of 4: The Storm, page 4, Paragraph 8 of 14, (about \d+ min|less than a minute) left$/u);

    // Contents: the chapters with the pages they start on, the one being read current and focused.
    await page.keyboard.press('c');
    const contents = page.getByRole('dialog', { name: 'Contents' });
    const chapters = contents.getByRole('list', { name: 'Chapters' }).getByRole('button');
    await expect(chapters).toHaveText([/^The Harbour.*1$/u, /^The Storm.*reading now.*4$/u, /^The Lighthouse.*6$/u, /^Home Again.*8$/u]);
    await expect(chapters.nth(1)).toHaveAttribute('aria-current', 'true');
    await expect(chapters.nth(1)).toBeFocused();
    await expect(chapters.nth(1)).toHaveAccessibleName(/^The Storm\s*, page 4$/u);
    await expectNoAxeViolations(page, 'the Contents dialog of a book is open');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('Chapter 3 of 4: The Lighthouse');
    await expect.poll(() => currentBlock(page)).toBe(8);
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentBlock(page)).toBe(9);
    await page.waitForTimeout(600); // saved 400 ms after the position settles

    // A reload, then the book from the library again: reading resumes where it was.
    await page.reload();
    await openPlayer(page, host.url.replace(/\?token=.*/u, ''));
    await openFromLibrary(page);
    expect(await currentBlock(page)).toBe(9);
    await page.keyboard.press('p');
    await expect(status(page)).toHaveText(/^Chapter 3 of 4: The Lighthouse, page 6, Paragraph 10 of 14/u);
  } finally {
    host.child.kill();
  }
});

test('exporting a book writes one WebVTT cue per chapter, the front matter under the title', async ({ page }) => {
  const host = await openSeededBook(page);
  try {
    await page.getByRole('button', { name: 'Export audio…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export audio' });
    await dialog.getByLabel('WAV (uncompressed)').check();
    const downloads: Array<{ name: string; path: string }> = [];
    page.on('download', (download) => void download.path().then((path) => downloads.push({ name: download.suggestedFilename(), path })));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(2);
    const cues = readFileSync(downloads.find((d) => d.name.endsWith('.vtt'))!.path, 'utf8').split('\n');
    expect(cues.filter((line) => line.includes(' --> '))).toHaveLength(5);
    expect(cues.filter((line) => /^[A-Z]/u.test(line) && line !== 'WEBVTT' && !line.startsWith('NOTE'))).toEqual([BOOK.title, 'The Harbour', 'The Storm', 'The Lighthouse', 'Home Again']);
  } finally {
    host.child.kill();
  }
});

test('an EPUB book: chapters from its navigation, next chapter, page marks from its page breaks, go to page, resume after reload', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'ap-epub-book-'));
  const file = join(folder, 'voyage.epub');
  const pageBreak = (label: string) => `<span epub:type="pagebreak" id="pg${label}" title="${label}"/>`;
  writeFileSync(
    file,
    writeEpub({
      title: 'The Voyage',
      creators: ['Ann Author'],
      language: 'en',
      chapters: [
        { title: 'Setting Out', body: `${pageBreak('1')}<h1>Setting Out</h1><p>We left at dawn.</p>${pageBreak('2')}<p>The wind was fair.</p>` },
        { title: 'At Sea', body: `${pageBreak('3')}<h1>At Sea</h1><p>Days passed slowly.</p>${pageBreak('4')}<p>Then came a calm.</p>` },
        { title: 'Landfall', body: `${pageBreak('5')}<h1>Landfall</h1><p>An island rose ahead.</p>${pageBreak('6')}<p>We went ashore.</p>` },
      ],
    }),
  );
  const data = mkdtempSync(join(tmpdir(), 'ap-epub-data-'));
  const host = await startHost([file], { ...process.env, ARTICLE_PLAYER_DATA_DIR: data });
  try {
    await openPlayer(page, host.url);
    await expect(page.locator('article > h1')).toHaveText('The Voyage');
    await expect(page.locator('article .page-mark')).toHaveText(['Page 1', 'Page 2', 'Page 3', 'Page 4', 'Page 5', 'Page 6']);
    const blockOf = (text: string) => page.locator('[data-block-index]', { hasText: text }).first().getAttribute('data-block-index').then(Number);

    await page.keyboard.press(']'); // from the title (read first), the next chapter is the first
    await expect(page.getByRole('status')).toHaveText('Chapter 1 of 3: Setting Out');
    await page.keyboard.press(']');
    await expect(page.getByRole('status')).toHaveText('Chapter 2 of 3: At Sea');
    await expect.poll(() => currentBlock(page)).toBe(await blockOf('At Sea'));
    await page.keyboard.press('c');
    const chapters = page.getByRole('dialog', { name: 'Contents' }).getByRole('list', { name: 'Chapters' }).getByRole('button');
    await expect(chapters).toHaveText([/^Setting Out.*1$/u, /^At Sea.*3$/u, /^Landfall.*5$/u]);
    await expect(chapters.nth(1)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Escape');

    await page.keyboard.press('g');
    await page.getByRole('dialog', { name: 'Go to page' }).getByLabel('Page').fill('6');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Page 6');
    const ashore = await blockOf('We went ashore.');
    await expect.poll(() => currentBlock(page)).toBe(ashore);
    await page.keyboard.press('k'); // play: the place is saved as reading goes
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.1);
    await page.keyboard.press('k');
    await page.waitForTimeout(600);

    await page.reload(); // the host opens the same book again: reading resumes there
    await openPlayer(page, host.url.replace(/\?token=.*/u, ''));
    await expect(page.locator('article > h1')).toHaveText('The Voyage');
    expect(await currentBlock(page)).toBe(ashore);
    await page.keyboard.press('p');
    await expect(page.getByRole('status')).toHaveText(/^Chapter 3 of 3: Landfall, page 6, Paragraph \d+ of \d+/u);
  } finally {
    host.child.kill();
  }
});
