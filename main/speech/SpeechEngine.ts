/**
 * One interface for every OS speech engine; one adapter file per engine implements it.
 * Engines that write audio implement `SpeechEngine`; an engine that can only speak through the
 * speakers (speech-dispatcher's spd-say) implements `DirectSpeechEngine`, a fallback.
 */
import type { Voice } from '../../shared/api.js';
import type { Pcm } from './wav.js';

export interface SynthesisOptions {
  /** Engine voice id, or null for the engine's default (or the best match for `lang`). */
  voice: string | null;
  lang: string | null;
  /** Speaking rate in words per minute; adapters clamp it to what their engine supports. */
  wordsPerMinute: number;
  /** Percent above (+) or below (-) the voice's own pitch (shared/voiceControls.ts); absent or 0: the voice's own. Engines that cannot change it (ENGINE_PITCH) are given 0. */
  pitch?: number;
  signal?: AbortSignal;
}

/** Speech-dispatcher speaks at its own volume: a fraction of full loudness, per utterance. */
export interface DirectSpeechOptions extends SynthesisOptions {
  volume?: number;
}

/**
 * Where the engine said a word starts, reported by engines that know (Windows SAPI's SpeakProgress).
 * Offsets are UTF-16 code units into the text given to `synthesize`; `startMs` is from the start of
 * the returned PCM (before any trimming).
 */
export interface WordMark {
  charStart: number;
  charEnd: number;
  startMs: number;
}

/** PCM, plus word marks when the engine reports them. */
export type Synthesized = Pcm & { wordMarks?: WordMark[] };

interface EngineBase {
  readonly id: string;
  readonly name: string;
  /** Words per minute at the voice's normal rate. */
  readonly normalWordsPerMinute: number;
  listVoices(): Promise<Voice[]>;
}

export interface SpeechEngine extends EngineBase {
  readonly kind?: 'synthesize';
  /** Speech for one short text (a sentence) as PCM. Rejects with a message that names the cause. */
  synthesize(text: string, options: SynthesisOptions): Promise<Synthesized>;
}

/** Speech going to the speakers: `done` settles when it ends (rejects on failure), `stop()` ends it now. */
export interface DirectSpeech {
  readonly done: Promise<void>;
  stop(): void;
}

/** An engine that cannot write audio: it speaks directly, so only paragraph-level highlighting is possible. */
export interface DirectSpeechEngine extends EngineBase {
  readonly kind: 'direct';
  speak(text: string, options: DirectSpeechOptions): DirectSpeech;
}

export type AnySpeechEngine = SpeechEngine | DirectSpeechEngine;

export function canSynthesize(engine: AnySpeechEngine): engine is SpeechEngine {
  return engine.kind !== 'direct';
}

/** Picks the voice for a language: an exact tag match, then the same primary language. */
export function voiceForLanguage(voices: readonly Voice[], lang: string | null): Voice | null {
  if (!lang) return null;
  const wanted = lang.toLowerCase().replace(/_/gu, '-');
  const primary = wanted.split('-')[0];
  const norm = (v: Voice) => v.lang.toLowerCase().replace(/_/gu, '-');
  return (
    voices.find((v) => norm(v) === wanted) ??
    voices.find((v) => norm(v) === primary) ??
    voices.find((v) => norm(v).split('-')[0] === primary) ??
    null
  );
}

/** Clamps and rounds a rate; NaN falls back to `normal`. Rates are formatted by us, never taken from text. */
export function clampNumber(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** A voice listing kept once it succeeds; a failure is not kept, so the next call asks the engine again. */
export function memoizeUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () =>
    (cached ??= load().catch((error: unknown) => {
      cached = null;
      throw error;
    }));
}
