/** Silence trimming: long inner silences shortened, times shifted to match, the configured pauses left alone. */
import { describe, expect, it } from 'vitest';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import { blockCacheKey } from '../../main/speech/synthesisCache';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import { KEPT_SILENCE_MS, shiftTime, shortenLongSilences, trimSentenceSilences } from '../../main/speech/trimSilence';
import { innerSilences, parseWav, pcmDurationMs, type Pcm } from '../../main/speech/wav';

const RATE = 10_000; // samples per second: 10 per millisecond
/** Sound (a square wave) and silence, in milliseconds. */
function pcmOf(pattern: Array<['sound' | 'silence', number]>, channels = 1): Pcm {
  const frames: number[] = [];
  for (const [kind, ms] of pattern) for (let i = 0; i < ms * 10; i++) frames.push(kind === 'sound' ? (i % 20 < 10 ? 8000 : -8000) : 0);
  const samples = new Int16Array(frames.length * channels);
  frames.forEach((value, i) => samples.fill(value, i * channels, (i + 1) * channels));
  return { sampleRate: RATE, channels, samples };
}

describe('shortenLongSilences', () => {
  const pcm = pcmOf([['sound', 200], ['silence', 300], ['sound', 200], ['silence', 50], ['sound', 100]]);

  it('shortens a long silence to the kept length and leaves a short one', () => {
    const { pcm: out, cuts } = shortenLongSilences(pcm);
    expect(pcmDurationMs(pcm)).toBe(850);
    expect(cuts).toHaveLength(1);
    expect(pcmDurationMs(out)).toBeCloseTo(850 - 300 + KEPT_SILENCE_MS, 0);
    const silences = innerSilences(out, 20).map((s) => Math.round(s.endMs - s.startMs));
    expect(silences).toEqual([KEPT_SILENCE_MS, 50]);
  });

  it('keeps stereo frames whole', () => {
    const stereo = pcmOf([['sound', 100], ['silence', 400], ['sound', 100]], 2);
    const { pcm: out } = shortenLongSilences(stereo);
    expect(out.samples.length % 2).toBe(0);
    expect(pcmDurationMs(out)).toBeCloseTo(200 + KEPT_SILENCE_MS, 0);
  });

  it('shifts times after a cut by what was cut, and a time inside a cut to where it was', () => {
    const { cuts } = shortenLongSilences(pcm);
    const removed = 300 - KEPT_SILENCE_MS;
    expect(shiftTime(cuts, 100)).toBe(100);
    expect(shiftTime(cuts, 600)).toBeCloseTo(600 - removed, 6);
    expect(shiftTime(cuts, 350)).toBeCloseTo(cuts[0]!.startMs, 6);
    expect(shiftTime(cuts, 850)).toBeCloseTo(850 - removed, 6);
  });

  it('shifts word marks and clause pauses of a sentence with the audio', () => {
    const part = { ...pcm, trimmedMs: 40, marks: [{ charStart: 0, charEnd: 4, startMs: 40 }, { charStart: 5, charEnd: 9, startMs: 40 + 500 }], pauses: [{ startMs: 200, endMs: 500 }] };
    const trimmed = trimSentenceSilences(part, 1);
    const removed = 300 - KEPT_SILENCE_MS;
    expect(trimmed.marks.map((m) => m.startMs)).toEqual([40, 40 + 500 - removed]);
    expect(trimmed.pauses[0]!.endMs - trimmed.pauses[0]!.startMs).toBeCloseTo(KEPT_SILENCE_MS, 6);
    expect(trimSentenceSilences({ ...part, ...pcmOf([['sound', 300]]) }, 1).samples).toHaveLength(3000); // nothing long to cut
  });
});

describe('synthesizeBlock with silence trimming (real espeak-ng)', () => {
  const engine = new EspeakNgEngine();
  const text = 'First, as they say, we wait; then, after a while, we go on. The pause between sentences stays as it was set.';

  it('makes the audio shorter, keeps the timeline true to it and the sentence pause as configured', async () => {
    const plain = await synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1, sentencePauseMs: 300 });
    const trimmed = await synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1, sentencePauseMs: 300, trimSilences: true });
    expect(trimmed.timeline.durationMs).toBeLessThan(plain.timeline.durationMs - 200);
    expect(trimmed.timeline.durationMs).toBeCloseTo(pcmDurationMs(parseWav(trimmed.audio)), 3);
    const [first, second] = trimmed.timeline.sentences;
    expect(second!.startMs - first!.endMs).toBeCloseTo(300, 0);
    expect(second!.endMs).toBeCloseTo(trimmed.timeline.durationMs, 3);
    // The second sentence has no commas: its length is untouched.
    const plainSecond = plain.timeline.sentences[1]!;
    expect(second!.endMs - second!.startMs).toBeCloseTo(plainSecond.endMs - plainSecond.startMs, 0);
    for (const sentence of trimmed.timeline.sentences) {
      let cursor = sentence.startMs;
      for (const word of sentence.words) {
        expect(word.startMs).toBeGreaterThanOrEqual(cursor - 1e-6);
        expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
        cursor = word.endMs;
      }
      expect(cursor).toBeCloseTo(sentence.endMs, 6);
    }
    // "then" comes after the semicolon's pause, which was shortened: it starts earlier than without trimming.
    const then = text.indexOf('then');
    const startOf = (block: typeof plain) => block.timeline.sentences[0]!.words.find((w) => w.charStart === then)!.startMs;
    expect(startOf(trimmed)).toBeLessThan(startOf(plain) - 50);
  });

  it('is part of the synthesis cache key', () => {
    const request = { text, lang: 'en', voice: null, rate: 1 };
    expect(blockCacheKey('espeak-ng', { ...request, trimSilences: true })).not.toBe(blockCacheKey('espeak-ng', request));
    expect(blockCacheKey('espeak-ng', { ...request, trimSilences: false })).toBe(blockCacheKey('espeak-ng', request));
  });
});
