/** Text of a known format to an Article: the one place that picks the extractor (run inside the extraction worker). */
import type { Article } from '../../shared/article.js';
import { extractHtml } from './html/extractHtml.js';
import { extractMarkdown } from './markdown/extractMarkdown.js';
import { extractPlainText } from './text/extractPlainText.js';
import { extractPdfArticle } from './pdf/pdfArticle.js';

export type ArticleFormat = 'html' | 'text' | 'markdown' | 'pdf';

export interface ExtractionInput {
  text: string;
  format: ArticleFormat;
  /** Used when the text names no title (a file name, a host name). */
  fallbackTitle: string;
  /** The file path or final URL; an HTML page's site name is used when this is null. */
  source: string | null;
  /** The bytes, for formats that are not text (PDF); `text` is then empty. */
  bytes?: Uint8Array;
}

/** Text formats are read at once; a PDF is read page by page (pdf.js is asynchronous). */
export function extractArticle(input: ExtractionInput): Article | Promise<Article> {
  switch (input.format) {
    case 'html':
      return extractHtml(input.text, input.fallbackTitle, input.source);
    case 'markdown':
      return extractMarkdown(input.text, input.fallbackTitle);
    case 'text':
      return extractPlainText(input.text, input.fallbackTitle);
    case 'pdf':
      return extractPdfArticle(input.bytes ?? new Uint8Array(), input.fallbackTitle);
  }
}
