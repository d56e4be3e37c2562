/**
 * speech-dispatcher adapter through `spd-say`. spd-say cannot write audio, so this is a direct-speech
 * fallback: the text goes to the speakers, with paragraph-level highlighting only. The text is on stdin
 * (pipe mode, -e), never in argv; every call is under a time limit, because spd-say -w waits forever
 * when the daemon has no audio output (as on a headless machine).
 */
import type { Voice } from '../../shared/api.js';
import { ProcessError, runProcess } from '../process/runProcess.js';
import { memoizeUntilFailure, type DirectSpeech, type DirectSpeechEngine, type DirectSpeechOptions } from './SpeechEngine.js';

const NORMAL_WPM = 175;

export interface SpeechDispatcherOptions {
  command?: string;
  /** Output module (espeak-ng, festival, ...); null for the user's configured default. */
  module?: string | null;
  /** Time allowed beyond the expected speaking time. */
  graceMs?: number;
}

/** spd-say's rate (-100..100, 0 = the module's normal): three times faster at +100, half as fast at -100. */
export function spdRate(wordsPerMinute: number, normalWpm = NORMAL_WPM): number {
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute <= 0) return 0;
  const ratio = wordsPerMinute / normalWpm;
  const rate = ratio >= 1 ? (100 * Math.log(ratio)) / Math.log(3) : (100 * Math.log(ratio)) / Math.log(2);
  return Math.round(Math.min(100, Math.max(-100, rate)));
}

/** spd-say's pitch (-100..100, 0 = the voice's own) for a percent above or below it: ±50% is ±100. */
export function spdPitch(pitch: number | undefined): number {
  if (!pitch || !Number.isFinite(pitch)) return 0;
  return Math.round(Math.min(100, Math.max(-100, pitch * 2)));
}

/**
 * spd-say's volume (-100..100, 0 = the module's normal) for a fraction of full loudness: full (1) is the
 * normal volume, as the audio engines' full volume is the engine's own, and less goes down to -100.
 */
export function spdVolume(volume: number | undefined): number {
  if (volume === undefined || !Number.isFinite(volume)) return 0;
  return Math.round(Math.min(0, Math.max(-100, -100 * (1 - volume)))) || 0;
}

export function spdSayArguments(options: { wordsPerMinute: number; voice: string | null; lang: string | null; module: string | null; pitch?: number; volume?: number }): string[] {
  // -e: read the text from stdin; -w: return only when it has been spoken, so `done` means done.
  const args = ['-e', '-w', '-N', 'article-player', '-r', String(spdRate(options.wordsPerMinute))];
  // Per utterance: a change of pitch or volume is heard from the next sentence.
  const pitch = spdPitch(options.pitch);
  if (pitch) args.push('-p', String(pitch));
  const volume = spdVolume(options.volume);
  if (volume) args.push('-i', String(volume));
  if (options.module) args.push('-o', options.module);
  if (options.lang) args.push('-l', options.lang.toLowerCase());
  if (options.voice) args.push('-y', options.voice);
  return args;
}

/**
 * Parses `spd-say -L`: right-aligned columns NAME LANGUAGE VARIANT; names may contain spaces. Voice
 * variants are left out: espeak-ng's module lists every voice with every variant (13,000 lines here).
 */
export function parseSpdVoices(output: string): Voice[] {
  const voices: Voice[] = [];
  for (const line of output.split('\n')) {
    const columns = line.trim().split(/\s+/u);
    if (columns.length < 3 || (columns[0] === 'NAME' && columns.at(-2) === 'LANGUAGE')) continue;
    const variant = columns.pop()!;
    const lang = columns.pop()!;
    const name = columns.join(' ');
    if (variant !== 'none' || !/^[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*$/u.test(lang)) continue;
    voices.push({ id: name, lang, name });
  }
  return voices;
}

/** Joins lines: in pipe mode every line would become a message of its own. */
export function spdText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/gu, ' ').trim() + '\n';
}

/** Roughly how long speaking `text` takes, to set a time limit that a working daemon never hits. */
export function expectedSpeakingMs(text: string, wordsPerMinute: number): number {
  const words = text.split(/\s+/u).filter(Boolean).length;
  return (words / Math.max(40, wordsPerMinute)) * 60_000;
}

export class SpeechDispatcherEngine implements DirectSpeechEngine {
  readonly kind = 'direct';
  readonly id = 'speech-dispatcher';
  readonly name = 'Speech Dispatcher';
  readonly normalWordsPerMinute = NORMAL_WPM;
  private readonly command: string;
  private readonly module: string | null;
  private readonly graceMs: number;

  constructor(options: SpeechDispatcherOptions = {}) {
    this.command = options.command ?? 'spd-say';
    this.module = options.module ?? null;
    this.graceMs = options.graceMs ?? 10_000;
  }

  readonly listVoices = memoizeUntilFailure((): Promise<Voice[]> => {
    const args = this.module ? ['-L', '-o', this.module] : ['-L'];
    return runProcess(this.command, args, { timeoutMs: 10_000 })
      .then(({ stdout }) => parseSpdVoices(stdout.toString('utf8')))
      .catch((error: unknown) => {
        throw describeFailure(error, this.command, 'list its voices');
      });
  });

  speak(text: string, options: DirectSpeechOptions): DirectSpeech {
    const controller = new AbortController();
    let stopped = false;
    const onOuterAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const timeoutMs = Math.round(expectedSpeakingMs(text, options.wordsPerMinute) * 2 + this.graceMs);
    const done = runProcess(this.command, spdSayArguments({ ...options, module: this.module }), {
      stdin: spdText(text),
      timeoutMs,
      signal: controller.signal,
    })
      .then(() => undefined)
      .catch((error: unknown) => {
        if (stopped && error instanceof ProcessError && error.reason === 'cancelled') return;
        throw describeFailure(error, this.command, 'finish speaking');
      })
      .finally(() => options.signal?.removeEventListener('abort', onOuterAbort));
    return {
      done,
      stop: () => {
        // Killing spd-say (its whole process group) ends this client's wait. Deliberately not
        // `spd-say -C`: that cancels every client's speech, a screen reader's included.
        stopped = true;
        controller.abort();
      },
    };
  }
}

function describeFailure(error: unknown, command: string, action: string): unknown {
  if (!(error instanceof ProcessError)) return error;
  if (error.reason === 'missing') {
    return new ProcessError(`${error.message}: install speech-dispatcher (for example: sudo apt install speech-dispatcher)`, 'missing');
  }
  if (error.reason === 'timeout') {
    return new ProcessError(
      `${command} did not ${action} in time; speech-dispatcher may have no audio output (is PulseAudio or PipeWire running?)${error.stderr.trim() ? `: ${error.stderr.trim()}` : ''}`,
      'timeout',
      error.stderr,
    );
  }
  return error;
}
