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

/** A silence inside a sentence's audio (a clause pause the engine made), in the timeline's milliseconds. */
export interface Pause {
  startMs: number;
  endMs: number;
}

/** Characters between two words after which an engine may pause (clause and sentence punctuation). */
const PAUSING = /[,;:.!?()[\]{}\u2014\u2013\u2026"\u201c\u201d\u00ab\u00bb\u3001\u3002\uff0c]/u;

/**
 * How long a word takes to say, relative to others: its letters, with digits counted as the words they
 * are read as ("2024" is "twenty twenty-four") and currency and percent signs as their names.
 */
function spokenWeight(word: string, before: string, after: string): number {
  const digits = word.match(/\p{Nd}/gu)?.length ?? 0;
  const signs = (/[$\u20ac\u00a3\u00a5]\s*$/u.test(before) ? 6 : 0) + (/^\s*%/u.test(after) ? 7 : 0);
  return word.length - digits + digits * 4.5 + 1 + signs;
}

/**
 * Spreads a sentence's duration over its words in proportion to how long each takes to say, with some
 * weight for the pause that punctuation after a word brings. Used where the engine reports no word times.
 *
 * `pauses` are the silences found in the sentence's audio. Each is matched to a punctuation mark between
 * two words (in order, to the nearest by the estimate), and the words on either side of it are pinned
 * there: the word before ends as the pause ends, the word after starts then. Between pins the time is
 * spread as above, so an estimate can only drift within a clause, not across the whole sentence.
 */
export function estimateWordTimings(
  text: string,
  sentence: TextSpan,
  startMs: number,
  endMs: number,
  lang: string | null = null,
  pauses: readonly Pause[] = [],
): WordTiming[] {
  const words = splitWords(text, lang, sentence.start, sentence.end);
  if (words.length === 0) return [];
  const span = Math.max(0, endMs - startMs);
  const last = span === 0 ? startMs : endMs;
  const gapAfter = words.map((word, i) => text.slice(word.end, words[i + 1]?.start ?? sentence.end));
  const ownWeight = words.map((word, i) => spokenWeight(text.slice(word.start, word.end), i === 0 ? text.slice(sentence.start, word.start) : gapAfter[i - 1]!, gapAfter[i]!));
  const pauseWeight = gapAfter.map((gap) => (/[,;:]/u.test(gap) ? 3 : /[.!?]/u.test(gap) ? 2 : 0));

  // Word ends spread over [from, to] by weight; the last one exactly `to` (summing drifts past it).
  const ends = new Array<number>(words.length);
  const spread = (first: number, lastWord: number, from: number, to: number, lastEnd: number) => {
    const weights = [];
    for (let i = first; i <= lastWord; i++) weights.push(ownWeight[i]! + (i < lastWord ? pauseWeight[i]! : 0));
    const total = weights.reduce((a, b) => a + b, 0);
    let cumulative = 0;
    for (let i = first; i <= lastWord; i++) {
      cumulative += weights[i - first]!;
      ends[i] = i === lastWord ? lastEnd : Math.min(to, from + ((to - from) * cumulative) / total);
    }
  };
  spread(0, words.length - 1, startMs, last, last);

  const pins = pinPauses(
    words.map((_, i) => i).filter((i) => i < words.length - 1 && PAUSING.test(gapAfter[i]!)),
    ends,
    pauses
      .filter((pause) => pause.startMs > startMs && pause.endMs < endMs && pause.endMs > pause.startMs)
      .sort((a, b) => a.startMs - b.startMs)
      .filter((pause, i, sorted) => i === 0 || pause.startMs >= sorted[i - 1]!.endMs),
  );
  if (pins.length > 0) {
    let first = 0;
    let from = startMs;
    for (const { word, pause } of pins) {
      spread(first, word, from, pause.startMs, pause.endMs);
      first = word + 1;
      from = pause.endMs;
    }
    spread(first, words.length - 1, from, last, last);
  }

  let cursor = startMs;
  return words.map((word, i) => {
    const wordEnd = Math.max(cursor, ends[i]!);
    const timing = { charStart: word.start, charEnd: word.end, startMs: cursor, endMs: wordEnd };
    cursor = wordEnd;
    return timing;
  });
}

/**
 * Matches pauses to word boundaries with punctuation, in order, so that the estimated times of the
 * matched boundaries are as near as possible to the pauses (dynamic programming over both lists).
 * A pause with no boundary nearer than a few words is left unmatched (a breath the text does not show).
 */
function pinPauses(boundaries: number[], estimatedEnds: number[], pauses: readonly Pause[]): Array<{ word: number; pause: Pause }> {
  if (boundaries.length === 0 || pauses.length === 0) return [];
  const UNMATCHED = 1000;
  const P = pauses.length;
  const B = boundaries.length;
  // cost[p][b]: best cost of placing pauses p.. with boundaries b..
  const cost = Array.from({ length: P + 1 }, () => new Array<number>(B + 1).fill(0));
  const choice = Array.from({ length: P + 1 }, () => new Array<number>(B + 1).fill(0));
  for (let p = P - 1; p >= 0; p--) cost[p]![B] = (P - p) * UNMATCHED;
  for (let p = P - 1; p >= 0; p--) {
    for (let b = B - 1; b >= 0; b--) {
      const middle = (pauses[p]!.startMs + pauses[p]!.endMs) / 2;
      const match = Math.abs(estimatedEnds[boundaries[b]!]! - middle) + cost[p + 1]![b + 1]!;
      const skipBoundary = cost[p]![b + 1]!;
      const skipPause = UNMATCHED + cost[p + 1]![b]!;
      const best = Math.min(match, skipBoundary, skipPause);
      cost[p]![b] = best;
      choice[p]![b] = best === match ? 0 : best === skipBoundary ? 1 : 2;
    }
  }
  const pins: Array<{ word: number; pause: Pause }> = [];
  let p = 0;
  let b = 0;
  while (p < P && b < B) {
    const step = choice[p]![b]!;
    if (step === 0) pins.push({ word: boundaries[b++]!, pause: pauses[p++]! });
    else if (step === 1) b++;
    else p++;
  }
  return pins;
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
