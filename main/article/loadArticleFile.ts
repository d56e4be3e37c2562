/** Opens an article from a file: size limit, binary check, charset decoding, then the right extractor. */
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { LoadResult, PasswordRequest } from '../../shared/api.js';
import { fileSizeProblem, looksLikeEpub, looksLikePdf, MAX_ARTICLE_BYTES, sizeProblem } from '../../shared/articleFiles.js';
import { decodeText, looksBinary } from './decodeText.js';
import type { ArticleFormat } from './extractArticle.js';
import { extractWithTimeLimit } from './extractInWorker.js';
import type { StreamHooks } from './streamParts.js';

/** A PDF is read page by page; a long one takes longer than a web page. */
export const PDF_TIME_LIMIT_MS = 120_000;
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);
/** Books are larger than articles: each kind's limit is in shared/articleFiles.ts. */
const BOOK_EXTENSIONS = new Set(['.epub']);

function isBook(name: string, head: Uint8Array): boolean {
  return BOOK_EXTENSIONS.has(extname(name).toLowerCase()) || looksLikeEpub(head);
}

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
      const problem = fileSizeProblem(basename(path), size, head.subarray(0, bytesRead));
      if (problem) return problem;
    }
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface FromBytesOptions {
  /** A protected PDF's password, as the listener gave it (used for this extraction only). */
  password?: string;
  /**
   * A protected PDF without its password (or with a wrong one): what the failure carries so the app can ask
   * for it (main/api/protectedDocuments.ts keeps the document). Without it (the CLI) the message says a
   * password is needed.
   */
  onPasswordNeeded?: (document: { bytes: Uint8Array; name: string; source: string | null }, wrong: boolean) => PasswordRequest;
  /** A charset named outside the bytes (an HTTP Content-Type header); a BOM still wins. */
  charsetHint?: string | null;
  /** The format when something other than the name says it (a Content-Type header, the paste box). */
  format?: ArticleFormat;
  /** Time limit for extraction (tests make it short). */
  timeoutMs?: number;
  /** Whether a book's image descriptions are read (the listener's setting; default on). */
  imageDescriptions?: boolean;
  /** A long PDF's or book's first part and progress as they are read (streamParts.ts); the result is still the whole. */
  hooks?: StreamHooks;
  /** Stops a PDF's or book's extraction (another article was opened). */
  signal?: AbortSignal;
}

/** The hooks with each part's source set as the whole article's will be. */
function sourcedHooks(options: FromBytesOptions, source: string | null): StreamHooks | undefined {
  const { hooks } = options;
  return hooks && { onProgress: hooks.onProgress, onPart: (article, progress) => hooks.onPart({ ...article, source: article.source ?? source }, progress) };
}

/** Options from the listener's settings that shape what is read, and how a protected PDF asks for its password. */
export type ReadingOptions = Pick<FromBytesOptions, 'imageDescriptions' | 'onPasswordNeeded'>;

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
  if (options.format === 'epub' || isBook(name, bytes)) return bookFromBytes(bytes, name, source, options);
  const tooLarge = sizeProblem('article', name, bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  if (looksBinary(bytes)) return { ok: false, message: `${name} is not a text or HTML file (it looks like binary data), so there is nothing to read.` };
  const text = decodeText(bytes, options.charsetHint ?? null);
  const format = options.format ?? formatOf(name, text);
  // A huge HTML page streams (its head first: main/article/html/htmlHead.ts) when the caller follows a stream.
  const extracted = await extractWithTimeLimit({ text, format, fallbackTitle: titleFromFileName(name), source }, { timeoutMs: options.timeoutMs, hooks: sourcedHooks(options, source), signal: options.signal });
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
  const tooLarge = fileSizeProblem(name, bytes.length, bytes);
  if (tooLarge) return { ok: false, message: tooLarge };
  const extracted = await extractWithTimeLimit(
    { text: '', bytes, format: 'pdf', fallbackTitle: titleFromFileName(name), source, password: options.password, imageDescriptions: options.imageDescriptions },
    { timeoutMs: options.timeoutMs ?? PDF_TIME_LIMIT_MS, hooks: sourcedHooks(options, source), signal: options.signal },
  );
  if (!extracted.ok && options.onPasswordNeeded && (extracted.kind === 'password' || extracted.kind === 'wrong-password')) {
    return { ok: false, message: extracted.message, password: options.onPasswordNeeded({ bytes, name, source }, extracted.kind === 'wrong-password') };
  }
  if (!extracted.ok) return { ok: false, message: extracted.message.replace(/^Reading this page/u, 'Reading this PDF').replace(/^The page could not be read/u, 'The PDF could not be read') };
  const { article } = extracted;
  article.source ??= source;
  if (article.blocks.length === 0) return { ok: false, message: `No readable text was found in ${name}.` };
  return { ok: true, article };
}

/** An EPUB book, read from its bytes in the extraction worker (its notes apart: rememberInLibrary places them). */
async function bookFromBytes(bytes: Uint8Array, name: string, source: string | null, options: FromBytesOptions): Promise<LoadResult> {
  const tooLarge = sizeProblem('book', name, bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  const input = { text: '', bytes, format: 'epub' as const, name, fallbackTitle: titleFromFileName(name), source, imageDescriptions: options.imageDescriptions };
  const extracted = await extractWithTimeLimit(input, { timeoutMs: options.timeoutMs, hooks: sourcedHooks(options, source), signal: options.signal });
  if (!extracted.ok) return extracted;
  const { article } = extracted;
  article.source ??= source;
  if (article.blocks.length === 0) return { ok: false, message: `No readable text was found in ${name}: its chapters hold no text (a book of scanned pages or pictures only?).` };
  return { ok: true, article };
}

export async function loadArticleFile(path: string, options: Pick<FromBytesOptions, 'timeoutMs' | 'imageDescriptions' | 'onPasswordNeeded' | 'hooks' | 'signal'> = {}): Promise<LoadResult> {
  let bytes: Uint8Array | string;
  try {
    bytes = await readLimited(path);
  } catch (error) {
    return { ok: false, message: describeError(error as NodeJS.ErrnoException, path) };
  }
  if (typeof bytes === 'string') return { ok: false, message: bytes };
  return articleFromBytes(bytes, basename(path), path, options);
}
