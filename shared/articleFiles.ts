/**
 * The article files Article Player opens, how the file pickers describe them, and how large each kind
 * may be: one rule for the pickers, for the renderer's check before a file is sent (a 300 MB PDF must not
 * be read into memory and sent only to be refused), and for the loader.
 */

/** Text, HTML and Markdown files, and anything else read as text. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
/** PDFs carry fonts and images besides their text: a 500-page book with figures runs to a hundred MB or more. */
export const MAX_PDF_BYTES = 300 * 1024 * 1024;
/** Books (EPUB): illustrated books run to tens of MB. */
export const MAX_BOOK_BYTES = 100 * 1024 * 1024;

/** What the file pickers say they take. */
export const ARTICLE_FILE_KINDS = 'HTML, text, Markdown, PDF or EPUB';

/** The file pickers' accept list: the extensions the loader knows, and their media types. */
export const ARTICLE_FILE_ACCEPT = [
  '.html',
  '.htm',
  '.xhtml',
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.pdf',
  '.epub',
  'text/html',
  'text/plain',
  'text/markdown',
  'application/pdf',
  'application/epub+zip',
].join(',');

/** A PDF's signature, `%PDF-`, within its first 1,024 bytes (where readers look for it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

const EPUB_MEDIA_TYPE = 'application/epub+zip';

/** EPUB's signature: a ZIP whose first entry is "mimetype", stored, holding application/epub+zip (OCF 3.3, 4.1.5). */
export function looksLikeEpub(bytes: Uint8Array): boolean {
  if (bytes.length < 30 + 8 + EPUB_MEDIA_TYPE.length) return false;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (nameLength !== 8 || String.fromCharCode(...bytes.subarray(30, 38)) !== 'mimetype') return false;
  const start = 38 + extraLength;
  return String.fromCharCode(...bytes.subarray(start, start + EPUB_MEDIA_TYPE.length)) === EPUB_MEDIA_TYPE;
}

export type FileSizeKind = 'pdf' | 'book' | 'article';

/** Which limit a file falls under: its first bytes decide, then its name. */
export function fileSizeKind(name: string, head: Uint8Array): FileSizeKind {
  if (looksLikePdf(head)) return 'pdf';
  if (looksLikeEpub(head) || /\.epub$/iu.test(name)) return 'book';
  // A .pdf that does not start as one is refused as such by the loader, whatever its size: no more than an article's is worth reading.
  return 'article';
}

const LIMITS: Record<FileSizeKind, { bytes: number; what: string }> = {
  pdf: { bytes: MAX_PDF_BYTES, what: 'PDFs' },
  book: { bytes: MAX_BOOK_BYTES, what: 'books' },
  article: { bytes: MAX_ARTICLE_BYTES, what: 'articles' },
};

/** The largest file of any kind that is opened (the API's and the browser host's limit). */
export const MAX_FILE_BYTES = Math.max(...Object.values(LIMITS).map((limit) => limit.bytes));

const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** Why a file of this size cannot be opened ("report.pdf is 350.0 MB; PDFs up to 300 MB can be opened."), or null. */
export function fileSizeProblem(name: string, size: number, head: Uint8Array): string | null {
  return sizeProblem(fileSizeKind(name, head), name, size);
}

/** Why a file of a known kind and this size cannot be opened, or null: the message fileSizeProblem gives. */
export function sizeProblem(kind: FileSizeKind, name: string, size: number): string | null {
  const limit = LIMITS[kind];
  if (size <= limit.bytes) return null;
  return `${name} is ${megabytes(size).toFixed(1)} MB; ${limit.what} up to ${megabytes(limit.bytes)} MB can be opened.`;
}
