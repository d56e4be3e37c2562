/**
 * macOS adapter: `say` writes 16-bit WAV to a file in a private temp folder, with the sentence on
 * stdin (`-f -`), never in argv (text starting with "-" would become options). One process per sentence.
 */
import { join } from 'node:path';
import type { Voice } from '../../shared/api.js';
import { ProcessError, runProcess } from '../process/runProcess.js';
import { withTempDir } from '../process/tempDir.js';
import { clampNumber, memoizeUntilFailure, voiceForLanguage, type SpeechEngine, type SynthesisOptions } from './SpeechEngine.js';
import { readEngineWav, type Pcm } from './wav.js';

const NORMAL_WPM = 175;
const MIN_WPM = 60;
const MAX_WPM = 720;

/**
 * Parses `say -v '?'`: "NAME  LOCALE  # sample sentence". Names may hold spaces and parentheses
 * ("Eddy (English (US))"), so the locale is found as the last locale-shaped column before "#".
 */
export function parseSayVoices(output: string): Voice[] {
  const voices: Voice[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.+?)\s+([a-z]{2,3}(?:[_-][A-Za-z0-9]+)*)\s+#/u.exec(line.trim());
    if (!match) continue;
    const [, name, locale] = match as unknown as [string, string, string];
    voices.push({ id: name, name, lang: locale.replace(/_/gu, '-') });
  }
  return voices;
}

/**
 * The text `say` is given: for a pitch other than the voice's own, the embedded command [[pbas]]
 * first, a relative change of the baseline pitch in semitones (+50% is 7 semitones up, -50% is 12
 * down), formatted by us; else the text as it is.
 */
export function sayText(text: string, pitch: number | undefined): string {
  if (!pitch || !Number.isFinite(pitch)) return text;
  const semitones = 12 * Math.log2(clampNumber(1 + pitch / 100, 0.5, 1.5, 1));
  return `[[pbas ${semitones >= 0 ? '+' : ''}${semitones.toFixed(1)}]] ${text}`;
}

export function sayArguments(outFile: string, options: { wordsPerMinute: number; voice: string | null }): string[] {
  const wpm = Math.round(clampNumber(options.wordsPerMinute, MIN_WPM, MAX_WPM, NORMAL_WPM));
  const args: string[] = [];
  // --voice=NAME keeps the voice one argument whatever it contains (the name is a value, never an option).
  if (options.voice) args.push(`--voice=${options.voice}`);
  args.push('-r', String(wpm), '-o', outFile, '--file-format=WAVE', '--data-format=LEI16@22050', '-f', '-');
  return args;
}

export class MacSayEngine implements SpeechEngine {
  readonly id = 'say';
  readonly name = 'macOS speech (say)';
  readonly normalWordsPerMinute = NORMAL_WPM;

  constructor(private readonly command = 'say') {}

  readonly listVoices = memoizeUntilFailure((): Promise<Voice[]> => {
    return runProcess(this.command, ['-v', '?'], { timeoutMs: 10_000 })
      .then(({ stdout }) => parseSayVoices(stdout.toString('utf8')))
      .catch((error: unknown) => {
        throw missingHint(error);
      });
  });

  async synthesize(text: string, options: SynthesisOptions): Promise<Pcm> {
    const voice = options.voice ?? voiceForLanguage(await this.listVoices().catch(() => []), options.lang)?.id ?? null;
    return withTempDir('article-player-say', async (dir) => {
      const out = join(dir, 'speech.wav');
      const { stderr } = await runProcess(this.command, sayArguments(out, { wordsPerMinute: options.wordsPerMinute, voice }), {
        stdin: sayText(text, options.pitch),
        timeoutMs: 15_000 + text.length * 50,
        signal: options.signal,
      }).catch((error: unknown) => {
        throw missingHint(error);
      });
      return readEngineWav(out, 'say', stderr);
    });
  }
}

function missingHint(error: unknown): unknown {
  if (error instanceof ProcessError && error.reason === 'missing') {
    return new ProcessError(`${error.message}: /usr/bin/say is part of macOS; check that PATH includes /usr/bin`, 'missing');
  }
  return error;
}
