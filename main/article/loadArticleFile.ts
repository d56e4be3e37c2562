/** Opens an article from a file: size limit, binary check, charset decoding, then the right extractor. */
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { LoadResult } from '../../shared/api.js';
import { decodeText, looksBinary } from './decodeText.js';
import type { ArticleFormat } from './extractArticle.js';
import { extractWithTimeLimit } from './extractInWorker.js';
import { looksLikePdf } from './pdf/pdfArticle.js';

export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
/** PDFs carry fonts and images besides their text: a 500-page book with figures runs to a hundred MB or more. */
export const MAX_PDF_BYTES = 300 * 1024 * 1024;
/** A PDF is read page by page; a long one takes longer than a web page. */
export const PDF_TIME_LIMIT_MS = 120_000;
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);

function titleFromFileName(path: string): string {
  return basename(path, extname(path)).replace(/[-_]+/gu, ' ').trim() || 'Untitled article';
}

function describeError(error: NodeJS.ErrnoException, path: string): string {
  switch (error.code) {
    case 'ENOENT':
      return `The file ${path} does not exist.`;
    case 'EACCES':
    case 'EPERM':
      return `Article Player is not allowed to read ${path}.`;
    case 'EISDIR':
      return `${path} is a folder, not an article file.`;
    default:
      return `The file ${path} could not be read (${error.code ?? error.message}).`;
  }
}

async function readLimited(path: string): Promise<Uint8Array | string> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return `${path} is not a regular file.`;
    const { size } = stats;
    if (size > MAX_ARTICLE_BYTES) {
      const head = Buffer.alloc(1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const pdf = looksLikePdf(head.subarray(0, bytesRead));
      if (!pdf || size > MAX_PDF_BYTES) {
        const limit = pdf ? `PDFs up to ${MAX_PDF_BYTES / 1024 / 1024} MB` : `articles up to ${MAX_ARTICLE_BYTES / 1024 / 1024} MB`;
        return `${basename(path)} is ${(size / 1024 / 1024).toFixed(1)} MB; ${limit} can be opened.`;
      }
    }
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface FromBytesOptions {
  /** A charset named outside the bytes (an HTTP Content-Type header); a BOM still wins. */
  charsetHint?: string | null;
  /** The format when something other than the name says it (a Content-Type header, the paste box). */
  format?: ArticleFormat;
  /** Time limit for extraction (tests make it short). */
  timeoutMs?: number;
}

function formatOf(name: string, text: string): ArticleFormat {
  const extension = extname(name).toLowerCase();
  if (HTML_EXTENSIONS.has(extension)) return 'html';
  if (MARKDOWN_EXTENSIONS.has(extension)) return 'markdown';
  if (TEXT_EXTENSIONS.has(extension)) return 'text';
  return /^\s*(?:<!doctype html|<html|<head|<body)/iu.test(text) ? 'html' : 'text';
}

/** Bytes read from a file, a response or the paste box to an Article, extracted in a worker with a time limit. */
export async function articleFromBytes(bytes: Uint8Array, name: string, source: string | null, options: FromBytesOptions = {}): Promise<LoadResult> {
  if (bytes.length === 0) return { ok: false, message: `${name} is empty: there is nothing to read.` };
  // The bytes decide, whatever the name or the server says: a PDF whose streams are plain ASCII passes the binary check.
  if (options.format === 'pdf' || looksLikePdf(bytes)) return pdfFromBytes(bytes, name, source, options);
  if (extname(name).toLowerCase() === '.pdf') return { ok: false, message: notAPdf(bytes, name) };
  if (looksBinary(bytes)) return { ok: false, message: `${name} is not a text or HTML file (it looks like binary data), so there is nothing to read.` };
  const text = decodeText(bytes, options.charsetHint ?? null);
  const format = options.format ?? formatOf(name, text);
  const extracted = await extractWithTimeLimit({ text, format, fallbackTitle: titleFromFileName(name), source }, { timeoutMs: options.timeoutMs });
  if (!extracted.ok) return extracted;
  const { article } = extracted;
  article.source ??= source; // an attribution line in the text names the publication better than a path
  if (article.blocks.length === 0) {
    return { ok: false, message: `No readable text was found in ${name}${format === 'html' ? ' (the page has no article content)' : ''}.` };
  }
  return { ok: true, article };
}

/** A file named .pdf that is not one: a web page saved under the PDF's name (a login or error page), or something damaged. */
function notAPdf(bytes: Uint8Array, name: string): string {
  const start = new TextDecoder().decode(bytes.subarray(0, 2048));
  if (/^\s*(?:<!doctype html|<html|<head|<body)/iu.test(start)) {
    return `${name} is not a PDF: it is a web page (HTML) saved under a PDF's name, often a login or error page a site sent instead of the document. Download the PDF again.`;
  }
  return `${name} is not a PDF (it does not start as a PDF does): the file is damaged or incomplete.`;
}

async function pdfFromBytes(bytes: Uint8Array, name: string, source: string | null, options: FromBytesOptions): Promise<LoadResult> {
  if (!looksLikePdf(bytes)) return { ok: false, message: notAPdf(bytes, name) };
  const extracted = await extractWithTimeLimit(
    { text: '', bytes, format: 'pdf', fallbackTitle: titleFromFileName(name), source },
    { timeoutMs: options.timeoutMs ?? PDF_TIME_LIMIT_MS },
  );
  if (!extracted.ok) return { ok: false, message: extracted.message.replace(/^Reading this page/u, 'Reading this PDF').replace(/^The page could not be read/u, 'The PDF could not be read') };
  const { article } = extracted;
  article.source ??= source;
  if (article.blocks.length === 0) return { ok: false, message: `No readable text was found in ${name}.` };
  return { ok: true, article };
}

export async function loadArticleFile(path: string, options: Pick<FromBytesOptions, 'timeoutMs'> = {}): Promise<LoadResult> {
  let bytes: Uint8Array | string;
  try {
    bytes = await readLimited(path);
  } catch (error) {
    return { ok: false, message: describeError(error as NodeJS.ErrnoException, path) };
  }
  if (typeof bytes === 'string') return { ok: false, message: bytes };
  return articleFromBytes(bytes, basename(path), path, options);
}
