import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { superscriptText } from '../../main/article/html/footnoteMarkers';
import { extractHtml } from '../../main/article/html/extractHtml';

const sup = (html: string) => {
  const { document } = parseHTML(`<p>${html}</p>`);
  const element = document.querySelector('sup')!;
  return superscriptText(element as unknown as Element, element.textContent ?? '');
};

describe('superscript footnote references', () => {
  it('become bracketed markers', () => {
    expect(sup('<sup><a href="#fn2">2</a></sup>')).toBe('[2]');
    expect(sup('<sup class="reference"><a href="#cite_note-4">[4]</a></sup>')).toBe('[4]');
    expect(sup('<sup role="doc-noteref">a</sup>')).toBe('[a]');
  });
  it('leave other superscripts as text', () => {
    expect(sup('m<sup>2</sup>')).toBe('2');
    expect(sup('<sup><a href="https://example.com">see</a></sup>')).toBe('see');
  });
  it('show as markers in an extracted article', () => {
    const paragraph = 'Rivers carry sediment to the sea over many thousands of years, and deltas form where they slow down';
    const html = `<html lang="en"><head><title>Deltas</title></head><body><article><h1>Deltas</h1>${[1, 2, 3, 4].map((n) => `<p>${paragraph}, part ${n}.<sup><a href="#fn${n}">${n}</a></sup> The area is ten km<sup>2</sup> wide.</p>`).join('')}</article></body></html>`;
    const article = extractHtml(html, 'Deltas');
    expect(article.blocks[0]!.text).toContain('part 1.[1] The area is ten km2 wide.');
  });
});
