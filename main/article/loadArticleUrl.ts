/**
 * A web address to an Article: only http(s); redirects followed by hand (at most 5), each hop's scheme
 * re-checked; one time limit for the whole load; a size limit enforced while the body streams; the
 * content type checked; the charset taken from the Content-Type header (then the page's meta tags, then
 * sniffing, in decodeText). Node's fetch (undici) decodes gzip, deflate and brotli.
 */
import type { LoadResult } from '../../shared/api.js';
import type { ArticleFormat } from './extractArticle.js';
import { looksLikeEpub, looksLikePdf, MAX_ARTICLE_BYTES, MAX_BOOK_BYTES, MAX_PDF_BYTES } from '../../shared/articleFiles.js';
import { articleFromBytes, type FromBytesOptions, type ReadingOptions } from './loadArticleFile.js';

export const URL_TIME_LIMIT_MS = 15_000;
export const MAX_REDIRECTS = 5;

/** `hooks` and `signal`: a long PDF or book at the address streams like a file (streamParts.ts). */
export interface UrlLoadOptions extends ReadingOptions, Pick<FromBytesOptions, 'hooks' | 'signal'> {
  /** For the whole load: every redirect and the body (tests make it short). */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Extraction time limit, passed on. */
  extractionTimeoutMs?: number;
}

const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.9,text/markdown;q=0.8,text/plain;q=0.8,*/*;q=0.1';
const USER_AGENT = 'Mozilla/5.0 (compatible; ArticlePlayer/0.1; reads articles aloud)';

const FORMATS: Record<string, ArticleFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/epub+zip': 'epub',
};
/** Types a server gives any file: read (up to a book's size) and sniffed, else refused as they are. */
const SNIFFED_TYPES = new Set(['application/octet-stream', 'application/zip', 'application/x-zip-compressed', 'binary/octet-stream']);

/** What a refused content type is, in words: "a PDF document", "an image (image/png)". */
export function describeContentType(mime: string): string {
  if (mime === 'application/pdf') return 'a PDF document';
  const [type, subtype = ''] = mime.split('/');
  if (type === 'image') return `an image (${mime})`;
  if (type === 'video') return `a video (${mime})`;
  if (type === 'audio') return `an audio file (${mime})`;
  if (type === 'font') return `a font (${mime})`;
  if (mime === 'application/json' || subtype.endsWith('+json')) return `JSON data (${mime})`;
  if (mime === 'application/xml' || mime === 'text/xml' || subtype.endsWith('+xml')) return `XML data (${mime})`;
  if (/zip|tar|gzip|compressed|rar|7z/u.test(subtype)) return `an archive (${mime})`;
  if (/msword|officedocument|opendocument|rtf/u.test(subtype)) return `an office document (${mime})`;
  if (mime === 'application/octet-stream') return 'a binary file (application/octet-stream)';
  if (type === 'text') return `a ${subtype.toUpperCase()} text file (${mime})`;
  return `a file of type ${mime}`;
}

function parseContentType(header: string | null): { mime: string | null; charset: string | null } {
  if (!header) return { mime: null, charset: null };
  const [mime, ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/iu.exec(param);
    if (match) charset = match[1]!.toLowerCase();
  }
  return { mime: mime!.trim().toLowerCase() || null, charset };
}

function httpStatusMessage(status: number, statusText: string, url: URL): string {
  const where = url.host;
  if (status === 401) return `${where} asks for a login (HTTP 401): the article is behind a login wall. Open it in your browser, save the page, and open the file instead.`;
  if (status === 403) return `${where} refused access to this page (HTTP 403 Forbidden). It may need a login or a subscription, or the site blocks readers like this one. Save the page from your browser and open the file instead.`;
  if (status === 404 || status === 410) return `The page was not found at ${url.href} (HTTP ${status}). Check the address.`;
  if (status === 429) return `${where} says too many requests were made (HTTP 429). Try again later.`;
  if (status >= 500) return `The server at ${where} had an error (HTTP ${status}${statusText ? ` ${statusText}` : ''}). Try again later.`;
  return `${where} answered HTTP ${status}${statusText ? ` ${statusText}` : ''} instead of the page.`;
}

/** Node's fetch wraps network errors in a TypeError whose cause carries the system error code. */
function networkErrorMessage(error: unknown, url: URL, timeoutMs: number): string {
  const err = error as Error & { cause?: Error & { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return `${url.host} did not send the page within ${timeoutMs / 1000} seconds, so loading was stopped.`;
  }
  const code = err.cause?.code ?? (err as { code?: string }).code ?? '';
  // The fetch standard refuses ports of other services (mail, FTP, ...); undici says only "bad port".
  if (!code && err.cause?.message === 'bad port') {
    return `Port ${url.port} of ${url.hostname} is kept for another kind of service than web pages, so it is not opened. Check the address: web pages are usually on no port at all.`;
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return `The address ${url.hostname} could not be found (DNS lookup failed). Check the address and your internet connection.`;
    case 'ECONNREFUSED':
      return `${url.host} refused the connection: no web server is answering there.`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return `The connection to ${url.host} was closed before the page arrived.`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return `${url.host} did not answer in time.`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${url.host} cannot be reached from this computer (no network route).`;
    default:
      if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/u.test(code)) return `The secure connection to ${url.host} could not be verified (${code}), so the page was not loaded.`;
      return `${url.host} could not be reached (${code || err.cause?.message || err.message}).`;
  }
}

/** Reads the body up to maxBytes; returns null (and cancels the stream) when it is larger. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function isWebScheme(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** A name for messages and the fallback title: the last path segment, or the host. */
function nameOf(url: URL): string {
  let segment = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    segment = decodeURIComponent(segment);
  } catch {
    // keep it encoded
  }
  return segment && !/^index\.\w+$/iu.test(segment) ? segment : url.hostname;
}

export async function loadArticleUrl(address: string, options: UrlLoadOptions = {}): Promise<LoadResult> {
  const timeoutMs = options.timeoutMs ?? URL_TIME_LIMIT_MS;
  let maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, message: `"${address}" is not a valid web address.` };
  }
  if (!isWebScheme(url)) return { ok: false, message: `Only http and https addresses can be opened, not ${url.protocol.slice(0, -1)}.` };
  if (url.username || url.password) return { ok: false, message: 'Addresses with a user name or password in them are not opened.' };

  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  for (let hop = 0; ; hop++) {
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: ACCEPT, 'user-agent': USER_AGENT } });
    } catch (error) {
      return { ok: false, message: networkErrorMessage(error, url, timeoutMs) };
    }
    if (response.status < 300 || response.status >= 400 || response.status === 304) break;
    const location = response.headers.get('location');
    await response.body?.cancel().catch(() => {});
    if (!location) return { ok: false, message: `${url.host} answered with a redirect (HTTP ${response.status}) but did not say where to.` };
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return { ok: false, message: `${url.host} redirected to an invalid address (${location.slice(0, 200)}).` };
    }
    if (!isWebScheme(next)) {
      return { ok: false, message: `${url.host} redirected to a ${next.protocol.slice(0, -1)} address, which is not opened: only http and https are allowed.` };
    }
    if (hop + 1 > maxRedirects) return { ok: false, message: `${url.host} redirected more than ${maxRedirects} times, so loading was stopped.` };
    url = next;
  }

  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, message: httpStatusMessage(response.status, response.statusText, url) };
  }

  const { mime, charset } = parseContentType(response.headers.get('content-type'));
  let format = mime ? FORMATS[mime] : undefined;
  // Servers send PDFs and books as application/octet-stream (or zip) too: such a body is read, and its bytes decide.
  const sniffBinary = mime !== null && SNIFFED_TYPES.has(mime);
  if (format === 'pdf' || sniffBinary) maxBytes = options.maxBytes ?? MAX_PDF_BYTES;
  else if (format === 'epub') maxBytes = options.maxBytes ?? MAX_BOOK_BYTES;
  if (mime && !format && !sniffBinary) {
    await response.body?.cancel().catch(() => {});
    const what = describeContentType(mime);
    return { ok: false, message: `This address is ${what}, not a web page. Article Player reads web pages, PDFs, EPUB books, HTML files and text files.` };
  }
  const declared = Number(response.headers.get('content-length'));
  const tooBig = `The page at ${url.host} is larger than ${maxBytes / 1024 / 1024} MB, the most Article Player reads, so loading was stopped.`;
  if (Number.isFinite(declared) && declared > maxBytes && !response.headers.get('content-encoding')) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, message: tooBig };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readLimited(response, maxBytes);
  } catch (error) {
    return { ok: false, message: networkErrorMessage(error, url, timeoutMs) };
  }
  if (!bytes) return { ok: false, message: tooBig };
  const name = nameOf(url);
  if (sniffBinary) {
    if (looksLikePdf(bytes)) format = 'pdf';
    else if (looksLikeEpub(bytes) || /\.epub$/iu.test(name)) format = 'epub';
    else return { ok: false, message: `This address is ${describeContentType(mime)}, not a web page. Article Player reads web pages, PDFs, EPUB books, HTML files and text files.` };
  }
  if (bytes.length === 0) return { ok: false, message: `The page at ${url.href} is empty: there is nothing to read.` };
  return articleFromBytes(bytes, name, url.href, { charsetHint: charset, format, timeoutMs: options.extractionTimeoutMs, imageDescriptions: options.imageDescriptions, onPasswordNeeded: options.onPasswordNeeded, hooks: options.hooks, signal: options.signal });
}
