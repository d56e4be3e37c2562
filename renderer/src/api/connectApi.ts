/** The renderer's one way to the Node side: Electron's preload bridge if present, else the browser host's socket. */
import type { ArticlePlayerApi } from '../../../shared/api';
import { connectWebSocketApi } from './webSocketApi';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    articlePlayer?: ArticlePlayerApi;
  }
}

export function connectApi(): ArticlePlayerApi {
  return window.articlePlayer ?? connectWebSocketApi(window.location);
}

/** The desktop app (Electron's preload) can do what a browser tab cannot: system-wide shortcuts, a menu, a tray. */
export function isDesktopHost(): boolean {
  return window.articlePlayer !== undefined;
}
