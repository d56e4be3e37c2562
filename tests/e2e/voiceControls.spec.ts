/**
 * Pitch, volume and a voice per language in Settings (issue 25), with the real espeak-ng engine: the
 * sliders by keyboard with their values in words, the pitch in the requests main receives, the volume
 * of the audio playing changed at once, and the language picker by keyboard choosing the voice that
 * then reads an article in that language. Axe clean in each state; focus never on the body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audioTime, expect, openPlayer, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';
import { recordSynthesisParams } from './synthesisRequests';

const notOnBody = (page: import('@playwright/test').Page) => page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null);

test('pitch and volume by keyboard: pitch reaches the engine, volume changes the audio playing at once', async ({ page, host }) => {
  const asked = recordSynthesisParams(page);
  await openPlayer(page, host.url);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await expect.poll(() => audioTime(page)).toBeGreaterThan(0.3);
  expect(asked.every((params) => params.pitch === undefined)).toBe(true);

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const pitch = dialog.getByRole('slider', { name: 'Pitch' });
  const volume = dialog.getByRole('slider', { name: 'Volume' });
  await expect(pitch).toBeEnabled();
  await expect(pitch).toHaveAttribute('aria-valuetext', 'Normal pitch');
  await expect(volume).toHaveAttribute('aria-valuetext', 'Full volume');

  // Volume: heard at once on the element that is playing, which keeps playing.
  await volume.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect(volume).toHaveAttribute('aria-valuetext', '80 percent volume');
  await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.volume)).toBeCloseTo(0.8, 5);
  const playingAt = await audioTime(page);
  expect(await page.evaluate(() => document.querySelector('audio')!.paused)).toBe(false);
  await expect.poll(() => audioTime(page)).toBeGreaterThan(playingAt);

  // Pitch: 4 steps up, said in words; the blocks asked for from now on carry it.
  await pitch.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(pitch).toHaveAttribute('aria-valuetext', '20 percent higher');
  await expectNoAxeViolations(page, 'Settings with pitch and volume changed');
  await page.keyboard.press('Escape');
  expect(await notOnBody(page)).toBe(true);
  await expect.poll(() => asked.filter((params) => params.pitch === 20).length, { timeout: 10_000 }).toBeGreaterThan(0);
  // The next paragraph is heard at the new pitch.
  const before = asked.length;
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => (asked.length > before ? asked.slice(before).every((params) => params.pitch === 20) : false), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.paused)).toBe(false);
  expect(await page.evaluate(() => document.querySelector('audio')!.volume)).toBeCloseTo(0.8, 5);

  // The Quieter and Louder keys step the same setting, said aloud.
  await page.keyboard.press('<');
  await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.volume)).toBeCloseTo(0.75, 5);
  await expect(page.getByRole('status').filter({ hasText: '75 percent volume' })).toBeAttached();
  await page.keyboard.press('>');
  await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.volume)).toBeCloseTo(0.8, 5);

  // Both are kept in the settings file.
  await expect
    .poll(() => {
      try {
        return JSON.parse(readFileSync(join(host.dataDir, 'settings.json'), 'utf8')) as { data: { pitch: number; volume: number } };
      } catch {
        return null;
      }
    })
    .toMatchObject({ data: { pitch: 20, volume: 0.8 } });
});

test('the language picker by keyboard: a voice for German, previewed in German and used for a German article', async ({ page, host }) => {
  const asked = recordSynthesisParams(page);
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const language = dialog.getByRole('combobox', { name: 'Language' });
  // The open article's language is picked when Settings opens.
  await expect(language).toHaveValue('en');
  await expect(dialog.getByRole('combobox', { name: 'Voice for English' })).toBeVisible();
  await expectNoAxeViolations(page, 'Settings, voice for the article\'s language');

  await language.focus();
  await page.keyboard.type('German');
  await expect(language).toHaveValue('de');
  await page.keyboard.press('Tab');
  const voice = dialog.getByRole('combobox', { name: 'Voice for German' });
  await expect(voice).toBeFocused();
  // Only the voices that speak German are listed; the first after Automatic is chosen by keyboard.
  const listed = await voice.locator('option').allTextContents();
  expect(listed[0]).toBe('Automatic');
  expect(listed.slice(1).every((text) => /\(de(?:-[^)]*)?\)$/u.test(text))).toBe(true);
  await page.keyboard.press('ArrowDown');
  const chosen = await voice.inputValue();
  expect(chosen).not.toBe('');
  expect(chosen.split('-')[0]).toBe('de');
  // The picker says which voice each language has.
  await expect(language.locator('option[value="de"]')).toContainText(' – ');

  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Preview' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'sample' })).toContainText('Playing a sample of', { timeout: 15_000 });
  expect(asked.at(-1)).toMatchObject({ lang: 'de', voice: chosen, text: 'So klingen Ihre Artikel mit dieser Stimme.' });
  await expectNoAxeViolations(page, 'Settings, voice for German chosen, preview playing');

  // The English voice was left as it was.
  await language.focus();
  await page.keyboard.type('English');
  await expect(dialog.getByRole('combobox', { name: 'Voice for English' })).toHaveValue('');
  await page.keyboard.press('Escape');
  expect(await notOnBody(page)).toBe(true);

  // A German article is read with the voice chosen for German.
  await page.getByRole('button', { name: 'Open…' }).click();
  const open = page.getByRole('dialog', { name: 'Open an article' });
  const html = '<!doctype html><html lang="de"><head><title>Ein Artikel</title></head><body><article><h1>Ein Artikel</h1><p>Dies ist der erste Absatz eines deutschen Artikels, der vorgelesen wird.</p><p>Und dies ist der zweite Absatz, auch auf Deutsch.</p></article></body></html>';
  await open.getByLabel('A file on this computer (HTML, text, Markdown, PDF or EPUB)').setInputFiles({ name: 'artikel.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(page.locator('article h1')).toHaveText('Ein Artikel');
  await expect.poll(() => asked.some((params) => params.lang?.startsWith('de') && params.text.includes('Absatz') && params.voice === chosen), { timeout: 10_000 }).toBe(true);
  // Settings opens on the article's language now, with its voice.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Language' })).toHaveValue('de');
  await expect(dialog.getByRole('combobox', { name: 'Voice for German' })).toHaveValue(chosen);
  await expect(dialog.getByRole('combobox', { name: 'Language' }).locator('option[value="de"]')).toContainText('(this article)');
  await expectNoAxeViolations(page, 'Settings on a German article');
  await page.keyboard.press('Escape');

  // Another article, in English: German is offered as a language of the library, with its voice.
  await page.getByRole('button', { name: 'Open…' }).click();
  const english = '<!doctype html><html lang="en"><head><title>An article</title></head><body><article><h1>An article</h1><p>This is the first paragraph of an English article that is read aloud.</p></article></body></html>';
  await open.getByLabel('A file on this computer (HTML, text, Markdown, PDF or EPUB)').setInputFiles({ name: 'article.html', mimeType: 'text/html', buffer: Buffer.from(english) });
  await expect(page.locator('article h1')).toHaveText('An article');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  const german = dialog.getByRole('combobox', { name: 'Language' }).locator('option[value="de"]');
  await expect(german).toContainText('(in your library)');
  await expect(german).toContainText(' – ');
  // Libraries first: German comes straight after the article's language, before languages only the voices speak.
  expect(await dialog.getByRole('combobox', { name: 'Language' }).locator('option').nth(1).getAttribute('value')).toBe('de');
});
