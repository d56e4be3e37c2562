/**
 * espeak-ng with libespeak-ng for real (a process of its own loads the library with koffi): the library's
 * word events become word marks on the text's words, the audio is the command's, and a library that
 * cannot load leaves estimated word times, saying why.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { splitWords } from '../../shared/segment';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import { pcmDurationMs } from '../../main/speech/wav';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';

const engine = new EspeakNgEngine();
const command = new EspeakNgEngine('espeak-ng', null, null);
afterAll(() => engine.close());
const options = { voice: null, lang: 'en', wordsPerMinute: 175 };

describe('espeak-ng through its library (real library)', () => {
  it('loads the library here', async () => {
    expect(await engine.backend()).toEqual({ kind: 'library' });
  });

  it('gives one mark per word, in order, inside the text, at times that increase within the audio', async () => {
    const text = 'In 2024 the café reported revenue of $14,499 million, up 12% from 1999 😀 and more.';
    const said = await engine.synthesize(text, options);
    const marks = said.wordMarks ?? [];
    const words = splitWords(text, 'en');
    expect(marks.map((mark) => text.slice(mark.charStart, mark.charEnd))).toEqual(words.map((word) => text.slice(word.start, word.end)));
    const durationMs = pcmDurationMs(said);
    for (let i = 1; i < marks.length; i++) {
      expect(marks[i]!.charStart).toBeGreaterThanOrEqual(marks[i - 1]!.charEnd);
      expect(marks[i]!.startMs).toBeGreaterThan(marks[i - 1]!.startMs);
    }
    expect(marks.at(-1)!.charEnd).toBeLessThanOrEqual(text.length);
    expect(marks.at(-1)!.startMs).toBeLessThan(durationMs);
  });

  it('gives the espeak-ng command\'s audio, to the sample, with the marks added', async () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    for (const wordsPerMinute of [120, 175, 400]) {
      const withMarks = await engine.synthesize(text, { ...options, wordsPerMinute });
      const fromCommand = await command.synthesize(text, { ...options, wordsPerMinute });
      expect(Buffer.from(withMarks.samples.buffer).equals(Buffer.from(fromCommand.samples.buffer))).toBe(true);
      expect(withMarks.wordMarks).toHaveLength(9);
      expect(withMarks.wordMarks!.at(-1)!.startMs).toBeLessThan(pcmDurationMs(fromCommand) * 0.95);
      expect(fromCommand.wordMarks).toBeUndefined();
    }
  });

  it('uses the voice asked for, and names a voice that does not exist', async () => {
    const english = await engine.synthesize('Guten Morgen, wie geht es dir heute?', { ...options, voice: 'en' });
    const german = await engine.synthesize('Guten Morgen, wie geht es dir heute?', { ...options, voice: 'de', lang: 'de' });
    expect(german.wordMarks).toHaveLength(7);
    expect(pcmDurationMs(german)).not.toBeCloseTo(pcmDurationMs(english), -1);
    await expect(engine.synthesize('Hello.', { ...options, voice: 'xx-nonexistent' })).rejects.toThrow(/espeak-ng.*voice does not exist/);
    // The engine goes on after the failure.
    expect((await engine.synthesize('Hello again.', options)).wordMarks).toHaveLength(2);
  });

  it('answers requests made together, each with its own text', async () => {
    const texts = ['One.', 'One two three four five six seven eight.', 'One two three.'];
    const said = await Promise.all(texts.map((text) => engine.synthesize(text, options)));
    expect(said.map((s) => s.wordMarks?.length)).toEqual([1, 8, 3]);
    expect(pcmDurationMs(said[1]!)).toBeGreaterThan(pcmDurationMs(said[2]!));
  });

  it('rejects a request aborted before its turn', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.synthesize('Never said.', { ...options, signal: controller.signal })).rejects.toThrow(/abort|cancel/i);
  });

  it('gives synthesizeBlock word times from the marks, on the displayed words', async () => {
    const text = 'Hello there, my friend. It is 10:30 now.';
    const block = await synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1.5 });
    const words = block.timeline.sentences.flatMap((sentence) => sentence.words);
    expect(words.map((word) => text.slice(word.charStart, word.charEnd))).toEqual(splitWords(text, 'en').map((word) => text.slice(word.start, word.end)));
    for (let i = 1; i < words.length; i++) expect(words[i]!.startMs).toBeGreaterThanOrEqual(words[i - 1]!.endMs - 0.001);
    expect(words.at(-1)!.endMs).toBeLessThanOrEqual(block.timeline.durationMs + 1e-6);
  });
});

describe('espeak-ng when its library cannot load', () => {
  it('says why once on stderr and still speaks, without marks (word times are then estimated)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const broken = new EspeakNgEngine('espeak-ng', null, '/nowhere/libespeak-ng-missing.so.1');
      const backend = await broken.backend();
      expect(backend.kind).toBe('command');
      expect(backend.kind === 'command' && backend.reason).toMatch(/\/nowhere\/libespeak-ng-missing\.so\.1 could not load/);
      const said = await broken.synthesize('Hello there.', options);
      expect(said.samples.length).toBeGreaterThan(0);
      expect(said.wordMarks).toBeUndefined();
      await broken.synthesize('Hello again.', options);
      const lines = logged.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('espeak-ng library is not used'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/libespeak-ng-missing.*espeak-ng command/);
    } finally {
      logged.mockRestore();
    }
  });
});
