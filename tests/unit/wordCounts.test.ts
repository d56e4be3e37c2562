import { describe, expect, it } from 'vitest';
import { countWords, WordCounts } from '../../renderer/src/player/WordCounts';

describe('WordCounts', () => {
  const blocks = ['One two three.', 'Four, five!', '', 'Six 7 eight-nine'].map((text) => ({ kind: 'paragraph' as const, text }));

  it('counts letters-and-digits words per block and from a block to the end', () => {
    const counts = new WordCounts(blocks);
    expect(blocks.map((_, i) => counts.in(i))).toEqual([3, 2, 0, 4]);
    expect([0, 1, 2, 3, 4].map((i) => counts.from(i))).toEqual([9, 6, 4, 4, 0]);
    expect(counts.from(-3)).toBe(9);
    expect(counts.from(99)).toBe(0);
    expect(counts.in(99)).toBe(0);
  });

  it('agrees with counting each block on its own', () => {
    const counts = new WordCounts(blocks);
    for (let i = 0; i <= blocks.length; i++) expect(counts.from(i)).toBe(blocks.slice(i).reduce((sum, block) => sum + countWords(block.text), 0));
  });
});
