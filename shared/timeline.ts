/**
 * A Timeline maps the audio of one block to its text: when each sentence and word is spoken.
 * Times are in milliseconds of media time (unaffected by playbackRate).
 */
import { splitWords, type TextSpan } from './segment.js';

export interface WordTiming {
  charStart: number;
  charEnd: number;
  startMs: number;
  endMs: number;
}

export interface SentenceTiming {
  charStart: number;
  charEnd: number;
  startMs: number;
  endMs: number;
  words: WordTiming[];
}

export interface Timeline {
  durationMs: number;
  sentences: SentenceTiming[];
}

export interface TimelinePosition {
  sentenceIndex: number;
  /** -1 between words (pauses). */
  wordIndex: number;
}

/**
 * Spreads a sentence's duration over its words in proportion to their length, with a little weight
 * for the pause that punctuation after a word brings. Used where the engine reports no word times.
 */
export function estimateWordTimings(
  text: string,
  sentence: TextSpan,
  startMs: number,
  endMs: number,
  lang: string | null = null,
): WordTiming[] {
  const words = splitWords(text, lang, sentence.start, sentence.end);
  if (words.length === 0) return [];
  const weights = words.map((word, i) => {
    const gapAfter = text.slice(word.end, words[i + 1]?.start ?? sentence.end);
    const pause = /[,;:]/u.test(gapAfter) ? 3 : /[.!?]/u.test(gapAfter) ? 2 : 0;
    return word.end - word.start + 1 + pause;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const span = Math.max(0, endMs - startMs);
  // Word ends from cumulative weights, clamped, and the last one exactly the sentence end: summing
  // per-word durations drifts by a rounding error past the sentence's end.
  const last = span === 0 ? startMs : endMs;
  let cursor = startMs;
  let cumulative = 0;
  return words.map((word, i) => {
    cumulative += weights[i] ?? 0;
    const wordEnd = i === words.length - 1 ? last : Math.min(last, startMs + (span * cumulative) / total);
    const timing = { charStart: word.start, charEnd: word.end, startMs: cursor, endMs: wordEnd };
    cursor = wordEnd;
    return timing;
  });
}

function findIndex<T extends { startMs: number; endMs: number }>(items: T[], ms: number): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid]!;
    if (ms < item.startMs) high = mid - 1;
    else if (ms >= item.endMs) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** Which sentence and word are being spoken at `ms`; in a pause, the sentence just finished. */
export function locateInTimeline(timeline: Timeline, ms: number): TimelinePosition {
  const { sentences } = timeline;
  if (sentences.length === 0) return { sentenceIndex: -1, wordIndex: -1 };
  let sentenceIndex = findIndex(sentences, ms);
  if (sentenceIndex === -1) {
    // In a pause between sentences (or past the end): stay on the last sentence that started.
    sentenceIndex = 0;
    for (let i = 0; i < sentences.length; i++) if (sentences[i]!.startMs <= ms) sentenceIndex = i;
    return { sentenceIndex, wordIndex: -1 };
  }
  return { sentenceIndex, wordIndex: findIndex(sentences[sentenceIndex]!.words, ms) };
}
