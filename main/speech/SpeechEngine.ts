/** One interface for every OS speech engine; one adapter file per engine implements it. */
import type { Voice } from '../../shared/api.js';
import type { Pcm } from './wav.js';

export interface SynthesisOptions {
  /** Engine voice id, or null for the engine's default (or the best match for `lang`). */
  voice: string | null;
  lang: string | null;
  /** Speaking rate in words per minute; adapters clamp it to what their engine supports. */
  wordsPerMinute: number;
  signal?: AbortSignal;
}

export interface SpeechEngine {
  readonly id: string;
  readonly name: string;
  /** Words per minute at the voice's normal rate. */
  readonly normalWordsPerMinute: number;
  listVoices(): Promise<Voice[]>;
  /** Speech for one short text (a sentence) as PCM. Rejects with a message that names the cause. */
  synthesize(text: string, options: SynthesisOptions): Promise<Pcm>;
}

/** Picks the voice for a language: an exact tag match, then the same primary language. */
export function voiceForLanguage(voices: readonly Voice[], lang: string | null): Voice | null {
  if (!lang) return null;
  const wanted = lang.toLowerCase();
  const primary = wanted.split('-')[0];
  return (
    voices.find((v) => v.lang.toLowerCase() === wanted) ??
    voices.find((v) => v.lang.toLowerCase() === primary) ??
    voices.find((v) => v.lang.toLowerCase().split('-')[0] === primary) ??
    null
  );
}
