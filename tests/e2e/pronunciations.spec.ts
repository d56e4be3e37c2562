/**
 * What is spoken (real espeak-ng, real Chromium, the real browser host): a pronunciation entry and a
 * URL change what the engine is given, never what is shown, and the word highlight stays on the
 * displayed word while its replacement is spoken. The list is managed from Settings by keyboard.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openPlayer, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';
import { decodeWireFrame } from '../../shared/wire';

const ROOT = join(import.meta.dirname, '..', '..');
const URL_TEXT = 'https://www.example.com/manual/index.html';

test.use({ hostArgs: ['tests/fixtures/spoken-rules.md'] });

async function openPronunciations(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Pronunciations' });
  await expect(section).toBeVisible();
  return section;
}

/** Adds an entry from the keyboard: Match, Say, the switches, then Enter. */
async function addEntry(page: Page, section: ReturnType<Page['getByRole']>, match: string, say: string, options: { caseSensitive?: boolean; regex?: boolean } = {}) {
  await section.getByLabel('Match').fill(match);
  await section.getByLabel('Say').fill(say);
  if (options.caseSensitive) await section.getByLabel('Case-sensitive').check();
  if (options.regex) await section.getByLabel('Regular expression').check();
  await section.getByLabel('Match').press('Enter');
}

/** What main handed the engine comes back with each block's audio ("spoken"): read off the real socket. */
function recordSpoken(page: Page): string[] {
  const spoken: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const message = decodeWireFrame(payload) as { result?: { spoken?: string } };
      if (message.result?.spoken) spoken.push(message.result.spoken);
    }),
  );
  return spoken;
}

/** Every word highlight, sampled in the page as it plays. */
async function recordHighlights(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenWords: string[] }).seenWords = seen;
    setInterval(() => {
      const word = [...(CSS.highlights.get('ap-word') ?? [])][0]?.toString();
      if (word && seen.at(-1) !== word) seen.push(word);
    }, 10);
  });
  return () => page.evaluate(() => (window as unknown as { seenWords: string[] }).seenWords);
}

/** The player open, what the engine hears recorded, and an entry "SQL" → "sequel" added from Settings by keyboard (Settings stays open). */
async function openWithSqlEntry(page: Page, url: string) {
  const spoken = recordSpoken(page);
  await openPlayer(page, url);
  const section = await openPronunciations(page);
  await addEntry(page, section, 'SQL', 'sequel', { caseSensitive: true });
  await expect(section.getByRole('status')).toHaveText(/Added: SQL → sequel/u);
  return { spoken, section };
}

test('a paragraph with a pronunciation entry and a URL: the engine hears the replacements, the highlight stays on the displayed words', async ({ page, host }) => {
  const { spoken, section } = await openWithSqlEntry(page, host.url);
  await expect(section.getByRole('list', { name: 'Pronunciation list' }).getByRole('listitem')).toHaveCount(1);
  await expect(section.getByLabel('Match')).toBeFocused();
  await expectNoAxeViolations(page, 'the pronunciations section');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden();
  const highlights = await recordHighlights(page);
  await page.keyboard.press('k');
  await expect.poll(highlights, { timeout: 30_000 }).toContain('us');
  const seen = await highlights();
  expect(seen).toContain('SQL');
  expect(seen).toContain(URL_TEXT); // the whole address, while "link to example.com" is spoken
  expect(seen.indexOf('SQL')).toBeLessThan(seen.indexOf(URL_TEXT));
  expect(seen.filter((word) => /sequel|link|^1$/u.test(word))).toEqual([]);
  // The reader still shows the text as written.
  await expect(page.locator('[data-block-index="0"]')).toHaveText(`Our team keeps every record in SQL tables, and the manual is at ${URL_TEXT} for all of us.[1]`);

  // Blocks fetched ahead before the entry was added are synthesized again with it (before or after
  // Play, depending on load): the last synthesis of the paragraph is the one heard.
  const heard = spoken.filter((text) => text.startsWith('Our team')).at(-1);
  expect(heard).toBe('Our team keeps every record in sequel tables, and the manual is at link to example.com for all of us.');
  // The CLI, on the same data folder, gives the same engine input for the same article and settings.
  const cli = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'out', 'main', 'cli.js'), 'extract', 'tests/fixtures/spoken-rules.md', '--json', '--spoken'], { cwd: ROOT, env: { ...process.env, ARTICLE_PLAYER_DATA_DIR: host.dataDir } }).toString()) as { blocks: Array<{ spoken: string }> };
  expect(cli.blocks[0]!.spoken).toBe(heard);
});

test('Hear as written: the paragraph again with no rule or entry, highlighted as shown; the rules apply again after it', async ({ page, host }) => {
  const { spoken } = await openWithSqlEntry(page, host.url);
  await page.keyboard.press('Escape');
  const written = `Our team keeps every record in SQL tables, and the manual is at ${URL_TEXT} for all of us.[1]`;
  const asWritten = page.getByRole('button', { name: 'Hear as written' });
  await expect(asWritten).toHaveAttribute('aria-keyshortcuts', 'W');
  spoken.length = 0;

  await page.keyboard.press('ArrowDown'); // from the title to the first paragraph
  const highlights = await recordHighlights(page);
  await page.keyboard.press('w');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect.poll(() => spoken, { timeout: 30_000 }).toContain(written);
  expect(spoken).not.toContain(expect.stringContaining('sequel')); // the entry is off for this reading
  // Heard as written, the word highlight still walks the displayed words: SQL, then the address's words.
  await expect.poll(highlights, { timeout: 30_000 }).toContain('SQL');
  await expect.poll(async () => (await highlights()).some((word) => URL_TEXT.includes(word) && word.length > 2 && !'Our team keeps every record'.includes(word)), { timeout: 30_000 }).toBe(true);
  await expectNoAxeViolations(page, 'the pronunciations section');

  // Back on the paragraph after leaving it: the rules and the entry apply again.
  await page.keyboard.press('k');
  spoken.length = 0;
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-block-index="1"]')).toHaveAttribute('aria-current', 'location');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('[data-block-index="0"]')).toHaveAttribute('aria-current', 'location');
  await expect.poll(() => spoken, { timeout: 30_000 }).toContain('Our team keeps every record in sequel tables, and the manual is at link to example.com for all of us.');
  expect(spoken).not.toContain(written);
  // Focus was never left on the page: the keys came from the reader, and the button still takes them.
  await asWritten.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => spoken, { timeout: 30_000 }).toContain(written);
  await expect(asWritten).toBeFocused();
});

test('the list is exported and imported back; bad files and bad patterns are refused with what is wrong, and nothing is lost', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const section = await openPronunciations(page);
  await expect(section.getByText('The list is empty.')).toBeVisible();
  await addEntry(page, section, 'GIF', 'jif');
  await expect(section.getByRole('listitem')).toHaveCount(1);

  // Patterns are checked as they are entered.
  await addEntry(page, section, '(unclosed', 'x', { regex: true });
  await expect(section.getByRole('alert')).toHaveText(/"\(unclosed" is not a valid regular expression/u);
  await expect(section.getByLabel('Match')).toBeFocused();
  await expect(section.getByLabel('Match')).toHaveAttribute('aria-invalid', 'true');
  await section.getByLabel('Match').fill('(a+)+$');
  await section.getByLabel('Match').press('Enter');
  await expect(section.getByRole('alert')).toHaveText(/could take too long/u);
  await expectNoAxeViolations(page, 'the pronunciations section');
  await expect(section.getByRole('listitem')).toHaveCount(1);

  // Export: the documented file.
  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Export the list' }).press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('pronunciations.json');
  const exported = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(exported)).toEqual({ version: 1, entries: [{ match: 'GIF', say: 'jif', wholeWord: true, caseSensitive: false, regex: false, lang: null }] });

  // Bad files are refused whole.
  const folder = mkdtempSync(join(tmpdir(), 'ap-pron-'));
  const fileInput = section.getByLabel('Pronunciation list file');
  const importFile = async (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    await fileInput.setInputFiles(path);
  };
  await importFile('newer.json', JSON.stringify({ version: 2, entries: [] }));
  const fileAlert = section.getByRole('alert').last();
  await expect(fileAlert).toHaveText(/newer\.json: .*version 2 is not one this Article Player reads.*Your list is as it was\./u);
  await importFile('broken.json', '{"version": 1, "entries": [{"match": "x"');
  await expect(fileAlert).toHaveText(/broken\.json: This is not a JSON file/u);
  await importFile('wrong.json', JSON.stringify({ version: 1, entries: [{ match: 'a', say: 'b' }, { match: 'c' }] }));
  await expect(fileAlert).toHaveText(/wrong\.json: .*entry 2\.say: expected string, but it is missing/u);
  await expect(section.getByRole('button', { name: 'Import a list…' })).toBeFocused();
  await expect(section.getByRole('listitem')).toHaveCount(1);

  // Remove the entry, then import the exported file: the list is back as it was.
  await section.getByRole('button', { name: 'Remove' }).press('Enter');
  await expect(section.getByText('The list is empty.')).toBeVisible();
  await expect(section.getByLabel('Match')).toBeFocused();
  await section.getByLabel('When importing').selectOption('replace');
  await importFile('pronunciations.json', exported);
  await expect(section.getByRole('status')).toHaveText('Imported pronunciations.json.');
  await expect(section.getByRole('listitem')).toHaveText(/GIF → jif \(whole word\)/u);
  // And it is on disk, in the data folder, for the next start.
  expect(JSON.parse(readFileSync(join(host.dataDir, 'pronunciations.json'), 'utf8')).data.entries).toEqual(JSON.parse(exported).entries);

  // Edit keeps focus in the form and Cancel returns it to the entry's Edit button.
  await section.getByRole('button', { name: 'Edit' }).press('Enter');
  await expect(section.getByLabel('Match')).toBeFocused();
  await expect(section.getByLabel('Match')).toHaveValue('GIF');
  await section.getByRole('button', { name: 'Cancel' }).press('Enter');
  await expect(section.getByRole('button', { name: 'Edit' })).toBeFocused();
});
