/**
 * Silence trimming in `npm run bench` (JSON key `silenceTrimming`): audio duration saved by shortening the
 * long silences inside sentences, on paragraphs of the WCXB corpus's ground truth (the welcome article's
 * when the corpus is absent), with the real engine. The baseline, in the same run, is the same
 * paragraphs synthesized without trimming; the configured sentence pause is in both.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import type { SpeechEngine } from '../speech/SpeechEngine.js';
import { synthesizeBlock } from '../speech/synthesizeBlock.js';
import { benchNote } from './partProcess.js';

const PARAGRAPHS = Number(process.env.BENCH_TRIM_PARAGRAPHS ?? 12);

/** The first paragraphs of a readable length from the corpus pages' ground truth, in a fixed order. */
export function corpusParagraphs(corpusDir: string, count: number): string[] {
  const truthDir = join(corpusDir, 'ground-truth');
  const paragraphs: string[] = [];
  for (const name of readdirSync(truthDir).filter((file) => file.endsWith('.json')).sort()) {
    const truth = (JSON.parse(readFileSync(join(truthDir, name), 'utf8')) as { ground_truth: { main_content: string } }).ground_truth.main_content;
    // One paragraph per page, so the figure is not one writer's punctuation.
    const paragraph = truth.split(/\n+/u).map((line) => line.trim()).find((line) => line.length >= 150 && line.length <= 450 && /[.!?]$/u.test(line));
    if (paragraph) paragraphs.push(paragraph);
    if (paragraphs.length >= count) break;
  }
  return paragraphs;
}

export async function runTrimSilenceBench(engine: SpeechEngine, corpusDir: string, fallback: readonly string[]) {
  const fromCorpus = existsSync(join(corpusDir, 'ground-truth'));
  const texts = fromCorpus ? corpusParagraphs(corpusDir, PARAGRAPHS) : fallback.slice(0, PARAGRAPHS);
  const sentencePauseMs = DEFAULT_SETTINGS.sentencePauseMs;
  const byRate = async (rate: number) => {
    let plainMs = 0;
    let trimmedMs = 0;
    const savedPercent: number[] = [];
    for (const text of texts) {
      const request = { text, lang: 'en', voice: null, rate, sentencePauseMs };
      benchNote(`${engine.name} at rate ${rate}: ${text}`);
      const plain = (await synthesizeBlock(engine, request)).timeline.durationMs;
      const trimmed = (await synthesizeBlock(engine, { ...request, trimSilences: true })).timeline.durationMs;
      plainMs += plain;
      trimmedMs += trimmed;
      savedPercent.push(((plain - trimmed) / plain) * 100);
    }
    savedPercent.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      untrimmedMs: Math.round(plainMs),
      trimmedMs: Math.round(trimmedMs),
      savedMs: Math.round(plainMs - trimmedMs),
      savedPercent: round(((plainMs - trimmedMs) / plainMs) * 100),
      paragraphSavedPercent: { min: round(savedPercent[0]!), median: round(savedPercent[Math.floor(savedPercent.length / 2)]!), max: round(savedPercent.at(-1)!) },
    };
  };
  return {
    engine: engine.name,
    paragraphs: texts.length,
    source: fromCorpus ? 'WCXB dev split ground truth, one paragraph of 150-450 characters per page' : 'the welcome article (the corpus is absent)',
    sentencePauseMs,
    baseline: 'the same paragraphs without trimming, in the same run',
    rate1: await byRate(1),
    rate1_5: await byRate(1.5),
  };
}
