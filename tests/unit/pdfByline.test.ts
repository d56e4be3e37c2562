/**
 * The byline under a PDF's title (issue 23): LaTeX's \maketitle lines (authors, affiliation, date), centred
 * under the title and smaller, are the byline, kept hidden, not headings read as sections. Real files:
 * a pdfTeX paper (tests/fixtures/real), Chromium prints with and without a byline, and the other real
 * documents, which have none and must not change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDateLine, isNameLine, isBylineText } from '../../main/article/pdf/byline';
import { extractPdf } from '../../main/article/pdf/extractPdf';
import { writePdf } from '../helpers/pdfWriter';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const read = (path: string) => extractPdf(new Uint8Array(readFileSync(join(FIXTURES, path))), 'fallback');

describe('the kinds of byline line, as plain functions', () => {
  it('names, dates, affiliations and addresses; not headings, subtitles or sentences', () => {
    for (const text of ['Your Name', 'Ada Lovelace and Alan Turing', 'A. M. Turing', 'Ann Lee, Bo Chen, Carla van der Berg', 'Grace Hopper1, Jean Sammet2']) expect(isNameLine(text), text).toBe(true);
    for (const text of ['Abstract', 'Introduction', 'Notes on a study of eight offices', 'Related Work and Its Limits in Practice Today', '1 Introduction']) expect(isNameLine(text), text).toBe(false);
    for (const text of ['January 3, 2024', '3 March 2021', '2024-01-03', 'Sept. 2019', '2024']) expect(isDateLine(text), text).toBe(true);
    expect(isDateLine('Results for 2024')).toBe(false);
    expect(isBylineText('Department of Computing, University of Leeds')).toBe(true);
    expect(isBylineText('ada@example.org')).toBe(true);
    expect(isBylineText('Summary')).toBe(false);
  });
});

describe('on real documents', () => {
  it("a pdfTeX two-column paper: 'Your Name' and the date under the title are its byline, not headings", async () => {
    const article = await read('real/multicolumn.pdf');
    expect(article.title).toBe('Two-Column Document with Lorem Ipsum');
    expect(article.byline).toBe('Your Name');
    expect(article.blocks.slice(0, 2).map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Abstract'],
      ['paragraph', 'This is a sample document with two columns filled with Lorem Ipsum text.'],
    ]);
    expect(article.hidden?.filter((h) => h.reason === 'byline').map((h) => [h.text, h.position])).toEqual([
      ['Your Name', 0],
      ['January 3, 2024', 0],
    ]);
  });

  it('a Chromium print with two authors, their department and the date centred under the title', async () => {
    const article = await read('pdf/chromium-byline.pdf');
    expect(article.title).toBe('Listening to Reports at Work');
    expect(article.byline).toBe('Ada Lovelace and Alan Turing, Department of Computing, University of Leeds');
    expect(article.blocks[0]).toMatchObject({ kind: 'heading', text: 'Introduction' });
    expect(article.hidden?.map((h) => h.text)).toEqual(['Ada Lovelace and Alan Turing', 'Department of Computing, University of Leeds', 'March 4, 2025']);
  });

  it('a Chromium print whose centred lines under the title are a subtitle and a section heading: both read', async () => {
    const article = await read('pdf/chromium-subtitle.pdf');
    expect(article.byline).toBeNull();
    expect(article.blocks.slice(0, 2).map((b) => b.text)).toEqual(['Notes on a study of eight offices', 'Summary']);
    expect(article.hidden ?? []).toEqual([]);
  });

  it('documents without a byline are read as before', async () => {
    const twoColumns = await read('pdf/chromium-two-columns.pdf');
    expect(twoColumns.byline).toBeNull();
    expect(twoColumns.blocks[0]!.text).toMatch(/^Listening to a long report/u);
    const tagged = await read('pdf/chromium-tagged.pdf');
    expect(tagged.byline).toBeNull();
    expect(tagged.blocks[0]!.text).toMatch(/^People who read long reports/u);
    const latex = await read('real/pdflatex-4-pages.pdf');
    expect(latex.byline).toBeNull();
    expect(latex.hidden?.some((h) => h.reason === 'byline') ?? false).toBe(false);
  });

  it("the metadata's author is the byline when it has one; the lines under the title are still not read", async () => {
    const centred = (text: string, y: number, size: number) => ({ x: 306 - (text.length * size * 0.5) / 2, y, size, text });
    const bytes = writePdf(
      [{ runs: [centred('Reading Aloud at Scale', 700, 20), centred('Grace Hopper', 670, 12), centred('May 5, 2020', 652, 12), { x: 72, y: 600, size: 11, text: 'The body of the paper begins here and goes on.' }] }],
      { title: 'Reading Aloud at Scale', author: 'G. M. Hopper' },
    );
    const article = await extractPdf(bytes, 'fallback');
    expect(article.byline).toBe('G. M. Hopper');
    expect(article.blocks.map((b) => b.text)).toEqual(['The body of the paper begins here and goes on.']);
  });
});
