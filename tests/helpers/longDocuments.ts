/** Long documents made at test time for the streaming tests (issue 23, 5): a PDF of many pages, a book of many chapters. */
import { writeEpub } from '../../main/article/epub/writeEpub';
import { column, writePdf } from './pdfWriter';

/** The sentence of a page's paragraph: every one differs, so a block out of place shows. */
export function pageSentence(page: number, paragraph: number): string {
  return `Page ${page} paragraph ${paragraph} tells the listener one more plain fact about reading long documents aloud.`;
}

/** A PDF of `pages` pages, `perPage` one-line paragraphs each, a title on page 1 and a page number at each foot. */
export function longPdf(pages: number, perPage = 12): Uint8Array {
  return writePdf(
    Array.from({ length: pages }, (_, i) => ({
      runs: [
        ...(i === 0 ? [{ x: 72, y: 740, size: 22, text: 'A Very Long Report' }] : []),
        ...column(
          Array.from({ length: perPage }, (_, j) => pageSentence(i + 1, j + 1)),
          { x: 72, top: 700, leading: 28 },
        ),
        { x: 300, y: 40, size: 9, text: String(i + 1) },
      ],
    })),
    { title: 'A Very Long Report' },
  );
}

/** A book of `chapters` chapters of `paragraphs` paragraphs each (about 3 KB of markup a chapter at 20). */
export function longEpub(chapters: number, paragraphs = 20): Uint8Array {
  return writeEpub({
    title: 'A Very Long Book',
    creators: ['Test Author'],
    language: 'en',
    chapters: Array.from({ length: chapters }, (_, c) => ({
      title: `Chapter ${c + 1}`,
      body: `<h1>Chapter ${c + 1}</h1>${Array.from({ length: paragraphs }, (_, p) => `<p>Chapter ${c + 1} paragraph ${p + 1} goes on with the story of a book read aloud while the rest of it is still being read.</p>`).join('')}`,
    })),
  });
}
