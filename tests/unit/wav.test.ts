import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { encodeWav, parseWav, pcmDurationMs, silence, trimSilence, WavFormatError } from '../../main/speech/wav';

describe('WAV codec', () => {
  it('reads espeak-ng --stdout output, whose header carries placeholder sizes', () => {
    const bytes = execFileSync('espeak-ng', ['--stdin', '--stdout'], { input: 'Hello world.' });
    expect(bytes.readUInt32LE(40)).toBeGreaterThan(bytes.length); // the placeholder this reader must tolerate
    const pcm = parseWav(bytes);
    expect(pcm.sampleRate).toBe(22050);
    expect(pcm.channels).toBe(1);
    expect(pcm.samples.length).toBe((bytes.length - 44) / 2);
    expect(pcmDurationMs(pcm)).toBeGreaterThan(500);
  });

  it('writes a header with true sizes and reads it back identically', () => {
    const samples = Int16Array.from({ length: 1001 }, (_, i) => Math.round(Math.sin(i / 5) * 12000));
    const bytes = encodeWav({ sampleRate: 16000, channels: 1, samples });
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(view.getUint32(40, true)).toBe(samples.length * 2);
    expect(Array.from(parseWav(bytes).samples)).toEqual(Array.from(samples));
  });

  it('refuses what is not 16-bit PCM WAV', () => {
    expect(() => parseWav(new TextEncoder().encode('<html>not audio</html>'))).toThrow(WavFormatError);
    const float = encodeWav({ sampleRate: 8000, channels: 1, samples: new Int16Array(4) });
    new DataView(float.buffer).setUint16(20, 3, true); // IEEE float
    expect(() => parseWav(float)).toThrow(/unsupported/);
  });

  it('trims silence at both ends but keeps a margin', () => {
    const format = { sampleRate: 1000, channels: 1 };
    const sound = Int16Array.from({ length: 100 }, () => 5000);
    const samples = new Int16Array(600);
    samples.set(silence(format, 200), 0);
    samples.set(sound, 200);
    const trimmed = trimSilence({ ...format, samples }, 300, 15);
    expect(trimmed.samples.length).toBe(100 + 2 * 15);
    expect(trimSilence({ ...format, samples: new Int16Array(50) }).samples.length).toBe(0);
  });
});
