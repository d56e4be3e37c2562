/** Which files the pickers offer and how large each kind may be (issue 23: PDFs up to 300 MB from the browser host too). */
import { describe, expect, it } from 'vitest';
import { apiParams } from '../../shared/api';
import { ARTICLE_FILE_ACCEPT, ARTICLE_FILE_KINDS, fileSizeKind, fileSizeProblem, MAX_FILE_BYTES, MAX_PDF_BYTES } from '../../shared/articleFiles';
import { writePdf } from '../helpers/pdfWriter';

const MB = 1024 * 1024;
const pdfHead = writePdf([{ runs: [] }]).subarray(0, 1024);
const html = new TextEncoder().encode('<!doctype html><title>Login</title>');

describe('the file pickers', () => {
  it('say and accept PDF and EPUB besides HTML, text and Markdown', () => {
    expect(ARTICLE_FILE_KINDS).toBe('HTML, text, Markdown, PDF or EPUB');
    const accepted = ARTICLE_FILE_ACCEPT.split(',');
    for (const kind of ['.pdf', 'application/pdf', '.epub', 'application/epub+zip', '.html', '.txt', '.md']) expect(accepted).toContain(kind);
  });
});

describe('size limits by kind', () => {
  it('a PDF is known by its signature, a book by its extension, anything else is an article', () => {
    expect(fileSizeKind('paper.bin', pdfHead)).toBe('pdf');
    expect(fileSizeKind('book.EPUB', new Uint8Array())).toBe('book');
    expect(fileSizeKind('login.pdf', html)).toBe('article');
  });

  it('a PDF up to 300 MB passes; larger ones, books over 100 MB and articles over 20 MB are refused with their limit', () => {
    expect(fileSizeProblem('big.pdf', 250 * MB, pdfHead)).toBeNull();
    expect(fileSizeProblem('big.pdf', MAX_PDF_BYTES, pdfHead)).toBeNull();
    expect(fileSizeProblem('huge.pdf', 350 * MB, pdfHead)).toBe('huge.pdf is 350.0 MB; PDFs up to 300 MB can be opened.');
    expect(fileSizeProblem('atlas.epub', 120 * MB, new Uint8Array())).toBe('atlas.epub is 120.0 MB; books up to 100 MB can be opened.');
    expect(fileSizeProblem('notes.txt', 25 * MB, new Uint8Array())).toBe('notes.txt is 25.0 MB; articles up to 20 MB can be opened.');
    // A web page saved under a PDF's name gets no PDF allowance.
    expect(fileSizeProblem('login.pdf', 25 * MB, html)).toMatch(/articles up to 20 MB/u);
  });

  it('the API takes a file as large as the largest PDF, and no larger', () => {
    expect(MAX_FILE_BYTES).toBe(MAX_PDF_BYTES);
    const params = (bytes: Uint8Array) => apiParams.openArticle.safeParse({ source: { type: 'file', name: 'big.pdf', bytes } }).success;
    expect(params(new Uint8Array(150 * MB))).toBe(true);
    expect(params(new Uint8Array(MAX_PDF_BYTES + 1))).toBe(false);
  });
});
