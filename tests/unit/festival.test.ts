import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FESTIVAL_LIST_VOICES_SCHEME,
  FestivalEngine,
  festivalArguments,
  festivalStretch,
  festivalText,
  parseFestivalVoices,
} from '../../main/speech/festival';
import { pcmDurationMs } from '../../main/speech/wav';
import { withOwnTmpdir } from '../helpers/ownTmpdir';

// festival and text2wave are installed on this machine: these tests run the real engine.
const engine = new FestivalEngine();
const sandbox = mkdtempSync(join(tmpdir(), 'ap-festival-test-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function festivalTempDirs(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('article-player-festival-'));
}

describe('festival adapter (real engine)', () => {
  it('lists voices through constant Scheme', async () => {
    expect(FESTIVAL_LIST_VOICES_SCHEME).not.toMatch(/SayText|system/);
    const voices = await engine.listVoices();
    expect(voices).toContainEqual({ id: 'kal_diphone', lang: 'en-US', name: 'kal_diphone (english, american, male)' });
  });

  it('synthesizes a sentence to 16-bit PCM, longer text taking longer', async () => {
    const short = await engine.synthesize('Hello.', { voice: null, lang: 'en', wordsPerMinute: 175 });
    const long = await engine.synthesize('Hello there, this sentence is a good deal longer than the first one.', { voice: null, lang: 'en', wordsPerMinute: 175 });
    expect(short.sampleRate).toBe(16000);
    expect(pcmDurationMs(short)).toBeGreaterThan(200);
    expect(pcmDurationMs(long)).toBeGreaterThan(pcmDurationMs(short) * 3);
  });

  it('speaks faster at a higher rate (Duration_Stretch from words per minute)', async () => {
    const text = 'The quick brown fox jumps over the lazy dog near the river bank.';
    const normal = await engine.synthesize(text, { voice: 'kal_diphone', lang: null, wordsPerMinute: 175 });
    const fast = await engine.synthesize(text, { voice: 'kal_diphone', lang: null, wordsPerMinute: 350 });
    expect(pcmDurationMs(fast)).toBeLessThan(pcmDurationMs(normal) * 0.7);
  });

  it('speaks hostile Scheme as text: nothing runs, no file is created', async () => {
    const marker = join(sandbox, 'owned');
    const hostile = `") (system "touch ${marker}") (SayText "`;
    const plainHostile = `(system "touch ${marker}2")`;
    const args = festivalArguments('/tmp/x.wav', { wordsPerMinute: 175, voice: null });
    expect(args.join(' ')).not.toContain('touch');
    const pcm = await engine.synthesize(hostile, { voice: null, lang: 'en', wordsPerMinute: 400 });
    const plain = await engine.synthesize(plainHostile, { voice: null, lang: 'en', wordsPerMinute: 400 });
    expect(pcmDurationMs(pcm)).toBeGreaterThan(1000); // it was spoken, word by word
    expect(plain.samples.length).toBeGreaterThan(0);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(`${marker}2`)).toBe(false);
    expect(readdirSync(sandbox)).toEqual([]);
  });

  it('refuses a voice festival did not list, without building Scheme from it', async () => {
    const marker = join(sandbox, 'voice-owned');
    await expect(engine.synthesize('Hello.', { voice: `kal_diphone) (system "touch ${marker}")`, lang: null, wordsPerMinute: 175 })).rejects.toThrow(
      /festival has no voice/,
    );
    await expect(engine.synthesize('Hello.', { voice: 'no_such_voice', lang: null, wordsPerMinute: 175 })).rejects.toThrow(/installed: kal_diphone/);
    expect(() => festivalArguments('/tmp/x.wav', { wordsPerMinute: 175, voice: 'a) (system "x"' })).toThrow(/not a valid voice/);
    expect(existsSync(marker)).toBe(false);
  });

  it('formats the rate as a clamped number', () => {
    expect(festivalStretch(175)).toBe('1.000');
    expect(festivalStretch(350)).toBe('0.500');
    expect(festivalStretch(1)).toBe('4.000');
    expect(festivalStretch(100_000)).toBe('0.250');
    expect(festivalStretch(Number.NaN)).toBe('1.000');
    expect(festivalArguments('/out.wav', { wordsPerMinute: 350, voice: 'kal_diphone' })).toEqual([
      '-o',
      '/out.wav',
      '-eval',
      '(voice_kal_diphone)',
      '-eval',
      "(Parameter.set 'Duration_Stretch 0.500)",
    ]);
  });

  it('maps typographic punctuation and accents to what festival can read', () => {
    expect(festivalText('“Café” — it’s naïve…')).toBe(`"Cafe"  -  it's naive...`);
  });

  it('parses voice listings, skipping lines that are not voices', () => {
    const voices = parseFestivalVoices('noise\nVOICE\tcmu_us_slt_arctic_hts\tenglish\tamerican\tfemale\nVOICE\tel_diphone\tspanish\tnil\tmale\nVOICE\tbad name\tenglish\tnil\tmale\n');
    expect(voices).toEqual([
      { id: 'cmu_us_slt_arctic_hts', lang: 'en-US', name: 'cmu_us_slt_arctic_hts (english, american, female)' },
      { id: 'el_diphone', lang: 'es', name: 'el_diphone (spanish, male)' },
    ]);
  });

  it('removes its temporary folder, also when synthesis fails', async () => {
    // In a temp folder of this test's own: other test files running beside it use festival in the shared one.
    await withOwnTmpdir(async () => {
      await engine.synthesize('Clean up after me.', { voice: null, lang: null, wordsPerMinute: 175 });
      const failing = new FestivalEngine('false');
      await expect(failing.synthesize('Hello.', { voice: null, lang: null, wordsPerMinute: 175 })).rejects.toThrow(/false exited with code 1/);
      expect(festivalTempDirs()).toEqual([]);
    });
  });

  it('names the package to install when festival is missing', async () => {
    const missing = new FestivalEngine('/nonexistent/text2wave', '/nonexistent/festival');
    await expect(missing.synthesize('Hello.', { voice: null, lang: null, wordsPerMinute: 175 })).rejects.toThrow(/install the festival package/);
    await expect(missing.listVoices()).rejects.toThrow(/sudo apt install festival/);
  });
});
