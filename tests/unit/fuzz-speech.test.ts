/**
 * Hostile text through the real engines on the app's path (espeak-ng with its library in its own
 * process, festival), as synthesizeBlock gives it to them: long runs of one character, punctuation,
 * apostrophes and suffixes, single letters with dots, very long words, control and private-use
 * characters, mixed scripts, SSML- and Scheme-looking text, and a 1 MB paragraph. Whatever the text,
 * this process (the one serving the app) never dies, each call answers within its time limit, and the
 * sentences around the hostile one are spoken. Crashes found are kept in tests/fixtures/speech/espeakCrashes.ts.
 * Runs are few and bounded (each engine call takes 10 to 300 ms); FUZZ_SPEECH_RUNS raises them.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { splitWords } from '../../shared/segment';
import { EspeakLibraryProcess } from '../../main/speech/espeakLibraryProcess';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import { FestivalEngine } from '../../main/speech/festival';
import { findExecutable } from '../../main/process/runProcess';
import type { SpeechEngine } from '../../main/speech/SpeechEngine';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import * as crashes from '../fixtures/speech/espeakCrashes';

const RUNS = Number(process.env.FUZZ_SPEECH_RUNS ?? 0) || 0;
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** One hostile stretch of text, of the kinds that break speech engines. */
const hostile = fc.oneof(
  // long runs of one character
  fc.tuple(fc.constantFrom('a', 'x', '.', '!', '-', '=', '_', "'", '"', '0', '9', 'é', 'ß', 'ж', '中', '😀', ' ', '\t', '*', '#'), fc.integer({ min: 20, max: 600 })).map(([c, n]) => c.repeat(n)),
  // punctuation soup
  fc.array(fc.constantFrom(...'.,;:!?…—–-()[]{}<>"\'`´«»„“”‘’/\\|@#$%^&*~+=_'), { minLength: 5, maxLength: 300 }).map((a) => a.join('')),
  // a word and a run of apostrophes and suffixes
  fc.tuple(fc.constantFrom('word', 'it', 'John', 'x', 'Zoë'), fc.constantFrom("'s", "'d", "'ll", "'", "'re", 's', "'t"), fc.integer({ min: 10, max: 150 })).map(([w, s, n]) => w + s.repeat(n)),
  // single letters with dots, with or without spaces
  fc.tuple(fc.array(fc.constantFrom(...letters), { minLength: 20, maxLength: 150 }), fc.constantFrom('.', '. ', '.-', '..')).map(([ls, sep]) => ls.join(sep) + sep),
  // very long words
  fc.string({ unit: fc.constantFrom(...letters), minLength: 100, maxLength: 1500 }),
  // control and private-use characters among words
  fc.array(fc.oneof(fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u200b', '\u202e', '\ufeff', '\ufffd', '\ue000', '\uf8ff', '\u{f0000}', '\u{10fffd}', 'word'), fc.integer({ min: 0xe000, max: 0xf8ff }).map((c) => String.fromCodePoint(c))), { minLength: 5, maxLength: 200 }).map((a) => a.join('')),
  // mixed scripts
  fc.array(fc.constantFrom('Москва', '東京', 'こんにちは', '서울', 'مرحبا', 'שלום', 'ประเทศไทย', 'नमस्ते', 'Ελλάδα', 'naïve', 'e\u0301\u0301\u0301', '👨‍👩‍👧', '🇫🇷', '𝟘𝟙', '٣٤٥'), { minLength: 3, maxLength: 80 }).map((a) => a.join(' ')),
  // SSML- and Scheme-looking text
  fc.constantFrom(
    '<speak><break time="100000s"/><prosody rate="x-slow">slow</prosody></speak>',
    '<?xml version="1.0"?><!DOCTYPE speak [<!ENTITY a "aaaaaaaaaa">]><speak>&a;&a;&a;</speak>',
    '<mark name="x"/><audio src="file:///etc/passwd"/>',
    '[[h@l@U]] [[ ]] [[%%%%%%%%]]',
    '") (system "touch /tmp/owned") (SayText "',
    "(set! Duration_Stretch 1000) (quit) '(a . b) #t #f",
    '(define (f) (f)) (f)',
  ),
);

/** A paragraph with the hostile stretch between two plain sentences, sometimes inside a sentence. */
const paragraph = fc.tuple(hostile, fc.boolean()).map(([text, inside]) => (inside ? `Before it comes this. Here it is ${text} and after it. The end is here.` : `Before it comes this. ${text} The end is here.`));

/** `plainMs`: the two plain sentences said alone, without the hostile text. */
function expectAroundSpoken(text: string, block: Awaited<ReturnType<typeof synthesizeBlock>>, plainMs: number): void {
  const timed = block.timeline.sentences.flatMap((s) => s.words).map((w) => text.slice(w.charStart, w.charEnd));
  // The plain sentences around the hostile text keep their words, in the timeline and (by its length) in the audio.
  for (const word of ['Before', 'comes', 'end', 'here']) expect(timed).toContain(word);
  expect(block.timeline.durationMs).toBeGreaterThan(plainMs * 0.9);
  const first = block.timeline.sentences[0]!;
  expect(first.endMs).toBeGreaterThan(first.startMs + 300);
  const last = block.timeline.sentences.at(-1)!;
  expect(last.endMs - last.startMs).toBeGreaterThan(300);
}

const PLAIN = 'Before it comes this. The end is here.';
const plainMs = async (engine: SpeechEngine) => (await synthesizeBlock(engine, { text: PLAIN, lang: 'en', voice: null, rate: 1 })).timeline.durationMs;

describe('hostile text through espeak-ng (library in its own process, real engine)', () => {
  const library = new EspeakLibraryProcess('libespeak-ng.so.1');
  // A time limit per call of its own, so a hang is cut off within the test's bounds.
  const engine = new EspeakNgEngine('espeak-ng', 8000, 'libespeak-ng.so.1', library);
  afterAll(() => engine.close());

  let plain = 0;
  it('uses the library here (else the boundary is not what is tested)', async () => {
    expect(await engine.backend()).toEqual({ kind: 'library' });
    plain = await plainMs(engine);
    expect(plain).toBeGreaterThan(1000);
  });

  it.each(Object.entries(crashes))('regression case %s: the sentences around it are spoken', async (_name, crash) => {
    const text = `Before it comes this. ${crash} The end is here.`;
    expectAroundSpoken(text, await synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1 }), plain);
  });

  it('never takes this process down, answers each call, and speaks the sentences around it', async () => {
    await fc.assert(
      fc.asyncProperty(paragraph, async (text) => {
        const started = performance.now();
        const block = await synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1 });
        expect(performance.now() - started).toBeLessThan(30_000);
        expectAroundSpoken(text, block, plain);
        // A text that made the library crash does not make it give up: it is still there.
        expect(await library.ready()).toBeNull();
      }),
      { numRuns: RUNS || 30, interruptAfterTimeLimit: 15_000 },
    );
  }, 60_000);

  it('a 1 MB paragraph: answered (said, or failed by its time limit) without harm, and the engine goes on', async () => {
    const words = splitWords('Plain words go on and on here', 'en').length;
    expect(words).toBe(7);
    // A shorter limit than a real one (10 s and 20 ms a character): this is about being cut off, not about how long.
    const limited = new EspeakNgEngine('espeak-ng', 3000, 'libespeak-ng.so.1', library);
    for (const text of ["word's".repeat(175_000), 'Plain words go on and on here, '.repeat(34_000)]) {
      expect(text.length).toBeGreaterThan(1_000_000);
      const started = performance.now();
      const outcome = await limited.synthesize(text, { voice: null, lang: 'en', wordsPerMinute: 175 }).then(
        (said) => `said ${said.samples.length}`,
        (error: Error) => error.message,
      );
      expect(performance.now() - started).toBeLessThan(3000 + 3000);
      expect(outcome).toMatch(/^said \d+|did not finish within 3000 ms|was stopped by SIGABRT/);
    }
    const after = await synthesizeBlock(engine, { text: 'Still speaking after that.', lang: 'en', voice: null, rate: 1 });
    expect(after.timeline.sentences[0]!.words).toHaveLength(4);
    expect(await library.ready()).toBeNull();
  }, 40_000);
});

describe('hostile text through festival (real engine)', async () => {
  const present = Boolean((await findExecutable('festival')) && (await findExecutable('text2wave')));
  if (!present) console.log('skipped: festival and text2wave are not installed here');
  const engine: SpeechEngine = new FestivalEngine();

  it.skipIf(!present)('answers each call and speaks the sentences around the hostile text', async () => {
    const plain = await plainMs(engine);
    await fc.assert(
      fc.asyncProperty(paragraph, async (text) => {
        const block = await synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1 });
        expectAroundSpoken(text, block, plain);
      }),
      { numRuns: RUNS || 4, interruptAfterTimeLimit: 12_000 },
    );
  }, 50_000);
});
