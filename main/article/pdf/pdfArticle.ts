/** The PDF entry of the extraction worker: bytes to an Article whose notes are given apart (shared/notes.ts). */
import type { ArticleWithNotes } from '../../../shared/notes.js';
import { extractPdf } from './extractPdf.js';

export { PdfProblem } from './extractPdf.js';

/** Whether bytes are a PDF: "%PDF-" within the first 1,024 bytes, as PDF readers accept it. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

export async function extractPdfArticle(bytes: Uint8Array, fallbackTitle: string, password?: string, imageDescriptions?: boolean): Promise<ArticleWithNotes> {
  const { pageCount: _pageCount, ...article } = await extractPdf(bytes, fallbackTitle, {
    ...(password !== undefined && { password }),
    ...(imageDescriptions !== undefined && { imageDescriptions }),
  });
  return article;
}
