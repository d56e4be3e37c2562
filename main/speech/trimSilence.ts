/**
 * Silence trimming for fast listening: the long silences an engine leaves inside a sentence (at commas,
 * semicolons, brackets) are shortened to a short breath. The configured pauses between sentences and
 * paragraphs are added after this step and are left as the settings say. Every time that refers to the
 * sentence's audio (the engine's word marks, the clause pauses that pin estimated word times) is
 * shifted by what was cut before it, so the Timeline stays true to the audio that plays.
 */
import type { Pause } from '../../shared/timeline.js';
import type { WordMark } from './SpeechEngine.js';
import { innerSilences, type Pcm } from './wav.js';

/** A silence at least this long (at the engine's normal rate) is shortened; stop consonants' closures are far shorter. */
export const LONG_SILENCE_MS = 120;
/** What is left of a shortened silence: enough to hear the clause break. */
export const KEPT_SILENCE_MS = 70;

/** A stretch of the original audio that was removed, in its milliseconds. */
export interface Cut {
  startMs: number;
  endMs: number;
}

/** Shortens every inner silence of at least `longMs` to `keepMs`, cutting out its middle (the sound on both sides is untouched). */
export function shortenLongSilences(pcm: Pcm, longMs = LONG_SILENCE_MS, keepMs = KEPT_SILENCE_MS, threshold = 300): { pcm: Pcm; cuts: Cut[] } {
  const { sampleRate, channels, samples } = pcm;
  const frameAt = (ms: number) => Math.round((ms / 1000) * sampleRate);
  const keepFrames = frameAt(keepMs / 2);
  const cuts: Array<{ from: number; to: number }> = [];
  for (const silence of innerSilences(pcm, Math.max(longMs, keepMs), threshold)) {
    const from = frameAt(silence.startMs) + keepFrames;
    const to = frameAt(silence.endMs) - keepFrames;
    if (to > from) cuts.push({ from, to });
  }
  if (cuts.length === 0) return { pcm, cuts: [] };
  const removed = cuts.reduce((sum, cut) => sum + cut.to - cut.from, 0);
  const out = new Int16Array(samples.length - removed * channels);
  let read = 0;
  let write = 0;
  for (const cut of cuts) {
    out.set(samples.subarray(read * channels, cut.from * channels), write);
    write += (cut.from - read) * channels;
    read = cut.to;
  }
  out.set(samples.subarray(read * channels), write);
  const toMs = (frame: number) => (frame / sampleRate) * 1000;
  return { pcm: { sampleRate, channels, samples: out }, cuts: cuts.map((cut) => ({ startMs: toMs(cut.from), endMs: toMs(cut.to) })) };
}

/** A time of the original audio in the trimmed audio: earlier cuts are taken off; a time inside a cut lands where the cut was. */
export function shiftTime(cuts: readonly Cut[], ms: number): number {
  let removed = 0;
  for (const cut of cuts) {
    if (ms >= cut.endMs) removed += cut.endMs - cut.startMs;
    else {
      if (ms > cut.startMs) removed += ms - cut.startMs;
      break;
    }
  }
  return ms - removed;
}

/** One sentence's audio as synthesizeBlock holds it before joining: trimmed at its ends, with its marks and pauses. */
export interface SentenceAudio {
  sampleRate: number;
  channels: number;
  samples: Int16Array;
  /** What the end trimming cut from the start of the engine's audio (marks count from the engine's start). */
  trimmedMs: number;
  marks: WordMark[];
  pauses: Pause[];
}

/** The step synthesizeBlock calls when the option is on: the sentence with its long silences shortened and its times shifted to match. */
export function trimSentenceSilences<T extends SentenceAudio>(part: T, rate: number): T {
  // Slower speech has longer silences everywhere; only those long for their rate are cut.
  const { pcm, cuts } = shortenLongSilences({ sampleRate: part.sampleRate, channels: part.channels, samples: part.samples }, LONG_SILENCE_MS / Math.min(1, rate));
  if (cuts.length === 0) return part;
  return {
    ...part,
    samples: pcm.samples,
    marks: part.marks.map((mark) => ({ ...mark, startMs: part.trimmedMs + shiftTime(cuts, mark.startMs - part.trimmedMs) })),
    pauses: part.pauses.map((pause) => ({ startMs: shiftTime(cuts, pause.startMs), endMs: shiftTime(cuts, pause.endMs) })),
  };
}
