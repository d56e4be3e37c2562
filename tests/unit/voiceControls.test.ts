/**
 * Pitch and volume (issue 25): which engine can change pitch, the settings' validation, the cache key,
 * each engine's arguments, and, with the real espeak-ng and festival, that the pitch asked for is the
 * pitch heard (the fundamental frequency of the audio, measured).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { espeakArguments, espeakPitch, EspeakNgEngine } from '../../main/speech/espeakNg';
import { festivalArguments, festivalPitchScheme, FestivalEngine } from '../../main/speech/festival';
import { sayText } from '../../main/speech/macSay';
import { spdPitch, spdSayArguments, spdVolume } from '../../main/speech/speechDispatcher';
import { blockCacheKey } from '../../main/speech/synthesisCache';
import type { Pcm } from '../../main/speech/wav';
import { DEFAULT_SETTINGS, normalizeSettings, settingsPatchSchema } from '../../shared/settings';
import { clampPitch, clampVolume, describePitch, describeVolume, ENGINE_PITCH, pitchFor, pitchUnavailable, stepVolume } from '../../shared/voiceControls';
import { ENGINE_CHOICES } from '../../shared/settings';

/** The median fundamental frequency of the voiced 30 ms frames, by autocorrelation (60-400 Hz). */
function medianF0(pcm: Pcm): number {
  const { samples, sampleRate } = pcm;
  const frame = Math.round(sampleRate * 0.03);
  const found: number[] = [];
  for (let start = 0; start + frame < samples.length; start += frame) {
    let energy = 0;
    for (let i = start; i < start + frame; i++) energy += samples[i]! * samples[i]!;
    if (energy / frame < 1e6) continue;
    let best = 0;
    let bestLag = 0;
    for (let lag = Math.floor(sampleRate / 400); lag < sampleRate / 60; lag++) {
      let sum = 0;
      for (let i = start; i < start + frame - lag; i++) sum += samples[i]! * samples[i + lag]!;
      if (sum > best) [best, bestLag] = [sum, lag];
    }
    if (bestLag) found.push(sampleRate / bestLag);
  }
  found.sort((a, b) => a - b);
  return found[Math.floor(found.length / 2)] ?? 0;
}

describe('which engine can change pitch', () => {
  it('every engine the settings name declares it, with the reason where it cannot', () => {
    for (const choice of ENGINE_CHOICES.filter((id) => id !== 'auto')) expect(ENGINE_PITCH[choice]).toBeDefined();
    expect(pitchUnavailable('espeak-ng')).toBeNull();
    expect(pitchUnavailable('festival')).toBeNull();
    expect(pitchUnavailable('speech-dispatcher')).toBeNull();
    expect(pitchUnavailable('say')).toBeNull();
    expect(pitchUnavailable('sapi')).toBe('Windows speech (SAPI) cannot change pitch in this version');
    expect(pitchUnavailable(null)).toMatch(/No speech engine/u);
    expect(pitchUnavailable('something-else')).toBe('something-else cannot change pitch');
  });

  it('an engine that cannot change pitch is asked for the voice\'s own, so its cache is not split', () => {
    expect(pitchFor('espeak-ng', 20)).toBe(20);
    expect(pitchFor('sapi', 20)).toBe(0);
    expect(pitchFor('espeak-ng', 999)).toBe(50);
    expect(pitchFor('espeak-ng', undefined)).toBe(0);
  });

  it('says pitch and volume in words, and steps volume within its range', () => {
    expect(describePitch(0)).toBe('Normal pitch');
    expect(describePitch(15)).toBe('15 percent higher');
    expect(describePitch(-20)).toBe('20 percent lower');
    expect(describeVolume(1)).toBe('Full volume');
    expect(describeVolume(0.6)).toBe('60 percent volume');
    expect(stepVolume(1, 1)).toBe(1);
    expect(stepVolume(0.1, -1)).toBe(0.1);
    expect(stepVolume(0.8, -1)).toBe(0.75);
    expect(clampPitch(Number.NaN)).toBe(0);
    expect(clampPitch(12)).toBe(10);
    expect(clampVolume(Number.NaN)).toBe(1);
  });
});

describe('pitch and volume in the settings', () => {
  it('default to the voice as it is, at full volume', () => {
    expect(DEFAULT_SETTINGS.pitch).toBe(0);
    expect(DEFAULT_SETTINGS.volume).toBe(1);
  });

  it('a corrupt stored value falls back alone: the other settings are kept', () => {
    const stored = { pitch: 'loud', volume: 7, rate: 1.5, theme: 'dark', voiceByLanguage: { de: 'de' } };
    const settings = normalizeSettings(stored);
    expect(settings.pitch).toBe(0);
    expect(settings.volume).toBe(1);
    expect(settings).toMatchObject({ rate: 1.5, theme: 'dark', voiceByLanguage: { de: 'de' } });
    expect(normalizeSettings({ pitch: 12.5 }).pitch).toBe(0);
    expect(normalizeSettings({ pitch: -35, volume: 0.4 })).toMatchObject({ pitch: -35, volume: 0.4 });
  });

  it('a submitted change out of range is refused, not reset', () => {
    expect(settingsPatchSchema.safeParse({ pitch: 60 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ volume: 0 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ volume: 1.5 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ pitch: -50, volume: 0.1 }).success).toBe(true);
  });
});

describe('the synthesis cache', () => {
  it('keys on pitch (absent and 0 are the same voice)', () => {
    const base = { text: 'x', lang: 'en', voice: null, rate: 1, sentencePauseMs: 250 };
    expect(blockCacheKey('espeak-ng', { ...base, pitch: 20 })).not.toBe(blockCacheKey('espeak-ng', base));
    expect(blockCacheKey('espeak-ng', { ...base, pitch: 20 })).not.toBe(blockCacheKey('espeak-ng', { ...base, pitch: -20 }));
    expect(blockCacheKey('espeak-ng', { ...base, pitch: 0 })).toBe(blockCacheKey('espeak-ng', base));
  });
});

describe('each engine is told the pitch its own way', () => {
  it('espeak-ng: -p 0-99 around 50, only when asked', () => {
    expect(espeakPitch(0)).toBe(50);
    expect(espeakPitch(-50)).toBe(0);
    expect(espeakPitch(50)).toBe(99);
    expect(espeakArguments({ wordsPerMinute: 175, voice: null })).not.toContain('-p');
    expect(espeakArguments({ wordsPerMinute: 175, voice: 'de', pitch: 20 })).toEqual(['-b', '1', '--stdin', '-s', '175', '--stdout', '-p', '70', '-v', 'de']);
  });

  it('festival: the intonation target scaled by a number we format, after the voice, never from text', () => {
    expect(festivalPitchScheme(0)).toBeNull();
    expect(festivalPitchScheme(20)).toBe("(if (assoc 'target_f0_mean int_lr_params) (set! int_lr_params (cons (list 'target_f0_mean (* 1.200 (cadr (assoc 'target_f0_mean int_lr_params)))) int_lr_params)))");
    expect(festivalPitchScheme(Number.NaN)).toBeNull();
    const args = festivalArguments('/o.wav', { wordsPerMinute: 175, voice: 'kal_diphone', pitch: -30 });
    expect(args.indexOf('(voice_kal_diphone)')).toBeLessThan(args.findIndex((arg) => arg.includes('target_f0_mean')));
    expect(args.at(-1)).toContain('(* 0.700 ');
  });

  it('say: a relative [[pbas]] in semitones before the text, none for the voice\'s own', () => {
    expect(sayText('Hello.', 0)).toBe('Hello.');
    expect(sayText('Hello.', 50)).toBe('[[pbas +7.0]] Hello.');
    expect(sayText('Hello.', -50)).toBe('[[pbas -12.0]] Hello.');
  });

  it('speech-dispatcher: -p and -i per utterance; full volume is its normal one', () => {
    expect(spdPitch(25)).toBe(50);
    expect(spdVolume(1)).toBe(0);
    expect(spdVolume(0.5)).toBe(-50);
    expect(spdVolume(undefined)).toBe(0);
    expect(spdSayArguments({ wordsPerMinute: 175, voice: null, lang: null, module: null })).toEqual(['-e', '-w', '-N', 'article-player', '-r', '0']);
    expect(spdSayArguments({ wordsPerMinute: 175, voice: null, lang: null, module: null, pitch: -10, volume: 0.7 })).toEqual(['-e', '-w', '-N', 'article-player', '-r', '0', '-p', '-20', '-i', '-30']);
  });
});

describe('the pitch heard (real engines)', () => {
  const text = 'The quick brown fox jumps over the lazy dog, and then it rests.';
  const options = { voice: null, lang: 'en', wordsPerMinute: 175 };
  const espeak = new EspeakNgEngine();
  afterAll(() => espeak.close());

  it('espeak-ng speaks higher and lower, and keeps its word marks from the library', async () => {
    const [low, normal, high] = await Promise.all([-40, 0, 40].map((pitch) => espeak.synthesize(text, { ...options, pitch })));
    const [f0Low, f0Normal, f0High] = [low!, normal!, high!].map(medianF0);
    expect(f0High).toBeGreaterThan(f0Normal! * 1.1);
    expect(f0Low).toBeLessThan(f0Normal! * 0.9);
    expect(high!.wordMarks?.length).toBe(normal!.wordMarks?.length);
    expect(high!.wordMarks!.length).toBeGreaterThan(5);
  });

  it('festival speaks higher with the diphone voice', async () => {
    const festival = new FestivalEngine();
    const [normal, high] = await Promise.all([0, 40].map((pitch) => festival.synthesize(text, { ...options, pitch })));
    expect(medianF0(high!)).toBeGreaterThan(medianF0(normal!) * 1.15);
  }, 30_000);
});
