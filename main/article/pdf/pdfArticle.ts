/** The PDF entry of the extraction worker: bytes to an Article whose notes are given apart (shared/notes.ts). */
import type { ArticleWithNotes } from '../../../shared/notes.js';
import type { StreamHooks } from '../streamParts.js';
import { extractPdf } from './extractPdf.js';

export { PdfProblem } from './extractPdf.js';

/** With hooks, the first pages arrive as a part at once and the rest follows (streamParts.ts); the whole document is returned. */
export async function extractPdfArticle(bytes: Uint8Array, fallbackTitle: string, password?: string, imageDescriptions?: boolean, hooks?: StreamHooks): Promise<ArticleWithNotes> {
  let pageCount = 0;
  const { pageCount: _pageCount, ...article } = await extractPdf(bytes, fallbackTitle, {
    ...(password !== undefined && { password }),
    ...(imageDescriptions !== undefined && { imageDescriptions }),
    ...(hooks && {
      onProgress: (done: number, total: number) => {
        pageCount = total;
        hooks.onProgress({ done, total, unit: 'page' });
      },
      onPart: ({ pageCount: _count, ...part }, done: number) => hooks.onPart(part, { done, total: pageCount, unit: 'page' }),
    }),
  });
  return article;
}
