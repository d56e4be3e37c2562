/**
 * Festival adapter: `text2wave -o FILE` with the sentence on stdin, one process per sentence.
 * Festival is driven by Scheme, so this file never builds Scheme from anything but constants and
 * numbers it formats itself: the rate is a number, and a voice is used only when it is a plain
 * identifier that festival itself listed. The text only ever reaches festival's text mode on stdin.
 */
import { join } from 'node:path';
import type { Voice } from '../../shared/api.js';
import { ProcessError, runProcess } from '../process/runProcess.js';
import { withTempDir } from '../process/tempDir.js';
import { clampNumber, memoizeUntilFailure, voiceForLanguage, type SpeechEngine, type SynthesisOptions } from './SpeechEngine.js';
import { readEngineWav, type Pcm } from './wav.js';

const NORMAL_WPM = 175;
/** Duration_Stretch outside this range makes festival unintelligible (or absurdly slow). */
const MIN_STRETCH = 0.25;
const MAX_STRETCH = 4;
const VOICE_ID = /^[A-Za-z][A-Za-z0-9_]{0,63}$/u;

/**
 * Constant Scheme (no article text, no user input) that prints one tab-separated line per voice:
 * name, language, dialect, gender.
 */
export const FESTIVAL_LIST_VOICES_SCHEME = `(mapcar (lambda (v) (let ((d (cadr (voice.description v)))) (format t "VOICE\\t%s\\t%s\\t%s\\t%s\\n" v (cadr (assoc 'language d)) (cadr (assoc 'dialect d)) (cadr (assoc 'gender d))))) (voice.list))\n`;

const LANGUAGES: Record<string, string> = {
  english: 'en', spanish: 'es', castillian_spanish: 'es', welsh: 'cy', finnish: 'fi', czech: 'cs', russian: 'ru',
  italian: 'it', german: 'de', french: 'fr', hindi: 'hi', marathi: 'mr', telugu: 'te', tamil: 'ta', polish: 'pl',
};
const DIALECTS: Record<string, string> = { american: 'US', british: 'GB', scottish: 'GB', irish: 'IE', australian: 'AU' };

/** Parses the output of FESTIVAL_LIST_VOICES_SCHEME into voices with BCP 47-ish language tags. */
export function parseFestivalVoices(output: string): Voice[] {
  const voices: Voice[] = [];
  for (const line of output.split('\n')) {
    const [tag, id, language, dialect, gender] = line.trim().split('\t');
    if (tag !== 'VOICE' || !id || !VOICE_ID.test(id)) continue;
    const primary = LANGUAGES[language ?? ''] ?? 'und';
    const region = dialect && dialect !== 'nil' ? DIALECTS[dialect] : undefined;
    const lang = region ? `${primary}-${region}` : primary;
    const detail = [language, dialect, gender].filter((part) => part && part !== 'nil').join(', ');
    voices.push({ id, lang, name: detail ? `${id} (${detail})` : id });
  }
  return voices;
}

/** Duration_Stretch for a wanted rate, formatted by us as a plain decimal: the only variable Scheme here. */
export function festivalStretch(wordsPerMinute: number, normalWpm = NORMAL_WPM): string {
  const stretch = clampNumber(normalWpm / wordsPerMinute, MIN_STRETCH, MAX_STRETCH, 1);
  return stretch.toFixed(3);
}

/**
 * Scheme that raises or lowers the voice's intonation target by `pitch` percent: the mean F0 of the
 * linear-regression intonation model (int_lr_params target_f0_mean, which festival's diphone voices
 * use), scaled by a factor we format ourselves. Null for the voice's own pitch. A voice without that
 * parameter is left as it is (the `if`).
 */
export function festivalPitchScheme(pitch: number | undefined): string | null {
  if (!pitch || !Number.isFinite(pitch)) return null;
  const factor = clampNumber(1 + pitch / 100, 0.5, 1.5, 1).toFixed(3);
  return `(if (assoc 'target_f0_mean int_lr_params) (set! int_lr_params (cons (list 'target_f0_mean (* ${factor} (cadr (assoc 'target_f0_mean int_lr_params)))) int_lr_params)))`;
}

export function festivalArguments(outFile: string, options: { wordsPerMinute: number; voice: string | null; pitch?: number }): string[] {
  const args = ['-o', outFile];
  if (options.voice !== null) {
    // Defence in depth: callers pass only voices festival listed, and a listed id is a plain identifier.
    if (!VOICE_ID.test(options.voice)) throw new Error(`festival voice "${options.voice}" is not a valid voice name`);
    args.push('-eval', `(voice_${options.voice})`);
  }
  args.push('-eval', `(Parameter.set 'Duration_Stretch ${festivalStretch(options.wordsPerMinute)})`);
  // After the voice: choosing a voice sets its own intonation parameters.
  const pitch = festivalPitchScheme(options.pitch);
  if (pitch) args.push('-eval', pitch);
  return args;
}

/** Festival reads 8-bit text: map typographic punctuation to ASCII so it is not spelled out as bytes. */
export function festivalText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u2032]/gu, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/gu, '"')
    .replace(/[\u2013\u2014\u2212]/gu, ' - ')
    // text2wave crashes on some text with runs of hyphens ("-- x"); a spoken dash sounds the same.
    .replace(/-{2,}/gu, ' - ')
    .replace(/\u2026/gu, '...')
    .replace(/[\u00a0\u2000-\u200b\u202f]/gu, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '');
}

export class FestivalEngine implements SpeechEngine {
  readonly id = 'festival';
  readonly name = 'Festival';
  readonly normalWordsPerMinute = NORMAL_WPM;

  constructor(
    private readonly text2wave = 'text2wave',
    private readonly festival = 'festival',
  ) {}

  readonly listVoices = memoizeUntilFailure((): Promise<Voice[]> => {
    return runProcess(this.festival, ['--pipe'], { stdin: FESTIVAL_LIST_VOICES_SCHEME, timeoutMs: 15_000 })
      .then(({ stdout, stderr }) => {
        const voices = parseFestivalVoices(stdout.toString('latin1'));
        if (voices.length === 0) throw new Error(`festival listed no voices${stderr.trim() ? `: ${stderr.trim()}` : ''} (install festvox-kallpc16k)`);
        return voices;
      })
      .catch((error: unknown) => {
        throw missingHint(error);
      });
  });

  async synthesize(text: string, options: SynthesisOptions): Promise<Pcm> {
    const voice = await this.resolveVoice(options);
    const spoken = festivalText(text);
    if (spoken.trim() === '') throw new Error('festival was given no text to speak');
    return withTempDir('article-player-festival', async (dir) => {
      const out = join(dir, 'speech.wav');
      const { stderr } = await runProcess(this.text2wave, festivalArguments(out, { wordsPerMinute: options.wordsPerMinute, voice, pitch: options.pitch }), {
        stdin: spoken,
        timeoutMs: 15_000 + text.length * 50,
        signal: options.signal,
      }).catch((error: unknown) => {
        throw missingHint(error);
      });
      return readEngineWav(out, 'festival', stderr);
    });
  }

  /** A requested voice must be one festival listed; otherwise a clear error (never Scheme from input). */
  private async resolveVoice(options: SynthesisOptions): Promise<string | null> {
    if (options.voice === null) {
      if (!options.lang) return null;
      const voices = await this.listVoices().catch(() => []);
      return voiceForLanguage(voices, options.lang)?.id ?? null;
    }
    const voices = await this.listVoices();
    if (!voices.some((v) => v.id === options.voice)) {
      throw new Error(`festival has no voice "${options.voice}" (installed: ${voices.map((v) => v.id).join(', ') || 'none'})`);
    }
    return options.voice;
  }
}

function missingHint(error: unknown): unknown {
  if (error instanceof ProcessError && error.reason === 'missing') {
    return new ProcessError(`${error.message}: install the festival package (for example: sudo apt install festival festvox-kallpc16k)`, 'missing');
  }
  return error;
}
