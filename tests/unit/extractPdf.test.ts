/**
 * PDF reading (issue 23): each fault readers of PDFs complain about, on small PDFs written here with
 * exact geometry (tests/helpers/pdfWriter.ts), and one printed by Chromium (tests/fixtures/pdf).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../main/article/pdf/extractPdf';
import { refusedNativeLoads } from '../../main/article/pdf/pdfjs';
import { column, writePdf, type PdfRun } from '../helpers/pdfWriter';

const LEFT = 72;
const RIGHT = 320;
const header = (page: number): PdfRun[] => [
  { x: LEFT, y: 760, size: 8, text: `The Journal of Listening 3 (2026), page ${page}` },
  { x: 300, y: 30, size: 9, text: String(page) },
];

/** Two pages: a full-width title over two columns; a sentence runs across the column break and across the page break. */
function twoColumnPaper(): Uint8Array {
  const page1: PdfRun[] = [
    ...header(1),
    { x: LEFT, y: 700, size: 20, text: 'Reading Order in Practice: Columns and Pages' },
    ...column(
      [
        'Listening to a paper should feel like hearing',
        'a person read it aloud, without the stum-',
        'bles that come from page furniture or from',
        'the layout of its columns, which a careful',
      ],
      { x: LEFT, top: 650 },
    ),
    ...column(
      [
        'reader follows without a second thought. The',
        'listener stays self-',
        'aware of the argument and of its structure.',
        '    Every sentence that runs past the end of',
        'the page goes on after the running head and',
      ],
      { x: RIGHT, top: 650 },
    ),
  ];
  const page2: PdfRun[] = [
    ...header(2),
    ...column(['the page number without a pause at all, as a', 'reader would go on.'], { x: LEFT, top: 700 }),
    ...column(['A second column holds the closing thoughts of', 'the paper, with nothing left to add here.'], { x: RIGHT, top: 700 }),
  ];
  return writePdf([{ runs: page1 }, { runs: page2 }], { title: 'Reading Order in Practice: Columns and Pages', author: 'Ada Reader' });
}

async function read(bytes: Uint8Array) {
  return extractPdf(bytes, 'fallback name');
}

describe('extractPdf: reading order, running heads, hyphens', () => {
  it('reads the left column before the right one and carries sentences across column and page breaks', async () => {
    const article = await read(twoColumnPaper());
    const texts = article.blocks.map((b) => b.text);
    expect(texts[0]).toBe(
      'Listening to a paper should feel like hearing a person read it aloud, without the stumbles that come from page furniture or from the layout of its columns, which a careful reader follows without a second thought. The listener stays self-aware of the argument and of its structure.',
    );
    expect(texts[1]).toBe('Every sentence that runs past the end of the page goes on after the running head and the page number without a pause at all, as a reader would go on.');
    expect(texts[2]).toBe('A second column holds the closing thoughts of the paper, with nothing left to add here.');
    expect(texts).toHaveLength(3);
  });

  it('leaves running heads and page numbers out', async () => {
    const article = await read(twoColumnPaper());
    const all = article.blocks.map((b) => b.text).join(' ');
    expect(all).not.toMatch(/Journal of Listening/u);
    expect(all).not.toMatch(/(^|\s)[12](\s|$)/u);
  });

  it('gives title and author from the metadata that page 1 agrees with, and page labels', async () => {
    const article = await read(twoColumnPaper());
    expect(article.title).toBe('Reading Order in Practice: Columns and Pages');
    expect(article.byline).toBe('Ada Reader');
    expect(article.blocks.map((b) => b.page)).toEqual(['1', '1', '2']);
  });

  it('takes the largest text at the top of page 1 when the metadata title is something else', async () => {
    const runs = [{ x: LEFT, y: 700, size: 22, text: 'What the Page Says' }, ...column(['Body text of the document, long enough to be a paragraph.'], { x: LEFT, top: 650 })];
    const article = await read(writePdf([{ runs }], { title: 'Microsoft Word - draft7.docx' }));
    expect(article.title).toBe('What the Page Says');
    expect(article.blocks.map((b) => b.text)).toEqual(['Body text of the document, long enough to be a paragraph.']);
  });

  it('leaves a single page footer out from its position, size and separation', async () => {
    const runs = [
      ...column(['A one-page memo has no other pages to compare with, so its', 'footer is told apart by where it stands and how it is set.'], { x: LEFT, top: 700 }),
      { x: LEFT, y: 40, size: 7, text: 'Confidential - Acme Corporation internal memo' },
    ];
    const article = await read(writePdf([{ runs }]));
    expect(article.blocks.map((b) => b.text).join(' ')).not.toContain('Confidential');
  });

  it('drops tagged-PDF artifacts', async () => {
    const runs = [{ x: LEFT, y: 400, size: 11, text: 'Draft copy', artifact: true }, ...column(['The only sentence meant to be read.'], { x: LEFT, top: 700 })];
    const article = await read(writePdf([{ runs }]));
    expect(article.blocks.map((b) => b.text)).toEqual(['The only sentence meant to be read.']);
  });

  it('joins words hyphenated at line ends from evidence and the word list, and keeps compounds', async () => {
    const runs = column(
      [
        'The result of the first trial was nega-',
        'tive, and the second test was also a well-',
        'known case of a system that is self-',
        'aware, and which negative results of trials',
        'do not trouble at all in the mea\u00ad',
        'surement of its parts and of the whole.',
      ],
      { x: LEFT, top: 700 },
    );
    const article = await read(writePdf([{ runs }]));
    expect(article.blocks.map((b) => b.text)).toEqual([
      'The result of the first trial was negative, and the second test was also a well-known case of a system that is self-aware, and which negative results of trials do not trouble at all in the measurement of its parts and of the whole.',
    ]);
  });

  it('keeps the hyphen of "counter-" "attack" in a document whose printer never breaks words (only after real hyphens)', async () => {
    const runs = column(['The team planned a swift and careful counter-', 'attack from the office at the well-', 'known address of the town hall.'], { x: LEFT, top: 700 });
    const article = await read(writePdf([{ runs }]));
    expect(article.blocks.map((b) => b.text)).toEqual(['The team planned a swift and careful counter-attack from the office at the well-known address of the town hall.']);
  });

  it('expands ligatures and removes soft hyphens and U+FFFE', async () => {
    const runs = column(['The de\ufb01nition of e\ufb00ort is \ufb02uent.'], { x: LEFT, top: 700 });
    // The writer is Latin-1: put the ligature characters through a font map instead by testing the cleaner directly.
    const { cleanPdfText } = await import('../../main/article/pdf/pdfWords');
    expect(cleanPdfText('The de\ufb01nition of e\ufb00ort is \ufb02uent\ufffe, x\u00b2 stays.')).toBe('The definition of effort is fluent, x\u00b2 stays.');
    expect(runs).toHaveLength(1);
  });
});

describe('extractPdf: notes, headings, chapters', () => {
  it('takes superscript note markers out of sentences and gives note bodies apart, tied to their paragraph', async () => {
    const runs: PdfRun[] = [
      ...column(['The claim rests on a survey of the listeners', 'who use screen readers every day.'], { x: LEFT, top: 700 }),
      { x: 240, y: 700 - 13.75 + 4, size: 7, text: '1' },
      ...column(['A second paragraph follows the first one here.'], { x: LEFT, top: 640 }),
      { x: LEFT, y: 80, size: 8, text: '1 Survey of 212 listeners, spring 2026.' },
    ];
    const article = await read(writePdf([{ runs }]));
    expect(article.blocks.map((b) => b.text)).toEqual(['The claim rests on a survey of the listeners who use screen readers every day.', 'A second paragraph follows the first one here.']);
    expect(article.notes).toEqual([{ text: 'Survey of 212 listeners, spring 2026.', label: '1', referencedBy: 0, page: '1' }]);
  });

  it('reads larger or bold short lines as headings, and gives chapters from the outline and roman page labels', async () => {
    const page = (heading: string, body: string): PdfRun[] => [{ x: LEFT, y: 700, size: 16, text: heading, bold: true }, ...column([body], { x: LEFT, top: 660 })];
    const bytes = writePdf([{ runs: page('Preface', 'Why this book was written.') }, { runs: page('Chapter One', 'The first chapter begins.') }, { runs: page('Chapter Two', 'The second chapter begins.') }], {
      outline: [
        { title: 'Preface', page: 0, y: 720 },
        { title: 'Chapter One', page: 1, y: 720 },
        { title: 'Chapter Two', page: 2, y: 720 },
      ],
      romanPages: 1,
    });
    const article = await read(bytes);
    expect(article.blocks.map((b) => [b.kind, b.text, b.page, b.chapter])).toEqual([
      ['paragraph', 'Why this book was written.', 'i', 'Preface'],
      ['heading', 'Chapter One', '1', 'Chapter One'],
      ['paragraph', 'The first chapter begins.', '1', 'Chapter One'],
      ['heading', 'Chapter Two', '2', 'Chapter Two'],
      ['paragraph', 'The second chapter begins.', '2', 'Chapter Two'],
    ]);
    expect(article.title).toBe('Preface');
  });
});

describe('extractPdf: headings at the body size', () => {
  it('reads a short bold line before body text as a heading, and a bold sentence as a paragraph', async () => {
    const runs: PdfRun[] = [
      ...column(['The study began with a question about listening to long papers.'], { x: LEFT, top: 700 }),
      { x: LEFT, y: 670, size: 11, text: 'Methods and Materials', bold: true },
      ...column(['Twelve listeners heard each paper twice, once from each reader.'], { x: LEFT, top: 652 }),
      { x: LEFT, y: 622, size: 11, text: 'Every listener finished both sessions.', bold: true },
      ...column(['The results follow in the next section of the report.'], { x: LEFT, top: 604 }),
    ];
    const article = await read(writePdf([{ runs }]));
    expect(article.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'The study began with a question about listening to long papers.'],
      ['heading', 'Methods and Materials'],
      ['paragraph', 'Twelve listeners heard each paper twice, once from each reader.'],
      ['paragraph', 'Every listener finished both sessions.'],
      ['paragraph', 'The results follow in the next section of the report.'],
    ]);
  });
});

describe('extractPdf: bad input says what is wrong', () => {
  const body = column(['Some text.'], { x: LEFT, top: 700 });
  it('a password-protected PDF', async () => {
    await expect(read(writePdf([{ runs: body }], { encrypt: true }))).rejects.toThrow(/protected by a password.*cannot open it without the password/u);
  });
  it('a damaged PDF', async () => {
    await expect(read(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'))).rejects.toThrow(/damaged/u);
  });
  it('a scanned PDF (pages that are images, no text)', async () => {
    await expect(read(writePdf([{ runs: [], image: true }, { runs: [], image: true }]))).rejects.toThrow('this PDF is scanned pages without text'.replace(/^t/u, 'T'));
  });
  it('fonts without a Unicode map (private-use characters)', async () => {
    await expect(read(writePdf([{ runs: column(['Text whose font maps every letter elsewhere.'], { x: LEFT, top: 700 }) }], { privateUse: true }))).rejects.toThrow(/no Unicode map/u);
  });
});

describe('pdf.js in the app process', () => {
  it('never loads the native canvas (@napi-rs/canvas): text extraction refuses it', async () => {
    await read(twoColumnPaper());
    const cache = createRequire(import.meta.url).cache;
    expect(Object.keys(cache).filter((path) => path.includes('@napi-rs'))).toEqual([]);
    expect(refusedNativeLoads).toBeGreaterThan(0);
  });
});

describe('a PDF printed by Chromium (tests/fixtures/pdf/makeChromiumPdf.mjs)', () => {
  const sentences = [
    'Listening to a long report should feel like hearing a careful person read it aloud.',
    'The reader follows the first column to its foot and goes on at the top of the second one.',
    'Nothing printed in the margins, neither the running head nor the page number, is spoken.',
    'Words that the printer had to break at the end of a line are heard whole, as they were written.',
    'Compounds such as self-aware or well-known keep their hyphen wherever the line ends.',
  ];
  const paragraph = (n: number) => Array.from({ length: 6 }, (_, i) => sentences[(n + i) % sentences.length]).join(' ');

  it('reads justified two-column pages in order, paragraphs whole across columns and pages, without running heads, page numbers or the note marker', async () => {
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pdf', 'chromium-two-columns.pdf')));
    const article = await read(bytes);
    expect(article.title).toBe('Reading a Printed Report Aloud');
    expect(article.blocks.map((b) => b.text)).toEqual(Array.from({ length: 14 }, (_, i) => paragraph(i)));
    expect(new Set(article.blocks.map((b) => b.page))).toEqual(new Set(['1', '2', '3', '4']));
    expect(article.notes).toEqual([{ text: 'The survey asked 212 listeners in the spring of 2026.', label: '1', referencedBy: 2, page: '4' }]);
  });
});
