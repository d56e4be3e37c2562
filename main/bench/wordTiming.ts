/**
 * How near the highlighted word is to the word being said, per engine (word events where the engine
 * has them: espeak-ng's library; an estimate otherwise), against two references measured from audio
 * lengths alone, with no word times in them.
 * - Said before (the reference the goals were set on): a word starts when the engine, saying the text
 *   before it on its own, stops. That text said alone ends a sentence, and engines lengthen a
 *   sentence's last word, so this reference runs late; `prefixLastWordLongerMedianMs` says by how much
 *   (the last word at the end of the text said alone against the same word inside the sentence).
 * - From the end: a word starts at the sentence's length less the time the rest of the sentence takes
 *   said on its own. Its sentence-final lengthening is the same as the whole sentence's; what differs
 *   is only the start of the rest said afresh.
 * The error is how far our timeline's start of each word (after the first) is from the reference. The
 * baseline, in the same run, spreads the sentence over its words by letter count alone.
 *
 * Every word boundary costs two syntheses. espeak-ng (about 3 ms a sentence) says every sentence, so its
 * figures stay comparable from run to run; an engine that starts a process per text (festival's
 * text2wave: 1 to 2 s a text on a loaded machine, 20 minutes and more for all the sentences) says a fixed
 * sample, every `stride`-th sentence of the paragraphs and all the hard ones, and the output says which.
 */
import { splitSentences, splitWords } from '../../shared/segment.js';
import { listAvailableEngines } from '../speech/detectEngine.js';
import { EspeakNgEngine } from '../speech/espeakNg.js';
import { canSynthesize, type SpeechEngine } from '../speech/SpeechEngine.js';
import { synthesizeBlock } from '../speech/synthesizeBlock.js';
import { benchNote } from './partProcess.js';

/** Sentences that are hard on an estimate: numbers, symbols, abbreviations, many clauses. */
const HARD_SENTENCES = [
  'In 2024 the company reported revenue of $14,499 million, up 12% from 1999.',
  'Dr. Smith met the CEO of NASA at 10:30 a.m. on Jan. 5th.',
  'The University of Minnesota-Twin Cities (UNM) offers an online MBA with strong career outcomes, including solid salary increases and promotion rates.',
  'Merit scholarships up to $25,000 are available for spring and fall 2026 students; the program is a combination of live online classes and self-paced learning.',
];

export interface WordTimingError {
  boundaries: number;
  meanMs: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
}

function summarize(errors: number[]): WordTimingError {
  const sorted = [...errors].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return { boundaries: sorted.length, meanMs: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length), medianMs: at(0.5), p90Ms: at(0.9), maxMs: Math.round(sorted.at(-1)!) };
}

/** Word starts spread by letters (plus a little for punctuation), as the estimate was before pauses and numbers were counted. */
function lettersOnlyStarts(text: string, startMs: number, endMs: number, lang: string): number[] {
  const words = splitWords(text, lang);
  const weights = words.map((word, i) => {
    const gap = text.slice(word.end, words[i + 1]?.start ?? text.length);
    return word.end - word.start + 1 + (/[,;:]/u.test(gap) ? 3 : /[.!?]/u.test(gap) ? 2 : 0);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  return words.map((_, i) => {
    const start = startMs + ((endMs - startMs) * cumulative) / total;
    cumulative += weights[i]!;
    return start;
  });
}

/** Every `stride`-th sentence of the slower engines (BENCH_WORD_TIMING_STRIDE; 1 says them all). */
const SLOW_ENGINE_STRIDE = Math.max(1, Number(process.env.BENCH_WORD_TIMING_STRIDE ?? 4));

/**
 * `withWordEvents`: the engine's word times are its own, so the prefix's last word can be timed by them.
 * `stride`: only every stride-th sentence of the paragraphs (the first, then every stride-th), and all the hard ones.
 */
export async function runWordTimingBench(engine: SpeechEngine, paragraphs: readonly string[], lang = 'en', withWordEvents = false, stride = 1) {
  const fromParagraphs = paragraphs.flatMap((text) => splitSentences(text, lang).map((span) => text.slice(span.start, span.end)));
  const sampled = fromParagraphs.filter((_, i) => i % stride === 0);
  const sentences = [...sampled, ...HARD_SENTENCES];
  const ours: number[] = [];
  const lettersOnly: number[] = [];
  const oursFromEnd: number[] = [];
  const lettersOnlyFromEnd: number[] = [];
  const lastWordLonger: number[] = [];
  const said = async (text: string) => {
    benchNote(`${engine.name}: ${text}`);
    return (await synthesizeBlock(engine, { text, lang, voice: null, rate: 1 })).timeline;
  };
  for (const sentence of sentences) {
    const words = splitWords(sentence, lang);
    if (words.length < 3) continue;
    const full = await said(sentence);
    const timing = full.sentences[0]!;
    const baseline = lettersOnlyStarts(sentence, timing.startMs, timing.endMs, lang);
    for (let k = 1; k < words.length; k++) {
      const before = await said(sentence.slice(0, words[k - 1]!.end));
      const reference = before.durationMs;
      ours.push(Math.abs(timing.words[k]!.startMs - reference));
      lettersOnly.push(Math.abs(baseline[k]! - reference));
      // The second reference: the sentence's length less the time the rest of it takes said on its own.
      const fromEnd = full.durationMs - (await said(sentence.slice(words[k]!.start))).durationMs;
      oursFromEnd.push(Math.abs(timing.words[k]!.startMs - fromEnd));
      lettersOnlyFromEnd.push(Math.abs(baseline[k]! - fromEnd));
      // How much longer the prefix's last word is said at the end of the prefix than inside the sentence (by the engine's own word times).
      const lastSaid = before.sentences.at(-1)?.words.at(-1);
      if (lastSaid) lastWordLonger.push(before.durationMs - lastSaid.startMs - (timing.words[k]!.startMs - timing.words[k - 1]!.startMs));
    }
  }
  lastWordLonger.sort((a, b) => a - b);
  return {
    engine: engine.name,
    sentences: sentences.length,
    sample:
      stride === 1
        ? `all ${fromParagraphs.length} sentences of the paragraphs and the ${HARD_SENTENCES.length} hard ones`
        : `one sentence in ${stride} of the paragraphs (${sampled.length} of ${fromParagraphs.length}, from the first) and the ${HARD_SENTENCES.length} hard ones`,
    ours: summarize(ours),
    baselineLettersOnly: summarize(lettersOnly),
    referenceFromTheEnd: { ours: summarize(oursFromEnd), baselineLettersOnly: summarize(lettersOnlyFromEnd) },
    ...(withWordEvents ? { prefixLastWordLongerMedianMs: Math.round(lastWordLonger[Math.floor(lastWordLonger.length / 2)] ?? 0) } : {}),
  };
}

/**
 * The bench for every engine here that gives audio; for espeak-ng also through its command (word
 * times estimated), the way it speaks when the library cannot load: the before and after in one run.
 */
export async function runWordTimingBenchPerEngine(paragraphs: readonly string[], lang = 'en') {
  const results: Record<string, Awaited<ReturnType<typeof runWordTimingBench>> & { wordTimes: string }> = {};
  for (const available of await listAvailableEngines()) {
    const { engine } = available;
    if (!canSynthesize(engine)) continue;
    const withWordEvents = engine instanceof EspeakNgEngine && (await engine.backend()).kind === 'library';
    const wordTimes = withWordEvents ? 'library word events' : engine instanceof EspeakNgEngine ? 'estimated (command)' : 'estimated';
    // espeak-ng says everything (its figures are the goal's); the engines that start a process per text, a sample.
    const stride = engine instanceof EspeakNgEngine ? 1 : SLOW_ENGINE_STRIDE;
    results[available.id] = { ...(await runWordTimingBench(engine, paragraphs, lang, withWordEvents, stride)), wordTimes };
    if (engine instanceof EspeakNgEngine) {
      results['espeak-ng command'] = { ...(await runWordTimingBench(new EspeakNgEngine('espeak-ng', null, null), paragraphs, lang)), wordTimes: 'estimated (command)' };
      await engine.close();
    }
  }
  return results;
}
