/**
 * Real PDFs and EPUB books made by others (tests/fixtures/real: where each comes from, its licence and
 * SHA-256 are in the README there), through the loader every source goes through (the extraction worker)
 * and, for the notes given apart, the extractors themselves. Each test names the fault of issue 23 the file
 * shows and fails without its fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/article';
import { articleFromBytes, loadArticleFile } from '../../main/article/loadArticleFile';
import { extractEpub } from '../../main/article/epub/extractEpub';

const real = (name: string) => join(__dirname, '..', 'fixtures', 'real', name);

async function open(name: string): Promise<Article> {
  const result = await loadArticleFile(real(name));
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

const texts = (article: Article) => article.blocks.map((b) => b.text);

describe('real PDFs (py-pdf/sample-files, CC-BY-SA-4.0)', () => {
  it('pdflatex-4-pages.pdf: LaTeX page numbers (14% of an A4 page from the bottom) are not read, and the paragraph runs on across the three page breaks', async () => {
    const article = await open('pdflatex-4-pages.pdf');
    // The fault: "1", "2", "3", "4" were read as paragraphs, and each page break cut the text there.
    expect(texts(article).filter((t) => /^\d+$/u.test(t))).toEqual([]);
    expect(article.blocks).toHaveLength(1);
    expect(article.blocks[0]!.page).toBe('1');
    // Page 1 ends "... Kjift – not at a-" / page 2 starts "ll! A blind text": one sentence across the page turn.
    expect(article.blocks[0]!.text).not.toMatch(/\s\d\s/u);
    expect(article.blocks[0]!.text.length).toBeGreaterThan(13_000);
  });

  it('multicolumn.pdf: two LaTeX columns read one after the other, 30 line-end hyphens joined, the page number not in the sentence it fell into', async () => {
    const article = await open('multicolumn.pdf');
    expect(article.title).toBe('Two-Column Document with Lorem Ipsum');
    const all = texts(article).join('\n');
    // The fault: the page number "1" was read inside the last paragraph of page 1 ("Nam feugiat 1 lacus").
    expect(all).toContain('Quisque egestas wisi eget nunc. Nam feugiat lacus vel est. Curabitur consectetuer.');
    expect(texts(article).filter((t) => /^\d+$/u.test(t))).toEqual([]);
    // Columns: lipsum's paragraphs 1-10 in their order (the left column's, then the right's, then page 2's).
    const starts = ['Lorem ipsum dolor sit amet', 'Nam dui ligula', 'Nulla malesuada porttitor', 'Quisque ullamcorper', 'Fusce mauris', 'Suspendisse vel felis', 'Sed commodo posuere', 'Pellentesque habitant morbi', 'Morbi luctus', 'Suspendisse vitae elit'];
    const at = starts.map((start) => texts(article).findIndex((t) => t.startsWith(start)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Latin words hyphenated by TeX at line ends ("Vestibu-" "lum", "conva-" "llis"): joined, none split.
    expect(all).toContain('ac venenatis arcu wisi vel nisl. Vestibulum diam.');
    expect(all).toContain('Integer tempus convallis augue.');
    expect(all).not.toMatch(/\p{L}-\s?\p{Ll}/u);
  });

  it('crazyones-pdfa.pdf: a single page whose line ends are not paragraph ends, title from the page', async () => {
    const article = await open('crazyones-pdfa.pdf');
    expect(article.title).toBe('The Crazy Ones');
    expect(texts(article)).toContain('The ones who see things differently. Theyre not fond of rules. And they have no respect for the status quo. You can quote them, disagree with them, glorify or vilify them.');
    expect(article.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(7);
  });

  it('google-doc-document.pdf: icons from a symbol font (private-use characters, flags in a table) are not read; note bodies come apart', async () => {
    const article = await open('google-doc-document.pdf');
    expect(texts(article).join(' ')).not.toMatch(/\p{Co}/u);
    expect(texts(article)).toContain('Indonesia Germany Austria');
    expect(texts(article)).toContain('Namespaces are one honking great idea -- let\'s do more of those!');
  });

  it('imagemagick-images.pdf: six pages of pictures without a text layer say so (a scan), never silence', async () => {
    const result = await loadArticleFile(real('imagemagick-images.pdf'));
    expect(result.ok ? '' : result.message).toMatch(/^This PDF is scanned pages without text/u);
  });

  it('libreoffice-writer-password.pdf: says it needs its password, and opens with it ("openpassword", from the file\'s README)', async () => {
    const bytes = new Uint8Array(readFileSync(real('libreoffice-writer-password.pdf')));
    const locked = await articleFromBytes(bytes, 'libreoffice-writer-password.pdf', null);
    expect(locked.ok ? '' : locked.message).toMatch(/protected by a password/u);
    const opened = await articleFromBytes(bytes, 'libreoffice-writer-password.pdf', null, { password: 'openpassword' });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.article.blocks.length).toBeGreaterThan(0);
  });
});

describe('real EPUB books (IDPF epub3-samples, CC-BY-SA-3.0)', () => {
  it('wasteland.epub: the printed line numbers of the verse are not read, note markers are not read and the notes come apart', async () => {
    const bytes = new Uint8Array(readFileSync(real('wasteland.epub')));
    const book = extractEpub(bytes, 'wasteland.epub', 'wasteland');
    expect(book.title).toBe('The Waste Land');
    expect(book.byline).toBe('T.S. Eliot');
    const all = texts(book);
    // The fault: <span class="lnum">10</span> was read onto its line ("into the Hofgarten,10").
    expect(all).toContain('And went on in sunlight, into the Hofgarten,');
    expect(all).toContain('Out of this stony rubbish? Son of man,');
    expect(all.filter((t) => /\p{L}[,.;:!?]?\d+$/u.test(t))).toEqual([]);
    // The "*" note markers are never read; the 52 notes are given apart, each tied to the line it annotates.
    expect(all.filter((t) => t.includes('*'))).toEqual([]);
    expect(book.notes?.length).toBeGreaterThan(40);
    const note = book.notes!.find((n) => n.text.startsWith('60. Cf. Baudelaire'));
    expect(note && note.referencedBy !== null && all[note.referencedBy]).toBe('Unreal City,');
    // A German line keeps its language, for its voice.
    expect(book.blocks.find((b) => b.text.startsWith('Bin gar keine Russin'))?.lang).toBe('de');
  });

  it('childrens-literature.epub: page numbers printed inside sentences are not read, the cover\'s "Cover Image" alt text is not read', async () => {
    const article = await open('childrens-literature.epub');
    const all = texts(article);
    // <span epub:type="pagebreak" title="190">190</span> in the middle of a sentence (Thorium #1974).
    const sentence = all.find((t) => t.includes('who suffer.'));
    expect(sentence).toContain('who suffer. I will sing of good and of evil');
    // The fault: the cover image's alt text "Cover Image" was read as the book's first paragraph.
    expect(all.filter((t) => /cover image/iu.test(t))).toEqual([]);
    expect(article.blocks[0]!.kind).toBe('heading');
    // Blocks carry their printed page and chapter.
    const clover = article.blocks.find((b) => b.text === 'A FOUR-LEAVED CLOVER');
    expect(clover?.page).toBe('174');
  });
});
