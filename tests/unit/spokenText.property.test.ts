/**
 * Property tests of the spoken-text map: for any rule set, any list and any text, the highlight that
 * audio timed on the spoken text produces stays on the displayed text, in order, inside its sentence
 * and block, and covers every displayed word that is spoken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompiledPronunciations, type Pronunciation } from '../../shared/pronunciations';
import { ADDRESS_READINGS, type ReadingRules } from '../../shared/readingRules';
import { splitWords } from '../../shared/segment';
import { makeSpokenText } from '../../shared/spokenText';
import { timelineToDisplayed } from '../../shared/spokenTimeline';
import { estimateWordTimings, type Timeline } from '../../shared/timeline';

const tokens = fc.constantFrom(
  'SQL', 'sql', 'NASA', 'word', 'Straße', 'café', 'naïve', '東京', '42', '3.5', 'e.g.', 'New', 'York', 'C++', 'x',
  '[12]', '[a]', '[3–5]', '[citation needed]', '[sic]', '¹', '²', '(', ')', '[', ']', '(aside)', '(nested (inner))',
  'https://www.example.com/a_(b)?q=1', 'www.test.org', 'http://x', 'jane.doe@example.org', 'a@b', '.', ',', '!', '?', ';', '—', '"', '’s',
);
const separators = fc.constantFrom(' ', ' ', ' ', '', '. ', ', ');
const texts = fc.array(fc.tuple(tokens, separators), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([t, s]) => t + s).join('').trim()).filter((t) => t.length > 0);
const rules: fc.Arbitrary<ReadingRules> = fc.record({
  skipCitations: fc.boolean(),
  urls: fc.constantFrom(...ADDRESS_READINGS),
  emails: fc.constantFrom(...ADDRESS_READINGS),
  skipParentheses: fc.boolean(),
  skipBrackets: fc.boolean(),
  usePronunciations: fc.boolean(),
});
const entryArb: fc.Arbitrary<Pronunciation> = fc.record({
  match: fc.constantFrom('SQL', 'NASA', 'New York', 'e.g.', 'C++', 'word', 'x', '\\d+', '[A-Z]{2,}', 'York|café'),
  say: fc.constantFrom('sequel', '', 'for example', 'c plus plus', 'a much longer replacement of many words', '—', 'nasa'),
  wholeWord: fc.boolean(),
  caseSensitive: fc.boolean(),
  regex: fc.boolean(),
  lang: fc.constantFrom(null, 'en', 'de'),
}).filter((entry) => {
  try {
    new RegExp(entry.regex ? entry.match : 'x', 'u');
    return true;
  } catch {
    return false;
  }
});

/** A spoken timeline as synthesis builds one: each spoken sentence given some time, its words estimated. */
function spokenTimeline(spoken: ReturnType<typeof makeSpokenText>, lang: string): Timeline {
  let cursor = 0;
  const sentences = spoken.sentences.map(({ spoken: span }) => {
    const duration = (span.end - span.start) * 60;
    const sentence = { charStart: span.start, charEnd: span.end, startMs: cursor, endMs: cursor + duration, words: estimateWordTimings(spoken.text, span, cursor, cursor + duration, lang) };
    cursor += duration + 250;
    return sentence;
  });
  return { durationMs: cursor, sentences };
}

describe('spoken text, for any rules, list and text', () => {
  it('keeps the pieces in order, covering both texts exactly', () => {
    fc.assert(
      fc.property(texts, rules, fc.array(entryArb, { maxLength: 6 }), fc.constantFrom('en', 'de', null), (text, ruleSet, entries, lang) => {
        const spoken = makeSpokenText(text, { rules: ruleSet, pronunciations: new CompiledPronunciations(entries), lang });
        let display = 0;
        let said = 0;
        for (const piece of spoken.pieces) {
          expect(piece.displayStart).toBe(display);
          expect(piece.spokenStart).toBe(said);
          expect(piece.displayEnd).toBeGreaterThan(piece.displayStart);
          if (piece.same) expect(spoken.text.slice(piece.spokenStart, piece.spokenEnd)).toBe(text.slice(piece.displayStart, piece.displayEnd));
          display = piece.displayEnd;
          said = piece.spokenEnd;
        }
        expect(display).toBe(text.length);
        expect(said).toBe(spoken.text.length);
        // Spoken sentences are in order and do not overlap.
        for (let i = 1; i < spoken.sentences.length; i++) expect(spoken.sentences[i]!.spoken.start).toBeGreaterThanOrEqual(spoken.sentences[i - 1]!.spoken.end);
      }),
      { numRuns: 400 },
    );
  });

  it('puts every highlight on displayed text, in order, inside its sentence and block, and covers every spoken displayed word', () => {
    fc.assert(
      fc.property(texts, rules, fc.array(entryArb, { maxLength: 6 }), fc.constantFrom('en', 'de'), (text, ruleSet, entries, lang) => {
        const spoken = makeSpokenText(text, { rules: ruleSet, pronunciations: new CompiledPronunciations(entries), lang });
        const displayed = timelineToDisplayed(spokenTimeline(spoken, lang), spoken);
        expect(displayed.sentences).toHaveLength(spoken.sentences.length);
        const highlights: Array<{ start: number; end: number }> = [];
        let lastEnd = 0;
        let lastMs = 0;
        displayed.sentences.forEach((sentence, i) => {
          expect([sentence.charStart, sentence.charEnd]).toEqual([spoken.sentences[i]!.displayed.start, spoken.sentences[i]!.displayed.end]);
          for (const word of sentence.words) {
            expect(word.charStart).toBeGreaterThanOrEqual(sentence.charStart);
            expect(word.charEnd).toBeLessThanOrEqual(sentence.charEnd);
            expect(word.charEnd).toBeGreaterThan(word.charStart);
            expect(word.charStart).toBeGreaterThanOrEqual(lastEnd);
            expect(word.startMs).toBeGreaterThanOrEqual(lastMs);
            lastEnd = word.charEnd;
            lastMs = word.endMs;
            highlights.push({ start: word.charStart, end: word.charEnd });
          }
        });
        // Every displayed word that is spoken (not inside a stretch skipped or replaced by no words) is highlighted at some time.
        const silent = spoken.pieces.filter((piece) => !piece.same && !/[\p{L}\p{N}]/u.test(spoken.text.slice(piece.spokenStart, piece.spokenEnd)));
        for (const word of splitWords(text, lang)) {
          if (!/[\p{L}\p{N}]/u.test(text.slice(word.start, word.end))) continue;
          // A letter or digit of it is spoken (outside every silent stretch); its punctuation alone is not a word.
          const spokenChars = [...Array(word.end - word.start).keys()].some(
            (k) => /[\p{L}\p{N}]/u.test(text[word.start + k]!) && !silent.some((piece) => word.start + k >= piece.displayStart && word.start + k < piece.displayEnd),
          );
          if (!spokenChars) continue;
          expect(highlights.some((h) => h.start < word.end && h.end > word.start), `"${text.slice(word.start, word.end)}" in "${text}" -> "${spoken.text}"`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
