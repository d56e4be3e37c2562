import { describe, expect, it } from 'vitest';
import { CompiledPronunciations, type Pronunciation } from '../../shared/pronunciations';
import { DEFAULT_READING_RULES, RULES_OFF, type ReadingRules } from '../../shared/readingRules';
import { changedStretches, makeSpokenText, toDisplayed, toSpokenEnd, toSpokenStart } from '../../shared/spokenText';

const entry = (match: string, say: string, more: Partial<Pronunciation> = {}): Pronunciation => ({ match, say, wholeWord: true, caseSensitive: false, regex: false, lang: null, ...more });
const spoken = (text: string, rules: Partial<ReadingRules> = {}, entries: Pronunciation[] = [], lang: string | null = 'en') =>
  makeSpokenText(text, { rules: { ...DEFAULT_READING_RULES, ...rules }, pronunciations: new CompiledPronunciations(entries), lang });

describe('citation markers', () => {
  it('skips numbered, ranged, lettered and named markers with the space before them', () => {
    expect(spoken('Water boils at 100 degrees.[1][2] It is hot [3–5] and wet [a], says he [citation needed].').text).toBe('Water boils at 100 degrees. It is hot and wet, says he.');
  });
  it('skips superscript digits after a word but not a bracketed word', () => {
    expect(spoken('As shown¹² before [sic].').text).toBe('As shown before [sic].');
  });
  it('reads them when the rule is off', () => {
    expect(spoken('Boils.[1]', { skipCitations: false }).text).toBe('Boils.[1]');
  });
});

describe('web and e-mail addresses', () => {
  const text = 'See https://www.example.com/a/b?c=1, or write to jane@example.org.';
  it('are read by their site by default, without the sentence punctuation after them', () => {
    expect(spoken(text).text).toBe('See link to example.com, or write to e-mail address at example.org.');
  });
  it('are read in full or skipped when asked', () => {
    expect(spoken(text, { urls: 'full', emails: 'full' }).text).toBe(text);
    expect(spoken(text, { urls: 'skip', emails: 'skip' }).text).toBe('See , or write to .');
  });
  it('keeps an address with parentheses whole (a Wikipedia link)', () => {
    expect(spoken('Read https://en.wikipedia.org/wiki/Mercury_(planet) now.', { skipParentheses: true }).text).toBe('Read link to en.wikipedia.org now.');
  });
  it('takes "www." addresses without a scheme', () => {
    expect(spoken('Go to www.example.net today.').text).toBe('Go to link to example.net today.');
  });
  it('takes an address written without its scheme when a path follows its host', () => {
    expect(spoken('Install it from github.com/ashvardanian/StringZilla. Seven more.').text).toBe('Install it from link to github.com. Seven more.');
    expect(spoken('Order at seattleseed.com/products/belt?size=2, today.').text).toBe('Order at link to seattleseed.com, today.');
    expect(spoken('Read bbc.co.uk/news/world-1 first.').text).toBe('Read link to bbc.co.uk first.');
  });
  it('leaves alone what only looks like a host: file names, versions, a bare site name', () => {
    for (const text of ['Node.js/Deno and e.g./i.e. in v1.2/beta.', 'It runs on example.com as well.', 'See README.md/docs and a/b.']) expect(spoken(text).text).toBe(text);
  });
});

describe('asides', () => {
  it('reads parentheses and brackets by default', () => {
    expect(spoken('It works (mostly) well [sic].').text).toBe('It works (mostly) well [sic].');
  });
  it('skips them, nested ones whole, when asked', () => {
    expect(spoken('It works (mostly (see below)) well [sic].', { skipParentheses: true, skipBrackets: true }).text).toBe('It works well.');
  });
  it('leaves an unbalanced parenthesis alone', () => {
    expect(spoken('Step 1) open it.', { skipParentheses: true }).text).toBe('Step 1) open it.');
  });
  it('gives a sentence skipped whole an empty stretch, keeping sentences one to one', () => {
    const result = spoken('First one. (An aside entirely.) Last one.', { skipParentheses: true });
    expect(result.sentences).toHaveLength(3);
    const [, aside] = result.sentences;
    expect(result.text.slice(aside!.spoken.start, aside!.spoken.end)).toBe('');
  });
});

describe('pronunciations', () => {
  it('replaces whole words, case-insensitively unless asked', () => {
    expect(spoken('SQL, sql and PostgreSQL.', {}, [entry('SQL', 'sequel')]).text).toBe('sequel, sequel and PostgreSQL.');
    expect(spoken('SQL, sql and PostgreSQL.', {}, [entry('SQL', 'sequel', { caseSensitive: true })]).text).toBe('sequel, sql and PostgreSQL.');
  });
  it('replaces anywhere when not whole-word', () => {
    expect(spoken('PostgreSQL is here.', {}, [entry('SQL', 'sequel', { wholeWord: false })]).text).toBe('Postgresequel is here.');
  });
  it('matches several words and punctuation', () => {
    expect(spoken('I live in New York, e.g. Queens.', {}, [entry('New York', 'the big apple'), entry('e.g.', 'for example', { wholeWord: false })]).text).toBe('I live in the big apple, for example Queens.');
  });
  it('takes regular expressions with groups', () => {
    expect(spoken('Call 555-1234 now.', {}, [entry('(\\d{3})-(\\d{4})', '$1 $2', { regex: true })]).text).toBe('Call 555 1234 now.');
  });
  it('applies an entry for one language only to articles in it', () => {
    const list = [entry('Chat', 'shah', { lang: 'fr' })];
    expect(spoken('Chat noir.', {}, list, 'fr-FR').text).toBe('shah noir.');
    expect(spoken('Chat now.', {}, list, 'en').text).toBe('Chat now.');
  });
  it('lets the earlier entry win on the same text, and never rewrites part of an address', () => {
    expect(spoken('SQL here.', {}, [entry('SQL', 'sequel'), entry('SQL', 'ess queue ell')]).text).toBe('sequel here.');
    expect(spoken('At https://sql.example.com/SQL today.', { urls: 'full' }, [entry('SQL', 'sequel')]).text).toBe('At https://sql.example.com/SQL today.');
  });
  it('is off with the switch', () => {
    expect(spoken('SQL.', { usePronunciations: false }, [entry('SQL', 'sequel')]).text).toBe('SQL.');
  });
});

describe('the map between displayed and spoken text', () => {
  const text = 'We use SQL daily.[1] See https://example.com/x.';
  const result = spoken(text, {}, [entry('SQL', 'sequel')]);
  it('maps each replacement back to the whole of what it replaced', () => {
    const sequel = result.text.indexOf('sequel');
    expect(toDisplayed(result, sequel + 2, sequel + 4)).toEqual({ start: text.indexOf('SQL'), end: text.indexOf('SQL') + 3 });
    const link = result.text.indexOf('link to example.com');
    const url = 'https://example.com/x';
    expect(toDisplayed(result, link, link + 4)).toEqual({ start: text.indexOf(url), end: text.indexOf(url) + url.length });
  });
  it('maps unchanged text to itself and skipped text to nothing', () => {
    expect(toDisplayed(result, 0, 2)).toEqual({ start: 0, end: 2 });
    expect(result.text).toBe('We use sequel daily. See link to example.com.');
    expect(toSpokenStart(result, text.indexOf('daily'))).toBe(result.text.indexOf('daily'));
    expect(toSpokenEnd(result, text.indexOf('[1]') + 3)).toBe(result.text.indexOf('daily.') + 6);
  });
  it('lists what was changed, for the reader', () => {
    expect(changedStretches(result).map((c) => [text.slice(c.start, c.end), c.rule, c.say])).toEqual([
      ['SQL', 'pronunciation', 'sequel'],
      ['[1]', 'citation', ''],
      ['https://example.com/x', 'url', 'link to example.com'],
    ]);
  });
  it('is the identity with every rule off', () => {
    const off = makeSpokenText(text, { rules: RULES_OFF, pronunciations: new CompiledPronunciations([entry('SQL', 'sequel')]) });
    expect(off.text).toBe(text);
    expect(off.pieces).toHaveLength(1);
  });
});
