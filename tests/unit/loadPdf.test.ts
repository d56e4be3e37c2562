/** PDFs through the loader every source goes through: files by name or by bytes, URLs, limits and bad input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromBytes, loadArticleFile } from '../../main/article/loadArticleFile';
import { MAX_ARTICLE_BYTES } from '../../shared/articleFiles';
import { loadArticleUrl } from '../../main/article/loadArticleUrl';
import { column, writePdf } from '../helpers/pdfWriter';

const folder = mkdtempSync(join(tmpdir(), 'load-pdf-'));
const body = column(['Plain ASCII streams make this PDF look like text to a binary check.'], { x: 72, top: 700 });
const asciiPdf = writePdf([{ runs: [{ x: 72, y: 740, size: 20, text: 'An Uncompressed Paper' }, ...body] }]);

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

describe('loading PDFs', () => {
  it('reads a PDF whose streams are plain ASCII as a PDF, not as its source text', async () => {
    // The fault: such files passed the binary check, and the title was "%PDF-1.4".
    expect(new TextDecoder().decode(asciiPdf)).toMatch(/^%PDF-1\.4\n/u);
    const result = await loadArticleFile(file('paper.pdf', asciiPdf));
    if (!result.ok) throw new Error(result.message);
    expect(result.article.title).toBe('An Uncompressed Paper');
    expect(result.article.blocks).toEqual([{ kind: 'paragraph', text: 'Plain ASCII streams make this PDF look like text to a binary check.', page: '1' }]);
  });

  it('sniffs "%PDF-" whatever the name (a .txt, no extension, bytes from the Open dialog)', async () => {
    for (const name of ['download.txt', 'download']) {
      const result = await loadArticleFile(file(name, asciiPdf));
      expect(result.ok && result.article.title).toBe('An Uncompressed Paper');
    }
    const dropped = await articleFromBytes(asciiPdf, 'dropped.bin', null);
    expect(dropped.ok && dropped.article.blocks[0]?.page).toBe('1');
  });

  it('opens a PDF larger than the 20 MB article limit', async () => {
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1024 * 1024);
    big.set(asciiPdf);
    // Bytes after %%EOF are ignored by readers; pdf.js finds the cross-reference table again.
    big.fill(0x20, asciiPdf.length);
    const result = await loadArticleFile(file('long-book.pdf', big));
    if (!result.ok) throw new Error(result.message);
    expect(result.article.title).toBe('An Uncompressed Paper');
  });

  it('says what is wrong with a 0-byte PDF, a .pdf that is a web page, a damaged one and a scanned one', async () => {
    const message = async (name: string, bytes: Uint8Array | string) => {
      const result = await loadArticleFile(file(name, bytes));
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.message;
    };
    expect(await message('empty.pdf', '')).toBe('empty.pdf is empty: there is nothing to read.');
    expect(await message('login.pdf', '<!DOCTYPE html><html><body><form>Sign in</form></body></html>')).toMatch(/^login\.pdf is not a PDF: it is a web page \(HTML\)/u);
    expect(await message('cut.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x13]))).toMatch(/damaged/u);
    expect(await message('scan.pdf', writePdf([{ runs: [], image: true }]))).toMatch(/^This PDF is scanned pages without text/u);
    expect(await message('locked.pdf', writePdf([{ runs: body }], { encrypt: true }))).toMatch(/protected by a password/u);
  });
});

describe('a password for a protected PDF', () => {
  it('is carried to the reader, which says when it is not the right one', async () => {
    const locked = writePdf([{ runs: body }], { encrypt: true });
    const without = await articleFromBytes(locked, 'locked.pdf', null);
    expect(without.ok ? '' : without.message).toMatch(/cannot open it without the password/u);
    const wrong = await articleFromBytes(locked, 'locked.pdf', null, { password: 'guess' });
    expect(wrong.ok ? '' : wrong.message).toBe('The password given for this PDF is not right, so it cannot be opened.');
  });
});

describe('loading PDFs from a URL', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/paper') res.writeHead(200, { 'content-type': 'application/pdf' }).end(asciiPdf);
      else if (req.url === '/download') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(asciiPdf);
      else if (req.url === '/blob') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 1, 2, 3]));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads a response of type application/pdf', async () => {
    const result = await loadArticleUrl(`${base}/paper`);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.title).toBe('An Uncompressed Paper');
    expect(result.article.source).toBe(`${base}/paper`);
  });

  it('reads an application/octet-stream response whose bytes are a PDF, and refuses other binary data', async () => {
    const result = await loadArticleUrl(`${base}/download`);
    expect(result.ok && result.article.title).toBe('An Uncompressed Paper');
    const blob = await loadArticleUrl(`${base}/blob`);
    expect(blob.ok ? '' : blob.message).toMatch(/binary file/u);
  });
});
