/**
 * A passage the engine cannot say does not stop the reading (real espeak-ng 1.51, which aborts on the
 * regression texts): the failing part is narrowed down, the rest is said, a simplified form is tried,
 * and what is left out keeps its place in the timeline and is named in the block's `skipped`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { splitWords } from '../../shared/segment';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import { simplifyForSpeech } from '../../main/speech/speakAroundFailures';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import { parseWav, pcmDurationMs } from '../../main/speech/wav';
import { LETTER_RUN, REPEATED_LETTER_DOTS, WORD_WITH_SUFFIX_RUN } from '../fixtures/speech/espeakCrashes';

const engine = new EspeakNgEngine();
afterAll(() => engine.close());
const block = (text: string) => synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1 });
const wordsOf = (result: Awaited<ReturnType<typeof block>>, text: string) => result.timeline.sentences.flatMap((s) => s.words).map((w) => text.slice(w.charStart, w.charEnd));

describe('simplifyForSpeech', () => {
  it('shortens runs of one character and of short groups, and leaves ordinary text alone', () => {
    expect(simplifyForSpeech(WORD_WITH_SUFFIX_RUN)).toBe("word's's");
    expect(simplifyForSpeech(REPEATED_LETTER_DOTS)).toBe('a.a.');
    expect(simplifyForSpeech('Nooooooooo!!!!!!!')).toBe('Nooo!!!');
    expect(simplifyForSpeech('The quick brown fox, 1999.')).toBe('The quick brown fox, 1999.');
    expect(simplifyForSpeech(LETTER_RUN)).toBe(LETTER_RUN); // nothing repeats: it cannot be made simpler this way
  });
});

describe('a sentence the engine aborts on (real espeak-ng)', () => {
  it('a line nothing can simplify is left out: the rest of the sentence and paragraph is said, the timeline passes over it', async () => {
    const text = `The paragraph begins well. Here is the line: ${LETTER_RUN} And then it goes on to the end.`;
    const result = await block(text);
    expect(result.skipped).toEqual([{ charStart: text.indexOf(LETTER_RUN), charEnd: text.indexOf(LETTER_RUN) + LETTER_RUN.length }]);
    // Every word keeps its place, the one left out included, in order and inside the audio.
    expect(wordsOf(result, text)).toEqual(splitWords(text, 'en').map((w) => text.slice(w.start, w.end)));
    const words = result.timeline.sentences.flatMap((s) => s.words);
    for (let i = 1; i < words.length; i++) expect(words[i]!.startMs).toBeGreaterThanOrEqual(words[i - 1]!.startMs);
    const duration = pcmDurationMs(parseWav(result.audio));
    expect(Math.abs(duration - result.timeline.durationMs)).toBeLessThan(1);
    // The words after the passage are said: the audio is far longer than the first sentence alone.
    const first = await block('The paragraph begins well.');
    expect(result.timeline.durationMs).toBeGreaterThan(first.timeline.durationMs * 3);
  });

  it('a word with a long run of \'s is said simplified: nothing is left out', async () => {
    const text = `It was the ${WORD_WITH_SUFFIX_RUN} that did it.`;
    const result = await block(text);
    expect(result.skipped).toBeUndefined();
    expect(result.timeline.sentences).toHaveLength(1);
    expect(wordsOf(result, text)).toContain(WORD_WITH_SUFFIX_RUN);
    expect(result.timeline.durationMs).toBeGreaterThan(1000);
  });

  it('a sentence that is only the crashing text, among others: the others are said', async () => {
    const text = `First sentence here. ${REPEATED_LETTER_DOTS} Last sentence here.`;
    const result = await block(text);
    expect(result.skipped).toBeUndefined(); // "a.a." is said instead
    expect(wordsOf(result, text)).toEqual(splitWords(text, 'en').map((w) => text.slice(w.start, w.end)));
    const first = await block('First sentence here.');
    expect(result.timeline.durationMs).toBeGreaterThan(first.timeline.durationMs * 2);
  });

  it('a paragraph that is nothing but an unsayable line becomes a short silence, named as left out', async () => {
    const result = await block(LETTER_RUN);
    expect(result.skipped).toEqual([{ charStart: 0, charEnd: LETTER_RUN.length }]);
    expect(result.timeline.durationMs).toBeGreaterThan(200);
    expect(result.timeline.durationMs).toBeLessThan(1000);
    expect(result.timeline.sentences[0]!.words.length).toBeGreaterThan(0);
  });

  it('a failure that is not the text\'s (a missing engine) is not narrowed down', async () => {
    const missing = new EspeakNgEngine('/nonexistent/espeak-ng', null, null);
    await expect(synthesizeBlock(missing, { text: 'One. Two, three.', lang: 'en', voice: 'en', rate: 1 })).rejects.toThrow(/not installed/);
  });
});
