/**
 * How near the highlighted word is to the word being said, for an engine that reports no word times
 * (espeak-ng). The reference for each word boundary is how long the engine takes to say the text before
 * it on its own; the error is how far our timeline's start of the next word is from that. The baseline,
 * in the same run, spreads the sentence over its words by letter count alone (the usual estimate).
 */
import { splitSentences, splitWords } from '../shared/segment.js';
import type { SpeechEngine } from './speech/SpeechEngine.js';
import { synthesizeBlock } from './speech/synthesizeBlock.js';

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

export async function runWordTimingBench(engine: SpeechEngine, paragraphs: readonly string[], lang = 'en') {
  const sentences = [...paragraphs.flatMap((text) => splitSentences(text, lang).map((span) => text.slice(span.start, span.end))), ...HARD_SENTENCES];
  const ours: number[] = [];
  const lettersOnly: number[] = [];
  const said = async (text: string) => (await synthesizeBlock(engine, { text, lang, voice: null, rate: 1 })).timeline;
  for (const sentence of sentences) {
    const words = splitWords(sentence, lang);
    if (words.length < 3) continue;
    const timing = (await said(sentence)).sentences[0]!;
    const baseline = lettersOnlyStarts(sentence, timing.startMs, timing.endMs, lang);
    for (let k = 1; k < words.length; k++) {
      const reference = (await said(sentence.slice(0, words[k - 1]!.end))).durationMs;
      ours.push(Math.abs(timing.words[k]!.startMs - reference));
      lettersOnly.push(Math.abs(baseline[k]! - reference));
    }
  }
  return { engine: engine.name, sentences: sentences.length, ours: summarize(ours), baselineLettersOnly: summarize(lettersOnly) };
}
