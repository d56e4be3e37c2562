/**
 * EPUB through every entrance: a file path (extension or sniffed bytes), a dropped or picked file's bytes,
 * an address answering application/epub+zip (or octet-stream with EPUB bytes), the API's openArticle (bad
 * books leave the library as it was), and the CLI's extract --json (the HTML shape, with page and chapter).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { createAppHandlers } from '../../main/api/createAppContext';
import { articleFromBytes, loadArticleFile } from '../../main/article/loadArticleFile';
import { loadArticleUrl } from '../../main/article/loadArticleUrl';
import { writeEpub } from '../../main/article/epub/writeEpub';
import type { ArticleWithNotes } from '../../shared/notes';
import { BUILT_CLI, requireBuild } from '../helpers/built';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'ap-epub-'));
const book = writeEpub({
  title: 'Small Book',
  creators: ['Ann Author'],
  language: 'en',
  chapters: [
    { title: 'First', body: '<h1>One</h1><p>The first chapter.<a epub:type="noteref" href="#n1">1</a></p><aside epub:type="footnote" id="n1"><p>1. A footnote.</p></aside><span epub:type="pagebreak" title="2"/><p>On page two.</p>' },
    { title: 'Second', body: '<h1>Two</h1><p>The second chapter.</p>' },
  ],
});
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('opening an EPUB', () => {
  it('from a .epub file, in the extraction worker: chapters in spine order, notes apart', async () => {
    const result = await loadArticleFile(file('small.epub', book));
    if (!result.ok) throw new Error(result.message);
    expect(result.article).toMatchObject({ title: 'Small Book', byline: 'Ann Author', lang: 'en' });
    expect(result.article.blocks.map((b) => [b.kind, b.text, b.chapter ?? null, b.page ?? null])).toEqual([
      ['heading', 'One', 'First', null],
      ['paragraph', 'The first chapter.', 'First', null],
      ['paragraph', 'On page two.', 'First', '2'],
      ['heading', 'Two', 'Second', '2'],
      ['paragraph', 'The second chapter.', 'Second', '2'],
    ]);
    expect((result.article as ArticleWithNotes).notes).toEqual([{ text: 'A footnote.', label: '1', referencedBy: 1, chapter: 'First' }]);
  });

  it('image descriptions follow the setting through the loader', async () => {
    const pictured = writeEpub({ title: 'P', chapters: [{ title: 'x', body: '<p>Words.</p><img src="a.png" alt="A lighthouse in fog"/>' }] });
    const on = await loadArticleFile(file('pictured.epub', pictured));
    expect(on.ok && on.article.blocks.map((b) => b.text)).toEqual(['Words.', 'Image: A lighthouse in fog']);
    const off = await loadArticleFile(file('pictured2.epub', pictured), { imageDescriptions: false });
    expect(off.ok && off.article.blocks.map((b) => b.text)).toEqual(['Words.']);
  });

  it('by its bytes whatever the name (a dropped file called "download")', async () => {
    const result = await articleFromBytes(book, 'download', null);
    expect(result.ok && result.article.title).toBe('Small Book');
  });

  it('bad books give one clear message each', async () => {
    const messages = async (name: string, bytes: Uint8Array | string) => {
      const result = await loadArticleFile(file(name, bytes));
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.message;
    };
    expect(await messages('empty.epub', '')).toBe('empty.epub is empty: there is nothing to read.');
    expect(await messages('page.epub', '<html><body><p>Not a book.</p></body></html>')).toMatch(/^page\.epub is not a ZIP archive/u);
    const bomb = zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], 'OEBPS/a.xhtml': new Uint8Array(8 * 1024 * 1024) });
    expect(await messages('bomb.epub', bomb)).toMatch(/^bomb\.epub has a file \("OEBPS\/a\.xhtml"\) compressed .* "zip bomb"/u);
    const drm = writeEpub({ chapters: [{ title: 'x', body: '<p>x</p>' }], files: { 'META-INF/rights.xml': '<rights/>' } });
    expect(await messages('drm.epub', drm)).toMatch(/^drm\.epub is protected \(Adobe DRM\)/u);
    expect(await messages('nopackage.epub', writeEpub({ chapters: [{ title: 'x', body: '<p>x</p>' }], withoutPackage: true }))).toMatch(/has no package document/u);
  });

  it('through the API: a bad book leaves the library as it was, and the next book opens', async () => {
    const { handlers } = createAppHandlers(join(dir, 'data'), async () => ({ ok: false, message: 'not used' }));
    const before = await handlers.listLibrary({ query: '', sort: 'recent' });
    const bad = await handlers.openArticle({ source: { type: 'file', name: 'bad.epub', bytes: new Uint8Array(strToU8('PK\u0003\u0004 broken')) } });
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/^bad\.epub /u) });
    expect(await handlers.listLibrary({ query: '', sort: 'recent' })).toEqual(before);
    await handlers.updateSettings({ patch: { notePlacement: 'after-paragraph' } });
    const good = await handlers.openArticle({ source: { type: 'file', name: 'good.epub', bytes: new Uint8Array(book) } });
    expect(good.ok && good.article.title).toBe('Small Book');
    // The listener's note rule: the footnote read after the paragraph that refers to it.
    expect(good.ok && good.article.blocks.map((b) => b.text).slice(1, 3)).toEqual(['The first chapter.', 'Note 1: A footnote.']);
    expect((await handlers.listLibrary({ query: '', sort: 'recent' })).map((entry) => entry.title)).toEqual(['Small Book']);
  });
});

describe('an address answering with an EPUB', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/book') res.writeHead(200, { 'content-type': 'application/epub+zip' }).end(Buffer.from(book));
      else if (req.url === '/download') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(book));
      else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 1, 2, 3]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('application/epub+zip, and octet-stream whose bytes are an EPUB, are read; other octet-streams refused', async () => {
    expect(await loadArticleUrl(`${base}/book`)).toMatchObject({ ok: true, article: { title: 'Small Book', source: `${base}/book` } });
    expect(await loadArticleUrl(`${base}/download`)).toMatchObject({ ok: true, article: { title: 'Small Book' } });
    expect(await loadArticleUrl(`${base}/other`)).toMatchObject({ ok: false, message: expect.stringMatching(/binary file/u) });
  });
});

describe('the CLI', () => {
  beforeAll(() => requireBuild());
  it('extract --json prints the HTML shape, blocks with "chapter" and "page" where the book has them', async () => {
    const { stdout } = await run(process.execPath, [BUILT_CLI, 'extract', file('cli.epub', book), '--json'], { env: { ...process.env, ARTICLE_PLAYER_DATA_DIR: join(dir, 'cli-data') } });
    const printed = JSON.parse(stdout) as { title: string; byline: string; lang: string; blocks: Array<Record<string, string>> };
    expect(Object.keys(printed)).toEqual(['title', 'byline', 'source', 'lang', 'blocks']);
    expect(printed.blocks[0]).toEqual({ kind: 'heading', text: 'One', chapter: 'First' });
    expect(printed.blocks[2]).toEqual({ kind: 'paragraph', text: 'On page two.', page: '2', chapter: 'First' });
    expect(printed.blocks.at(-1)).toEqual({ kind: 'note', text: 'Note 1: A footnote.', chapter: 'First' });
  });
});
