/**
 * What the engine is given for a block, from the user's reading rules (settings) and pronunciation
 * list: the one place main turns displayed text into spoken text, for playback, export and the CLI alike.
 */
import type { CompiledPronunciations } from '../../shared/pronunciations.js';
import { RULES_OFF, type ReadingRules } from '../../shared/readingRules.js';
import { makeSpokenText, type SpokenText } from '../../shared/spokenText.js';

export interface SpokenTextSources {
  rules: () => Promise<ReadingRules>;
  pronunciations: () => Promise<CompiledPronunciations | null>;
}

/** A function from a block's text to its spoken text; `asWritten` turns every rule off (to hear what a rule skipped). */
export function spokenTextMaker(sources: SpokenTextSources) {
  return async (text: string, lang: string | null, asWritten = false): Promise<SpokenText> => {
    if (asWritten) return makeSpokenText(text, { rules: RULES_OFF, lang });
    const [rules, pronunciations] = await Promise.all([sources.rules(), sources.pronunciations()]);
    return makeSpokenText(text, { rules, pronunciations, lang });
  };
}
