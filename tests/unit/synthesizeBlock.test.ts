import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../shared/segment';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import type { SpeechEngine } from '../../main/speech/SpeechEngine';
import { FestivalEngine } from '../../main/speech/festival';
import { synthesizeBlock, wordTimingsFromMarks } from '../../main/speech/synthesizeBlock';
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

  it('times words near where espeak-ng says them, numbers and clause pauses included', async () => {
    // What is measured: when a word starts in the block's audio, against how long espeak-ng takes to
    // say the text before it on its own (the real boundary, give or take the end of a phrase being
    // drawn out, and the comma's pause). With espeak-ng's word events the errors are about 135, 96, 124
    // and 98 ms (the estimate's were 135, 217, 135 and 46 ms); estimating by
    // letters alone, "from" was 570 ms off: "$14,499" is five spoken words.
    const sentence = 'In 2024 the company reported revenue of $14,499 million, up 12% from 1999, and it grew again.';
    const block = await synthesizeBlock(engine, { text: sentence, lang: 'en', voice: null, rate: 1 });
    const words = block.timeline.sentences[0]!.words;
    const prefixMs = async (upTo: string) => (await synthesizeBlock(engine, { text: sentence.slice(0, sentence.indexOf(upTo)).trim(), lang: 'en', voice: null, rate: 1 })).timeline.durationMs;
    for (const word of ['up', 'from', 'and', 'grew']) {
      const timing = words.find((w) => sentence.slice(w.charStart, w.charEnd) === word)!;
      const spokenBefore = await prefixMs(` ${word} `);
      expect(Math.abs(timing.startMs - spokenBefore), word).toBeLessThan(300); // letters alone: 570 ms off at "from"
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

  it('works the same with the real festival engine (another sample rate)', async () => {
    const block = await synthesizeBlock(new FestivalEngine(), { text, lang: 'en', voice: null, rate: 1, sentencePauseMs: 300 });
    const pcm = parseWav(block.audio);
    expect(pcm.sampleRate).toBe(16000);
    expect(block.timeline.sentences).toHaveLength(3);
    expect(block.timeline.durationMs).toBeCloseTo(pcmDurationMs(pcm), 3);
    expect(block.timeline.sentences[1]!.startMs - block.timeline.sentences[0]!.endMs).toBeCloseTo(300, 0);
  });
});

describe('word times from engine marks', () => {
  // Sentence "Hello big world." at offset 100 of its block; the engine's audio began with 50 ms of
  // silence that trimming removed, and the sentence sits at 1000..2000 ms in the block.
  const span = { start: 100, end: 116 };
  const marks = [
    { charStart: 0, charEnd: 5, startMs: 60 },
    { charStart: 6, charEnd: 9, startMs: 450 },
    { charStart: 10, charEnd: 15, startMs: 700 },
  ];

  it('places each word at its mark, shifted by what trimming removed, ending where the next begins', () => {
    expect(wordTimingsFromMarks(marks, span, 50, 1000, 2000)).toEqual([
      { charStart: 100, charEnd: 105, startMs: 1000, endMs: 1400 },
      { charStart: 106, charEnd: 109, startMs: 1400, endMs: 1650 },
      { charStart: 110, charEnd: 115, startMs: 1650, endMs: 2000 },
    ]);
  });

  it('keeps times inside the sentence and drops marks outside its text', () => {
    const words = wordTimingsFromMarks([...marks, { charStart: 14, charEnd: 40, startMs: 5000 }], span, 0, 1000, 1500);
    expect(words).toHaveLength(3);
    expect(words.every((w) => w.startMs >= 1000 && w.endMs <= 1500)).toBe(true);
  });

  it('is used by synthesizeBlock for an engine that reports marks', async () => {
    const marked: SpeechEngine = {
      id: 'marked',
      name: 'Marked engine',
      normalWordsPerMinute: 175,
      listVoices: async () => [],
      synthesize: async (sentence) => {
        const pcm = await engine.synthesize(sentence, { voice: null, lang: 'en', wordsPerMinute: 175 });
        return { ...pcm, wordMarks: [{ charStart: 0, charEnd: 5, startMs: 0 }, { charStart: 6, charEnd: 9, startMs: 333 }] };
      },
    };
    const block = await synthesizeBlock(marked, { text: 'Hello big world.', lang: 'en', voice: null, rate: 1 });
    const words = block.timeline.sentences[0]!.words;
    expect(words.map((w) => [w.charStart, w.charEnd])).toEqual([[0, 5], [6, 9]]); // the engine's words, not estimated ones
    expect(words[1]!.endMs).toBe(block.timeline.sentences[0]!.endMs);
  });
});
