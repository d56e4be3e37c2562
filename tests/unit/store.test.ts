import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDirectory } from '../../main/store/dataDirectory';
import { whenAllWritten } from '../../main/store/JsonFile';
import { LibraryStore } from '../../main/store/LibraryStore';
import { SettingsStore } from '../../main/store/SettingsStore';
import type { Article } from '../../shared/article';
import { DEFAULT_SETTINGS } from '../../shared/settings';

const WRITER = join(import.meta.dirname, '..', 'helpers', 'storeWriter.ts');
const freshDirectory = () => mkdtempSync(join(tmpdir(), 'ap-store-'));

function runWriter(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { stdio: 'ignore' });
    child.on('exit', resolve);
  });
}

const article = (source: string | null, blocks = 5): Article => ({
  title: `Article from ${source ?? 'paste'}`,
  byline: 'A. Writer',
  source,
  lang: 'en',
  blocks: Array.from({ length: blocks }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i} of ${source}.` })),
});

describe('SettingsStore', () => {
  it('starts with defaults and keeps what is changed', async () => {
    const dir = freshDirectory();
    const store = new SettingsStore(dir);
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
    await store.update({ rate: 1.7, theme: 'dark' });
    expect(await new SettingsStore(dir).read()).toMatchObject({ rate: 1.7, theme: 'dark', font: 'serif' });
  });

  it('a read that comes while a change is being written sees the change (a reload right after a setting changed)', async () => {
    const store = new SettingsStore(freshDirectory());
    const writing = store.update({ wordHighlight: 'off', rate: 2.2 });
    expect(await store.read()).toMatchObject({ wordHighlight: 'off', rate: 2.2 });
    await writing;
  });

  it('sets a corrupt file aside with a message and starts with defaults', async () => {
    const dir = freshDirectory();
    writeFileSync(join(dir, 'settings.json'), '{"version":1,"data":{"rate":');
    const store = new SettingsStore(dir);
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
    expect(store.file.problem).toMatch(/settings file could not be read \(it is damaged\)\. It was kept as .*settings\.json\.set-aside-/);
    const aside = readdirSync(dir).find((name) => name.startsWith('settings.json.set-aside-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"version":1,"data":{"rate":'); // nothing lost
  });

  it('sets aside a file from a newer version instead of misreading it', async () => {
    const dir = freshDirectory();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ version: 99, data: { rate: 3 } }));
    const store = new SettingsStore(dir);
    expect((await store.read()).rate).toBe(1);
    expect(store.file.problem).toMatch(/newer version of Article Player \(format 99\)/);
  });

  it('keeps the valid fields of a partly invalid file', async () => {
    const dir = freshDirectory();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ version: 1, data: { rate: 2.5, theme: 'neon', lineHeight: 'x' } }));
    expect(await new SettingsStore(dir).read()).toMatchObject({ rate: 2.5, theme: 'system', lineHeight: 1.7 });
  });

  it('two windows (processes) changing different settings keep both changes', async () => {
    const dir = freshDirectory();
    const codes = await Promise.all([runWriter([dir, 'settings-rate', '60']), runWriter([dir, 'settings-theme', '60'])]);
    expect(codes).toEqual([0, 0]);
    expect(await new SettingsStore(dir).read()).toMatchObject({ rate: 2, theme: 'sepia' });
    expect(readdirSync(dir).filter((name) => name !== 'settings.json')).toEqual([]); // no temp or lock files left
  }, 60_000);

  it('kill -9 during saves leaves a readable store', async () => {
    const dir = freshDirectory();
    const library = new LibraryStore(dir);
    await library.record(article('https://example.org/a', 60));
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, 'positions'], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 300)); // mid-stream of writes
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const fresh = new LibraryStore(dir);
    const [entry] = await fresh.list();
    expect(fresh.index.problem).toBeNull();
    expect(entry!.position.blockIndex).toBeGreaterThanOrEqual(0);
    // A stale lock from the killed writer does not block the next save for long.
    expect(await fresh.savePosition(entry!.id, { blockIndex: 3, sentenceIndex: 1 })).toBe(true);
  }, 30_000);
});

describe('LibraryStore', () => {
  it('keeps every opened article with its text, newest first, and resumes the same source', async () => {
    const dir = freshDirectory();
    const library = new LibraryStore(dir);
    const first = await library.record(article('/home/me/a.html'), new Date('2026-01-01'));
    await library.record(article('https://example.org/b'), new Date('2026-01-02'));
    expect((await library.list()).map((e) => e.source)).toEqual(['https://example.org/b', '/home/me/a.html']);
    expect(await library.savePosition(first.id, { blockIndex: 3, sentenceIndex: 2 })).toBe(true);
    const reopened = await library.record(article('/home/me/a.html'), new Date('2026-01-03'));
    expect(reopened.id).toBe(first.id);
    expect(reopened.position).toEqual({ blockIndex: 3, sentenceIndex: 2 });
    expect(reopened.addedAt).toBe('2026-01-01T00:00:00.000Z');
    const opened = await new LibraryStore(dir).open(first.id);
    expect(opened?.article.blocks[4]!.text).toBe('Paragraph 4 of /home/me/a.html.');
    expect(opened?.entry.position.blockIndex).toBe(3);
  });

  it('starts a changed article from the top', async () => {
    const library = new LibraryStore(freshDirectory());
    const entry = await library.record(article('https://example.org/c', 5));
    await library.savePosition(entry.id, { blockIndex: 4, sentenceIndex: 0 });
    expect((await library.record(article('https://example.org/c', 9))).position).toEqual({ blockIndex: 0, sentenceIndex: 0 });
  });

  it('clamps a saved position to the article', async () => {
    const library = new LibraryStore(freshDirectory());
    const entry = await library.record(article('x', 5));
    await library.savePosition(entry.id, { blockIndex: 99, sentenceIndex: 1 });
    expect((await library.list())[0]!.position.blockIndex).toBe(4);
    expect(await library.savePosition('0'.repeat(20), { blockIndex: 1, sentenceIndex: 0 })).toBe(false);
  });

  it('searches titles, bylines and sources ignoring case and accents, and sorts by title', async () => {
    const library = new LibraryStore(freshDirectory());
    await library.record({ ...article('https://news.example/cafe'), title: 'Le Café du Coin' });
    await library.record({ ...article('https://blog.example/bread'), title: 'Baking bread' });
    expect((await library.list('cafe')).map((e) => e.title)).toEqual(['Le Café du Coin']);
    expect((await library.list('BLOG bread')).map((e) => e.title)).toEqual(['Baking bread']);
    expect((await library.list('', 'title')).map((e) => e.title)).toEqual(['Baking bread', 'Le Café du Coin']);
    expect(await library.list('nothing matches')).toEqual([]);
  });

  it('removes one article or all, with their saved text', async () => {
    const dir = freshDirectory();
    const library = new LibraryStore(dir);
    const a = await library.record(article('a'));
    await library.record(article('b'));
    expect(await library.remove([a.id])).toBe(1);
    expect(await library.open(a.id)).toBeNull();
    expect(await library.remove('all')).toBe(1);
    expect(readdirSync(join(dir, 'articles'))).toEqual([]);
  });

  it('drops damaged entries but keeps the rest', async () => {
    const dir = freshDirectory();
    const library = new LibraryStore(dir);
    await library.record(article('good'));
    const raw = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as { data: unknown[] };
    raw.data.push({ id: '../evil', title: 1 });
    await mkdir(dir, { recursive: true });
    writeFileSync(join(dir, 'library.json'), JSON.stringify(raw));
    expect((await library.list()).map((e) => e.source)).toEqual(['good']);
  });
});

describe('data folder', () => {
  it('follows each OS convention, and the override', () => {
    expect(defaultDataDirectory({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.config/article-player');
    expect(defaultDataDirectory({ HOME: '/home/u', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/article-player');
    expect(defaultDataDirectory({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Application Support/Article Player');
    expect(defaultDataDirectory({ ARTICLE_PLAYER_DATA_DIR: '/x' }, 'linux')).toBe('/x');
  });
});

describe('LibraryStore: text brought back', () => {
  const withHidden = (): Article => ({
    ...article('https://example.org/h', 3),
    hidden: [
      { kind: 'paragraph', text: 'Photo: the river at dawn.', position: 1, reason: 'figure caption' },
      { kind: 'paragraph', text: 'Share this article', position: 3, reason: 'page furniture' },
    ],
  });

  it('keeps the place, counted past the restored block', async () => {
    const library = new LibraryStore(freshDirectory());
    const entry = await library.record(withHidden());
    const restored = await library.restoreHidden(entry.id, 0, { blockIndex: 2, sentenceIndex: 1 });
    expect(restored!.article.blocks.map((b) => b.text)[1]).toBe('Photo: the river at dawn.');
    expect(restored!.entry.position).toEqual({ blockIndex: 3, sentenceIndex: 1 });
    expect(restored!.entry.blockCount).toBe(4);
  });

  it('brings it back again when the same page is opened and extracted anew, keeping the place', async () => {
    const library = new LibraryStore(freshDirectory());
    const entry = await library.record(withHidden());
    await library.restoreHidden(entry.id, 0, { blockIndex: 2, sentenceIndex: 0 });
    const reopened = await library.record(withHidden());
    expect(reopened.blockCount).toBe(4);
    expect(reopened.position).toEqual({ blockIndex: 3, sentenceIndex: 0 });
    const saved = await library.open(entry.id);
    expect(saved!.article.blocks.map((b) => b.text)).toContain('Photo: the river at dawn.');
    expect(saved!.article.hidden!.map((b) => b.text)).toEqual(['Share this article']);
  });
});

describe('whenAllWritten (what a closing app waits for)', () => {
  it('resolves only once every update started, in every store, is on disk', async () => {
    const dir = freshDirectory();
    const settings = new SettingsStore(dir);
    const library = new LibraryStore(dir);
    // Started and not awaited, as when a closing window's last messages arrive just before quit.
    void settings.update({ rate: 2.2 });
    void settings.update({ theme: 'sepia' });
    void library.record(article('/tmp/left-open.txt'));
    await whenAllWritten();
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { data: { rate: number; theme: string } };
    expect(onDisk.data).toMatchObject({ rate: 2.2, theme: 'sepia' });
    const index = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as { data: Array<{ title: string }> };
    expect(index.data.map((entry) => entry.title)).toEqual(['Article from /tmp/left-open.txt']);
  });

  it('gives up after its time limit when a write cannot finish (a lock held by another live process)', async () => {
    const dir = freshDirectory();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'settings.json.lock'), String(holder.pid));
      const stuck = new SettingsStore(dir).update({ rate: 3 });
      stuck.catch(() => undefined);
      const started = performance.now();
      await whenAllWritten(300);
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(5000);
    } finally {
      holder.kill();
    }
  });
});
