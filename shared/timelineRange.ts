/**
 * Where a character of a block falls in its Timeline: the media time to start from so that reading
 * begins with the word containing it, and the time to stop at so that reading ends after the word
 * containing it. Used to read a selection (a character range) with the same audio and highlighting.
 */
import type { Timeline, WordTiming } from './timeline.js';

function words(timeline: Timeline): WordTiming[] {
  return timeline.sentences.flatMap((sentence) => sentence.words);
}

/** The start of the word containing `char`, or of the first word after it (a selection starting in a space). */
export function startMsAtChar(timeline: Timeline, char: number): number {
  for (const sentence of timeline.sentences) {
    if (char >= sentence.charEnd) continue;
    const word = sentence.words.find((w) => char < w.charEnd);
    return word ? word.startMs : sentence.startMs;
  }
  return timeline.durationMs;
}

/** The end of the word containing the character before `char` (a selection's end is exclusive), or of the last word before it. */
export function endMsAtChar(timeline: Timeline, char: number): number {
  const all = words(timeline);
  let end = 0;
  for (const word of all) {
    if (word.charStart >= char) break;
    end = word.endMs;
  }
  if (all.length === 0) {
    // No word times: stop at the end of the sentence holding the character.
    const sentence = timeline.sentences.find((s) => char <= s.charEnd);
    return sentence ? sentence.endMs : timeline.durationMs;
  }
  return end;
}

/** The index of the sentence containing `char` (the last one when past the end). */
export function sentenceAtChar(timeline: Timeline, char: number): number {
  const index = timeline.sentences.findIndex((sentence) => char < sentence.charEnd);
  return index === -1 ? Math.max(0, timeline.sentences.length - 1) : index;
}
