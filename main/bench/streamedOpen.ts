/**
 * A long document as the listener meets it (issue 23, 5): the bytes handed to the real loader (the
 * extraction worker, streaming on; a spare worker kept ready as the app keeps one), timed to the first part (the first paragraph playable), to the first
 * paragraph's audio from the real engine (synthesized while the rest is read, as the player does), and to
 * the whole document, in the same run. Used by the pdf and epub parts.
 */
import { keepExtractionWarm } from '../article/extractInWorker.js';
import { articleFromBytes } from '../article/loadArticleFile.js';
import { detectEngine } from '../speech/detectEngine.js';
import { synthesizeBlock } from '../speech/synthesizeBlock.js';
import { summarize } from './support.js';

interface StreamRun {
  firstPartMs: number | null;
  firstAudioMs: number | null;
  wholeMs: number;
  firstPartDone: number;
  total: number;
  firstPartBlocks: number;
  wholeBlocks: number;
}

async function timeOnce(bytes: Uint8Array, name: string, withAudio: boolean, warm: boolean): Promise<StreamRun> {
  const engine = withAudio ? (await detectEngine()).engine : null;
  // As in the app, which keeps a spare extraction worker ready from its start.
  if (warm) await keepExtractionWarm();
  const started = performance.now();
  let firstPartMs: number | null = null;
  let firstAudioMs: number | null = null;
  let firstPartDone = 0;
  let total = 0;
  let firstPartBlocks = 0;
  let audio: Promise<unknown> | null = null;
  const result = await articleFromBytes(bytes.slice(), name, null, {
    hooks: {
      onPart: (article, progress) => {
        if (firstPartMs !== null) return;
        firstPartMs = performance.now() - started;
        firstPartDone = progress.done;
        firstPartBlocks = article.blocks.length;
        const first = article.blocks[0];
        if (engine && first) audio = synthesizeBlock(engine, { text: first.text, lang: article.lang, voice: null, rate: 1 }).then(() => (firstAudioMs = performance.now() - started));
      },
      onProgress: (progress) => (total = progress.total),
    },
  });
  const wholeMs = performance.now() - started;
  await audio;
  if (!result.ok) throw new Error(result.message);
  return { firstPartMs, firstAudioMs, wholeMs, firstPartDone, total, firstPartBlocks, wholeBlocks: result.article.blocks.length };
}

/**
 * `runs` streamed opens of one document with a spare worker ready, as in the app; first-part and
 * whole-document times side by side. Before them, one open without a spare (`coldWorker`: a worker
 * started for it, pdf.js loaded then), which is how every open went before spares.
 */
export async function benchStreamedOpen(bytes: Uint8Array, name: string, runs: number, withAudio = true) {
  const cold = await timeOnce(bytes, name, withAudio, false);
  const all: StreamRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await timeOnce(bytes, name, withAudio, true));
  const numbers = (pick: (run: StreamRun) => number | null) => all.map(pick).filter((n): n is number => n !== null);
  const last = all.at(-1)!;
  return {
    firstPartMs: summarize(numbers((r) => r.firstPartMs)),
    firstAudioMs: summarize(numbers((r) => r.firstAudioMs)),
    wholeMs: summarize(numbers((r) => r.wholeMs)),
    firstPart: { done: last.firstPartDone, of: last.total, blocks: last.firstPartBlocks },
    wholeBlocks: last.wholeBlocks,
    goalMs: 2000,
    firstPartWithin2s: numbers((r) => r.firstPartMs).every((ms) => ms <= 2000),
    coldWorker: { firstPartMs: cold.firstPartMs && Math.round(cold.firstPartMs), firstAudioMs: cold.firstAudioMs && Math.round(cold.firstAudioMs), wholeMs: Math.round(cold.wholeMs) },
  };
}
