/** Resolves a request path to a file of the built renderer, refusing anything outside it. */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from './securityHeaders.js';

export interface AppFile {
  body: Buffer;
  contentType: string;
}

export async function readAppFile(rendererDir: string, urlPath: string): Promise<AppFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/u, '');
  const root = normalize(rendererDir + sep);
  const path = normalize(join(root, relative));
  if (!path.startsWith(root)) return null;
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
  if (!contentType) return null;
  try {
    return { body: await readFile(path), contentType };
  } catch {
    return null;
  }
}
