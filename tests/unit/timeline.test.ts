import { describe, expect, it } from 'vitest';
import { estimateWordTimings, locateInTimeline, type Timeline } from '../../shared/timeline';

describe('estimateWordTimings', () => {
  const text = 'Short words, then a considerably longer word.';
  const words = estimateWordTimings(text, { start: 0, end: text.length }, 1000, 4000);

  it('covers the sentence exactly, in order, without overlaps', () => {
    expect(words).toHaveLength(7);
    expect(words[0]!.startMs).toBe(1000);
    expect(words.at(-1)!.endMs).toBeCloseTo(4000, 6);
    for (let i = 1; i < words.length; i++) expect(words[i]!.startMs).toBeCloseTo(words[i - 1]!.endMs, 6);
  });

  it('gives longer words more time than shorter ones', () => {
    const byText = (w: string) => words.find((t) => text.slice(t.charStart, t.charEnd) === w)!;
    expect(byText('considerably').endMs - byText('considerably').startMs).toBeGreaterThan(byText('a').endMs - byText('a').startMs);
  });

  it('returns nothing for a sentence without words', () => {
    expect(estimateWordTimings('— …', { start: 0, end: 3 }, 0, 100)).toEqual([]);
  });
});

describe('locateInTimeline', () => {
  const timeline: Timeline = {
    durationMs: 2500,
    sentences: [
      { charStart: 0, charEnd: 5, startMs: 0, endMs: 1000, words: [{ charStart: 0, charEnd: 5, startMs: 0, endMs: 1000 }] },
      {
        charStart: 6,
        charEnd: 15,
        startMs: 1250,
        endMs: 2500,
        words: [
          { charStart: 6, charEnd: 9, startMs: 1250, endMs: 1800 },
          { charStart: 10, charEnd: 15, startMs: 1800, endMs: 2500 },
        ],
      },
    ],
  };

  it.each([
    [0, 0, 0],
    [999, 0, 0],
    [1100, 0, -1], // the pause after sentence 0 keeps it highlighted, with no word
    [1250, 1, 0],
    [1900, 1, 1],
    [9999, 1, -1],
  ])('at %i ms: sentence %i, word %i', (ms, sentenceIndex, wordIndex) => {
    expect(locateInTimeline(timeline, ms)).toEqual({ sentenceIndex, wordIndex });
  });

  it('handles an empty timeline', () => {
    expect(locateInTimeline({ durationMs: 0, sentences: [] }, 10)).toEqual({ sentenceIndex: -1, wordIndex: -1 });
  });
});
