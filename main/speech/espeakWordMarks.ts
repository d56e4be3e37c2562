/**
 * espeak-ng's word events as word marks on our words. The library reports a WORD event for each word
 * it says, at the time (ms) it starts in the audio, with a 1-based position in Unicode code points of
 * the text it was given. A number or symbol it expands says several words ("2024" gives four events,
 * "$14,499" gives one for "$" then several inside the digits), and punctuation it skips gives none.
 * So the events are grouped onto the text's own words (shared/segment.ts, the same words the
 * estimate and the highlight use): a word starts at the first event inside it, or at an event for a
 * symbol written onto its front (the "$" of "$14"); a word no event falls in (rare) is placed between
 * its neighbours by letters.
 */
import { splitWords } from '../../shared/segment.js';
import type { WordMark } from './SpeechEngine.js';

/** One espeakEVENT_WORD as the library reports it. */
export interface EspeakWordEvent {
  /** 1-based, in code points of the text given to espeak_Synth. */
  textPosition: number;
  /** Code points. */
  length: number;
  /** From the start of the synthesized audio. */
  audioMs: number;
}

/** UTF-16 offsets of every code point boundary: `at[n]` is where code point n (0-based) starts. */
function codePointOffsets(text: string): number[] {
  const at: number[] = [];
  let offset = 0;
  for (const char of text) {
    at.push(offset);
    offset += char.length;
  }
  at.push(offset);
  return at;
}

export function wordMarksFromEvents(text: string, events: readonly EspeakWordEvent[], lang: string | null): WordMark[] {
  const words = splitWords(text, lang);
  if (words.length === 0 || events.length === 0) return [];
  const offsets = codePointOffsets(text);
  const utf16 = (codePoint: number) => offsets[Math.min(offsets.length - 1, Math.max(0, codePoint))]!;
  const starts: Array<number | null> = words.map(() => null);
  for (const event of events) {
    const at = utf16(event.textPosition - 1);
    const index = words.findIndex((word) => at < word.end);
    if (index < 0) continue;
    // Outside a word, an event counts for the word it is attached to in front ("$" in "$14"); one
    // attached behind ("%" in "12%", said after the number) or standing alone ("&") starts no word.
    if (at < words[index]!.start && /\s/u.test(text.slice(at, words[index]!.start))) continue;
    starts[index] = Math.min(starts[index] ?? Infinity, event.audioMs);
  }
  const known = starts.flatMap((ms, i) => (ms === null ? [] : [i]));
  if (known.length === 0) return [];
  const letters = (i: number) => words[i]!.end - words[i]!.start;
  const filled = starts.map((ms, i) => {
    if (ms !== null) return ms;
    const before = known.filter((k) => k < i).at(-1);
    const after = known.find((k) => k > i);
    if (before === undefined) return starts[after!]!;
    if (after === undefined) return starts[before]!;
    // Between the known neighbours, in proportion to the letters said since the one before.
    let total = 0;
    let upTo = 0;
    for (let k = before; k < after; k++) {
      total += letters(k);
      if (k < i) upTo += letters(k);
    }
    return starts[before]! + ((starts[after]! - starts[before]!) * upTo) / total;
  });
  let latest = 0;
  return words.map((word, i) => {
    latest = Math.max(latest, filled[i]!);
    return { charStart: word.start, charEnd: word.end, startMs: latest };
  });
}
