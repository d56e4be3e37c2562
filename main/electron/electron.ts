/**
 * The Electron shell, kept thin: it wires Electron's objects to plain functions that decide (command
 * line, deep links, single instance, menus, downloads; each module in this folder, each unit-tested)
 * and carries the shared API over one validated IPC channel. All behaviour lives behind the API.
 */
import { app, clipboard, dialog, globalShortcut, ipcMain, Menu, protocol, session, Tray, utilityProcess, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEvent, ApiEvents, LoadResult } from '../../shared/api.js';
import { eventChannel, INVOKE_CHANNEL } from '../../shared/apiChannels.js';
import { effectiveKeymap, type Settings } from '../../shared/settings.js';
import type { ShellCommand } from '../../shared/shellCommands.js';
import { createAppHandlers } from '../api/createAppContext.js';
import { rememberInLibrary } from '../api/createApiHandlers.js';
import { dispatchApiCall, errorMessageForRenderer } from '../api/dispatchApiCall.js';
import { loadArticleSource, loadRendererSource } from '../article/loadArticleSource.js';
import { readAppFile } from '../hosts/appFiles.js';
import { SECURITY_HEADERS } from '../hosts/securityHeaders.js';
import { useUtilityProcess } from '../speech/speechProcessLauncher.js';
import { defaultDataDirectory } from '../store/dataDirectory.js';
import { whenAllWritten } from '../store/JsonFile.js';
import { buildMenuTemplate, buildTrayTemplate, type MenuTarget } from './appMenu.js';
import { createAppWindow } from './appWindow.js';
import { buildContextMenuTemplate } from './contextMenu.js';
import { articleFromArgv, type CommandLineContext } from './commandLine.js';
import { parseDeepLink, PROTOCOL_SCHEME } from './deepLink.js';
import { saveDownload } from './downloads.js';
import { keepExtractionWarm } from '../article/extractInWorker.js';
import { allowPermission, APP_HOST, APP_ORIGIN, APP_SCHEME, hardenWebContents, isTrustedSender } from './securityPolicy.js';
import { claimSingleInstance, sourceFromSecondInstance } from './singleInstance.js';

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '..', 'renderer');
const PRELOAD_PATH = join(here, '..', 'preload', 'preload.cjs');
const ICON_PATH = join(here, '..', '..', 'assets', 'icon.png');
const TRAY_ICON_PATH = join(here, '..', '..', 'assets', 'tray-icon.png');

const commandLine = (workingDirectory = process.cwd()): CommandLineContext => ({ defaultApp: process.defaultApp === true, appPath: app.getAppPath(), workingDirectory });

// First thing: the data folder (the same one the browser host and CLI use, see README), because the
// single-instance lock lives inside it. A second launch hands its article over and ends.
const dataDirectory = defaultDataDirectory();
const launchSource = articleFromArgv(process.argv, commandLine());
const isFirstInstance = claimSingleInstance(app, dataDirectory, launchSource);
if (!isFirstInstance) app.quit();

// corsEnabled: Vite marks the module scripts crossorigin, so they are fetched in CORS mode (same origin here).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
/** The article getInitialArticle gives: the one named at launch (a deep link is asked about instead). */
let initialSource = launchSource?.startsWith(`${PROTOCOL_SCHEME}:`) ? null : launchSource;
/** Commands for the window that arrived before it could listen (a deep link at launch). */
const pendingCommands: ShellCommand[] = launchSource?.startsWith(`${PROTOCOL_SCHEME}:`) ? deepLinkCommands(launchSource) : [];
let windowListening = false;

const { handlers, context, openFromOutside, warmUpSpeech } = createAppHandlers(dataDirectory, (options) => loadArticleSource(initialSource, options));

function emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
  mainWindow?.webContents.send(eventChannel(event), payload);
}
context.emit = emit;

function sendCommand(command: ShellCommand): void {
  if (windowListening) emit('shellCommand', command);
  else pendingCommands.push(command);
}

function deepLinkCommands(link: string): ShellCommand[] {
  const parsed = parseDeepLink(link);
  if (!parsed) console.error('Article Player: ignored a link it does not understand.');
  return parsed ? [{ type: 'confirmOpenAddress', url: parsed.url }] : [];
}

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** An article from outside the window: a path or web address, or an article-player:// link (asked about first). */
async function openSource(source: string): Promise<void> {
  showWindow();
  if (source.startsWith(`${PROTOCOL_SCHEME}:`)) return deepLinkCommands(source).forEach(sendCommand);
  initialSource = source;
  // A window still starting asks for initialSource itself; one that is open is sent the article.
  if (windowListening) emit('articleOpened', await openFromOutside(source));
}

async function openClipboardText(): Promise<void> {
  const text = (await clipboard.readText()).trim();
  if (!text) return; // nothing to read: the article on screen stays
  showWindow();
  const result: LoadResult = await rememberInLibrary(context.library, await loadRendererSource({ type: 'text', text, html: false }));
  emit('articleOpened', result);
}

const menuTarget: MenuTarget = {
  send: sendCommand,
  shell: (action) => {
    if (action === 'showWindow') showWindow();
    else if (action === 'quit') app.quit();
    else if (action === 'about') void dialog.showMessageBox({ type: 'info', title: 'About Article Player', message: `Article Player ${app.getVersion()}`, detail: 'Reads articles aloud with your computer’s speech engine. MIT licence.' });
    else if (action === 'openFile' && mainWindow) {
      void dialog
        .showOpenDialog(mainWindow, { properties: ['openFile'], filters: [{ name: 'Articles and books', extensions: ['html', 'htm', 'xhtml', 'txt', 'text', 'md', 'markdown', 'epub', 'pdf'] }] })
        .then(({ canceled, filePaths }) => (canceled || !filePaths[0] ? undefined : openSource(filePaths[0])));
    }
  },
};

/** What the settings decide in the shell: the menu's accelerators (the keymap) and the clipboard shortcut. */
let clipboardShortcut = '';
let keymapNow = effectiveKeymap({ keymap: {} });
function applySettings(settings: Settings): void {
  keymapNow = effectiveKeymap(settings);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(effectiveKeymap(settings), process.platform, menuTarget)));
  if (settings.clipboardShortcut === clipboardShortcut) return;
  if (clipboardShortcut) globalShortcut.unregister(clipboardShortcut);
  clipboardShortcut = settings.clipboardShortcut;
  if (clipboardShortcut && !globalShortcut.register(clipboardShortcut, () => void openClipboardText())) {
    console.error(`Article Player: the shortcut ${clipboardShortcut} is taken by another program.`);
  }
}

function stopDirectSpeech(): void {
  void dispatchApiCall(handlers, 'stopDirect', {}).catch(() => undefined);
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
  const source = sourceFromSecondInstance(additionalData, argv, commandLine(workingDirectory));
  if (source) void openSource(source);
  else showWindow();
});

// macOS hands files and links over as events (also at launch, possibly before ready).
app.on('open-file', (event, path) => {
  event.preventDefault();
  void openSource(path);
});
app.on('open-url', (event, url) => {
  event.preventDefault();
  for (const command of deepLinkCommands(url)) sendCommand(command);
  showWindow();
});

void app.whenReady().then(async () => {
  if (!isFirstInstance) return;
  // Native speech code (libespeak-ng) runs in utility processes: a crash there never ends the app.
  useUtilityProcess(utilityProcess);
  // The engine starts now, while the window loads, not when the first paragraph is asked for.
  void warmUpSpeech();
  // A spare extraction worker with pdf.js loaded, so a long document's first pages show at once.
  void keepExtractionWarm();
  // Windows has no installer entry for protocols; macOS and Linux declare it in the package.
  if (app.isPackaged && process.platform === 'win32') app.setAsDefaultProtocolClient(PROTOCOL_SCHEME);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(allowPermission()));
  session.defaultSession.setPermissionCheckHandler(allowPermission);
  session.defaultSession.on('will-download', (_event, item) =>
    saveDownload(item, app.getPath('downloads'), existsSync, (outcome) => sendCommand({ type: 'downloadDone', ...outcome })),
  );

  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await readAppFile(RENDERER_DIR, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
  });

  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, params: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, mainWindow !== null && event.sender === mainWindow.webContents, frame !== null && frame === frame.top)) {
      throw new Error('Refused: unexpected sender');
    }
    try {
      const value = await dispatchApiCall(handlers, method, params);
      if (method === 'updateSettings') applySettings(value as Settings);
      // The window asks for its first article once its listeners are in place: queued commands can go.
      if (method === 'getInitialArticle' && !windowListening) {
        windowListening = true;
        setImmediate(() => pendingCommands.splice(0).forEach(sendCommand));
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, message: errorMessageForRenderer(error, String(method)) };
    }
  });

  applySettings(await context.settings.read());
  mainWindow = createAppWindow(PRELOAD_PATH, process.platform === 'linux' && existsSync(ICON_PATH) ? ICON_PATH : undefined);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  const contents = mainWindow.webContents;
  // A reload starts a new page: it listens again once it asks for its article.
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) windowListening = false;
  });
  // Right-click: Read Selection on selected article text, editing commands in a text field (main/electron/contextMenu.ts).
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, keymapNow, process.platform, menuTarget);
    if (template.length > 0 && mainWindow) Menu.buildFromTemplate(template).popup({ window: mainWindow });
  });
  // A renderer that crashed cannot stop the direct speech it started.
  contents.on('render-process-gone', stopDirectSpeech);
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);

  // The tray (menu bar on macOS) keeps playback at hand while the window is behind others. OS media
  // keys reach the player through the Media Session API in the window (renderer/src/components/useMediaSession.ts).
  if (existsSync(TRAY_ICON_PATH)) {
    tray = new Tray(TRAY_ICON_PATH);
    tray.setToolTip('Article Player');
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayTemplate(menuTarget)));
  }
});

app.on('window-all-closed', () => app.quit());

// The closing window sends its reading position and unsaved settings as it goes: quit once they are on disk.
let writesSettled = false;
app.on('will-quit', (event) => {
  globalShortcut.unregisterAll();
  tray?.destroy();
  if (writesSettled) return;
  event.preventDefault();
  stopDirectSpeech();
  void whenAllWritten().finally(() => {
    writesSettled = true;
    app.quit();
  });
});
