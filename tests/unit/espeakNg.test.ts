import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { espeakArguments, EspeakNgEngine, parseEspeakVoices } from '../../main/speech/espeakNg';
import { voiceForLanguage } from '../../main/speech/SpeechEngine';
import { pcmDurationMs } from '../../main/speech/wav';

const engine = new EspeakNgEngine();

describe('espeak-ng adapter (real engine)', () => {
  it('lists the installed voices from espeak-ng --voices', async () => {
    const voices = parseEspeakVoices(execFileSync('espeak-ng', ['--voices']).toString());
    expect(voices.length).toBeGreaterThan(50);
    expect(voices).toContainEqual({ id: 'en-us', lang: 'en-us', name: 'English (America)' });
    expect(await engine.listVoices()).toEqual(voices);
  });

  it('picks a voice for a language tag', async () => {
    const voices = await engine.listVoices();
    expect(voiceForLanguage(voices, 'en-US')?.id).toBe('en-us');
    expect(voiceForLanguage(voices, 'de-AT')?.lang.startsWith('de')).toBe(true);
    expect(voiceForLanguage(voices, null)).toBeNull();
  });

  it('speaks faster at a higher rate', async () => {
    const text = 'The quick brown fox jumps over the lazy dog near the river bank.';
    const normal = await engine.synthesize(text, { voice: null, lang: 'en', wordsPerMinute: 175 });
    const fast = await engine.synthesize(text, { voice: null, lang: 'en', wordsPerMinute: 350 });
    expect(pcmDurationMs(fast)).toBeLessThan(pcmDurationMs(normal) * 0.7);
  });

  it('keeps text out of argv: text that looks like options or shell is spoken, not run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-espeak-'));
    const hostile = `-w ${dir}/owned.wav --voices $(touch ${dir}/owned) \`touch ${dir}/owned2\` ") (system "touch ${dir}/owned3") (SayText "`;
    const args = espeakArguments({ wordsPerMinute: 175, voice: null });
    expect(args.join(' ')).not.toContain('touch');
    const pcm = await engine.synthesize(hostile, { voice: null, lang: 'en', wordsPerMinute: 400 });
    expect(pcm.samples.length).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails with a clear message for a voice that does not exist', async () => {
    await expect(engine.synthesize('Hello.', { voice: 'xx-nonexistent', lang: null, wordsPerMinute: 175 })).rejects.toThrow(/espeak-ng.*voice does not exist/i);
  });

  it('clamps rates outside what the engine supports', () => {
    expect(espeakArguments({ wordsPerMinute: 5, voice: null })).toContain('80');
    expect(espeakArguments({ wordsPerMinute: 99_999, voice: 'en-us' })).toEqual(['-b', '1', '--stdin', '-s', '1000', '--stdout', '-v', 'en-us']);
  });
});
