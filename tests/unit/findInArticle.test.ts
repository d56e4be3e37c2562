import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/article';
import { findInArticle } from '../../shared/findInArticle';

const blocks: Block[] = [
  { kind: 'heading', text: 'Résumé writing' },
  { kind: 'paragraph', text: 'A resume should be short. Keep every RESUME to one page, and send the résumé as a PDF file that opens anywhere.' },
  { kind: 'paragraph', text: 'Nothing here.' },
];

describe('findInArticle', () => {
  it('finds every occurrence ignoring case and accents, with offsets in the original text', () => {
    const { matches, total } = findInArticle(blocks, 'resume');
    expect(total).toBe(4);
    expect(matches.map((m) => [m.blockIndex, m.match])).toEqual([
      [0, 'Résumé'],
      [1, 'resume'],
      [1, 'RESUME'],
      [1, 'résumé'],
    ]);
    for (const m of matches) expect(blocks[m.blockIndex]!.text.slice(m.charStart, m.charEnd)).toBe(m.match);
  });

  it('keeps offsets right after characters that fold to another length', () => {
    const text = 'İstanbul and ﬁsh: the ﬁrst İ then fish';
    const { matches } = findInArticle([{ kind: 'paragraph', text }], 'fish');
    expect(matches.map((m) => text.slice(m.charStart, m.charEnd))).toEqual(['fish']);
    const dotted = findInArticle([{ kind: 'paragraph', text }], 'then');
    expect(text.slice(dotted.matches[0]!.charStart, dotted.matches[0]!.charEnd)).toBe('then');
  });

  it('gives words around the match, cut at word boundaries', () => {
    const [match] = findInArticle(blocks, 'one page').matches;
    expect(match).toMatchObject({ before: '…should be short. Keep every RESUME to ', match: 'one page', after: ', and send the résumé as a PDF file…' });
  });

  it('matches nothing for a blank query, and counts beyond the limit', () => {
    expect(findInArticle(blocks, '   ').total).toBe(0);
    const many: Block[] = Array.from({ length: 30 }, () => ({ kind: 'paragraph', text: 'la la la' }));
    const { matches, total } = findInArticle(many, 'la', 10);
    expect(matches).toHaveLength(10);
    expect(total).toBe(90);
  });
});
