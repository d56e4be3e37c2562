/**
 * The app's one window. Its security settings are written out here, at `new BrowserWindow(...)`, where
 * Electron's docs and static checkers such as Electronegativity look for them (a spread from a
 * constant is invisible to them). tests/unit/electronSecurity.test.ts reads this literal and checks
 * each item of Electron's security checklist against it.
 */
import { BrowserWindow } from 'electron';

export function createAppWindow(preloadPath: string, iconPath: string | undefined): BrowserWindow {
  return new BrowserWindow({
    width: 1000,
    height: 800,
    minWidth: 360,
    minHeight: 300,
    title: 'Article Player',
    backgroundColor: '#1b1b1f',
    show: false,
    // Linux shows this in the task bar; macOS and Windows take the icon from the package.
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      // Checklist 2, 3, 4: the page has no Node.js, runs in its own JavaScript world and in Chromium's sandbox.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      sandbox: true,
      // Checklist 6, 8, 9, 10, 11: web security on, no insecure content, no experimental or extra Blink features, no <webview>.
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle click (auxclick) would open a new window; windows are refused anyway, this stops the attempt.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // The typed API and nothing else (checklist 20); it runs sandboxed, so it is CommonJS.
      preload: preloadPath,
    },
  });
}
