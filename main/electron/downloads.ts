/**
 * Export in the desktop app: the renderer hands the audio and its chapter list over as downloads.
 * Without a save path Electron asks with a dialog for each file; here they go straight to the
 * Downloads folder under a safe, unused name, and the window is told where each one went (or that
 * it failed), so it never says "saved" for a file that was not.
 */
import { basename, extname, join } from 'node:path';
import { APP_ORIGIN } from './securityPolicy.js';

/** The part of Electron's DownloadItem this module uses. */
export interface DownloadLike {
  getURL(): string;
  getFilename(): string;
  setSavePath(path: string): void;
  cancel(): void;
  once(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

export interface DownloadOutcome {
  fileName: string;
  /** Where it was written, when it was. */
  path: string | null;
  state: 'completed' | 'cancelled' | 'interrupted' | 'refused';
}

/** Only what the export produces may be written: a compromised page must not drop a script or a .desktop file. */
const ALLOWED_EXTENSIONS = new Set(['.mp3', '.wav', '.vtt', '.json']);
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/iu;

/** A file name that is one plain name in the folder, whatever the page asked for. */
export function safeDownloadName(requested: string): string | null {
  const extension = extname(requested).toLowerCase();
  if (!ALLOWED_EXTENSIONS.has(extension)) return null;
  const stem = basename(requested.replace(/\\/gu, '/'), extname(requested))
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '')
    .slice(0, 120);
  const safeStem = !stem || WINDOWS_RESERVED.test(stem) ? 'article' : stem;
  return `${safeStem}${extension}`;
}

/** "name.mp3", then "name (1).mp3", ... : never over an existing file. */
export function unusedPath(folder: string, fileName: string, exists: (path: string) => boolean): string {
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  for (let n = 0; n < 10_000; n++) {
    const candidate = join(folder, n === 0 ? fileName : `${stem} (${n})${extension}`);
    if (!exists(candidate)) return candidate;
  }
  return join(folder, `${stem} (${Date.now()})${extension}`);
}

/** The will-download handler: only the app's own blob downloads, saved without a dialog, reported when done. */
export function saveDownload(item: DownloadLike, folder: string, exists: (path: string) => boolean, report: (outcome: DownloadOutcome) => void): void {
  const requested = item.getFilename();
  const fileName = safeDownloadName(requested);
  if (!fileName || !item.getURL().startsWith(`blob:${APP_ORIGIN}/`)) {
    item.cancel();
    report({ fileName: requested, path: null, state: 'refused' });
    return;
  }
  const path = unusedPath(folder, fileName, exists);
  item.setSavePath(path);
  item.once('done', (_event, state) => report({ fileName, path: state === 'completed' ? path : null, state }));
}
