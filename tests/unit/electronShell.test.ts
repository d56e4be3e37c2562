/**
 * The desktop shell's decisions, run without the Electron runtime: Electron's objects are stand-ins
 * that record what the shell does with them (tests/e2e/electron.spec.ts drives the real thing).
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../shared/keymap';
import type { ShellCommand } from '../../shared/shellCommands';
import { acceleratorForKey, buildMenuTemplate, buildTrayTemplate, type MenuItemTemplate, type ShellAction } from '../../main/electron/appMenu';
import { articleFromArgv, userArguments } from '../../main/electron/commandLine';
import { bookmarkletCode, parseDeepLink } from '../../main/electron/deepLink';
import { safeDownloadName, saveDownload, unusedPath, type DownloadLike, type DownloadOutcome } from '../../main/electron/downloads';
import { claimSingleInstance, sourceFromSecondInstance } from '../../main/electron/singleInstance';
import { defaultDataDirectory } from '../../main/store/dataDirectory';

const PROJECT = resolve('/home/ana/article-player');
const dev = { defaultApp: true, appPath: PROJECT, workingDirectory: PROJECT };
const packaged = { defaultApp: false, appPath: '/opt/Article Player/resources/app.asar', workingDirectory: '/home/ana/Documents' };

describe('the article on the command line', () => {
  it('is never the app folder nor a switch when Playwright launches with executablePath (its flags stay in argv)', () => {
    const argv = ['/x/electron', '--no-sandbox', '--inspect=0', '--remote-debugging-port=0', PROJECT];
    expect(articleFromArgv(argv, dev)).toBeNull();
    expect(articleFromArgv([...argv, 'notes.txt'], dev)).toBe(join(PROJECT, 'notes.txt'));
  });

  it('skips Node switches that take a value and the app folder however it is written', () => {
    expect(userArguments(['/x/electron', '-r', '/x/loader.js', '.', '--enable-logging', 'a.html'], dev)).toEqual(['a.html']);
    expect(articleFromArgv(['/x/electron', `${PROJECT}/`], { ...dev, defaultApp: false })).toBeNull();
    expect(articleFromArgv(['/x/electron', '--', '-odd name.txt'], packaged)).toBe(join('/home/ana/Documents', '-odd name.txt'));
  });

  it('in a packaged app, the first argument after the executable is the article, made absolute', () => {
    expect(articleFromArgv(['/opt/Article Player/article-player'], packaged)).toBeNull();
    expect(articleFromArgv(['/opt/Article Player/article-player', 'saved/page.html'], packaged)).toBe('/home/ana/Documents/saved/page.html');
    expect(articleFromArgv(['/opt/x', '-psn_0_12345', 'https://example.org/a'], packaged)).toBe('https://example.org/a');
    expect(articleFromArgv(['/opt/x', 'article-player://open?url=https%3A%2F%2Fexample.org'], packaged)).toBe('article-player://open?url=https%3A%2F%2Fexample.org');
  });
});

describe('the data folder and the single-instance lock', () => {
  it('sets the data folder before asking for the lock (the lock lives in it) and hands the article over', () => {
    const calls: string[] = [];
    let handedOver: unknown;
    const app = {
      setPath: (name: string, path: string) => void calls.push(`setPath ${name} ${path}`),
      requestSingleInstanceLock: (data?: Record<string, unknown>) => {
        calls.push('requestSingleInstanceLock');
        handedOver = data;
        return true;
      },
    };
    expect(claimSingleInstance(app, '/data/ap', '/home/ana/a.html')).toBe(true);
    expect(calls).toEqual(['setPath userData /data/ap', 'requestSingleInstanceLock']);
    expect(handedOver).toEqual({ source: '/home/ana/a.html' });
  });

  it('is the folder the README, the browser host and the CLI use, on every OS', () => {
    const env = { HOME: '/home/ana', APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' };
    expect(defaultDataDirectory(env, 'linux')).toBe('/home/ana/.config/article-player');
    expect(defaultDataDirectory(env, 'darwin')).toBe('/home/ana/Library/Application Support/Article Player');
    expect(defaultDataDirectory(env, 'win32')).toBe(join('C:\\Users\\ana\\AppData\\Roaming', 'Article Player'));
    expect(defaultDataDirectory({ ...env, ARTICLE_PLAYER_DATA_DIR: '/tmp/test-library' }, 'darwin')).toBe('/tmp/test-library');
  });

  it('a second launch opens what it handed over, absolute, whatever its argv says', () => {
    const context = { ...packaged, workingDirectory: '/second/folder' };
    expect(sourceFromSecondInstance({ source: '/first/arg.html' }, ['/opt/x', '--flag', 'other.html'], context)).toBe('/first/arg.html');
    expect(sourceFromSecondInstance({ source: null }, ['/opt/x', 'other.html'], context)).toBeNull();
    // An instance from an older version sends nothing: argv, against the second launch's own folder.
    expect(sourceFromSecondInstance(undefined, ['/opt/x', 'other.html'], context)).toBe('/second/folder/other.html');
    expect(sourceFromSecondInstance({ source: 42 }, ['/opt/x', 'other.html'], context)).toBeNull();
  });
});

describe('article-player:// links', () => {
  it('open an http(s) address, checked as a typed one is', () => {
    expect(parseDeepLink('article-player://open?url=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1')).toEqual({ action: 'open', url: 'https://example.org/a?b=1' });
    expect(parseDeepLink('article-player://open/?url=http://example.org/')).toEqual({ action: 'open', url: 'http://example.org/' });
  });

  it.each([
    'article-player://open?url=file%3A%2F%2F%2Fetc%2Fpasswd',
    'article-player://open?url=javascript%3Aalert(1)',
    'article-player://open?url=https%3A%2F%2Fuser%3Apass%40example.org',
    'article-player://open?url=',
    'article-player://open',
    'article-player://delete?url=https%3A%2F%2Fexample.org',
    'https://example.org/?url=https%3A%2F%2Fexample.org',
    'article-player://open?url=not%20an%20address',
    `article-player://open?url=https%3A%2F%2Fexample.org%2F${'a'.repeat(9000)}`,
  ])('refuse %s', (link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it('the bookmarklet sends the page it is used on', () => {
    const location = { href: 'https://example.org/story?id=7&x=y' };
    const sent = { href: '' };
    new Function('location', bookmarkletCode().replace(/^javascript:/u, '').replace('location.href=', 'arguments[1].href='))(location, sent);
    expect(parseDeepLink(sent.href)).toEqual({ action: 'open', url: location.href });
  });
});

describe('export downloads in the desktop app', () => {
  function fakeItem(url: string, filename: string) {
    const item = { savePath: '', cancelled: false, done: null as null | ((event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void) };
    const download: DownloadLike = {
      getURL: () => url,
      getFilename: () => filename,
      setSavePath: (path) => void (item.savePath = path),
      cancel: () => void (item.cancelled = true),
      once: (_event, listener) => void (item.done = listener),
    };
    return { item, download };
  }

  it('go to the Downloads folder without a dialog, under an unused name, and say where once written', () => {
    const { item, download } = fakeItem('blob:app://article-player/1234', 'My-article.mp3');
    const outcomes: DownloadOutcome[] = [];
    saveDownload(download, '/home/ana/Downloads', (path) => path === '/home/ana/Downloads/My-article.mp3', (o) => outcomes.push(o));
    expect(item.savePath).toBe('/home/ana/Downloads/My-article (1).mp3');
    expect(outcomes).toEqual([]); // nothing is said before it is written
    item.done!({}, 'completed');
    expect(outcomes).toEqual([{ fileName: 'My-article.mp3', path: '/home/ana/Downloads/My-article (1).mp3', state: 'completed' }]);
  });

  it('report a failed or cancelled file as not saved', () => {
    const { item, download } = fakeItem('blob:app://article-player/1', 'a.vtt');
    const outcomes: DownloadOutcome[] = [];
    saveDownload(download, '/d', () => false, (o) => outcomes.push(o));
    item.done!({}, 'interrupted');
    expect(outcomes[0]).toMatchObject({ path: null, state: 'interrupted' });
  });

  it('refuse anything but the app’s own audio and chapter files', () => {
    for (const [url, name] of [
      ['blob:app://article-player/1', 'run.desktop'],
      ['blob:app://article-player/1', 'setup.exe'],
      ['https://evil.example/a.mp3', 'a.mp3'],
      ['blob:https://evil.example/1', 'a.mp3'],
    ] as const) {
      const { item, download } = fakeItem(url, name);
      const outcomes: DownloadOutcome[] = [];
      saveDownload(download, '/d', () => false, (o) => outcomes.push(o));
      expect(item.cancelled).toBe(true);
      expect(outcomes[0]!.state).toBe('refused');
    }
  });

  it('names stay one plain file in the folder', () => {
    expect(safeDownloadName('../../.bashrc.mp3')).toBe('bashrc.mp3');
    expect(safeDownloadName('a\\..\\b:c.wav')).toBe('b c.wav');
    expect(safeDownloadName('CON.mp3')).toBe('article.mp3');
    expect(safeDownloadName('.mp3')).toBeNull(); // no extension at all: ".mp3" is a hidden file's name
    expect(unusedPath('/d', 'x.mp3', (p) => p !== '/d/x (2).mp3')).toBe('/d/x (2).mp3');
  });
});

describe('the application menu', () => {
  function record() {
    const sent: ShellCommand[] = [];
    const shell: ShellAction[] = [];
    return { sent, shell, target: { send: (c: ShellCommand) => void sent.push(c), shell: (a: ShellAction) => void shell.push(a) } };
  }
  const find = (items: MenuItemTemplate[], label: string): MenuItemTemplate | undefined => {
    for (const item of items) {
      if (item.label === label) return item;
      const inner = item.submenu && find(item.submenu, label);
      if (inner) return inner;
    }
    return undefined;
  };

  it('has File, Playback, View and Help, and none of Electron’s default Reload or Developer Tools', () => {
    const { target } = record();
    const menu = buildMenuTemplate(DEFAULT_KEYMAP, 'linux', target);
    expect(menu.map((item) => item.label)).toEqual(['&File', '&Playback', '&View', '&Help']);
    expect(JSON.stringify(menu)).not.toMatch(/reload|toggleDevTools|Developer/iu);
    for (const label of ['Open File…', 'Open Address or Text…', 'Library', 'Export Audio…', 'Larger Text', 'Smaller Text', 'Theme', 'Keyboard Shortcuts', 'About Article Player']) {
      expect(find(menu, label), label).toBeDefined();
    }
  });

  it('shows the keymap’s keys as accelerators without taking them from text fields', () => {
    const { target, sent } = record();
    const menu = buildMenuTemplate({ ...DEFAULT_KEYMAP, nextParagraph: ['n', 'ArrowDown'] }, 'win32', target);
    expect(find(menu, 'Play or Pause')).toMatchObject({ accelerator: 'Space', registerAccelerator: false });
    expect(find(menu, 'Next paragraph')).toMatchObject({ accelerator: 'N', registerAccelerator: false }); // follows a remap
    expect(find(menu, 'Faster')).toMatchObject({ accelerator: 'Plus' });
    expect(find(menu, 'Open File…')).toMatchObject({ accelerator: 'CmdOrCtrl+O' });
    expect(find(menu, 'Open File…')).not.toHaveProperty('registerAccelerator');
    find(menu, 'Next paragraph')!.click!();
    find(menu, 'Larger Text')!.click!();
    find(menu, 'Sepia')!.click!();
    expect(sent).toEqual([{ type: 'action', action: 'nextParagraph' }, { type: 'textSize', step: 1 }, { type: 'theme', theme: 'sepia' }]);
  });

  it('on macOS: the app menu and Edit menu, no bare-key accelerators, no mnemonics', () => {
    const { target } = record();
    const menu = buildMenuTemplate(DEFAULT_KEYMAP, 'darwin', target);
    expect(menu[0]!.label).toBe('Article Player');
    expect(menu.some((item) => item.role === 'editMenu')).toBe(true);
    expect(find(menu, 'Play or Pause')).not.toHaveProperty('accelerator');
    expect(menu.map((item) => item.label ?? item.role)).toContain('Playback');
  });

  it('turns keys into Electron accelerators', () => {
    expect(['ArrowUp', ' ', 'k', '.', '?', '0', 'Home', 'F5', 'Escape'].map(acceleratorForKey)).toEqual(['Up', 'Space', 'K', '.', '?', '0', 'Home', 'F5', null]);
  });

  it('the tray offers play/pause, next, previous, show window and quit', () => {
    const { target, sent, shell } = record();
    const tray = buildTrayTemplate(target);
    expect(tray.filter((item) => item.label).map((item) => item.label)).toEqual(['Play or Pause', 'Next Paragraph', 'Previous Paragraph', 'Show Window', 'Quit Article Player']);
    for (const item of tray) item.click?.();
    expect(sent.map((c) => (c.type === 'action' ? c.action : c.type))).toEqual(['togglePlay', 'nextParagraph', 'previousParagraph']);
    expect(shell).toEqual(['showWindow', 'quit']);
  });
});

describe('a worker that cannot start', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('is told apart from a worker failing at its work, so extraction can run in-process instead', async () => {
    const { isWorkerStartFailure } = await import('../../main/process/workerStartFailure');
    expect(isWorkerStartFailure(withCode("Cannot find module '/app.asar/out/main/extractWorker.js'", 'ERR_MODULE_NOT_FOUND'))).toBe(true);
    expect(isWorkerStartFailure(withCode('The worker script or module filename must be an absolute path', 'ERR_WORKER_PATH'))).toBe(true);
    expect(isWorkerStartFailure(new Error("Cannot find module './contentModel.json'\nRequire stack: ..."))).toBe(true);
    expect(isWorkerStartFailure(withCode('Worker terminated due to reaching memory limit: JS heap out of memory', 'ERR_WORKER_OUT_OF_MEMORY'))).toBe(false);
    expect(isWorkerStartFailure(new RangeError('Maximum call stack size exceeded'))).toBe(false);
    expect(isWorkerStartFailure('Cannot find module')).toBe(false);
  });
});
