/**
 * The queue and "continue listening" end to end: the real browser host, real espeak-ng, real audio in
 * Chromium, the real data folder on disk (killed with SIGKILL to prove every change was already saved).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { LibraryEntry } from '../../shared/library';
import { LibraryStore } from '../../main/store/LibraryStore';
import { QueueStore } from '../../main/store/QueueStore';
import { audioTime, currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every text the page's role="status" region (outside dialogs) takes, in order. */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const region = document.querySelector('.app > [role="status"]')!;
    const seen: string[] = [];
    (window as unknown as { __announced: string[] }).__announced = seen;
    new MutationObserver(() => seen.push(region.textContent!.replace(/\u00a0$/u, ''))).observe(region, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
}

/** Adds pasted text to the queue from the open Queue dialog, without opening it. */
async function queueText(page: Page, title: string, body: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Queue' });
  await dialog.getByLabel('Text of an article to queue').fill(`${title}\n\n${body}`);
  await dialog.getByRole('button', { name: 'Add text to queue' }).click();
  await expect(dialog.getByRole('status')).toHaveText(new RegExp(`Added ${title} to the queue`));
}

const upNextTitles = (page: Page) => page.getByRole('dialog', { name: 'Queue' }).getByRole('listbox', { name: 'Up next' }).getByRole('option').locator('.queue-title').allTextContents();

test('a queue of three short articles plays through to the end, announcing each next one', async ({ page }) => {
  test.setTimeout(120_000);
  const { url, child } = await startHost([join(ROOT, 'tests', 'fixtures', 'short.txt')]);
  try {
    await openPlayer(page, url);
    const announced = await recordAnnouncements(page);
    await page.keyboard.press('q'); // opened by a key with nothing focused
    const dialog = page.getByRole('dialog', { name: 'Queue' });
    await expect(dialog).toBeVisible();
    await queueText(page, 'Second Story', 'The second story has one short paragraph.');
    await queueText(page, 'Third Story', 'The third story is short as well.');
    await queueText(page, 'Fourth Story', 'And the fourth story ends the queue.');
    expect(await upNextTitles(page)).toEqual(['Second Story', 'Third Story', 'Fourth Story']);
    await expect(page.locator('article > h1')).toHaveText('Short Article For Tests'); // added without opening
    await page.keyboard.press('Escape');
    await expect(page.locator('article h1[aria-current], [data-block-index][aria-current]')).toBeFocused(); // the reading place (the title), never the body

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.locator('article > h1')).toHaveText('Second Story', { timeout: 30_000 });
    await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(0.2); // it plays by itself
    await expect(page.locator('article > h1')).toHaveText('Third Story', { timeout: 30_000 });
    await expect(page.locator('article > h1')).toHaveText('Fourth Story', { timeout: 30_000 });
    await expect.poll(announced, { timeout: 30_000 }).toContain('End of the queue');
    const said = (await announced()).filter((text) => /^Next: |^End of/u.test(text));
    expect(said).toEqual(['End of article', 'Next: Second Story', 'End of article', 'Next: Third Story', 'End of article', 'Next: Fourth Story', 'End of article', 'End of the queue']);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    // What was heard went into the history: previous article goes back, and the queue is empty now.
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await expect(dialog.getByText('The queue is empty.')).toBeVisible();
    await expect(dialog.getByText(/Before this one: Third Story\./u)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Queue', exact: true })).toBeFocused();
    await page.keyboard.press('b');
    await expect(page.locator('article > h1')).toHaveText('Third Story');
  } finally {
    child.kill();
  }
});

test('the queue survives a kill (SIGKILL) and a restart, in the order it was given with the keyboard', async ({ page }) => {
  const data = mkdtempSync(join(tmpdir(), 'ap-queue-'));
  const env = { ...process.env, ARTICLE_PLAYER_DATA_DIR: data };
  const first = await startHost([], env);
  try {
    await openPlayer(page, first.url);
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await queueText(page, 'Alpha Story', 'Alpha has a paragraph.');
    await queueText(page, 'Beta Story', 'Beta has a paragraph.');
    await queueText(page, 'Gamma Story', 'Gamma has a paragraph.');
    const dialog = page.getByRole('dialog', { name: 'Queue' });
    // Reorder from the keyboard: Alpha chosen in the list, then down twice with its Move down button,
    // focus staying on the button; then back up with Alt+Up in the list, focus staying on Alpha.
    const list = dialog.getByRole('listbox', { name: 'Up next' });
    const moveDown = dialog.getByRole('group', { name: 'Selected article' }).getByRole('button', { name: 'Move down' });
    await list.getByRole('option', { name: /Alpha Story/u }).focus();
    await expect(list.getByRole('option', { name: /Alpha Story/u })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown'); // selection follows focus
    await expect(list.getByRole('option', { name: /Beta Story/u })).toBeFocused();
    await expect(list.getByRole('option', { name: /Beta Story/u })).toHaveAttribute('aria-selected', 'true');
    await expect(list.getByRole('option', { name: /Alpha Story/u })).toHaveAttribute('aria-selected', 'false');
    await page.keyboard.press('ArrowUp');
    await expect(moveDown).toHaveAccessibleDescription('Alpha Story');
    await moveDown.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => upNextTitles(page)).toEqual(['Beta Story', 'Alpha Story', 'Gamma Story']);
    await expect(dialog.getByRole('status')).toHaveText('Alpha Story: place 2 of 3.');
    await expect(moveDown).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => upNextTitles(page)).toEqual(['Beta Story', 'Gamma Story', 'Alpha Story']);
    await expect(moveDown).toBeFocused();
    await expect(moveDown).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Enter'); // at the end: it stays, and says so
    await expect(dialog.getByRole('status')).toHaveText('Alpha Story is already last.');
    await list.getByRole('option', { name: /Alpha Story/u }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => upNextTitles(page)).toEqual(['Beta Story', 'Alpha Story', 'Gamma Story']);
    await expect(list.getByRole('option', { name: /Alpha Story/u })).toBeFocused();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => upNextTitles(page)).toEqual(['Beta Story', 'Gamma Story', 'Alpha Story']);
    await expect(list.getByRole('option', { name: /Alpha Story/u })).toBeFocused();
    await expectNoAxeViolations(page, 'reordering the queue');
    // On disk before the kill: the store writes every change at once.
    const onDisk = () => (JSON.parse(readFileSync(join(data, 'queue.json'), 'utf8')) as { data: { upNext: string[] } }).data.upNext.length;
    expect(onDisk()).toBe(3);
  } finally {
    first.child.kill('SIGKILL');
  }
  const second = await startHost([], env);
  try {
    await openPlayer(page, second.url);
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    await expect.poll(() => upNextTitles(page)).toEqual(['Beta Story', 'Gamma Story', 'Alpha Story']);
  } finally {
    second.child.kill();
  }
});

test('at a restart with no article given, continue listening is offered at the saved place, one key away', async ({ page }) => {
  const data = mkdtempSync(join(tmpdir(), 'ap-continue-'));
  const env = { ...process.env, ARTICLE_PLAYER_DATA_DIR: data };
  const first = await startHost([], env);
  try {
    await openPlayer(page, first.url);
    await expect(page.getByRole('button', { name: /^Continue:/u })).toHaveCount(0); // first run: the welcome article only
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Or paste the text of an article').fill('Resumed Story\n\nParagraph one is here.\n\nParagraph two is here.\n\nParagraph three is where we stop.\n\nParagraph four is next.');
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    await expect(page.locator('article > h1')).toHaveText('Resumed Story');
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentBlock(page)).toBe(2);
    const saved = () => {
      try {
        const library = JSON.parse(readFileSync(join(data, 'library.json'), 'utf8')) as { data: Array<{ title: string; position: { blockIndex: number } }> };
        return library.data.find((entry) => entry.title === 'Resumed Story')?.position.blockIndex ?? null;
      } catch {
        return null;
      }
    };
    await expect.poll(saved).toBe(2);
  } finally {
    first.child.kill('SIGKILL');
  }
  const second = await startHost([], env);
  try {
    await page.goto(second.url);
    const offer = page.getByRole('button', { name: 'Continue: Resumed Story' });
    await expect(offer).toBeFocused();
    await expect(offer).toHaveAccessibleDescription(/Paragraph 3 of 4, where you stopped/u);
    await expect(page.locator('article > h1')).toHaveText('Welcome to Article Player'); // still the welcome article below
    await expectNoAxeViolations(page, 'continue listening offered');
    await page.keyboard.press('Enter');
    await expect(page.locator('article > h1')).toHaveText('Resumed Story');
    await expect(page.locator('article > h1')).toBeFocused();
    await expect.poll(() => currentBlock(page)).toBe(2);
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.2);
    expect(await page.locator('[data-block-index][aria-current]').textContent()).toBe('Paragraph three is where we stop.');
  } finally {
    second.child.kill();
  }
});

test('"Not now" sets the offer aside and keeps focus in the article', async ({ page }) => {
  const data = mkdtempSync(join(tmpdir(), 'ap-continue-'));
  const env = { ...process.env, ARTICLE_PLAYER_DATA_DIR: data };
  const first = await startHost([join(ROOT, 'tests', 'fixtures', 'short.txt')], env);
  try {
    await openPlayer(page, first.url);
    await expect(page.getByRole('button', { name: /^Continue:/u })).toHaveCount(0); // an article was given: nothing else is offered
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentBlock(page)).toBe(1);
    await expect
      .poll(() => (JSON.parse(readFileSync(join(first.dataDir, 'library.json'), 'utf8')) as { data: Array<{ position: { blockIndex: number } }> }).data[0]?.position.blockIndex)
      .toBe(1);
  } finally {
    first.child.kill();
  }
  const second = await startHost([], env);
  try {
    await page.goto(second.url);
    await expect(page.getByRole('button', { name: 'Continue: Short Article For Tests' })).toBeFocused();
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect(page.getByRole('button', { name: /^Continue:/u })).toHaveCount(0);
    await expect(page.locator('article > h1')).toBeFocused();
  } finally {
    second.child.kill();
  }
});

test('the Queue dialog: axe finds nothing in its states; adding from the library; clearing asks first and focus is never lost', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const queueButton = page.getByRole('button', { name: 'Queue', exact: true });
  await expect(queueButton).toHaveAttribute('aria-keyshortcuts', 'Q');
  await queueButton.click();
  const dialog = page.getByRole('dialog', { name: 'Queue' });
  await expectNoAxeViolations(page, 'queue empty');
  // The open article: Add to queue, then Play next says it already plays next.
  await dialog.getByRole('button', { name: 'Add to queue' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added Welcome to Article Player to the queue, at place 1.');
  await dialog.getByRole('button', { name: 'Play next' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Welcome to Article Player already plays next.');
  await queueText(page, 'Extra Story', 'An extra paragraph.');
  await expectNoAxeViolations(page, 'queue with articles');
  await dialog.getByRole('button', { name: 'Clear queue…' }).click();
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expectNoAxeViolations(page, 'clear confirmation');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Clear queue…' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Clear queue…' }).click();
  await dialog.getByRole('button', { name: 'Clear the queue' }).click();
  await expect(dialog.getByText('The queue is empty.', { exact: false }).first()).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Add to queue' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(queueButton).toBeFocused();

  // From the library: each entry has Add to queue and Play next, described by its title.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  const playNext = library.getByRole('button', { name: 'Play next' }).first();
  await expect(playNext).toHaveAccessibleDescription(/Extra Story|Welcome to Article Player/u);
  await playNext.click();
  await expect(library.getByRole('status')).toHaveText(/plays next\.$/u);
  await expectNoAxeViolations(page, 'library with queue buttons');
  await page.keyboard.press('Escape');
  await queueButton.click();
  expect(await upNextTitles(page)).toHaveLength(1);
});

test('A and U add the open article to the queue (at the end, then first) from the keyboard, and say so', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const status = page.locator('.app > [role="status"]');
  await page.keyboard.press('a');
  await expect(status).toHaveText(/Added Welcome to Article Player to the queue, at place 1\./u);
  await page.keyboard.press('u');
  await expect(status).toHaveText(/Welcome to Article Player already plays next\./u);
  await page.keyboard.press('q');
  await expect(page.getByRole('dialog', { name: 'Queue' }).getByRole('button', { name: 'Add to queue' })).toHaveAttribute('aria-keyshortcuts', 'A');
  await expect(page.getByRole('dialog', { name: 'Queue' }).getByRole('button', { name: 'Play next' })).toHaveAttribute('aria-keyshortcuts', 'U');
  expect(await upNextTitles(page)).toEqual(['Welcome to Article Player']);
});

/** A data folder whose library and queue hold `count` articles (titles and places only: none is played). */
async function seededQueue(count: number): Promise<string> {
  const data = mkdtempSync(join(tmpdir(), 'ap-long-queue-'));
  const entries: LibraryEntry[] = Array.from({ length: count }, (_, i) => ({
    id: createHash('sha256').update(`long queue ${i}`).digest('hex').slice(0, 20),
    title: `Queued story number ${i + 1}`,
    byline: null,
    source: `https://example.test/queued/${i + 1}`,
    lang: 'en',
    blockCount: 5,
    wordCount: 900,
    addedAt: new Date(2026, 0, 1).toISOString(),
    openedAt: new Date(2026, 0, 1).toISOString(),
    position: { blockIndex: 0, sentenceIndex: 0 },
  }));
  const library = new LibraryStore(data);
  await library.index.update(() => entries);
  await new QueueStore(data, library).file.update(() => ({ upNext: entries.map((entry) => entry.id), history: [] }));
  return data;
}

test('a long queue is one Tab stop: arrows, End, Delete and Remove work across it, focus never lost', async ({ page }) => {
  const data = await seededQueue(60);
  const { url, child } = await startHost([], { ...process.env, ARTICLE_PLAYER_DATA_DIR: data });
  try {
    await openPlayer(page, url);
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Queue' });
    const list = dialog.getByRole('listbox', { name: 'Up next' });
    const option = (n: number) => list.getByRole('option', { name: new RegExp(`^Queued story number ${n} `, 'u') });
    await expect(list.getByRole('option')).toHaveCount(60);
    // One Tab stop for sixty articles: in from Play next, out to the buttons for the selected one.
    await dialog.getByRole('button', { name: 'Play next' }).focus();
    await page.keyboard.press('Tab');
    await expect(option(1)).toBeFocused();
    await expect(option(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Play now' })).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Play now' })).toHaveAccessibleDescription('Queued story number 1');
    await page.keyboard.press('Shift+Tab');
    await expect(option(1)).toBeFocused();
    // End: the last article, far below in a part of the list not yet laid out, is focused and shown.
    await page.keyboard.press('End');
    await expect(option(60)).toBeFocused();
    await expect(option(60)).toBeInViewport();
    await page.keyboard.press('PageUp');
    await expect(option(50)).toBeFocused();
    await expectNoAxeViolations(page, 'a long queue, deep in the list');
    // Delete in the list: the article after it takes its place and focus.
    await page.keyboard.press('Delete');
    await expect(dialog.getByRole('status')).toHaveText('Removed Queued story number 50 from the queue.');
    await expect(list.getByRole('option')).toHaveCount(59);
    await expect(option(51)).toBeFocused();
    await expect(option(51)).toHaveAttribute('aria-selected', 'true');
    // The Remove button: focus stays on it, the selection moves to the next article.
    const remove = dialog.getByRole('button', { name: 'Remove' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(list.getByRole('option')).toHaveCount(58);
    await expect(remove).toBeFocused();
    await expect(remove).toHaveAccessibleDescription('Queued story number 52');
    // Alt+Up in the list moves the selected article and focus stays on it.
    await option(52).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(dialog.getByRole('status')).toHaveText('Queued story number 52: place 49 of 58.');
    await expect(option(52)).toBeFocused();
    // The queue file has the move once main has answered.
    await expect
      .poll(() => (JSON.parse(readFileSync(join(data, 'queue.json'), 'utf8')) as { data: { upNext: string[] } }).data.upNext.length)
      .toBe(58);
  } finally {
    child.kill();
  }
});

test.describe('the next article is the queue as it is when the article ends (prefetch is a cache, never the decision)', () => {
  const LAST =
    'This last paragraph is long on purpose, so that there is time to change the queue while it is being read aloud: it goes on about nothing in particular, one clause after another, for a good many seconds before it finally comes to its end.';

  /** Opens a pasted article of two paragraphs, the last one long, and plays that last paragraph. */
  async function playLastParagraph(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Or paste the text of an article').fill(`Ending Story\n\nA first paragraph.\n\n${LAST}`);
    await page.getByRole('button', { name: 'Read pasted text' }).click();
    await expect(page.locator('article > h1')).toHaveText('Ending Story');
    await page.keyboard.press('End');
    await page.keyboard.press('k');
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.5); // the last paragraph plays: the next one was peeked at
  }

  test('(a) an article added after the end is what N plays', async ({ page }) => {
    const { url, child } = await startHost([join(ROOT, 'tests', 'fixtures', 'short.txt')]);
    try {
      await openPlayer(page, url);
      const announced = await recordAnnouncements(page);
      await page.keyboard.press('End');
      await page.keyboard.press('k');
      await expect.poll(announced, { timeout: 30_000 }).toContain('End of article');
      await page.keyboard.press('q');
      await queueText(page, 'After The End', 'Queued once the article was over.');
      await page.keyboard.press('Escape');
      // Keys do not reach the player while a modal dialog is open: N once the dialog has closed.
      await expect(page.getByRole('dialog', { name: 'Queue' })).toBeHidden();
      await page.keyboard.press('n');
      await expect(page.locator('article > h1')).toHaveText('After The End');
      expect(await announced()).not.toContain('Nothing is up next in the queue.');
    } finally {
      child.kill();
    }
  });

  test('(b) an article added while the last paragraph plays follows it', async ({ page, host }) => {
    test.setTimeout(90_000);
    await openPlayer(page, host.url);
    const announced = await recordAnnouncements(page);
    await playLastParagraph(page);
    await page.keyboard.press('q');
    await queueText(page, 'Added Late', 'Queued while the last paragraph played.');
    await page.keyboard.press('Escape');
    await expect(page.locator('article > h1')).toHaveText('Added Late', { timeout: 60_000 });
    expect(await announced()).toContain('Next: Added Late');
  });

  test('(c) an article removed while the last paragraph plays is not played', async ({ page, host }) => {
    test.setTimeout(90_000);
    await openPlayer(page, host.url);
    const announced = await recordAnnouncements(page);
    await page.keyboard.press('q');
    await queueText(page, 'Removed Story', 'This one leaves the queue before it could play.');
    await page.keyboard.press('Escape');
    await playLastParagraph(page);
    await page.keyboard.press('q');
    const dialog = page.getByRole('dialog', { name: 'Queue' });
    await dialog.getByRole('listbox', { name: 'Up next' }).getByRole('option', { name: /Removed Story/u }).focus();
    await page.keyboard.press('Delete');
    await expect(dialog.getByText('The queue is empty.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect.poll(announced, { timeout: 60_000 }).toContain('End of article');
    await page.waitForTimeout(3_000); // past the pause between articles (1.5 s)
    await expect(page.locator('article > h1')).toHaveText('Ending Story');
    expect((await announced()).filter((text) => text.startsWith('Next:'))).toEqual([]);
  });
});
