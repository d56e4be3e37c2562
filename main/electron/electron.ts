/**
 * The Electron shell, kept thin: a secure window on the app:// protocol, the API over one validated
 * IPC channel, and nothing else. All behaviour lives behind the shared API contract.
 */
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEvent, ApiEvents } from '../../shared/api.js';
import { eventChannel, INVOKE_CHANNEL } from '../../shared/apiChannels.js';
import { createAppHandlers } from '../api/createAppContext.js';
import { dispatchApiCall, errorMessageForRenderer } from '../api/dispatchApiCall.js';
import { loadArticleSource } from '../article/loadArticleSource.js';
import { readAppFile } from '../hosts/appFiles.js';
import { SECURITY_HEADERS } from '../hosts/securityHeaders.js';
import { whenAllWritten } from '../store/JsonFile.js';
import { allowPermission, APP_HOST, APP_ORIGIN, APP_SCHEME, hardenWebContents, isTrustedSender, WEB_PREFERENCES } from './securityPolicy.js';

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '..', 'renderer');
const PRELOAD_PATH = join(here, '..', 'preload', 'preload.cjs');

/** The article named on the command line: the first argument that is not a switch. */
export function sourceFromArgv(argv: readonly string[], packaged: boolean): string | null {
  return argv.slice(packaged ? 1 : 2).find((arg) => !arg.startsWith('-')) ?? null;
}

// corsEnabled: Vite marks the module scripts crossorigin, so they are fetched in CORS mode (same origin here).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } }]);
app.enableSandbox();

// A second launch hands its article to the first window (second-instance below) and ends.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.quit();

let mainWindow: BrowserWindow | null = null;
let initialSource = sourceFromArgv(process.argv, app.isPackaged);
// The data folder can be moved for tests and portable use, as in the browser host.
if (process.env.ARTICLE_PLAYER_DATA_DIR) app.setPath('userData', process.env.ARTICLE_PLAYER_DATA_DIR);
const { handlers, context } = createAppHandlers(app.getPath('userData'), () => loadArticleSource(initialSource));

function emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
  mainWindow?.webContents.send(eventChannel(event), payload);
}
context.emit = emit;

function stopDirectSpeech(): void {
  void dispatchApiCall(handlers, 'stopDirect', {}).catch(() => undefined);
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

app.on('second-instance', (_event, argv) => {
  const source = sourceFromArgv(argv, app.isPackaged);
  if (source) {
    initialSource = source;
    void loadArticleSource(source).then((result) => emit('articleOpened', result));
  }
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

void app.whenReady().then(() => {
  if (!isFirstInstance) return;
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(allowPermission()));
  session.defaultSession.setPermissionCheckHandler(allowPermission);

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
      return { ok: true, value: await dispatchApiCall(handlers, method, params) };
    } catch (error) {
      return { ok: false, message: errorMessageForRenderer(error, String(method)) };
    }
  });

  mainWindow = new BrowserWindow({
    width: 1000,
    height: 800,
    minWidth: 360,
    minHeight: 300,
    title: 'Article Player',
    backgroundColor: '#1b1b1f',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: PRELOAD_PATH },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  // A renderer that crashed cannot stop the direct speech it started.
  mainWindow.webContents.on('render-process-gone', stopDirectSpeech);
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
});

app.on('window-all-closed', () => app.quit());

// The closing window sends its reading position and unsaved settings as it goes: quit once they are on disk.
let writesSettled = false;
app.on('will-quit', (event) => {
  if (writesSettled) return;
  event.preventDefault();
  stopDirectSpeech();
  void whenAllWritten().finally(() => {
    writesSettled = true;
    app.quit();
  });
});
