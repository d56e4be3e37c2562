/**
 * `npm run bench`: every part of the bench, one after another, each in a process of its own
 * (partProcess.ts), and one JSON of all their figures on stdout; progress goes to stderr.
 *
 * BENCH_ONLY=<part>[,<part>] runs only those parts; BENCH_SKIP_<PART>=1 (e.g. BENCH_SKIP_EXTRACTION,
 * BENCH_SKIP_SPOKEN_TEXT) leaves one out. BENCH_RUNS (default 9) is the number of runs of the timed
 * browser parts. Parts that need the WCXB corpus beside the repository say in one line when it is missing
 * and are skipped. A part that fails, overruns its limit (BENCH_PART_LIMIT_MIN, default 30) or whose
 * process dies is reported as failed, with what it was working on, and the bench goes on.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { memoizedSpeech } from '../api/createAppContext.js';
import { loadArticleSource } from '../article/loadArticleSource.js';
import { detectEngine } from '../speech/detectEngine.js';
import { runExtractionReport } from './extractionReport.js';
import { runLibraryBench } from './library.js';
import { runHtmlOpenBench } from './htmlOpen.js';
import { measureHeadPrefixes } from './htmlHeadPrefix.js';
import { runLongArticleBench } from './longArticle.js';
import { partOfThisProcess, runPartInOwnProcess, servePart } from './partProcess.js';
import { runPdfBench } from './pdf.js';
import { runEpubBench } from './epub.js';
import { runRealDocumentsBench } from './realDocuments.js';
import { CORPUS_DIR, corpusMissing, RENDERER_DIR, REPO_ROOT, START_SCRIPT } from './paths.js';
import { runPlayerBench } from './player.js';
import { runPlayStartBench } from './playStart.js';
import { runQueueBench } from './queue.js';
import { runSpeechBoundaryBench } from './speechBoundary.js';
import { benchSpokenText } from './spokenText.js';
import { launchBenchBrowser } from './support.js';
import { runTrimSilenceBench } from './trimSilence.js';
import { runWordTimingBenchPerEngine } from './wordTiming.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const PART_LIMIT_MS = Number(process.env.BENCH_PART_LIMIT_MIN ?? 30) * 60_000;

async function welcomeArticle() {
  const initial = await loadArticleSource(null);
  if (!initial.ok) throw new Error(initial.message);
  return initial.article;
}

const welcomeParagraphs = async () => (await welcomeArticle()).blocks.filter((block) => block.kind === 'paragraph').map((block) => block.text);

interface Part {
  /** The name BENCH_ONLY takes; BENCH_SKIP_ takes it in upper snake case. */
  name: string;
  /** The key of its figures in the JSON (the player part gives several top-level keys). */
  key: string;
  /** Skipped, with that line, when the corpus beside the repository is missing. */
  needsCorpus?: boolean;
  run: () => Promise<Record<string, unknown>>;
}

/** In the order of a full run. */
const PARTS: Part[] = [
  {
    name: 'player',
    key: 'player',
    run: async () =>
      runPlayerBench({ speech: memoizedSpeech(), rendererDir: RENDERER_DIR, article: await welcomeArticle(), shortArticlePath: join(REPO_ROOT, 'tests', 'fixtures', 'short.txt'), runs: RUNS }),
  },
  {
    name: 'longArticle',
    key: 'longArticle',
    run: async () => {
      const browser = await launchBenchBrowser();
      try {
        return { longArticle: await runLongArticleBench({ browser, rendererDir: RENDERER_DIR, speech: memoizedSpeech() }) };
      } finally {
        await browser.close();
      }
    },
  },
  // A 100,000-word HTML file opened from the command line (main/bench/htmlOpen.ts), and how often a huge page's head reads as the start of the whole (the corpus, when it is there).
  {
    name: 'htmlOpen',
    key: 'htmlOpen',
    run: async () => {
      const browser = await launchBenchBrowser();
      try {
        const htmlFile = await runHtmlOpenBench({ browser, startScript: START_SCRIPT, long: 2000, short: 40, runs: Math.max(3, Math.ceil(RUNS / 3)) });
        const { long } = htmlFile;
        const headPrefix = corpusMissing() ? 'skipped: no corpus' : measureHeadPrefixes(CORPUS_DIR, Number(process.env.BENCH_HEAD_PAGES ?? 60));
        const goals = { everyBlockAtMost1000Ms: long.openToEveryBlockMs.median <= 1000, firstScreenAtMost300Ms: long.openToFirstScreenMs.median <= 300 };
        return { htmlOpen: { ...htmlFile, headPrefix, goals } };
      } finally {
        await browser.close();
      }
    },
  },
  {
    name: 'playStart',
    key: 'playStart',
    // Fresh starts of the app, one at a time, with nothing else running.
    run: async () => ({ playStart: await runPlayStartBench({ startScript: START_SCRIPT, freshStarts: Math.max(3, Math.ceil(RUNS / 2)), laterPlaysPerStart: 2 }) }),
  },
  {
    name: 'library',
    key: 'library1000',
    run: async () => {
      const library = await runLibraryBench(1000, RUNS);
      return { library1000: { openMs: { ...library.open, goal: 100 }, searchMs: { ...library.search, goal: 100 } } };
    },
  },
  { name: 'extraction', key: 'extraction', needsCorpus: true, run: async () => ({ extraction: await runExtractionReport(CORPUS_DIR) }) },
  { name: 'spokenText', key: 'spokenText', needsCorpus: true, run: async () => ({ spokenText: benchSpokenText(CORPUS_DIR) }) },
  // PDFs printed from the corpus's ground truth in six layouts (main/bench/pdf.ts); BENCH_PDF_PAGES limits the pages per split.
  {
    name: 'pdf',
    key: 'pdf',
    needsCorpus: true,
    run: async () => {
      // Bounded in a full run: every page printed in six layouts takes over an hour here; 25 pages per split
      // (300 PDFs, as when the part was written) unless BENCH_PDF_PAGES says otherwise. The output says how many.
      if (!process.env.BENCH_PDF_PAGES && !process.env.BENCH_ONLY) process.env.BENCH_PDF_PAGES = '25';
      return { pdf: await runPdfBench(CORPUS_DIR) };
    },
  },
  // Books made from the corpus's ground truth (main/bench/epub.ts); BENCH_EPUB_PAGES limits the pages per split.
  { name: 'epub', key: 'epub', needsCorpus: true, run: async () => ({ epub: await runEpubBench(CORPUS_DIR) }) },
  // Real PDFs and books made by others (tests/fixtures/real, main/bench/realDocuments.ts): per-file figures.
  { name: 'realDocuments', key: 'realDocuments', run: async () => ({ realDocuments: await runRealDocumentsBench(RUNS) }) },
  {
    name: 'wordTiming',
    key: 'wordTimingErrorMs',
    run: async () => {
      const perEngine = await runWordTimingBenchPerEngine(await welcomeParagraphs());
      const figures = Object.keys(perEngine).length > 0 ? perEngine : { skipped: 'no speech engine gives audio here' };
      return { wordTimingErrorMs: { goal: { engine: 'espeak-ng', meanMs: 50, p90Ms: 100 }, ...figures } };
    },
  },
  // What the native speech process boundary costs against the library in this process (main/bench/speechBoundary.ts).
  { name: 'speechBoundary', key: 'speechBoundary', run: async () => ({ speechBoundary: await runSpeechBoundaryBench(await welcomeParagraphs(), RUNS) }) },
  {
    name: 'silenceTrimming',
    key: 'silenceTrimming',
    // Without the corpus it measures the welcome article's paragraphs, and says so.
    run: async () => {
      const engine = (await memoizedSpeech()('auto')).engine;
      return { silenceTrimming: engine ? await runTrimSilenceBench(engine, CORPUS_DIR, await welcomeParagraphs()) : { skipped: 'no speech engine gives audio here' } };
    },
  },
  {
    name: 'queue',
    key: 'queue',
    run: async () => {
      const browser = await launchBenchBrowser();
      try {
        return { queue: await runQueueBench({ browser, rendererDir: RENDERER_DIR, speech: memoizedSpeech(), runs: RUNS }) };
      } finally {
        await browser.close();
      }
    },
  },
];

const skipVariable = (name: string) => `BENCH_SKIP_${name.replace(/[A-Z]/gu, (letter) => `_${letter}`).toUpperCase()}`;

/** The parts BENCH_ONLY asks for (all when unset); an unknown name is an error that lists the known ones. */
function wantedParts(): Part[] {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
  if (!only?.length) return PARTS;
  const unknown = only.filter((name) => !PARTS.some((part) => part.name === name));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown part ${unknown.join(', ')}; the parts are ${PARTS.map((part) => part.name).join(', ')}`);
  return PARTS.filter((part) => only.includes(part.name));
}

async function runBench(): Promise<void> {
  const parts = wantedParts();
  const missing = corpusMissing();
  if (missing && parts.some((part) => part.needsCorpus)) {
    console.error(`bench: ${missing}; skipping ${parts.filter((part) => part.needsCorpus).map((part) => part.name).join(' and ')}.`);
  }
  const engine = (await detectEngine()).engine;
  const figures: Record<string, unknown> = { machine: { cpus: cpus().length, node: process.version, engine: engine?.name ?? null } };
  const seconds: Record<string, number> = {};
  const failed: string[] = [];
  const started = performance.now();
  for (const part of parts) {
    const skip = skipVariable(part.name);
    if (process.env[skip]) {
      figures[part.key] = { skipped: `${skip} is set` };
      continue;
    }
    if (part.needsCorpus && missing) {
      figures[part.key] = { skipped: missing };
      continue;
    }
    console.error(`bench: ${part.name}…`);
    const outcome = await runPartInOwnProcess(part.name, process.argv[1]!, PART_LIMIT_MS);
    seconds[part.name] = outcome.seconds;
    if (outcome.result) {
      Object.assign(figures, outcome.result);
      console.error(`bench: ${part.name} done in ${outcome.seconds} s`);
    } else {
      failed.push(part.name);
      figures[part.key] = { failed: outcome.failure, lastInput: outcome.lastNote };
      console.error(`bench: ${part.name} FAILED after ${outcome.seconds} s: ${outcome.failure?.split('\n')[0]}${outcome.lastNote ? `; it was working on: ${JSON.stringify(outcome.lastNote.slice(0, 300))}` : ''}`);
    }
  }
  figures.bench = { runs: RUNS, partSeconds: seconds, totalMinutes: Math.round((performance.now() - started) / 6000) / 10, failed };
  console.log(JSON.stringify(figures, null, 2));
  if (failed.length) process.exitCode = 1;
}

const part = partOfThisProcess();
if (part) {
  const wanted = PARTS.find((candidate) => candidate.name === part);
  void servePart(wanted ? wanted.run : () => Promise.reject(new Error(`no bench part ${part}`)));
} else {
  runBench().catch((error: unknown) => {
    console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  });
}
