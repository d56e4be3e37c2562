/**
 * Two browser hosts side by side (two users, or two runs): each has its own port and token, neither
 * accepts the other's token or cookie, a second host cannot take over the first one's port, both bind
 * 127.0.0.1 only, and neither serves anything outside the built app.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, openSocket } from '../helpers/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppHandlers } from '../../main/api/createAppContext';
import { loadArticleSource } from '../../main/article/loadArticleSource';
import { startBrowserHost, type BrowserHost } from '../../main/hosts/browserHost';

/** Resolves with the connection error code, or "connected". */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const tokenOf = (host: BrowserHost) => new URL(host.url).searchParams.get('token')!;

describe('two browser hosts', () => {
  const parent = mkdtempSync(join(tmpdir(), 'ap-hosts-'));
  const rendererDir = join(parent, 'renderer');
  const hosts: BrowserHost[] = [];
  let first: BrowserHost;
  let second: BrowserHost;
  let firstCookie = '';
  let secondCookie = '';

  const start = (name: string, port?: number) =>
    startBrowserHost({ rendererDir, port, handlers: createAppHandlers(join(parent, `data-${name}`), () => loadArticleSource(null)).handlers });

  beforeAll(async () => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(parent, 'secret.txt'), 'secret');
    writeFileSync(join(parent, 'secret.js'), 'secret');
    writeFileSync(join(parent, 'renderer-evil.js'), 'secret'); // a sibling whose name starts like the app folder
    first = await start('a');
    second = await start('b');
    hosts.push(first, second);
    for (const [host, set] of [
      [first, (c: string) => (firstCookie = c)],
      [second, (c: string) => (secondCookie = c)],
    ] as const) {
      const reply = await get(host.port, `/?token=${tokenOf(host)}`);
      expect(reply.status).toBe(303);
      set(String(reply.headers['set-cookie']).split(';')[0]!);
    }
  });

  afterAll(async () => {
    for (const host of hosts) await host.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('have different ports, tokens and cookie names', () => {
    expect(first.port).not.toBe(second.port);
    expect(tokenOf(first)).not.toBe(tokenOf(second));
    expect(tokenOf(first)).toMatch(/^[\w-]{32}$/);
    expect(firstCookie.split('=')[0]).toBe(`article_player_token_${first.port}`);
    expect(secondCookie.split('=')[0]).toBe(`article_player_token_${second.port}`);
    // Each host serves its own user.
    return Promise.all([
      get(first.port, '/', { Cookie: firstCookie }).then((r) => expect(r.status).toBe(200)),
      get(second.port, '/', { Cookie: secondCookie }).then((r) => expect(r.status).toBe(200)),
    ]);
  });

  it("refuses the other host's token in the address", async () => {
    expect((await get(second.port, `/?token=${tokenOf(first)}`)).status).toBe(403);
    expect((await get(first.port, `/?token=${tokenOf(second)}`)).status).toBe(403);
  });

  it("refuses the other host's cookie, under its own name or renamed for this port", async () => {
    const firstValue = firstCookie.split('=').slice(1).join('=');
    expect((await get(second.port, '/', { Cookie: firstCookie })).status).toBe(403);
    expect((await get(second.port, '/', { Cookie: `article_player_token_${second.port}=${firstValue}` })).status).toBe(403);
    // Both cookies sent (the browser shares cookies across ports): each host picks only its own.
    expect((await get(second.port, '/', { Cookie: `${firstCookie}; ${secondCookie}` })).status).toBe(200);
    expect((await get(first.port, '/', { Cookie: `${secondCookie}; ${firstCookie}` })).status).toBe(200);
    await expect(openSocket(second.port, { Origin: `http://127.0.0.1:${second.port}`, Cookie: firstCookie })).rejects.toThrow();
    // Right cookie, but the first host's origin: a page of the other instance cannot drive this one.
    await expect(openSocket(second.port, { Origin: `http://127.0.0.1:${first.port}`, Cookie: secondCookie })).rejects.toThrow();
    const ok = await openSocket(second.port, { Origin: `http://127.0.0.1:${second.port}`, Cookie: secondCookie });
    ok.close();
  });

  it("fails with an error when asked for the first host's port, and the first keeps working", async () => {
    await expect(start('c', first.port)).rejects.toThrow(/EADDRINUSE|address already in use/);
    const reply = await get(first.port, '/', { Cookie: firstCookie });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>app</title>');
  });

  it('binds 127.0.0.1 only', async () => {
    expect(new URL(first.url).hostname).toBe('127.0.0.1');
    expect(await tryConnect('127.0.0.1', first.port)).toBe('connected');
    expect(await tryConnect('::1', first.port)).not.toBe('connected');
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === 'IPv4')
      .map((address) => address!.address);
    if (external.length === 0) {
      console.log('skipped the non-loopback check: this machine has only loopback interfaces');
      return;
    }
    for (const address of external) {
      expect(await tryConnect(address, first.port), `${address}:${first.port}`).not.toBe('connected');
      expect(await tryConnect(address, second.port), `${address}:${second.port}`).not.toBe('connected');
    }
    // Another loopback address (127.0.0.2 reaches this machine on Linux) is not bound either.
    expect(await tryConnect('127.0.0.2', first.port)).not.toBe('connected');
  });

  it('refuses paths outside the app, whatever the encoding', async () => {
    const outside = [
      '/../secret.txt',
      '/../secret.js',
      '/%2e%2e/secret.js',
      '/%2E%2E%2Fsecret.js',
      '/..%2fsecret.js',
      '/..%5csecret.js',
      '/assets/../../secret.js',
      '/assets/%2e%2e/%2e%2e/secret.js',
      '/%252e%252e/secret.js',
      '/....//secret.js',
      '//etc/passwd',
      '/etc/passwd',
      '/..\\secret.js',
      '/../renderer-evil.js',
      '/%00',
      '/index.html%00.js',
      '/%c0%ae%c0%ae/secret.js',
      '/../data-a/settings.json',
      '/../data-b/library.json',
    ];
    for (const path of outside) {
      const reply = await get(first.port, path, { Cookie: firstCookie });
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.body, path).not.toContain('secret');
    }
    // Absolute-form request targets and other methods.
    expect((await get(first.port, 'http://127.0.0.1/../secret.js', { Cookie: firstCookie })).body).not.toContain('secret');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']) {
      expect((await get(first.port, '/', { Cookie: firstCookie }, method)).status, method).toBe(405);
    }
  });
});
