import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractWithTimeLimit } from '../../main/article/extractInWorker';
import { loadArticleFile } from '../../main/article/loadArticleFile';

const dir = mkdtempSync(join(tmpdir(), 'ap-worker-'));
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

describe('extraction in a worker with a time limit', () => {
  it('extracts in the worker', async () => {
    const outcome = await extractWithTimeLimit({ text: '<html lang="de"><body><article><h1>Titel</h1><p>Ein kurzer Absatz über nichts Besonderes, der aber lang genug ist.</p></article></body></html>', format: 'html', fallbackTitle: 'x', source: null });
    expect(outcome).toMatchObject({ ok: true, article: { lang: 'de', blocks: [{ kind: 'paragraph', text: expect.stringContaining('kurzer Absatz') }] } });
  });

  it('terminates a worker that never finishes and says so', async () => {
    // A real worker script that hangs, standing in for an extractor stuck on a page.
    const hanging = join(dir, 'hang.mjs');
    writeFileSync(hanging, 'for (;;) {}\n');
    const { value, ms } = await timed(extractWithTimeLimit({ text: '<p>x</p>', format: 'html', fallbackTitle: 'x', source: null }, { timeoutMs: 300, workerUrl: pathToFileURL(hanging) }));
    expect(value).toEqual({ ok: false, message: 'Reading this page took longer than 0.3 seconds, so it was stopped. The page may be too large or too complex; try saving it as text.' });
    expect(ms).toBeLessThan(3000);
  });

  it('reports a worker that crashes', async () => {
    const crashing = join(dir, 'crash.mjs');
    writeFileSync(crashing, 'throw new Error("boom");\n');
    expect(await extractWithTimeLimit({ text: 'x', format: 'text', fallbackTitle: 'x', source: null }, { workerUrl: pathToFileURL(crashing) })).toEqual({ ok: false, message: 'The page could not be read (boom).' });
  });
});

describe('hostile and huge input: an article or a clear message, in time', () => {
  it('a 50 MB page is refused by its size', async () => {
    const path = join(dir, 'fifty.html');
    writeFileSync(path, `<html><body><p>${'word '.repeat(10 * 1024 * 1024)}</p></body></html>`);
    const { value, ms } = await timed(loadArticleFile(path));
    expect(value).toMatchObject({ ok: false, message: expect.stringMatching(/^fifty\.html is 50\.0 MB; articles up to 20 MB can be opened\.$/) });
    expect(ms).toBeLessThan(2000);
  });

  it('one 5 MB paragraph', async () => {
    const path = join(dir, 'one-paragraph.html');
    const sentence = 'The river rose slowly through the night and the town waited. ';
    writeFileSync(path, `<html><head><title>Flood</title></head><body><article><p>${sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length))}</p></article></body></html>`);
    const { value, ms } = await timed(loadArticleFile(path));
    if (!value.ok) throw new Error(value.message);
    expect(value.article.title).toBe('Flood');
    expect(value.article.blocks[0]!.text.length).toBeGreaterThan(5_000_000);
    expect(ms).toBeLessThan(15_000);
  }, 30_000);

  it('markup nested 10,000 levels deep', async () => {
    const path = join(dir, 'deep.html');
    writeFileSync(path, `<html><body>${'<div>'.repeat(10_000)}<p>At the very bottom of the nesting there is one real paragraph of text to be read aloud.</p>${'</div>'.repeat(10_000)}</body></html>`);
    const { value, ms } = await timed(loadArticleFile(path));
    // Too deep for Readability (it would never finish): the page is walked without it.
    if (!value.ok) throw new Error(value.message);
    expect(value.article.blocks.map((b) => b.text)).toEqual(['At the very bottom of the nesting there is one real paragraph of text to be read aloud.']);
    expect(ms).toBeLessThan(12_000);
  }, 30_000);

  it('binary data named .html', async () => {
    const { value, ms } = await timed(loadArticleFile(join(FIXTURES, 'binary.html')));
    expect(value).toMatchObject({ ok: false, message: expect.stringContaining('looks like binary data') });
    expect(ms).toBeLessThan(2000);
  });

  it('invalid UTF-8 is read as Windows-1252 rather than refused', async () => {
    const path = join(dir, 'invalid-utf8.html');
    const bytes = Buffer.concat([
      Buffer.from('<html><body><article><p>Broken bytes: '),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe9]),
      Buffer.from(' and then a long enough run of ordinary words so that there is a paragraph here to read.</p></article></body></html>'),
    ]);
    writeFileSync(path, bytes);
    const { value, ms } = await timed(loadArticleFile(path));
    if (!value.ok) throw new Error(value.message);
    expect(value.article.blocks[0]!.text).toContain('Broken bytes: Ã(');
    expect(value.article.blocks[0]!.text).toContain('é and then');
    expect(ms).toBeLessThan(5000);
  });
});
