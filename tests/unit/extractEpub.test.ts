import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { placeNotes } from '../../shared/notes';
import { extractEpub } from '../../main/article/epub/extractEpub';
import { describesImage, MarkTable, readMarks } from '../../main/article/epub/epubSemantics';
import { looksLikeEpub } from '../../shared/articleFiles';
import { writeEpub, type ChapterSpec, type EpubSpec } from '../../main/article/epub/writeEpub';
import { ZIP_LIMITS } from '../../main/article/epub/zipArchive';

const book = (chapters: ChapterSpec[], spec: Partial<EpubSpec> = {}) => writeEpub({ title: 'The Book', creators: ['Ann Author'], language: 'en', chapters, ...spec });
const read = (bytes: Uint8Array, options = {}) => extractEpub(bytes, 'book.epub', 'book', options);
const texts = (bytes: Uint8Array) => read(bytes).blocks.map((block) => block.text);

describe('EPUB structure', () => {
  it('reads the package metadata: title, creators as the byline, language', () => {
    const article = read(book([{ title: 'One', body: '<p>Text of the book.</p>' }], { creators: ['Ann Author', 'Bob Writer', 'Cy Poet'], language: 'fr' }));
    expect(article).toMatchObject({ title: 'The Book', byline: 'Ann Author, Bob Writer and Cy Poet', lang: 'fr' });
  });

  it('reads the documents in spine order, not manifest or file-name order', () => {
    const chapters = [
      { title: 'A', body: '<p>Alpha comes last in the spine.</p>' },
      { title: 'B', body: '<p>Bravo comes first in the spine.</p>' },
      { title: 'C', body: '<p>Charlie comes second in the spine.</p>' },
    ];
    expect(texts(book(chapters, { spineOrder: [1, 2, 0] }))).toEqual(['Bravo comes first in the spine.', 'Charlie comes second in the spine.', 'Alpha comes last in the spine.']);
  });

  it('leaves linear="no" documents out of the reading, kept as text left out', () => {
    const article = read(book([{ title: 'Cover', body: '<p>Cover page words.</p>', linear: false }, { title: 'One', body: '<p>The story begins.</p>' }]));
    expect(article.blocks.map((b) => b.text)).toEqual(['The story begins.']);
    expect(article.hidden).toEqual([expect.objectContaining({ text: 'Cover page words.', reason: 'outside the reading order' })]);
  });

  it.each(['nav', 'ncx'] as const)('takes chapter titles from the %s table of contents, also for entries inside a document', (navigation) => {
    const bytes = book(
      [
        { title: 'Chapter One', body: '<h2>I</h2><p>First chapter text.</p><h3 id="s2">Second part</h3><p>Later in chapter one.</p>' },
        { title: null, body: '<p>A continuation file, not in the table of contents.</p>' },
        { title: 'Chapter Two', body: '<p>Second chapter text.</p>' },
      ],
      { navigation, extraTocEntries: [{ title: 'One, part two', href: 'chapter1.xhtml#s2' }] },
    );
    expect(read(bytes).blocks.map((b) => [b.text, b.chapter])).toEqual([
      ['I', 'Chapter One'],
      ['First chapter text.', 'Chapter One'],
      ['Second part', 'One, part two'],
      ['Later in chapter one.', 'One, part two'],
      ['A continuation file, not in the table of contents.', 'One, part two'],
      ['Second chapter text.', 'Chapter Two'],
    ]);
  });

  it('names chapters by their first heading when the book has no table of contents', () => {
    const article = read(book([{ title: 'x', body: '<h1>Opening</h1><p>Words.</p>' }, { title: 'y', body: '<h1>Closing</h1><p>More words.</p>' }], { navigation: 'none' }));
    expect(article.blocks.map((b) => b.chapter)).toEqual(['Opening', 'Opening', 'Closing', 'Closing']);
  });

  it('walks each document whole: short lines, credits and "author" classes that a web page would drop are read', () => {
    const body = '<p class="author">By the river</p><div class="share">Share the fire.</div><aside epub:type="sidebar"><p>A boxed aside, read where it stands.</p></aside><nav><ol><li>Contents entry</li></ol></nav>';
    expect(texts(book([{ title: 'One', body }]))).toEqual(['By the river', 'Share the fire.', 'A boxed aside, read where it stands.']);
  });

  it('parses XHTML empty elements as empty (an HTML parser would open a <div/> and swallow the chapter into it)', () => {
    const article = read(book([{ title: 'One', body: '<div epub:type="pagebreak" title="7"/><p>After the break.</p><a id="anchor"/><p>Next paragraph.</p>' }]));
    expect(article.blocks.map((b) => [b.text, b.page])).toEqual([
      ['After the break.', '7'],
      ['Next paragraph.', '7'],
    ]);
  });

  it('keeps <sub> and <sup> text that is not a note marker', () => {
    expect(texts(book([{ title: 'One', body: '<p>Water is H<sub>2</sub>O and the area is 10 m<sup>2</sup>.</p>' }]))).toEqual(['Water is H2O and the area is 10 m2.']);
  });

  it('keeps a passage language (xml:lang on a block, or a document in another language) on the block', () => {
    const article = read(book([{ title: 'One', body: '<p>In English.</p><p xml:lang="fr">En français.</p>' }, { title: 'Zwei', body: '<p>Auf Deutsch.</p>', lang: 'de' }]));
    expect(article.blocks.map((b) => [b.text, b.lang])).toEqual([
      ['In English.', undefined],
      ['En français.', 'fr'],
      ['Auf Deutsch.', 'de'],
    ]);
  });
});

describe('EPUB semantics', () => {
  it('takes footnotes out of the text and never reads their markers; the note knows the paragraph that refers to it', () => {
    const body = `<p>First paragraph.</p><p>The claim.<a epub:type="noteref" href="#n1">1</a> More words.</p>
      <aside epub:type="footnote" id="n1"><p><a href="#r1">1.</a> The note's text.</p></aside><p>Last paragraph.</p>`;
    const article = read(book([{ title: 'One', body }]));
    expect(article.blocks.map((b) => b.text)).toEqual(['First paragraph.', 'The claim. More words.', 'Last paragraph.']);
    expect(article.notes).toEqual([expect.objectContaining({ text: "The note's text.", label: '1', referencedBy: 1 })]);
    expect(placeNotes(article, 'after-paragraph').blocks.map((b) => b.text)).toEqual(['First paragraph.', 'The claim. More words.', "Note 1: The note's text.", 'Last paragraph.']);
  });

  it('finds endnotes in another document by role or by a link back to the marker (EPUB 2 books without epub:type)', () => {
    const article = read(
      book([
        { title: 'One', body: '<p>Text with a marker.<sup><a href="notes.xhtml#e1" id="m1">1</a></sup></p><p>Role marker.<a role="doc-noteref" href="notes.xhtml#e2">2</a></p>' },
        { title: 'Notes', file: 'notes.xhtml', body: '<section epub:type="endnotes"><h2>Notes</h2><p id="e1"><a href="chapter1.xhtml#m1">1.</a> Endnote by back link.</p><div role="doc-endnote" id="e2">Endnote by role.</div></section>' },
      ]),
    );
    expect(article.blocks.map((b) => b.text)).toEqual(['Text with a marker.', 'Role marker.']);
    expect(article.notes?.map((note) => [note.label, note.text, note.referencedBy])).toEqual([
      ['1', 'Endnote by back link.', 0],
      ['2', 'Endnote by role.', 1],
    ]);
  });

  it('does not take chapter numbers linked to the contents (which link back) for notes', () => {
    const article = read(
      book([
        { title: null, file: 'toc.xhtml', body: '<ol><li><a id="t1" href="chapter2.xhtml#c1">Chapter 1: The Start</a></li></ol>' },
        { title: 'One', body: '<h2 id="c1"><a href="toc.xhtml#t1">1</a></h2><p>Chapter text.</p>' },
      ]),
    );
    expect(article.blocks.map((b) => b.text)).toEqual(['Chapter 1: The Start', '1', 'Chapter text.']);
    expect(article.notes).toBeUndefined();
  });

  it('does not take an ordinary link to a numbered paragraph for a note', () => {
    const article = read(book([{ title: 'One', body: '<p>See <a href="#p3">3</a> below.</p><p id="p3">Paragraph three stays in the text.</p>' }]));
    expect(article.blocks.map((b) => b.text)).toEqual(['See 3 below.', 'Paragraph three stays in the text.']);
    expect(article.notes).toBeUndefined();
  });

  it('never reads page-break labels; they become the page of the blocks that follow, mid-paragraph ones from the next block', () => {
    const body = `<p>On page one.</p><span epub:type="pagebreak" id="pg2" title="2"/><p>On page two.</p>
      <p>Starts on two<span role="doc-pagebreak" aria-label="3"></span> and runs onto three.</p><p>On three.</p><div epub:type="pagebreak">iv</div><p>On iv.</p>`;
    const article = read(book([{ title: 'One', body }]));
    expect(article.blocks.map((b) => [b.text, b.page])).toEqual([
      ['On page one.', undefined],
      ['On page two.', '2'],
      ['Starts on two and runs onto three.', '2'],
      ['On three.', '3'],
      ['On iv.', 'iv'],
    ]);
  });

  it('takes page labels from the page list when the book marks pages only by id', () => {
    const bytes = book([{ title: 'One', body: '<p>Before.</p><span id="page12"/><p>After.</p>' }], { pageList: [{ label: '12', href: 'chapter1.xhtml#page12' }] });
    expect(read(bytes).blocks.map((b) => [b.text, b.page])).toEqual([
      ['Before.', undefined],
      ['After.', '12'],
    ]);
  });

  it('reads image descriptions as their own block, and not placeholders, file names or a repeat of the caption', () => {
    const body = `<p>Before the map.<img src="img/map.png" alt="A map of the valley with two rivers"/>After the map.</p>
      <img src="a.png" alt="Figure 3"/><img src="b.png" alt="image"/><img src="photo_12.jpg" alt="photo_12"/><img src="c.png" alt="c.png"/><img src="d.png" alt=""/>
      <figure><img src="e.png" alt="The harbour at dawn"/><figcaption>The harbour at dawn</figcaption></figure>`;
    expect(texts(book([{ title: 'One', body }]))).toEqual(['Before the map.', 'Image: A map of the valley with two rivers', 'After the map.', 'The harbour at dawn']);
  });

  it('keeps image descriptions among the text left out when the setting is off', () => {
    const article = read(book([{ title: 'One', body: '<p>Text.</p><img src="m.png" alt="A drawing of a cat"/><p>More.</p>' }]), { imageDescriptions: false });
    expect(article.blocks.map((b) => b.text)).toEqual(['Text.', 'More.']);
    expect(article.hidden).toEqual([expect.objectContaining({ text: 'Image: A drawing of a cat', position: 1, reason: 'image description' })]);
  });

  it("keeps how the walker says to show a block (a table's cells, a list's number), without marks in the cells", () => {
    const table = new MarkTable();
    const mark = table.text({ kind: 'p', label: '9' });
    const walked = [
      { kind: 'table' as const, text: `A, B. 1, ${mark}2.`, table: { header: true, rows: [['A', 'B'], ['1', `${mark}2`]] } },
      { kind: 'list-item' as const, text: 'Third step', list: { ordered: true, number: 3 } },
    ];
    const { blocks } = readMarks(walked, table, { page: undefined, chapter: undefined }, 0, null);
    expect(blocks).toEqual([
      { kind: 'table', text: 'A, B. 1, 2.', table: { header: true, rows: [['A', 'B'], ['1', '2']] } },
      { kind: 'list-item', text: 'Third step', list: { ordered: true, number: 3 }, page: '9' },
    ]);
  });

  it('tells descriptions from placeholders by their shape', () => {
    expect(describesImage('Fig. 2', 'x.png')).toBe(false);
    expect(describesImage('Illustration', 'x.png')).toBe(false);
    expect(describesImage('IMG_2041.JPG', 'x.png')).toBe(false);
    expect(describesImage('*', 'x.png')).toBe(false);
    expect(describesImage('Figure of a man drawn in ink', 'x.png')).toBe(true);
    expect(describesImage('Cover of the first edition', 'cover.jpg')).toBe(true);
    // Names of a page or a picture, not descriptions (IDPF samples: childrens-literature, moby-dick).
    expect(describesImage('Cover Image', 'cover.jpg')).toBe(false);
    expect(describesImage('title page', 'tp.jpg')).toBe(false);
    expect(describesImage('Frontispiece', 'f.jpg')).toBe(false);
    expect(describesImage('The title page of the first edition, with a whale in the middle', 'tp.jpg')).toBe(true);
  });
});

describe('EPUB bad input: each a clear message', () => {
  it('says a book with DRM (encrypted content documents, or Adobe rights.xml) cannot be read', () => {
    const encryption = `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
      <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/chapter1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`;
    const chapters = [{ title: 'One', body: '<p>Text.</p>' }];
    expect(() => read(book(chapters, { files: { 'META-INF/encryption.xml': encryption } }))).toThrow(/protected \(DRM\): its text is encrypted/u);
    expect(() => read(book(chapters, { files: { 'META-INF/rights.xml': '<rights/>' } }))).toThrow(/protected \(Adobe DRM\)/u);
  });

  it('reads a book whose only encryption is font obfuscation', () => {
    const encryption = `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
      <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/><enc:CipherData><enc:CipherReference URI="OEBPS/font.otf"/></enc:CipherData></enc:EncryptedData></encryption>`;
    expect(texts(book([{ title: 'One', body: '<p>Readable text.</p>' }], { files: { 'META-INF/encryption.xml': encryption } }))).toEqual(['Readable text.']);
  });

  it('refuses a zip bomb: an entry compressed beyond any book', () => {
    const bytes = zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], 'OEBPS/zeros.xhtml': new Uint8Array(8 * 1024 * 1024) });
    expect(() => read(bytes)).toThrow(/compressed \d[\d,]* times .*zip bomb/u);
  });

  it('refuses archives over the total size and entry count limits (declared sizes, checked before inflating)', () => {
    const bytes = book([{ title: 'One', body: '<p>Text.</p>' }]);
    expect(() => read(bytes, { limits: { ...ZIP_LIMITS, maxTotalBytes: 500 } })).toThrow(/would unpack to more than/u);
    expect(() => read(bytes, { limits: { ...ZIP_LIMITS, maxEntries: 3 } })).toThrow(/holds 5 files/u);
  });

  it('inflates no more than an entry declares, so a lying header cannot make it grow', () => {
    const bytes = book([{ title: 'One', body: `<p>${'Words of the chapter. '.repeat(200)}</p>` }]);
    // The central directory's uncompressed size of chapter1.xhtml, made smaller than its content.
    const view = new DataView(bytes.buffer);
    const name = strToU8('OEBPS/chapter1.xhtml');
    for (let at = bytes.length - 22; at > 0; at--) {
      if (view.getUint32(at, true) === 0x02014b50 && view.getUint16(at + 28, true) === name.length && bytes.subarray(at + 46, at + 46 + name.length).every((b, i) => b === name[i])) {
        view.setUint32(at + 24, 100, true);
        break;
      }
    }
    expect(() => read(bytes)).toThrow(/is not the size its header says/u);
  });

  it('refuses names outside the root (".." or absolute paths)', () => {
    for (const name of ['../evil.xhtml', 'OEBPS/../../evil.xhtml', '/etc/evil.xhtml', 'C:/evil.xhtml', '..\\evil.xhtml']) {
      const bytes = zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], [name]: strToU8('<p>x</p>') });
      expect(() => read(bytes), name).toThrow(/points outside the book/u);
    }
  });

  it('says a .epub that is not a ZIP archive, and a ZIP without a package document, are not books', () => {
    expect(() => read(strToU8('<html><body>Not a book</body></html>'))).toThrow(/is not a ZIP archive/u);
    const noPackage = writeEpub({ chapters: [{ title: 'One', body: '<p>x</p>' }], withoutPackage: true });
    expect(() => read(noPackage)).toThrow(/has no package document/u);
  });

  it("sniffs EPUB from the bytes: a ZIP whose first entry is the stored mimetype", () => {
    expect(looksLikeEpub(book([{ title: 'One', body: '<p>x</p>' }]))).toBe(true);
    expect(looksLikeEpub(zipSync({ 'a.txt': strToU8('application/epub+zip'), mimetype: strToU8('application/epub+zip') }))).toBe(false);
    expect(looksLikeEpub(strToU8('PK\u0003\u0004 not really'))).toBe(false);
  });
});
