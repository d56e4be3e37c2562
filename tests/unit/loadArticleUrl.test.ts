import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticleSource, loadRendererSource } from '../../main/article/loadArticleSource';
import { describeContentType, loadArticleUrl } from '../../main/article/loadArticleUrl';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const ARTICLE = `<!doctype html><html lang="en"><head><title>The harbour reopens | Harbour News</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>The harbour reopens</h1>
<p>After two years of repairs the old harbour reopened on Saturday, and hundreds of people came to watch the first ferry dock at the rebuilt pier.</p>
<p>The council said the work finished under budget, and that the fish market will return to the quay next spring once the new roof is in place.</p>
</article></body></html>`;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base: string;

function html(body: string | Buffer, type = 'text/html; charset=utf-8'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };
}

function redirect(to: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location: to });
    res.end();
  };
}

beforeAll(async () => {
  routes.set('/article', html(ARTICLE));
  routes.set('/r1', redirect('/r2', 301));
  routes.set('/r2', redirect('r3', 307)); // relative
  routes.set('/r3', redirect('/article', 308));
  for (let i = 0; i < 7; i++) routes.set(`/loop${i}`, redirect(`/loop${i + 1}`));
  routes.set('/to-file', redirect('file:///etc/passwd'));
  routes.set('/to-ftp', redirect('ftp://example.org/article.html'));
  routes.set('/slow', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>The start of a page that never');
    // never ends: the client's time limit must stop it
  });
  routes.set('/slow-headers', () => {
    // never answers at all
  });
  routes.set('/huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }); // chunked, no length: the limit is enforced while streaming
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < 40 && res.write(chunk)) sent++;
      if (sent < 40) res.once('drain', pump);
      else res.end();
    };
    res.on('error', () => {});
    pump();
  });
  routes.set('/huge-declared', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
    res.write('<p>');
    setTimeout(() => res.destroy(), 2000).unref();
  });
  routes.set('/gzip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    res.end(gzipSync(ARTICLE.replaceAll('harbour reopens', 'gzip harbour reopens')));
  });
  routes.set('/brotli', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' });
    res.end(brotliCompressSync(ARTICLE.replaceAll('harbour reopens', 'brotli harbour reopens')));
  });
  routes.set('/cp1251', html(readFileSync(join(FIXTURES, 'cyrillic-windows-1251-no-meta.html')), 'text/html; charset=windows-1251'));
  routes.set('/sjis', html(readFileSync(join(FIXTURES, 'japanese-shift_jis-no-meta.html')), 'text/html; charset="Shift_JIS"'));
  routes.set('/bom', html(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE.replaceAll('harbour reopens', 'harbour reopens, café'))]), 'text/html; charset=windows-1252'));
  routes.set('/pdf', html(Buffer.from('%PDF-1.7\n'), 'application/pdf'));
  routes.set('/png', html(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'));
  routes.set('/plain', html('Field notes\n\nThe tide was out by noon and the mud flats were full of birds feeding before the water came back.\n', 'text/plain; charset=utf-8'));
  routes.set('/notes.md', html('# Tide notes\n\nThe *tide* was out by [noon](https://example.org).\n\n- birds\n- mud', 'text/markdown'));
  routes.set('/empty', html(''));
  routes.set('/blank-page', html('<html><body><nav><a href="/">Home</a></nav></body></html>'));
  routes.set('/binary', html(readFileSync(join(FIXTURES, 'binary.html'))));
  routes.set('/login', (_req, res) => {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' });
    res.end('login');
  });
  routes.set('/forbidden', (_req, res) => {
    res.writeHead(403);
    res.end('no');
  });
  routes.set('/broken', (_req, res) => {
    res.writeHead(500, 'Internal Server Error');
    res.end('oops');
  });
  server = createServer((req, res) => {
    const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function loadOk(path: string) {
  const result = await loadArticleUrl(`${base}${path}`);
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

async function loadMessage(path: string, options = {}) {
  const result = await loadArticleUrl(`${base}${path}`, options);
  if (result.ok) throw new Error(`expected a refusal for ${path}`);
  return result.message;
}

describe('loadArticleUrl: a page over http', () => {
  it('extracts the article; the source is the address', async () => {
    const article = await loadOk('/article');
    expect(article.title).toBe('The harbour reopens');
    expect(article.source).toBe(`${base}/article`);
    expect(article.lang).toBe('en');
    expect(article.blocks.map((b) => b.text)).toEqual([expect.stringMatching(/^After two years of repairs/), expect.stringMatching(/^The council said/)]);
  });

  it('follows relative and absolute redirects and reports the final address as the source', async () => {
    const article = await loadOk('/r1');
    expect(article.source).toBe(`${base}/article`);
    expect(article.title).toBe('The harbour reopens');
  });

  it('stops after five redirects', async () => {
    expect(await loadMessage('/loop0')).toMatch(/redirected more than 5 times/);
  });

  it('refuses a redirect to file:// or ftp://', async () => {
    expect(await loadMessage('/to-file')).toMatch(/redirected to a file address, which is not opened/);
    expect(await loadMessage('/to-ftp')).toMatch(/redirected to a ftp address, which is not opened/);
  });

  it('refuses other schemes and malformed addresses before any request', async () => {
    expect(await loadArticleSource('file:///etc/passwd')).toMatchObject({ ok: false, message: expect.stringContaining('Only http and https') });
    expect(await loadArticleUrl('javascript:alert(1)')).toMatchObject({ ok: false, message: expect.stringContaining('not javascript') });
    expect(await loadArticleUrl('http://')).toMatchObject({ ok: false, message: expect.stringContaining('not a valid web address') });
  });
});

describe('loadArticleUrl: limits', () => {
  it('stops a server that never finishes the body', async () => {
    const started = Date.now();
    expect(await loadMessage('/slow', { timeoutMs: 400 })).toMatch(/did not send the page within 0.4 seconds/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops a server that never answers', async () => {
    const started = Date.now();
    expect(await loadMessage('/slow-headers', { timeoutMs: 300 })).toMatch(/did not send the page within 0.3 seconds/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops reading a body over the size limit', async () => {
    expect(await loadMessage('/huge')).toMatch(/larger than 20 MB/);
    expect(await loadMessage('/huge', { maxBytes: 1024 * 1024 })).toMatch(/larger than 1 MB/);
  });

  it('refuses a declared length over the limit without reading it', async () => {
    const started = Date.now();
    expect(await loadMessage('/huge-declared')).toMatch(/larger than 20 MB/);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('loadArticleUrl: encodings', () => {
  it('decodes gzip and brotli bodies', async () => {
    expect((await loadOk('/gzip')).title).toBe('The gzip harbour reopens');
    expect((await loadOk('/brotli')).title).toBe('The brotli harbour reopens');
  });

  it('decodes Windows-1251 named only in the Content-Type header', async () => {
    const article = await loadOk('/cp1251');
    expect(article.title).toBe('Новости города');
    expect(article.blocks[0]!.text).toMatch(/^Городской совет одобрил/);
  });

  it('decodes Shift_JIS named only in the Content-Type header', async () => {
    const article = await loadOk('/sjis');
    expect(article.title).toBe('市議会のお知らせ');
    expect(article.blocks.map((b) => b.text).join('')).toContain('公園に変える計画を承認しました');
  });

  it('lets a UTF-8 byte order mark win over the header', async () => {
    expect((await loadOk('/bom')).title).toBe('The harbour reopens, café');
  });

  it('reads text/plain and text/markdown', async () => {
    const plain = await loadOk('/plain');
    expect(plain.title).toBe('Field notes');
    expect(plain.blocks[0]!.text).toMatch(/^The tide was out/);
    const markdown = await loadOk('/notes.md');
    expect(markdown.title).toBe('Tide notes');
    expect(markdown.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'The tide was out by noon.'],
      ['list-item', 'birds'],
      ['list-item', 'mud'],
    ]);
  });
});

describe('loadArticleUrl: clear messages', () => {
  it('names what a non-page is', async () => {
    // PDFs are read since issue 23: a response that is only a PDF header is a damaged PDF, said as such.
    expect(await loadMessage('/pdf')).toMatch(/^This PDF is damaged/u);
    expect(await loadMessage('/png')).toMatch(/^This address is an image \(image\/png\), not a web page/);
    expect(describeContentType('application/zip')).toBe('an archive (application/zip)');
  });

  it('HTTP errors', async () => {
    expect(await loadMessage('/missing')).toMatch(/not found at .*\/missing \(HTTP 404\)/);
    expect(await loadMessage('/broken')).toMatch(/had an error \(HTTP 500 Internal Server Error\)/);
    expect(await loadMessage('/login')).toMatch(/login wall/);
    expect(await loadMessage('/forbidden')).toMatch(/refused access .*HTTP 403/);
  });

  it('an empty page, a page without article text, binary data', async () => {
    expect(await loadMessage('/empty')).toMatch(/is empty/);
    expect(await loadMessage('/blank-page')).toMatch(/No readable text/);
    expect(await loadMessage('/binary')).toMatch(/binary data/);
  });

  it('connection refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await loadArticleUrl(`http://127.0.0.1:${port}/`)).toMatchObject({ ok: false, message: `127.0.0.1:${port} refused the connection: no web server is answering there.` });
  });

  it('a port kept for another service is said in words, not "bad port" (issue 25)', async () => {
    const result = await loadArticleUrl('http://127.0.0.1:9/');
    expect(result).toMatchObject({ ok: false, message: 'Port 9 of 127.0.0.1 is kept for another kind of service than web pages, so it is not opened. Check the address: web pages are usually on no port at all.' });
    expect(result.ok ? '' : result.message).not.toContain('bad port');
  });

  it('a name that does not resolve', async () => {
    // .invalid is reserved (RFC 6761): the lookup fails without needing the internet.
    const result = await loadArticleUrl('http://no-such-host.invalid/article');
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/no-such-host\.invalid could not be found|could not be reached/) });
  });

  it('the renderer hands over an address', async () => {
    expect(await loadRendererSource({ type: 'url', url: ` ${base}/article ` })).toMatchObject({ ok: true, article: { source: `${base}/article` } });
  });
});
