/**
 * The desktop app, driven through Playwright's _electron (development build) and, when CI has built
 * one, the packaged app through Chromium's DevTools port (its --inspect fuse is off). It needs the
 * Electron runtime binary, which the electron package downloads from outside the npm registry; where
 * that is impossible (as on the team's build machine) this file skips and says why. The decisions the
 * shell takes are unit-tested without the runtime (tests/unit/electronShell.test.ts).
 */
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, chromium, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const SHORT_ARTICLE = join(ROOT, 'tests', 'fixtures', 'short.txt');

function electronBinary(): { path: string } | { reason: string } {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'the Electron runtime was not downloaded (node_modules/electron/path.txt is missing)' };
  const path = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { reason: `the Electron runtime binary is missing at ${path}` };
}

const binary = electronBinary();
if ('reason' in binary) console.log(`Electron end-to-end tests skipped: ${binary.reason}.`);
const PACKAGED_APP = process.env.ARTICLE_PLAYER_PACKAGED_APP;

/** @electron/fuses' FuseState (not exported by the package): the sentinel bytes '0' and '1'. */
const FUSE = { DISABLE: 48, ENABLE: 49 } as const;

const newDataDirectory = () => mkdtempSync(join(tmpdir(), 'ap-electron-'));

/** What the page reports that a listener would notice: console errors and CSP violations. */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.evaluate(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return problems;
}

/**
 * The development build, launched without executablePath so Playwright's loader removes its own
 * switches from argv (with executablePath they stay, which is what main/electron/commandLine.ts now
 * copes with too). The sandbox stays on: CI allows unprivileged user namespaces for it.
 */
function launch(dataDirectory: string, args: string[] = []): Promise<ElectronApplication> {
  return electron.launch({ args: [ROOT, ...args], env: { ...process.env, ARTICLE_PLAYER_DATA_DIR: dataDirectory }, chromiumSandbox: true });
}

test.describe('desktop app (Electron)', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');

  test('opens the welcome article with no console error or CSP violation, in a sandboxed window, and plays', async () => {
    const app = await launch(newDataDirectory());
    try {
      const page = await app.firstWindow();
      const problems = await watchForProblems(page);
      await expect(page.locator('article > h1')).toHaveText('Welcome to Article Player');
      expect(new URL(page.url()).protocol).toBe('app:');

      // The page's renderer process is in the OS sandbox: seccomp-bpf on Linux; macOS and Windows report it in the metrics.
      const rendererPid = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getOSProcessId());
      if (process.platform === 'linux') expect(readFileSync(`/proc/${rendererPid}/status`, 'utf8')).toMatch(/^Seccomp:\s+2$/mu);
      const sandboxed = await app.evaluate(({ app: electronApp }, pid) => electronApp.getAppMetrics().find((metric) => metric.pid === pid)?.sandboxed, rendererPid);
      if (process.platform !== 'linux') expect(sandboxed).toBe(true);

      expect(await page.evaluate(() => Object.keys(window.articlePlayer ?? {}).sort())).toEqual(['invoke', 'on']);
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime)).toBeGreaterThan(0.3);
      expect(problems).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('refuses a foreign navigation and window.open, checked after they were attempted', async () => {
    const app = await launch(newDataDirectory());
    try {
      const page = await app.firstWindow();
      await expect(page.locator('article > h1')).toBeVisible();
      await page.evaluate(() => ((window as { marker?: number }).marker = 42));

      // window.open: the window-open handler denies it, so the page gets null at once and no window is made.
      const windowCreated = app.evaluate(({ app: electronApp }) => new Promise<boolean>((resolve) => {
        electronApp.once('browser-window-created', () => resolve(true));
        setTimeout(() => resolve(false), 2000);
      }));
      expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
      expect(await windowCreated).toBe(false);
      expect(app.windows()).toHaveLength(1);

      // Navigation: wait until main has seen (and refused) it, then check the page is the same document.
      const attempted = app.evaluate(({ BrowserWindow }) => new Promise<string>((resolve) => BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (_event, url) => resolve(url))));
      await page.evaluate(() => setTimeout(() => (location.href = 'https://example.org/'), 0));
      expect(await attempted).toBe('https://example.org/');
      await page.waitForTimeout(500);
      expect(new URL(page.url()).protocol).toBe('app:');
      expect(await page.evaluate(() => (window as { marker?: number }).marker)).toBe(42);
    } finally {
      await app.close();
    }
  });

  test('refuses API calls from a frame that is not the app window, even with the preload', async () => {
    const app = await launch(newDataDirectory());
    try {
      await expect((await app.firstWindow()).locator('article > h1')).toBeVisible();
      const answer = await app.evaluate(async ({ BrowserWindow, app: electronApp }) => {
        const preload = `${electronApp.getAppPath()}/out/preload/preload.cjs`;
        const foreign = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, preload } });
        await foreign.loadURL('data:text/html,<title>foreign</title>');
        const result = await foreign.webContents.executeJavaScript("window.articlePlayer.invoke('listLibrary', { query: '', sort: 'recent' }).then(() => 'answered', (error) => String(error))");
        foreign.destroy();
        return result as string;
      });
      expect(answer).toMatch(/Refused: unexpected sender/);
    } finally {
      await app.close();
    }
  });

  test('a second launch with a file opens it in the first window, and it enters the library', async () => {
    const dataDirectory = newDataDirectory();
    const app = await launch(dataDirectory);
    try {
      const page = await app.firstWindow();
      await expect(page.locator('article > h1')).toHaveText('Welcome to Article Player');
      // A second instance on the same data folder, started from another folder with a relative path.
      const second = spawn('path' in binary ? binary.path : 'electron', [ROOT, join('fixtures', 'short.txt')], {
        cwd: join(ROOT, 'tests'),
        env: { ...process.env, ARTICLE_PLAYER_DATA_DIR: dataDirectory },
        stdio: 'ignore',
      });
      const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(exitCode).toBe(0);
      await expect(page.locator('article > h1')).toHaveText('Short Article For Tests');
      expect(app.windows()).toHaveLength(1);
      const titles = await page.evaluate(async () => (await window.articlePlayer!.invoke('listLibrary', { query: '', sort: 'recent' })).map((entry) => entry.title));
      expect(titles).toContain('Short Article For Tests');
    } finally {
      await app.close();
    }
  });

  test('an instance with another data folder is not blocked by one already running', async () => {
    const first = await launch(newDataDirectory());
    try {
      await first.firstWindow();
      const second = await launch(newDataDirectory());
      try {
        await expect((await second.firstWindow()).locator('article > h1')).toHaveText('Welcome to Article Player');
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });

  test('the reading position is saved on quit and restored on the next launch', async () => {
    const dataDirectory = newDataDirectory();
    let app = await launch(dataDirectory, [SHORT_ARTICLE]);
    try {
      const page = await app.firstWindow();
      await expect(page.locator('article > h1')).toHaveText('Short Article For Tests');
      await page.locator('[data-block-index="2"]').click();
      await expect(page.locator('[data-block-index="2"]')).toHaveAttribute('aria-current', /.+/);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
    } finally {
      await app.close();
    }
    app = await launch(dataDirectory, [SHORT_ARTICLE]);
    try {
      const page = await app.firstWindow();
      await expect(page.locator('[data-block-index="2"]')).toHaveAttribute('aria-current', /.+/);
    } finally {
      await app.close();
    }
  });
});

test.describe('packaged app', () => {
  test.skip(!PACKAGED_APP, 'set ARTICLE_PLAYER_PACKAGED_APP to a packaged build (CI makes one with electron-builder --dir)');

  test('starts with its fuses on the welcome article and plays', async () => {
    const executable = PACKAGED_APP!;
    const fuses = await getCurrentFuseWire(executable);
    expect({
      runAsNode: fuses[FuseV1Options.RunAsNode],
      cookieEncryption: fuses[FuseV1Options.EnableCookieEncryption],
      nodeOptions: fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: fuses[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: fuses[FuseV1Options.OnlyLoadAppFromAsar],
    }).toEqual({
      runAsNode: FUSE.DISABLE,
      cookieEncryption: FUSE.ENABLE,
      nodeOptions: FUSE.DISABLE,
      inspect: FUSE.DISABLE,
      asarIntegrity: FUSE.ENABLE,
      onlyAsar: FUSE.ENABLE,
    });

    const dataDirectory = newDataDirectory();
    const child = spawn(executable, ['--remote-debugging-port=0', '--inspect=0'], { env: { ...process.env, ARTICLE_PLAYER_DATA_DIR: dataDirectory }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /DevTools listening on (ws:\/\/\S+)/u.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`the packaged app exited (${code}): ${stderr}`)));
    });
    try {
      const browser = await chromium.connectOverCDP(endpoint);
      const appPage = () => browser.contexts().flatMap((context) => context.pages()).find((candidate) => candidate.url().startsWith('app://'));
      await expect.poll(() => appPage() !== undefined).toBe(true);
      const page = appPage()!;
      await expect(page.locator('article > h1')).toHaveText('Welcome to Article Player');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime)).toBeGreaterThan(0.3);
      // The inspect fuse is off: --inspect opened no Node debugger.
      expect(stderr).not.toMatch(/Debugger listening/);
      await browser.close();
    } finally {
      child.kill();
    }
  });
});
