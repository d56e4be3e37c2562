/** espeak-ng adapter: text on stdin, WAV on stdout, one process per sentence (about 10 ms each here). */
import type { Voice } from '../../shared/api.js';
import { ProcessError, runProcess } from '../process/runProcess.js';
import { memoizeUntilFailure, voiceForLanguage, type SpeechEngine, type SynthesisOptions } from './SpeechEngine.js';
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

export function espeakArguments(options: Pick<SynthesisOptions, 'wordsPerMinute'> & { voice: string | null }): string[] {
  const wpm = Math.round(Math.min(MAX_WPM, Math.max(MIN_WPM, options.wordsPerMinute)));
  // -b 1: stdin is UTF-8; --stdin: never put text in argv (text starting with "-" would become options).
  const args = ['-b', '1', '--stdin', '-s', String(wpm), '--stdout'];
  if (options.voice) args.push('-v', options.voice);
  return args;
}

export class EspeakNgEngine implements SpeechEngine {
  readonly id = 'espeak-ng';
  readonly name = 'eSpeak NG';
  readonly normalWordsPerMinute = 175;

  constructor(
    private readonly command = 'espeak-ng',
    /** Time limit per sentence; by default 10 s plus 20 ms per character. */
    private readonly timeoutMs: number | null = null,
  ) {}

  readonly listVoices = memoizeUntilFailure((): Promise<Voice[]> => {
    return runProcess(this.command, ['--voices'], { timeoutMs: 5000 })
      .then(({ stdout }) => parseEspeakVoices(stdout.toString('utf8')))
      .catch((error: unknown) => {
        throw missingHint(error);
      });
  });

  async synthesize(text: string, options: SynthesisOptions): Promise<Pcm> {
    const voice = options.voice ?? voiceForLanguage(await this.listVoices(), options.lang)?.id ?? null;
    const { stdout, stderr } = await runProcess(this.command, espeakArguments({ ...options, voice }), {
      stdin: text,
      timeoutMs: this.timeoutMs ?? 10_000 + text.length * 20,
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
