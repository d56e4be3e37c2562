import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, openSocket } from '../helpers/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAppHandlers } from '../../main/api/createAppContext';
import { loadArticleSource } from '../../main/article/loadArticleSource';
import { startBrowserHost, type BrowserHost } from '../../main/hosts/browserHost';
import { decodeWireFrame, encodeWire, encodeWireFrame } from '../../shared/wire';

describe('browser host', () => {
  let host: BrowserHost;
  let cookie = '';
  const parent = mkdtempSync(join(tmpdir(), 'ap-host-'));
  const rendererDir = join(parent, 'renderer');

  beforeAll(async () => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(rendererDir, '..', 'secret.txt'), 'secret');
    host = await startBrowserHost({
      rendererDir,
      handlers: createAppHandlers(join(parent, 'data'), () => loadArticleSource(null)).handlers,
    });
    const token = new URL(host.url).searchParams.get('token')!;
    const first = await get(host.port, `/?token=${token}`);
    cookie = String(first.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(() => host.close());

  it('prints an address on 127.0.0.1 with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('moves the token into an HttpOnly, SameSite=Strict cookie and out of the address', async () => {
    const token = new URL(host.url).searchParams.get('token')!;
    const reply = await get(host.port, `/?token=${token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(new RegExp(`article_player_token_${host.port}=${token}; HttpOnly; SameSite=Strict`));
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await get(host.port, '/')).status).toBe(403);
    expect((await get(host.port, '/?token=wrong')).status).toBe(403);
    expect((await get(host.port, '/', { Cookie: `article_player_token_${host.port}=wrong` })).status).toBe(403);
  });

  it('refuses a wrong Host header (DNS rebinding), even with the token', async () => {
    expect((await get(host.port, '/', { Cookie: cookie, Host: `attacker.example:${host.port}` })).status).toBe(421);
  });

  it('serves the app with its security headers, and nothing outside it', async () => {
    const page = await get(host.port, '/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(host.port, '/assets/app.js', { Cookie: cookie })).headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/nope.js', '/%00']) {
      expect((await get(host.port, path, { Cookie: cookie })).status, path).toBe(404);
    }
  });

  it('refuses sockets without the cookie or from another origin', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    await expect(openSocket(host.port, { Origin: origin })).rejects.toThrow(/refused 403|socket hang up|Unexpected server response/);
    await expect(openSocket(host.port, { Origin: 'http://attacker.example', Cookie: cookie })).rejects.toThrow();
    await expect(openSocket(host.port, { Cookie: cookie })).rejects.toThrow();
  });

  it('answers API calls over an authorised socket, and refuses unknown methods', async () => {
    const ws = await openSocket(host.port, { Origin: `http://127.0.0.1:${host.port}`, Cookie: cookie });
    const call = (id: number, method: string, params: unknown) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const onMessage = (data: WebSocket.RawData, isBinary: boolean) => {
          const message = decodeWireFrame(isBinary ? (data as Buffer) : data.toString()) as Record<string, unknown>;
          if (message.id === id) {
            ws.off('message', onMessage);
            resolve(message);
          }
        };
        ws.on('message', onMessage);
        ws.send(encodeWire({ id, method: method as 'getInitialArticle', params }));
      });
    const article = await call(1, 'getInitialArticle', {});
    expect(article.result).toMatchObject({ ok: true, article: { title: 'Welcome to Article Player' } });
    expect(await call(2, 'deleteEverything', {})).toEqual({ id: 2, error: 'Unknown API method: deleteEverything' });
    const audio = (await call(3, 'synthesizeBlock', { text: 'Hello there.', lang: 'en', voice: null, rate: 1 })) as { result: { audio: Uint8Array } };
    expect(Buffer.from(audio.result.audio).subarray(0, 4).toString()).toBe('RIFF');
    // A client may send bytes in a binary frame too (a dropped file), and a broken one gets an answer, not a crash.
    const opened = await new Promise<Record<string, unknown>>((resolve) => {
      ws.once('message', (data, isBinary) => resolve(decodeWireFrame(isBinary ? (data as Buffer) : data.toString()) as Record<string, unknown>));
      ws.send(encodeWireFrame({ id: 4, method: 'openArticle', params: { source: { type: 'file', name: 'note.txt', bytes: new TextEncoder().encode('A note\n\nIt has one paragraph of text to read.') } } }));
    });
    expect(opened).toMatchObject({ id: 4, result: { ok: true } });
    const broken = await new Promise<Record<string, unknown>>((resolve) => {
      ws.once('message', (data, isBinary) => resolve(decodeWireFrame(isBinary ? (data as Buffer) : data.toString()) as Record<string, unknown>));
      ws.send(Buffer.from([1, 0, 0, 0]));
    });
    expect(broken).toMatchObject({ id: -1, error: expect.any(String) });
    ws.close();
  });
});
