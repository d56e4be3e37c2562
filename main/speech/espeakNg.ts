/**
 * espeak-ng adapter. Audio from the espeak-ng command: text on stdin, WAV on stdout, one process per
 * sentence (about 10 ms each here). Word marks from libespeak-ng's own word events, said alongside in
 * a process of its own (espeakLibraryProcess.ts); where the library cannot be used (not installed,
 * koffi missing, its process cannot start or keeps crashing) it says why once on stderr and word times
 * are estimated (synthesizeBlock). Voices are listed by the command.
 */
import type { Voice } from '../../shared/api.js';
import { ProcessError, runProcess } from '../process/runProcess.js';
import { defaultEspeakLibraryPath } from './espeakLibrary.js';
import { EspeakLibraryProcess, type EspeakWordSource, type LibraryWords } from './espeakLibraryProcess.js';
import { isPassageFailure } from './passageFailure.js';
import { SpeechProcessLost } from './speechProcess.js';
import { wordMarksFromEvents } from './espeakWordMarks.js';
import { memoizeUntilFailure, voiceForLanguage, type SpeechEngine, type Synthesized, type SynthesisOptions } from './SpeechEngine.js';
import { parseWav, WavFormatError, type Pcm } from './wav.js';

const MIN_WPM = 80;
const MAX_WPM = 1000;

/** Parses `espeak-ng --voices`: "Pty Language Age/Gender VoiceName File Other Languages". */
export function parseEspeakVoices(output: string): Voice[] {
  const voices: Voice[] = [];
  for (const line of output.split('\n').slice(1)) {
    const columns = line.trim().split(/\s+/u);
    if (columns.length < 5) continue;
    const [, lang, , name] = columns;
    if (!lang || !name) continue;
    voices.push({ id: lang, lang, name: name.replace(/_/gu, ' ') });
  }
  return voices;
}

function clampedWordsPerMinute(wordsPerMinute: number): number {
  return Math.round(Math.min(MAX_WPM, Math.max(MIN_WPM, wordsPerMinute)));
}

/** espeak-ng's pitch (0-99, 50 the voice's own) for a percent above or below it: -50% is 0, +50% is 99. */
export function espeakPitch(pitch: number | undefined): number {
  const value = Number.isFinite(pitch) ? (pitch as number) : 0;
  return Math.round(Math.min(99, Math.max(0, 50 + value)));
}

export function espeakArguments(options: Pick<SynthesisOptions, 'wordsPerMinute' | 'pitch'> & { voice: string | null }): string[] {
  const wpm = clampedWordsPerMinute(options.wordsPerMinute);
  // -b 1: stdin is UTF-8; --stdin: never put text in argv (text starting with "-" would become options).
  const args = ['-b', '1', '--stdin', '-s', String(wpm), '--stdout'];
  if (options.pitch) args.push('-p', String(espeakPitch(options.pitch)));
  if (options.voice) args.push('-v', options.voice);
  return args;
}

/** Which way the engine speaks: through the library (with word events), or the command and why. */
export type EspeakBackend = { kind: 'library' } | { kind: 'command'; reason: string };

export class EspeakNgEngine implements SpeechEngine {
  readonly id = 'espeak-ng';
  readonly name = 'eSpeak NG';
  readonly normalWordsPerMinute = 175;
  readonly library: EspeakWordSource | null;
  private toldCommand = false;

  constructor(
    private readonly command = 'espeak-ng',
    /** Time limit per sentence; by default 10 s plus 20 ms per character. */
    private readonly timeoutMs: number | null = null,
    /** The libespeak-ng file to load (a path or a name the loader finds); null: always the command. */
    libraryPath: string | null = defaultEspeakLibraryPath(),
    /** Where the library's word events come from; by default the library's own process. */
    library?: EspeakWordSource,
  ) {
    this.library = library ?? (libraryPath ? new EspeakLibraryProcess(libraryPath) : null);
  }

  /** The library while it loads and runs, else the command (said once on stderr, when the library is first found unusable). */
  async backend(): Promise<EspeakBackend> {
    if (!this.library) return { kind: 'command', reason: 'no library was asked for' };
    const reason = await this.library.ready();
    if (!reason) return { kind: 'library' };
    if (!this.toldCommand) {
      this.toldCommand = true;
      console.error(`Article Player: the espeak-ng library is not used (${reason}); speaking through the espeak-ng command, with estimated word times.`);
    }
    return { kind: 'command', reason };
  }

  /** Ends the library's process (a later request starts it again). */
  close(): Promise<void> {
    return this.library?.close() ?? Promise.resolve();
  }

  readonly listVoices = memoizeUntilFailure((): Promise<Voice[]> => {
    return runProcess(this.command, ['--voices'], { timeoutMs: 5000 })
      .then(({ stdout }) => parseEspeakVoices(stdout.toString('utf8')))
      .catch((error: unknown) => {
        throw missingHint(error);
      });
  });

  async synthesize(text: string, options: SynthesisOptions): Promise<Synthesized> {
    const voice = options.voice ?? voiceForLanguage(await this.listVoices(), options.lang)?.id ?? null;
    const timeoutMs = this.timeoutMs ?? 10_000 + text.length * 20;
    const spoken = this.runCommand(text, voice, options, timeoutMs);
    // Awaited below; until then a failure must not count as unhandled.
    spoken.catch(() => {});
    if (!this.library || (await this.backend()).kind !== 'library') return spoken;
    // The audio is the command's (a new process says a text to the same sample every time); the word
    // times are the library's, said alongside in its process. The library's pitch flutter runs on from
    // one utterance to the next, so its audio can be a few ms longer or shorter: its times are scaled to
    // the command's length.
    const [pcm, fromLibrary] = await Promise.allSettled([spoken, this.libraryWords(text, voice, options, timeoutMs, spoken)]);
    if (pcm.status === 'rejected') throw pcm.reason;
    if (fromLibrary.status === 'rejected' || fromLibrary.value.sampleCount === 0) return pcm.value;
    const scale = pcm.value.samples.length / pcm.value.channels / pcm.value.sampleRate / (fromLibrary.value.sampleCount / fromLibrary.value.sampleRate);
    const events = fromLibrary.value.words.map((event) => ({ ...event, audioMs: event.audioMs * scale }));
    return { ...pcm.value, wordMarks: wordMarksFromEvents(text, events, options.lang) };
  }

  /**
   * The library's words for the text. A crash on a text the command also fails on is the text's fault
   * (espeak-ng 1.51 aborts the same way in both): it does not count toward giving the library up. When
   * the process was lost on a text the command said well (killed from outside, or a crash of its own),
   * the new process is asked once more, so the sentence keeps its word times.
   */
  private async libraryWords(text: string, voice: string | null, options: SynthesisOptions, timeoutMs: number, spoken: Promise<Pcm>): Promise<LibraryWords> {
    const library = this.library!;
    const request = { text, voice, wordsPerMinute: clampedWordsPerMinute(options.wordsPerMinute), pitch: espeakPitch(options.pitch) };
    const excusedIf = spoken.then(
      () => false,
      (error: unknown) => isPassageFailure(error),
    );
    try {
      return await library.say(request, { timeoutMs, signal: options.signal, excusedIf });
    } catch (error) {
      if (!(error instanceof SpeechProcessLost) || error.reason !== 'crash' || (await excusedIf) || options.signal?.aborted) throw error;
      try {
        await spoken;
      } catch {
        throw error;
      }
      return library.say(request, { timeoutMs, signal: options.signal, excusedIf: Promise.resolve(false) });
    }
  }

  private async runCommand(text: string, voice: string | null, options: SynthesisOptions, timeoutMs: number): Promise<Pcm> {
    const { stdout, stderr } = await runProcess(this.command, espeakArguments({ ...options, voice }), {
      stdin: text,
      timeoutMs,
      signal: options.signal,
    }).catch((error: unknown) => {
      throw missingHint(error);
    });
    if (stdout.length === 0) {
      throw new Error(`espeak-ng produced no audio${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
    }
    try {
      return parseWav(stdout);
    } catch (error) {
      if (!(error instanceof WavFormatError)) throw error;
      throw new Error(`espeak-ng returned output that is not usable audio (${error.message})${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
    }
  }
}

function missingHint(error: unknown): unknown {
  if (error instanceof ProcessError && error.reason === 'missing') {
    return new ProcessError(`${error.message}: install the espeak-ng package (for example: sudo apt install espeak-ng)`, 'missing');
  }
  return error;
}
