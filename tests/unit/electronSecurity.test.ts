/**
 * Electron's security checklist (docs/tutorial/security.md in the electron repository), item by item,
 * checked against the configuration the app really uses. The Electron binary cannot be downloaded on
 * the build machine, so the window itself is tested in tests/e2e/electron.spec.ts where it exists; here
 * the same settings and handlers are checked as data, and the built preload runs in a VM with a stand-in
 * for the electron module (the one thing that cannot exist here).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowPermission, hardenWebContents, isAppUrl, isTrustedSender, REQUIRED_WEB_PREFERENCES, type HardenableContents } from '../../main/electron/securityPolicy';
import { CONTENT_SECURITY_POLICY } from '../../main/hosts/securityHeaders';
import { requireBuild, ROOT } from '../helpers/built';
import { browserWindowOptions } from '../helpers/windowOptions';

describe('Electron security checklist', () => {
  it('1, 18: the app is loaded from its own app:// protocol, not file:// or the web', () => {
    const source = readFileSync(join(ROOT, 'main', 'electron', 'electron.ts'), 'utf8');
    expect(source).toMatch(/loadURL\(`\$\{APP_ORIGIN\}\/index\.html`\)/);
    expect(source).not.toMatch(/loadFile|file:\/\//);
    expect(isAppUrl('app://article-player/index.html')).toBe(true);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://article-player/')).toBe(false);
  });

  it('2, 3, 4, 6, 8, 9, 10, 11: webPreferences isolate and sandbox the page, written out where the window is made', () => {
    expect(REQUIRED_WEB_PREFERENCES).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    // The one window the app makes: every setting is a literal (a spread would hide it from reviewers and Electronegativity).
    const windows = ['electron.ts', 'appWindow.ts'].flatMap((file) => browserWindowOptions(join(ROOT, 'main', 'electron', file)));
    expect(windows).toHaveLength(1);
    const preferences = windows[0]!.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject(REQUIRED_WEB_PREFERENCES);
    expect(Object.keys(preferences).filter((key) => key.startsWith('...'))).toEqual([]);
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences.preload).toEqual({ expression: 'preloadPath' });
    const source = readFileSync(join(ROOT, 'main', 'electron', 'electron.ts'), 'utf8');
    expect(source).toContain('app.enableSandbox()');
  });

  it('5: every permission request is refused', () => {
    expect(allowPermission()).toBe(false);
    const source = readFileSync(join(ROOT, 'main', 'electron', 'electron.ts'), 'utf8');
    expect(source).toContain('setPermissionRequestHandler((_contents, _permission, callback) => callback(allowPermission()))');
    expect(source).toContain('setPermissionCheckHandler(allowPermission)');
  });

  it('7: a Content Security Policy on every response and in the page', () => {
    requireBuild();
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = readFileSync(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a meta tag; it is sent as a header.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(html).not.toMatch(/<script(?![^>]*type="module"[^>]*src=)/); // no inline scripts
  });

  describe('12, 13, 14, 15: navigation, webviews and new windows are denied', () => {
    // A recording stand-in for Electron's WebContents (the binary is not available here).
    const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
    const contents: HardenableContents = {
      on: (event, listener) => handlers.set(event, listener),
      setWindowOpenHandler: (handler) => (openHandler = handler),
    };
    hardenWebContents(contents);

    it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('%s is prevented', (name) => {
      let prevented = false;
      handlers.get(name)!({ preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
    });

    it('window.open is denied, for any address', () => {
      expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
      expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    });

    it('shell.openExternal is never used', () => {
      expect(readFileSync(join(ROOT, 'main', 'electron', 'electron.ts'), 'utf8')).not.toContain('openExternal');
    });
  });

  it('16: a current Electron', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Number(pkg.devDependencies.electron!.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('17: only the app main frame in the app window may call the API', () => {
    expect(isTrustedSender('app://article-player/index.html', true, true)).toBe(true);
    expect(isTrustedSender('app://article-player/index.html', false, true)).toBe(false); // another window
    expect(isTrustedSender('app://article-player/index.html', true, false)).toBe(false); // a subframe
    expect(isTrustedSender('https://attacker.example/', true, true)).toBe(false);
    expect(isTrustedSender('app://other-host/index.html', true, true)).toBe(false);
    expect(isTrustedSender(undefined, true, true)).toBe(false);
    expect(isTrustedSender('not a url', true, true)).toBe(false);
  });

  describe('20: the preload exposes only the typed API, never Electron or IPC events', () => {
    beforeAll(requireBuild);

    function runPreload() {
      const exposed: Record<string, unknown> = {};
      const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
      const invoked: unknown[][] = [];
      const electronStandIn = {
        contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
        ipcRenderer: {
          invoke: async (...args: unknown[]) => {
            invoked.push(args);
            return args[1] === 'fails' ? { ok: false, message: 'refused' } : { ok: true, value: 42 };
          },
          on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
          removeListener: (channel: string) => listeners.delete(channel),
        },
      };
      const code = readFileSync(join(ROOT, 'out', 'preload', 'preload.cjs'), 'utf8');
      const realRequire = createRequire(import.meta.url);
      const module = { exports: {} };
      vm.runInNewContext(code, { module, exports: module.exports, require: (name: string) => (name === 'electron' ? electronStandIn : realRequire(name)) });
      return { exposed, listeners, invoked };
    }

    it('exposes one object with invoke and on', () => {
      const { exposed } = runPreload();
      expect(Object.keys(exposed)).toEqual(['articlePlayer']);
      expect(Object.keys(exposed.articlePlayer as object).sort()).toEqual(['invoke', 'on']);
    });

    it('invoke unwraps answers and errors from main', async () => {
      const { exposed, invoked } = runPreload();
      const api = exposed.articlePlayer as { invoke: (m: string, p: unknown) => Promise<unknown> };
      await expect(api.invoke('getSettings', {})).resolves.toBe(42);
      await expect(api.invoke('fails', {})).rejects.toThrow('refused');
      expect(invoked[0]).toEqual(['article-player:invoke', 'getSettings', {}]);
    });

    it('listeners receive the payload only, never the IPC event, and unknown events are refused', () => {
      const { exposed, listeners } = runPreload();
      const api = exposed.articlePlayer as { on: (e: string, l: (...args: unknown[]) => void) => () => void };
      const received: unknown[][] = [];
      const stop = api.on('articleOpened', (...args) => received.push(args));
      listeners.get('article-player:event:articleOpened')!({ sender: 'the IPC event with its sender' }, { ok: true });
      expect(received).toEqual([[{ ok: true }]]);
      stop();
      expect(listeners.has('article-player:event:articleOpened')).toBe(false);
      expect(() => api.on('anything', () => undefined)).toThrow(/Unknown event/);
    });
  });
});
