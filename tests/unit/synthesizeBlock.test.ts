import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../shared/segment';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import type { SpeechEngine } from '../../main/speech/SpeechEngine';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import { parseWav, pcmDurationMs } from '../../main/speech/wav';

const engine = new EspeakNgEngine();
const text = 'Article Player reads articles aloud. Each sentence is timed on its own! Does the timeline match the audio?';

describe('synthesizeBlock (real espeak-ng)', () => {
  it('returns one WAV whose duration the timeline describes, one entry per sentence', async () => {
    const block = await synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1, sentencePauseMs: 300 });
    const pcm = parseWav(block.audio);
    expect(block.mimeType).toBe('audio/wav');
    expect(block.timeline.durationMs).toBeCloseTo(pcmDurationMs(pcm), 3);
    const spans = splitSentences(text, 'en');
    expect(block.timeline.sentences.map((s) => text.slice(s.charStart, s.charEnd))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
    const [first, second, third] = block.timeline.sentences;
    expect(first!.startMs).toBe(0);
    expect(second!.startMs - first!.endMs).toBeCloseTo(300, 0); // the configured pause, not the engine's silence
    expect(third!.endMs).toBeCloseTo(block.timeline.durationMs, 3);
    for (const sentence of block.timeline.sentences) {
      expect(sentence.words.length).toBeGreaterThan(3);
      expect(sentence.words[0]!.startMs).toBeCloseTo(sentence.startMs, 6);
      expect(sentence.words.at(-1)!.endMs).toBeCloseTo(sentence.endMs, 6);
    }
  });

  it('is shorter at twice the rate', async () => {
    const normal = await synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1 });
    const fast = await synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 2 });
    expect(fast.timeline.durationMs).toBeLessThan(normal.timeline.durationMs * 0.75);
  });

  it('reports an engine that produces nothing', async () => {
    const silent: SpeechEngine = {
      id: 'silent',
      name: 'Silent engine',
      normalWordsPerMinute: 175,
      listVoices: async () => [],
      synthesize: async () => ({ sampleRate: 22050, channels: 1, samples: new Int16Array(100) }),
    };
    await expect(synthesizeBlock(silent, { text, lang: null, voice: null, rate: 1 })).rejects.toThrow('Silent engine produced no audio');
  });

  it('refuses a block with nothing to read', async () => {
    await expect(synthesizeBlock(engine, { text: '   ', lang: null, voice: null, rate: 1 })).rejects.toThrow(/nothing to read/);
  });
});
