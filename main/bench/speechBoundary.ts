/**
 * What the process boundary for native speech costs (issue 24, BENCH_ONLY=speechBoundary): espeak-ng
 * with libespeak-ng in its own process (the app's path) against the library loaded into this process
 * (the path before, and what a worker thread costs, less its thread hop), in the same run, on the
 * welcome article's paragraphs:
 * - firstAudioMs: a paragraph's audio and timeline ready in main (what Play waits for when nothing is
 *   prepared; a warm Play plays a block prepared at open, so the boundary is not on its path);
 * - paragraphStepMs: the next paragraph's, in order, as the player's prefetch asks;
 * - wordEventsMs: one sentence's word events from the library alone (the boundary's round trip);
 * - sameWordTimes: both paths give the same word times;
 * - restartMs: from a SIGKILL of the library's process to the next sentence answered by a new one.
 */
import { splitSentences } from '../../shared/segment.js';
import { openEspeakLibrary } from '../speech/espeakLibrary.js';
import { EspeakLibraryProcess, type EspeakProcessRequest, type EspeakWordSource, type LibraryWords } from '../speech/espeakLibraryProcess.js';
import { EspeakNgEngine } from '../speech/espeakNg.js';
import { synthesizeBlock } from '../speech/synthesizeBlock.js';
import { summarize } from './support.js';

const LIBRARY = 'libespeak-ng.so.1';

/** The library in this process, as it was before the boundary (never used by the app). */
class LibraryInThisProcess implements EspeakWordSource {
  private library: ReturnType<typeof openEspeakLibrary> | null = null;
  ready(): Promise<string | null> {
    try {
      this.library ??= openEspeakLibrary(LIBRARY);
      return Promise.resolve(null);
    } catch (error) {
      return Promise.resolve((error as Error).message);
    }
  }
  say(request: EspeakProcessRequest): Promise<LibraryWords> {
    const said = (this.library ??= openEspeakLibrary(LIBRARY)).synthesize(request.text, request.voice, request.wordsPerMinute);
    return Promise.resolve({ sampleRate: said.sampleRate, sampleCount: said.samples.length, words: said.words });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

export async function runSpeechBoundaryBench(paragraphs: readonly string[], runs: number) {
  const inProcess = new LibraryInThisProcess();
  const separate = new EspeakLibraryProcess(LIBRARY);
  const reason = (await inProcess.ready()) ?? (await separate.ready());
  if (reason) return { skipped: `the espeak-ng library cannot be used here: ${reason}` };
  const paths = { inProcess: new EspeakNgEngine('espeak-ng', null, LIBRARY, inProcess), ownProcess: new EspeakNgEngine('espeak-ng', null, LIBRARY, separate) };
  const block = (engine: EspeakNgEngine, text: string) => synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1 });
  const sentences = paragraphs.flatMap((text) => splitSentences(text, 'en').map((span) => text.slice(span.start, span.end)));
  const figures: Record<string, { firstAudioMs: number[]; paragraphStepMs: number[]; wordEventsMs: number[] }> = {
    inProcess: { firstAudioMs: [], paragraphStepMs: [], wordEventsMs: [] },
    ownProcess: { firstAudioMs: [], paragraphStepMs: [], wordEventsMs: [] },
  };
  // Warm both (the library loaded, the voice list read), then alternate the paths run by run, so load on the machine falls on both alike.
  for (const engine of Object.values(paths)) await block(engine, 'Warming up.');
  let sameWordTimes = true;
  for (let run = 0; run < runs; run++) {
    for (const [name, engine] of Object.entries(paths)) {
      const figure = figures[name]!;
      // A different text each run: nothing is cached below synthesizeBlock, but the engine is not given the same text twice either.
      figure.firstAudioMs.push((await timed(() => block(engine, `${paragraphs[0]!} Run ${run}.`)))[1]);
      for (const text of paragraphs.slice(1, 4)) figure.paragraphStepMs.push((await timed(() => block(engine, text)))[1]);
      const source = name === 'inProcess' ? inProcess : separate;
      for (const text of sentences.slice(0, 8)) figure.wordEventsMs.push((await timed(() => source.say({ text, voice: null, wordsPerMinute: 175 }, { timeoutMs: 10_000 })))[1]);
    }
    const [a, b] = await Promise.all([inProcess.say({ text: sentences[run % sentences.length]!, voice: null, wordsPerMinute: 175 }), separate.say({ text: sentences[run % sentences.length]!, voice: null, wordsPerMinute: 175 }, { timeoutMs: 10_000 })]);
    if (JSON.stringify(a.words.map((w) => w.textPosition)) !== JSON.stringify(b.words.map((w) => w.textPosition))) sameWordTimes = false;
  }
  const restartMs: number[] = [];
  for (let run = 0; run < Math.max(3, Math.ceil(runs / 3)); run++) {
    await separate.ready();
    const killed = separate.process.pid!;
    const started = performance.now();
    process.kill(killed, 'SIGKILL');
    await separate.say({ text: 'Back again.', voice: null, wordsPerMinute: 175 }, { timeoutMs: 10_000 }).catch(() => separate.say({ text: 'Back again.', voice: null, wordsPerMinute: 175 }, { timeoutMs: 10_000 }));
    restartMs.push(performance.now() - started);
  }
  await separate.close();
  const brief = (figure: (typeof figures)[string]) => ({ firstAudioMs: summarize(figure.firstAudioMs), paragraphStepMs: summarize(figure.paragraphStepMs), wordEventsMs: summarize(figure.wordEventsMs) });
  const own = brief(figures.ownProcess!);
  const before = brief(figures.inProcess!);
  return {
    description: 'espeak-ng with its library in its own process (the app) against the library in this process (before), same run, runs alternated',
    ownProcess: own,
    inProcess: before,
    costMedianMs: {
      firstAudio: Math.round((own.firstAudioMs.median - before.firstAudioMs.median) * 10) / 10,
      paragraphStep: Math.round((own.paragraphStepMs.median - before.paragraphStepMs.median) * 10) / 10,
      wordEvents: Math.round((own.wordEventsMs.median - before.wordEventsMs.median) * 10) / 10,
    },
    sameWordTimes,
    restartMs: summarize(restartMs),
  };
}
