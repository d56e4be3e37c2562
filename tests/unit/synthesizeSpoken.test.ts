/** Synthesis of spoken text (real espeak-ng): the engine hears the replacements, the timeline points at the displayed words. */
import { describe, expect, it } from 'vitest';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import type { SpeechEngine, SynthesisOptions } from '../../main/speech/SpeechEngine';
import { blockCacheKey } from '../../main/speech/synthesisCache';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import { CompiledPronunciations } from '../../shared/pronunciations';
import { DEFAULT_READING_RULES } from '../../shared/readingRules';
import { makeSpokenText } from '../../shared/spokenText';

const text = 'We keep it in SQL tables. (This aside is skipped.) Details at https://www.example.com/docs/page.html today.';
const list = new CompiledPronunciations([{ match: 'SQL', say: 'sequel', wholeWord: true, caseSensitive: true, regex: false, lang: null }]);
const spoken = makeSpokenText(text, { rules: { ...DEFAULT_READING_RULES, skipParentheses: true }, pronunciations: list, lang: 'en' });

/** The real engine, with what it was given written down. */
function recording(engine: SpeechEngine): { engine: SpeechEngine; heard: string[] } {
  const heard: string[] = [];
  const wrapped = Object.create(engine) as SpeechEngine;
  wrapped.synthesize = (input: string, options: SynthesisOptions) => {
    heard.push(input);
    return engine.synthesize(input, options);
  };
  return { engine: wrapped, heard };
}

describe('synthesizeBlock with the reading rules and pronunciations (real espeak-ng)', () => {
  it('sends the spoken text and highlights the displayed words', async () => {
    const { engine, heard } = recording(new EspeakNgEngine());
    const block = await synthesizeBlock(engine, { text, spoken, lang: 'en', voice: null, rate: 1 });
    expect(heard).toEqual(['We keep it in sequel tables.', 'Details at link to example.com today.']);
    const [first, aside, third] = block.timeline.sentences;
    expect(block.timeline.sentences).toHaveLength(3);
    expect(text.slice(aside!.charStart, aside!.charEnd)).toBe('(This aside is skipped.)');
    expect(aside!.endMs - aside!.startMs).toBe(0);
    expect(aside!.words).toEqual([]);
    const words = (sentence: typeof first) => sentence!.words.map((w) => text.slice(w.charStart, w.charEnd));
    expect(words(first)).toEqual(['We', 'keep', 'it', 'in', 'SQL', 'tables']);
    expect(words(third)).toEqual(['Details', 'at', 'https://www.example.com/docs/page.html', 'today']);
    const url = third!.words[2]!;
    expect(url.endMs - url.startMs).toBeGreaterThan(third!.words[1]!.endMs - third!.words[1]!.startMs); // "link to example.com" takes longer than "at"
  });

  it('gives a different cache key when an entry or a rule changes what is spoken', () => {
    const base = { text, lang: 'en', voice: null, rate: 1 };
    const other = makeSpokenText(text, { rules: DEFAULT_READING_RULES, pronunciations: new CompiledPronunciations([{ match: 'SQL', say: 'ess queue ell', wholeWord: true, caseSensitive: true, regex: false, lang: null }]), lang: 'en' });
    const keys = new Set([blockCacheKey('espeak-ng', base), blockCacheKey('espeak-ng', { ...base, spoken }), blockCacheKey('espeak-ng', { ...base, spoken: other })]);
    expect(keys.size).toBe(3);
  });
});
