import { describe, expect, it } from 'vitest';
import { exportArticleAudio } from '../../main/export/exportArticleAudio';
import { toWebVtt } from '../../main/export/webVtt';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import { parseWav, pcmDurationMs } from '../../main/speech/wav';

const engine = new EspeakNgEngine();
const texts = ['The first paragraph is short.', 'The second paragraph is a little longer, with two sentences. Here is the second one.', 'The end.'];
const speak = (text: string, signal?: AbortSignal) => synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1.5, signal });

describe('exportArticleAudio (real espeak-ng)', () => {
  it('joins every paragraph with the pause; its length is the sum of the paragraph audio within 1%', async () => {
    const paragraphMs = await Promise.all(texts.map(async (text) => pcmDurationMs(parseWav((await speak(text)).audio))));
    const progress: number[] = [];
    const exported = await exportArticleAudio(texts, speak, { title: 'Test', format: 'wav', paragraphPauseMs: 400, onProgress: (f) => progress.push(f) });
    const expectedMs = paragraphMs.reduce((a, b) => a + b, 0) + 2 * 400;
    const actualMs = pcmDurationMs(parseWav(exported.audio));
    expect(Math.abs(actualMs - expectedMs) / expectedMs).toBeLessThan(0.01);
    expect(exported.durationMs).toBeCloseTo(actualMs, 3);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('has one cue per paragraph, in order, starting where each paragraph starts', async () => {
    const exported = await exportArticleAudio(texts, speak, { title: 'Test', format: 'wav', paragraphPauseMs: 500 });
    expect(exported.cueList).toHaveLength(texts.length);
    for (let i = 1; i < exported.cueList.length; i++) {
      expect(exported.cueList[i]!.startMs).toBeCloseTo(exported.cueList[i - 1]!.endMs + 500, 0);
    }
    const vtt = exported.cues.split('\n');
    expect(vtt[0]).toBe('WEBVTT');
    const times = vtt.filter((line) => line.includes(' --> '));
    expect(times).toHaveLength(3);
    expect(times[0]).toMatch(/^00:00:00\.000 --> 00:00:0\d\.\d{3}$/);
    expect(vtt).toContain('The end.');
  });

  it('writes MP3 (an MPEG audio frame header) much smaller than WAV', async () => {
    const wav = await exportArticleAudio(texts, speak, { title: 'Test', format: 'wav', paragraphPauseMs: 300 });
    const mp3 = await exportArticleAudio(texts, speak, { title: 'Test', format: 'mp3', paragraphPauseMs: 300 });
    expect(mp3.mimeType).toBe('audio/mpeg');
    expect(mp3.audio[0]).toBe(0xff);
    expect(mp3.audio[1]! & 0xe0).toBe(0xe0); // frame sync
    expect(mp3.audio.length).toBeLessThan(wav.audio.length / 4);
    expect(mp3.durationMs).toBeCloseTo(wav.durationMs, 3);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const running = exportArticleAudio(texts, speak, { title: 'T', format: 'wav', paragraphPauseMs: 0, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(running).rejects.toThrow();
  });
});

describe('WebVTT', () => {
  it('keeps cue text from breaking the format', () => {
    const vtt = toWebVtt('A --> title', [{ startMs: 3_723_004, endMs: 3_724_000, text: 'Arrows --> and\n\nblank lines' }]);
    expect(vtt).toContain('01:02:03.004 --> 01:02:04.000');
    expect(vtt).toContain('Arrows → and blank lines');
    expect(vtt.match(/-->/g)).toHaveLength(1);
  });
});
