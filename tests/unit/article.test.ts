import { describe, expect, it } from 'vitest';
import { makeBlock, restoreHiddenBlock, type Article } from '../../shared/article';

const article: Article = {
  title: 'T',
  byline: null,
  source: null,
  lang: 'en',
  blocks: [
    { kind: 'paragraph', text: 'First.' },
    { kind: 'paragraph', text: 'Second.' },
  ],
  hidden: [
    { kind: 'paragraph', text: 'Menu', position: 0, reason: 'site menu' },
    { kind: 'paragraph', text: 'Photo: caption', position: 1, reason: 'figure caption' },
    { kind: 'paragraph', text: 'Share this', position: 2, reason: 'page furniture' },
  ],
};

describe('restoreHiddenBlock', () => {
  it('puts the block back where it stood and moves the later hidden blocks along', () => {
    const result = restoreHiddenBlock(article, 1)!;
    expect(result.insertedAt).toBe(1);
    expect(result.article.blocks.map((b) => b.text)).toEqual(['First.', 'Photo: caption', 'Second.']);
    expect(result.article.hidden!.map((b) => [b.text, b.position])).toEqual([
      ['Menu', 0],
      ['Share this', 3],
    ]);
    // Bringing the rest back keeps the page order.
    const again = restoreHiddenBlock(restoreHiddenBlock(result.article, 0)!.article, 0)!;
    expect(again.article.blocks.map((b) => b.text)).toEqual(['Menu', 'First.', 'Photo: caption', 'Second.', 'Share this']);
    expect(again.article.hidden).toEqual([]);
  });

  it('leaves the article alone for an index that does not exist', () => {
    expect(restoreHiddenBlock(article, 7)).toBeNull();
    expect(restoreHiddenBlock({ ...article, hidden: undefined }, 0)).toBeNull();
  });
});

describe('makeBlock', () => {
  it('normalizes whitespace and refuses text with nothing to say', () => {
    expect(makeBlock('paragraph', '  a\u00a0 b\n c ')).toEqual({ kind: 'paragraph', text: 'a b c' });
    expect(makeBlock('paragraph', ' — … ')).toBeNull();
  });
});
