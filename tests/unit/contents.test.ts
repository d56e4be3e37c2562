import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/article';
import {
  chapterEntries,
  describePlace,
  entryAt,
  findPage,
  headingEntries,
  nextEntry,
  pageAt,
  pageNumber,
  pageStarts,
  previousEntry,
  tableOfContents,
} from '../../shared/contents';

const p = (text: string, extra: Partial<Block> = {}): Block => ({ kind: 'paragraph', text, ...extra });
const h = (text: string, extra: Partial<Block> = {}): Block => ({ kind: 'heading', text, ...extra });

/** A small book: front matter on roman pages without a chapter, three chapters, notes read at the end. */
const book: Block[] = [
  p('Preface text.', { page: 'iii' }), // 0
  p('More preface.', { page: 'iv' }), // 1
  h('One', { chapter: 'One', page: '1' }), // 2
  p('First chapter.', { chapter: 'One', page: '1' }), // 3
  p('Runs over pages 2 and 3.', { chapter: 'One', page: '1' }), // 4
  h('Two', { chapter: 'Two', page: '4' }), // 5
  p('Second chapter.', { chapter: 'Two', page: '5' }), // 6
  h('Three', { chapter: 'Three', page: '7' }), // 7
  p('Third chapter.', { chapter: 'Three', page: '7' }), // 8
  { kind: 'note', text: 'Note 1: from chapter one.', chapter: 'One', page: '2' }, // 9
  { kind: 'note', text: 'Note 2: from chapter two.', chapter: 'Two', page: '5' }, // 10
];

describe('table of contents', () => {
  it('lists a chapter wherever the chapter changes, and note bodies start none', () => {
    expect(chapterEntries(book)).toEqual([
      { title: 'One', blockIndex: 2 },
      { title: 'Two', blockIndex: 5 },
      { title: 'Three', blockIndex: 7 },
    ]);
    expect(tableOfContents(book).kind).toBe('chapters');
  });

  it('a chapter that comes back after another is listed again (it is a new place in the reading)', () => {
    const blocks = [p('a', { chapter: 'A' }), p('b', { chapter: 'B' }), p('a again', { chapter: 'A' })];
    expect(chapterEntries(blocks).map((e) => e.blockIndex)).toEqual([0, 1, 2]);
  });

  it('without chapters, lists the headings', () => {
    const blocks = [p('intro'), h('First'), p('x'), h('Second'), p('y')];
    expect(tableOfContents(blocks)).toEqual({
      kind: 'headings',
      entries: [
        { title: 'First', blockIndex: 1 },
        { title: 'Second', blockIndex: 3 },
      ],
    });
    expect(headingEntries(blocks)).toHaveLength(2);
  });

  it('a one-chapter document with headings lists its headings; without headings, its one chapter', () => {
    expect(tableOfContents([h('A', { chapter: 'Only' }), p('x', { chapter: 'Only' }), h('B', { chapter: 'Only' })]).kind).toBe('headings');
    expect(tableOfContents([p('x', { chapter: 'Only' }), p('y', { chapter: 'Only' })])).toEqual({ kind: 'chapters', entries: [{ title: 'Only', blockIndex: 0 }] });
  });

  it('an article with neither has none; blank chapter titles are no chapter', () => {
    expect(tableOfContents([p('x'), p('y', { chapter: '  ' })])).toEqual({ kind: 'none', entries: [] });
  });
});

describe('where a block is', () => {
  const entries = chapterEntries(book);
  it('finds the chapter, with -1 before the first', () => {
    expect([0, 1, 2, 4, 5, 6, 7, 10].map((i) => entryAt(entries, i))).toEqual([-1, -1, 0, 0, 1, 1, 2, 2]);
    expect(entryAt([], 3)).toBe(-1);
  });

  it('finds the page; notes read at the end are on the page being read there', () => {
    const pages = pageStarts(book);
    expect(pages.map((page) => page.label)).toEqual(['iii', 'iv', '1', '4', '5', '7']);
    expect(pages[2]).toEqual({ label: '1', blockIndex: 2, lastBlockIndex: 4 });
    expect(pages.at(-1)).toEqual({ label: '7', blockIndex: 7, lastBlockIndex: 8 }); // the notes read after it are not its blocks
    expect(pageAt(pages, 4)).toBe('1');
    expect(pageAt(pages, 6)).toBe('5');
    expect(pageAt(pages, 9)).toBe('7');
    expect(pageAt([], 0)).toBeNull();
    expect(pageAt(pageStarts([p('x'), p('y', { page: '2' })]), 0)).toBeNull();
  });

  it('describes the chapter and page, or nothing for a web article', () => {
    const contents = tableOfContents(book);
    const pages = pageStarts(book);
    expect(describePlace(contents, pages, 6)).toBe('Chapter 2 of 3: Two, page 5');
    expect(describePlace(contents, pages, 0)).toBe('Before the first chapter, page iii');
    expect(describePlace(tableOfContents([h('A'), p('x')]), [], 1)).toBe('');
    expect(describePlace({ kind: 'none', entries: [] }, pageStarts([p('x', { page: '9' })]), 0)).toBe('Page 9');
  });
});

describe('next and previous chapter', () => {
  const entries = chapterEntries(book);
  it('next: the entry after the current one, from front matter the first; none after the last', () => {
    expect(nextEntry(entries, 0)).toBe(0);
    expect(nextEntry(entries, 2)).toBe(1);
    expect(nextEntry(entries, 4)).toBe(1);
    expect(nextEntry(entries, 7)).toBeNull();
    expect(nextEntry([], 0)).toBeNull();
  });

  it('previous: the start of this chapter when past it, else the chapter before', () => {
    expect(previousEntry(entries, 6)).toBe(1);
    expect(previousEntry(entries, 5)).toBe(0);
    expect(previousEntry(entries, 2)).toBeNull();
    expect(previousEntry(entries, 1)).toBeNull();
  });
});

describe('go to page', () => {
  const pages = pageStarts(book);
  it('goes to the block a label starts at, in any case, with or without "page"', () => {
    expect(findPage(pages, 'iv')).toEqual({ ok: true, blockIndex: 1, label: 'iv', exact: true });
    expect(findPage(pages, '4')).toEqual({ ok: true, blockIndex: 5, label: '4', exact: true });
    expect(findPage(pages, 'IV')).toMatchObject({ ok: true, blockIndex: 1 });
    expect(findPage(pages, ' page 5 ')).toEqual({ ok: true, blockIndex: 6, label: '5', exact: true });
    expect(findPage(pages, 'p. 7')).toMatchObject({ ok: true, blockIndex: 7 });
  });

  it('a page no block starts on leads to the block it begins inside', () => {
    expect(findPage(pages, '3')).toEqual({ ok: true, blockIndex: 4, label: '1', exact: false });
    expect(findPage(pages, '6')).toEqual({ ok: true, blockIndex: 6, label: '5', exact: false });
    expect(findPage(pageStarts([p('a', { page: '1' }), p('b'), p('c', { page: '4' })]), '2')).toMatchObject({ blockIndex: 1, exact: false });
  });

  it('says why when there is no such page', () => {
    expect(findPage(pages, '')).toEqual({ ok: false, message: 'Type a page number. Pages run from iii to 7.' });
    expect(findPage(pages, '99')).toEqual({ ok: false, message: 'There is no page 99. Pages run from iii to 7.' });
    expect(findPage(pages, 'ii')).toEqual({ ok: false, message: 'There is no page ii. Pages run from iii to 7.' });
    expect(findPage(pages, 'x')).toMatchObject({ ok: false });
    expect(findPage(pages, 'banana')).toMatchObject({ ok: false });
    expect(findPage([], '1')).toEqual({ ok: false, message: 'This article has no page numbers.' });
  });

  it('labels that are not numbers match exactly', () => {
    const lettered = pageStarts([p('a', { page: 'A-1' }), p('b', { page: 'A-2' })]);
    expect(findPage(lettered, 'a-2')).toMatchObject({ ok: true, blockIndex: 1 });
    expect(findPage(lettered, 'A-3')).toMatchObject({ ok: false });
  });

  it('reads roman numerals only when well formed', () => {
    expect(pageNumber('xiv')).toEqual({ system: 'roman', value: 14 });
    expect(pageNumber('MCMXCIV')).toEqual({ system: 'roman', value: 1994 });
    expect(pageNumber('iiii')).toBeNull();
    expect(pageNumber('ic')).toBeNull();
    expect(pageNumber('12')).toEqual({ system: 'arabic', value: 12 });
    expect(pageNumber('A-3')).toBeNull();
  });
});

describe('a long book', () => {
  it('stays fast: 20,000 blocks, 400 chapters, lookups by binary search', () => {
    const blocks: Block[] = Array.from({ length: 20_000 }, (_, i) => p(`Paragraph ${i}.`, { chapter: `Chapter ${Math.floor(i / 50)}`, page: String(Math.floor(i / 5) + 1) }));
    const started = performance.now();
    const contents = tableOfContents(blocks);
    const pages = pageStarts(blocks);
    for (let i = 0; i < 20_000; i += 7) describePlace(contents, pages, i);
    expect(findPage(pages, '4000')).toMatchObject({ ok: true, blockIndex: 19_995 });
    expect(contents.entries).toHaveLength(400);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
