import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../main/article/loadArticleFile';
import { MAX_ARTICLE_BYTES } from '../../shared/articleFiles';
import { loadArticleSource, resolveUserPath } from '../../main/article/loadArticleSource';
import { loadWelcomeArticle } from '../../main/article/welcomeArticle';
import { ACTIONS, DEFAULT_KEYMAP, keyLabel, type Action } from '../../shared/keymap';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);

async function loadOk(path: string) {
  const result = await loadArticleFile(path);
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

describe('loadArticleFile: charsets', () => {
  it('decodes Windows-1251 declared in a meta tag', async () => {
    const article = await loadOk(fixture('cyrillic-windows-1251.html'));
    expect(article.title).toBe('Новости города');
    expect(article.lang).toBe('ru');
    expect(article.blocks[0]!.text).toMatch(/^Городской совет одобрил/);
  });

  it('decodes Shift_JIS declared with http-equiv', async () => {
    const article = await loadOk(fixture('japanese-shift_jis.html'));
    expect(article.title).toBe('市議会のお知らせ');
    expect(article.blocks.map((b) => b.text).join('')).toContain('公園に変える計画を承認しました');
  });

  it('falls back to Windows-1252 for ISO-8859-1 text that is not valid UTF-8', async () => {
    const article = await loadOk(fixture('latin1.txt'));
    expect(article.title).toBe('Café Notes');
    expect(article.blocks[0]!.text).toContain('crème brûlée');
    expect(article.blocks[0]!.text).toContain('Naïve');
  });

  it('strips a UTF-8 byte order mark', async () => {
    const article = await loadOk(fixture('utf8-bom.txt'));
    expect(article.title).toBe('Café Notes');
  });
});

describe('loadArticleFile: bad input gets a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ap-load-'));

  it('a missing file', async () => {
    expect(await loadArticleFile(join(dir, 'nope.html'))).toEqual({ ok: false, message: `The file ${join(dir, 'nope.html')} does not exist.` });
  });

  it('a folder', async () => {
    expect(await loadArticleFile(dir)).toMatchObject({ ok: false, message: expect.stringContaining('not a regular file') });
  });

  it('an empty file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(await loadArticleFile(join(dir, 'empty.txt'))).toMatchObject({ ok: false, message: expect.stringContaining('is empty') });
  });

  it('binary data named .html', async () => {
    expect(await loadArticleFile(fixture('binary.html'))).toMatchObject({ ok: false, message: expect.stringContaining('binary data') });
  });

  it('a file over the size limit, without reading it', async () => {
    const big = join(dir, 'big.html');
    writeFileSync(big, '');
    truncateSync(big, MAX_ARTICLE_BYTES + 1);
    expect(await loadArticleFile(big)).toMatchObject({ ok: false, message: expect.stringMatching(/20\.0 MB; articles up to 20 MB/) });
  });

  it('an HTML page without article text', async () => {
    writeFileSync(join(dir, 'blank.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(await loadArticleFile(join(dir, 'blank.html'))).toMatchObject({ ok: false, message: expect.stringContaining('No readable text') });
  });

  it('a non-http address', async () => {
    expect(await loadArticleSource('file:///etc/passwd')).toMatchObject({ ok: false, message: expect.stringContaining('Only http and https') });
  });
});

describe('sources', () => {
  it('resolves relative paths against the folder npm was started from', () => {
    expect(resolveUserPath('a.txt', { INIT_CWD: '/home/someone' })).toBe('/home/someone/a.txt');
    expect(resolveUserPath('/abs/a.txt', { INIT_CWD: '/x' })).toBe('/abs/a.txt');
    expect(resolveUserPath('https://example.org/a', { INIT_CWD: '/x' })).toBe('https://example.org/a');
  });

  it('opens the welcome article when no source is given', async () => {
    const result = await loadArticleSource(null);
    expect(result).toMatchObject({ ok: true, article: { title: 'Welcome to Article Player', source: null } });
  });
});

describe('the welcome article', () => {
  it('teaches every default key', async () => {
    const result = await loadWelcomeArticle();
    if (!result.ok) throw new Error(result.message);
    const text = result.article.blocks.map((b) => b.text).join(' ').toLowerCase();
    const spoken: Partial<Record<string, string>> = { '+': 'plus', '-': 'minus', '0': 'zero', '?': 'question mark', '=': 'plus', k: 'letter k', l: 'letter l', j: 'letter j', ']': 'closing square bracket', '[': 'opening square bracket', '/': 'slash', c: 'letter c', g: 'letter g', o: 'letter o', i: 'letter i', s: 'letter s', e: 'letter e', '>': 'greater than', '<': 'less than' };
    for (const action of Object.keys(ACTIONS) as Action[]) {
      const keys = DEFAULT_KEYMAP[action];
      const taught = keys.some((key) => text.includes((spoken[key] ?? keyLabel(key)).toLowerCase()));
      expect(taught, `${action} (${keys.join(', ')})`).toBe(true);
    }
    expect(result.article.blocks.filter((b) => b.kind === 'heading').length).toBeGreaterThanOrEqual(3);
  });
});
