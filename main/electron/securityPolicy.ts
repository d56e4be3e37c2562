/**
 * The Electron security settings in one place, as plain data and small functions, so tests can check
 * every item of Electron's security checklist without the Electron binary (docs/security.md maps
 * each item to its test). electron.ts applies them.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'article-player';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Checklist 2, 3, 4, 6, 8, 9, 10, 11: what the window's webPreferences must say. The settings
 * themselves are written out at `new BrowserWindow(...)` in appWindow.ts (where reviewers and
 * Electronegativity read them); the unit test reads that literal and compares it with this.
 */
export const REQUIRED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: 'Auxclick',
} as const;

/** Checklist 17: only the app's own main frame, in the app's window, may call the API. */
export function isTrustedSender(frameUrl: string | undefined, fromAppWindow: boolean, isMainFrame: boolean): boolean {
  if (!fromAppWindow || !isMainFrame || !frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The part of Electron's WebContents this module hardens (the real object in the app). */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview' | 'will-frame-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Checklist 12, 13, 14, 15: no navigation away from the app, no webviews, no new windows, nothing opened externally. */
export function hardenWebContents(contents: HardenableContents): void {
  const deny = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-frame-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  // Article text is rendered as text, never as links, so nothing legitimate opens a window.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Checklist 5: every permission (camera, notifications, geolocation, ...) is refused. */
export const allowPermission = (): boolean => false;

/** Checklist 1 and 18: the app is served from app://, never file:// or http(s). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
