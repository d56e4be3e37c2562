/** Text of a known format to an Article: the one place that picks the extractor (run inside the extraction worker). */
import type { ArticleWithNotes } from '../../shared/notes.js';
import { extractEpub } from './epub/extractEpub.js';
import { extractHtml } from './html/extractHtml.js';
import { headBlocks, htmlHead } from './html/htmlHead.js';
import { extractMarkdown } from './markdown/extractMarkdown.js';
import { extractPlainText } from './text/extractPlainText.js';
import { extractPdfArticle } from './pdf/pdfArticle.js';
import type { StreamHooks } from './streamParts.js';

export type ArticleFormat = 'html' | 'text' | 'markdown' | 'pdf' | 'epub';

export interface ExtractionInput {
  /** The decoded text (empty for a format read from its bytes). */
  text: string;
  /** The file's name, for messages about it. */
  name?: string;
  /** Read image descriptions (alt text) of books as blocks (the setting; default on). */
  imageDescriptions?: boolean;
  format: ArticleFormat;
  /** Used when the text names no title (a file name, a host name). */
  fallbackTitle: string;
  /** The file path or final URL; an HTML page's site name is used when this is null. */
  source: string | null;
  /** The bytes, for formats that are not text (PDF, EPUB); `text` is then empty. */
  bytes?: Uint8Array;
  /** A protected PDF's password, when the listener gave one. */
  password?: string;
  /** Hand over the first part of a long document (PDF, EPUB) at once, then the rest (streamParts.ts). */
  stream?: boolean;
}

/** Text formats and EPUB are read at once; a PDF page by page (pdf.js is asynchronous). Notes (of books) come apart, for the loader to place by the listener's rule. */
export function extractArticle(input: ExtractionInput, hooks?: StreamHooks): ArticleWithNotes | Promise<ArticleWithNotes> {
  switch (input.format) {
    case 'html': {
      // A huge page streams: its head, through the same extraction, is the first screen while the whole is read.
      const head = hooks ? htmlHead(input.text) : null;
      if (head && hooks) {
        const first = headBlocks(extractHtml(head, input.fallbackTitle, input.source));
        if (first.blocks.length > 0) hooks.onPart(first, { done: 1, total: 2, unit: 'part' });
      }
      return extractHtml(input.text, input.fallbackTitle, input.source);
    }
    case 'markdown':
      return extractMarkdown(input.text, input.fallbackTitle);
    case 'text':
      return extractPlainText(input.text, input.fallbackTitle);
    case 'pdf':
      return extractPdfArticle(input.bytes ?? new Uint8Array(), input.fallbackTitle, input.password, input.imageDescriptions, hooks);
    case 'epub':
      return extractEpub(input.bytes ?? new Uint8Array(0), input.name ?? `${input.fallbackTitle}.epub`, input.fallbackTitle, { imageDescriptions: input.imageDescriptions, ...(hooks && { hooks }) });
  }
}
