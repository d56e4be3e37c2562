import { describe, expect, it } from 'vitest';
import { splitSentences, splitWords } from '../../shared/segment';

describe('splitSentences', () => {
  it('returns trimmed spans that point into the original text', () => {
    const text = '  First sentence here.   Second one?  Third!  ';
    const spans = splitSentences(text, 'en');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First sentence here.', 'Second one?', 'Third!']);
  });

  it('does not end a sentence after a common abbreviation', () => {
    const text = 'Dr. Smith met Mr. Jones at noon. They talked.';
    expect(splitSentences(text, 'en').map((s) => text.slice(s.start, s.end))).toEqual(['Dr. Smith met Mr. Jones at noon.', 'They talked.']);
  });

  it('keeps a paragraph without final punctuation as one sentence', () => {
    const text = 'A waiting list that has grown every year since 2019';
    expect(splitSentences(text)).toEqual([{ start: 0, end: text.length }]);
  });

  it('survives an invalid language tag from a page', () => {
    expect(splitSentences('One. Two.', 'not a tag!!')).toHaveLength(2);
  });

  it('splits Japanese sentences on the ideographic full stop', () => {
    expect(splitSentences('今日は晴れです。明日は雨です。', 'ja')).toHaveLength(2);
  });
});

describe('splitWords', () => {
  it('returns word-like spans only, offset by the start', () => {
    const text = 'Hi, "quoted" words — 42 times.';
    expect(splitWords(text).map((w) => text.slice(w.start, w.end))).toEqual(['Hi', 'quoted', 'words', '42', 'times']);
    const inner = splitWords(text, null, 4, 12);
    expect(inner).toEqual([{ start: 5, end: 11 }]);
  });
});
