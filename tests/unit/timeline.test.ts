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

describe('estimateWordTimings with the pauses found in the audio', () => {
  const text = 'First we listen, then we read the whole of it again.';
  const span = { start: 0, end: text.length };
  const at = (words: ReturnType<typeof estimateWordTimings>, word: string) => words.find((w) => text.slice(w.charStart, w.charEnd) === word)!;

  it('pins the words around a comma to the pause: the word before ends as it ends, the word after starts then', () => {
    const words = estimateWordTimings(text, span, 0, 4000, 'en', [{ startMs: 1500, endMs: 1700 }]);
    expect(at(words, 'listen').endMs).toBe(1700);
    expect(at(words, 'then').startMs).toBe(1700);
    expect(words.at(-1)!.endMs).toBe(4000);
    // Without the pause the estimate puts the comma elsewhere.
    expect(at(estimateWordTimings(text, span, 0, 4000, 'en'), 'listen').endMs).not.toBeCloseTo(1700, -1);
  });

  it('ignores a silence far from any punctuation (a breath the text does not show)', () => {
    const plain = estimateWordTimings(text, span, 0, 4000, 'en');
    expect(estimateWordTimings(text, span, 0, 4000, 'en', [{ startMs: 3800, endMs: 3900 }])).toEqual(plain);
  });

  it('gives numbers the time their spoken words take', () => {
    const numbers = 'It rose 14,499 times in 2024.';
    const words = estimateWordTimings(numbers, { start: 0, end: numbers.length }, 0, 3000, 'en');
    const length = (word: string) => {
      const timing = words.find((w) => numbers.slice(w.charStart, w.charEnd) === word)!;
      return timing.endMs - timing.startMs;
    };
    expect(length('14,499')).toBeGreaterThan(3 * length('times'));
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
