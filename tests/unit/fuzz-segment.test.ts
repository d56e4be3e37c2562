/**
 * Property-based tests of sentence/word segmentation and of the timeline built on it: whatever text an
 * article brings (RTL, emoji, combining marks, lone surrogates, abbreviations, odd language tags), the
 * spans point into the text, are ordered and never overlap, and the timeline stays inside its sentence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences, splitWords, type TextSpan } from '../../shared/segment';
import { estimateWordTimings, locateInTimeline, type SentenceTiming, type Timeline } from '../../shared/timeline';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 2000;

const WORDS = ['The', 'quick', 'brown', 'fox', 'Dr', 'Mr', 'etc', 'No', 'e.g', 'i.e', 'vs', 'St', 'U.S.A', '3.14', '1,000', '2026', 'naïve', 'don’t', "it's", 'co-op', 'Москва', '東京', 'こんにちは', '서울', 'ประเทศไทย'];
const SPECIAL = [
  ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\u3000', '\u200b', '\ufeff', '.', '. ', '?', '! ', '?!', '…', '。', '！', '؟', '।',
  'Mr. ', 'e.g. ', 'i.e. ', 'U.S. ', '"', '“', '”', '«', '»', '(', ')', ',', ';', ':', '—', '-', "'", '`', '$(', '\\',
  '\u202e', '\u202d', '\u200f', '\u200e', 'مرحبا بالعالم', 'שלום עולם', '👍🏽', '👨‍👩‍👧', '🇫🇷', 'e\u0301', '\u0301', '\u0301\u0301\u0301',
  '\ud800', '\udfff', '\ud83d', '\ude00', 'ﷺ', 'ǅ', '٣', '𝟘', '𐍈', '\u0000', '\u0007', '\u001b[31m',
];

/** One piece of article text: a word, a special character sequence, or random graphemes / code points. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
);
const articleText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
const lang = fc.constantFrom(null, 'en', 'en-US', 'de', 'ja', 'zh', 'ar', 'he', 'th', 'ru', 'not a tag!!', 'x-', '', 'en-US-u-ca-buddhist', 'EN_us');

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

function expectOrderedSpansInside(spans: TextSpan[], from: number, to: number): void {
  let previousEnd = from;
  for (const span of spans) {
    expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
    expect(span.start).toBeGreaterThanOrEqual(previousEnd); // ordered, no overlap
    expect(span.end).toBeGreaterThan(span.start); // never empty
    expect(span.end).toBeLessThanOrEqual(to);
    previousEnd = span.end;
  }
}

describe('splitSentences (property)', () => {
  it(`spans are inside the text, ordered, non-overlapping, trimmed, non-empty, and cover every letter and digit (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(articleText, lang, (text, tag) => {
        const spans = splitSentences(text, tag);
        expectOrderedSpansInside(spans, 0, text.length);
        for (const { start, end } of spans) {
          expect(/\s/u.test(text[start]!), `leading space in ${JSON.stringify(text.slice(start, end))}`).toBe(false);
          expect(/\s/u.test(text[end - 1]!), `trailing space in ${JSON.stringify(text.slice(start, end))}`).toBe(false);
        }
        // Every letter or digit is inside some sentence (so it is spoken and highlighted).
        for (const match of text.matchAll(LETTER_OR_DIGIT)) {
          const at = match.index;
          const inside = spans.some((span) => span.start <= at && at + match[0].length <= span.end);
          expect(inside, `character ${JSON.stringify(match[0])} at ${at} of ${JSON.stringify(text)} is in no sentence`).toBe(true);
        }
        if (LETTER_OR_DIGIT.test(text)) expect(spans.length).toBeGreaterThan(0);
        LETTER_OR_DIGIT.lastIndex = 0;
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same text and language give the same spans (the renderer and main must agree)', () => {
    fc.assert(
      fc.property(articleText, lang, (text, tag) => {
        expect(splitSentences(text, tag)).toEqual(splitSentences(text, tag));
      }),
      { numRuns: RUNS / 4 },
    );
  });
});

describe('splitWords (property)', () => {
  const textWithRange = articleText.chain((text) =>
    fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })).map(([t, a, b]) => ({ text: t, start: Math.min(a, b), end: Math.max(a, b) })),
  );

  it(`words are inside [start, end), ordered, non-overlapping and non-empty (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(textWithRange, lang, ({ text, start, end }, tag) => {
        const words = splitWords(text, tag, start, end);
        expectOrderedSpansInside(words, start, end);
        for (const word of words) expect(word.start).toBeGreaterThanOrEqual(start);
        // Whole-text words equal the words of a range covering everything.
        if (start === 0 && end === text.length) expect(words).toEqual(splitWords(text, tag));
      }),
      { numRuns: RUNS },
    );
  });

  it('the words of each sentence lie inside that sentence', () => {
    fc.assert(
      fc.property(articleText, lang, (text, tag) => {
        for (const sentence of splitSentences(text, tag)) {
          expectOrderedSpansInside(splitWords(text, tag, sentence.start, sentence.end), sentence.start, sentence.end);
        }
      }),
      { numRuns: RUNS / 2 },
    );
  });
});

/** A timeline as synthesizeBlock builds it: sentences one after another with pauses, word times estimated. */
function buildTimeline(text: string, tag: string | null, durations: number[], pauses: number[]): Timeline {
  let cursor = 0;
  const sentences: SentenceTiming[] = splitSentences(text, tag).map((span, i) => {
    const startMs = cursor + (pauses[i % Math.max(1, pauses.length)] ?? 0);
    const endMs = startMs + (durations[i % Math.max(1, durations.length)] ?? 0);
    cursor = endMs;
    return { charStart: span.start, charEnd: span.end, startMs, endMs, words: estimateWordTimings(text, span, startMs, endMs, tag) };
  });
  return { durationMs: cursor, sentences };
}

const duration = fc.double({ min: 0, max: 60_000, noNaN: true });

describe('estimateWordTimings (property)', () => {
  // Pauses as fractions of the sentence (any order, overlapping, outside it): whatever the audio held.
  const pauseFractions = fc.array(fc.tuple(fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.double({ min: -0.1, max: 0.5, noNaN: true })), { maxLength: 8 });

  it(`word times are monotonic, contiguous and within the sentence, with or without pauses found in the audio (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(articleText, lang, fc.double({ min: 0, max: 1e7, noNaN: true }), duration, pauseFractions, (text, tag, startMs, length, fractions) => {
        const endMs = startMs + length;
        const pauses = fractions.map(([at, size]) => ({ startMs: startMs + at * length, endMs: startMs + (at + size) * length }));
        for (const sentence of splitSentences(text, tag)) {
          const words = estimateWordTimings(text, sentence, startMs, endMs, tag, pauses);
          expect(words.map((w) => [w.charStart, w.charEnd])).toEqual(splitWords(text, tag, sentence.start, sentence.end).map((w) => [w.start, w.end]));
          let previous = startMs;
          for (const word of words) {
            expect(Number.isFinite(word.startMs) && Number.isFinite(word.endMs)).toBe(true);
            expect(word.startMs).toBe(previous); // contiguous: no gap, no overlap
            expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
            expect(word.startMs).toBeGreaterThanOrEqual(startMs);
            expect(word.endMs).toBeLessThanOrEqual(endMs);
            previous = word.endMs;
          }
          if (words.length > 0) expect(words.at(-1)!.endMs).toBeCloseTo(endMs, 3);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('locateInTimeline (property)', () => {
  it(`returns a valid sentence and word index (or -1), and the one that is being spoken (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(
        articleText,
        lang,
        fc.array(duration, { minLength: 1, maxLength: 5 }),
        fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.oneof(fc.double({ min: -1000, max: 400_000, noNaN: true }), fc.constantFrom(0, -0, Infinity, -Infinity)), { minLength: 1, maxLength: 20 }),
        (text, tag, durations, pauses, times) => {
          const timeline = buildTimeline(text, tag, durations, pauses);
          // The exact boundaries are the interesting times.
          const boundaries = timeline.sentences.flatMap((s) => [s.startMs, s.endMs, ...s.words.flatMap((w) => [w.startMs, w.endMs])]);
          for (const ms of [...times, ...boundaries]) {
            const { sentenceIndex, wordIndex } = locateInTimeline(timeline, ms);
            if (timeline.sentences.length === 0) {
              expect({ sentenceIndex, wordIndex }).toEqual({ sentenceIndex: -1, wordIndex: -1 });
              continue;
            }
            expect(Number.isInteger(sentenceIndex) && sentenceIndex >= 0 && sentenceIndex < timeline.sentences.length).toBe(true);
            const sentence = timeline.sentences[sentenceIndex]!;
            expect(Number.isInteger(wordIndex) && wordIndex >= -1 && wordIndex < sentence.words.length).toBe(true);
            // A sentence being spoken is the one located.
            const speaking = timeline.sentences.findIndex((s) => s.startMs <= ms && ms < s.endMs);
            if (speaking !== -1) expect(sentenceIndex).toBe(speaking);
            else if (ms >= timeline.sentences[0]!.startMs) expect(sentence.startMs).toBeLessThanOrEqual(ms); // a pause: the sentence just finished
            if (wordIndex >= 0) {
              const word = sentence.words[wordIndex]!;
              expect(word.startMs <= ms && ms < word.endMs).toBe(true);
            } else if (speaking !== -1) {
              expect(sentence.words.some((w) => w.startMs <= ms && ms < w.endMs)).toBe(false);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never returns an index out of range, even for malformed timelines (unsorted, overlapping, NaN times)', () => {
    const time = fc.oneof(fc.double(), fc.constant(Number.NaN));
    const word = fc.record({ charStart: fc.nat(), charEnd: fc.nat(), startMs: time, endMs: time });
    const sentence = fc.record({ charStart: fc.nat(), charEnd: fc.nat(), startMs: time, endMs: time, words: fc.array(word, { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 8 }), fc.oneof(fc.double(), fc.constant(Number.NaN)), (sentences, ms) => {
        const { sentenceIndex, wordIndex } = locateInTimeline({ durationMs: 0, sentences }, ms);
        if (sentences.length === 0) expect(sentenceIndex).toBe(-1);
        else expect(sentenceIndex >= 0 && sentenceIndex < sentences.length).toBe(true);
        expect(wordIndex >= -1 && wordIndex < (sentences[sentenceIndex]?.words.length ?? 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
