import { describe, expect, it } from 'vitest';
import { generatePronunciations, lostHighlights } from '../../main/bench/spokenText';
import { checkPatternSafety } from '../../main/pronunciations/regexSafety';
import { CompiledPronunciations, entryProblem } from '../../shared/pronunciations';
import { DEFAULT_READING_RULES, RULES_OFF } from '../../shared/readingRules';
import { makeSpokenText } from '../../shared/spokenText';

const vocabulary = ['alpha', 'bravo', 'charlie', 'delta', 'echoes', 'foxtrot', 'golfing', 'hotel', 'india', 'juliet', 'kilo', 'lima'];

describe('the spoken-text bench', () => {
  it('generates a 500-entry list of every kind that the app would accept', () => {
    const list = generatePronunciations(vocabulary);
    expect(list).toHaveLength(500);
    expect(new Set(list.map((entry) => `${entry.regex}/${entry.wholeWord}/${entry.caseSensitive}`)).size).toBeGreaterThanOrEqual(4);
    // The bench would otherwise time a list the app refuses: a pattern refused here is one a listener cannot enter.
    expect(list.map((entry) => entryProblem(entry, checkPatternSafety)).filter(Boolean)).toEqual([]);
  });

  it('counts every displayed word with a letter, and loses none with the default rules and a list', () => {
    const text = 'Write to ann@example.com or see https://example.com/docs/page[12] about SQL (the language) today.';
    const pronunciations = new CompiledPronunciations([{ match: 'SQL', say: 'sequel', wholeWord: true, caseSensitive: true, regex: false, lang: null }]);
    const off = lostHighlights(makeSpokenText(text, { rules: RULES_OFF, lang: 'en' }), 'en');
    const on = lostHighlights(makeSpokenText(text, { rules: DEFAULT_READING_RULES, pronunciations, lang: 'en' }), 'en');
    expect(off.words).toBeGreaterThanOrEqual(10);
    expect(on.words).toBe(off.words);
    expect(off.lost).toBe(0);
    expect(on.lost).toBe(0);
  });

  it('counts a word as lost when the map leaves it without a highlight', () => {
    const spoken = makeSpokenText('one two three', { rules: RULES_OFF, lang: 'en' });
    // Its one sentence cut to "one": "two" and "three" are spoken text no word time reaches.
    const broken = { ...spoken, sentences: spoken.sentences.map((sentence) => ({ ...sentence, spoken: { start: 0, end: 3 } })) };
    expect(lostHighlights(broken, 'en')).toEqual({ words: 3, lost: 2 });
  });
});
