/**
 * Extraction with a hard time limit: the extractor runs in a worker thread, which is terminated when
 * it takes too long (a page that makes Readability hang cannot freeze the app) or runs out of memory.
 *
 * The worker file is found by main/process/workerScript.ts (built beside this module, or bundled from
 * source under vitest and tsx). If neither is possible, extraction runs in this thread without the
 * time limit, and says so once on stderr.
 */
import { Worker } from 'node:worker_threads';
import type { ArticleWithNotes } from '../../shared/notes.js';
import { extractArticle, type ExtractionInput } from './extractArticle.js';
import { documentFailure } from './documentError.js';
import type { WorkerReply } from './extractWorker.js';
import { isStreamMessage, type StreamHooks } from './streamParts.js';
import { isWorkerStartFailure } from '../process/workerStartFailure.js';
import { findWorkerScript } from '../process/workerScript.js';

export const EXTRACTION_TIME_LIMIT_MS = 10_000;
/** The outcome of an extraction stopped by its signal (never shown: the listener opened something else). */
export const CANCELLED = 'The reading was stopped: another article was opened.';

export interface ExtractionLimits {
  /** Wall-clock limit for one extraction, worker start included. */
  timeoutMs?: number;
  /** The worker script (a built .js/.mjs file); found automatically when omitted. */
  workerUrl?: URL;
  /** A long document's first part and progress, as they are read (the input's `stream` is set from this). */
  hooks?: StreamHooks;
  /** Stops the extraction (another document was opened): it ends as failed, and no more parts arrive. */
  signal?: AbortSignal;
}

/** A failure's `kind`: why a document said it cannot be read (a PdfProblem's kind: 'password', 'wrong-password', ...). */
export type ExtractionOutcome = { ok: true; article: ArticleWithNotes } | { ok: false; message: string; kind?: string };

let warnedInline = false;

const WORKER_OPTIONS = {
  // Deep markup needs a deep stack; a runaway page is stopped by the heap limit instead of the process.
  resourceLimits: { stackSizeMb: 64, maxOldGenerationSizeMb: 2048 },
  stdout: true,
  stderr: true,
} as const;

/**
 * A spare worker, started ahead with its modules and pdf.js loaded, waiting for an input: the next
 * extraction takes it instead of starting one (loading pdf.js takes about a second, several on a busy
 * machine). Only when the app asked for it (keepExtractionWarm); after each use another spare is started.
 */
let spare: { worker: Worker; url: string; ready: Promise<void> } | null = null;
let keepWarm = false;

function quiet(worker: Worker): void {
  worker.stdout?.on('error', () => {});
  worker.stderr?.on('error', () => {});
  worker.stdout?.resume();
  worker.stderr?.resume();
}

function startSpare(url: URL): void {
  if (spare || !keepWarm) return;
  let worker: Worker;
  try {
    worker = new Worker(url, { ...WORKER_OPTIONS, workerData: { spare: true } });
  } catch {
    return;
  }
  worker.unref(); // a waiting spare never keeps the process alive
  quiet(worker);
  const ready = new Promise<void>((resolve) => {
    worker.once('message', () => resolve());
    worker.once('exit', () => resolve());
  });
  const drop = () => {
    if (spare?.worker === worker) spare = null;
  };
  worker.on('error', drop);
  worker.once('exit', drop);
  spare = { worker, url: url.href, ready };
}

function takeSpare(url: URL): Worker | null {
  if (!spare || spare.url !== url.href) return null;
  const { worker } = spare;
  spare = null;
  worker.ref();
  return worker;
}

/** Whether a spare worker is waiting (for tests). */
export function hasSpareWorker(): boolean {
  return spare !== null;
}

/**
 * Keeps a spare extraction worker ready from now on (the app calls it as it starts); resolves when the
 * first spare has loaded. Tests and the command line do without.
 */
export async function keepExtractionWarm(): Promise<void> {
  keepWarm = true;
  const url = await findWorker();
  if (!url) return;
  startSpare(url);
  await spare?.ready;
}

const findWorker = () => findWorkerScript(import.meta.url, 'extractWorker');

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

export async function extractWithTimeLimit(given: ExtractionInput, limits: ExtractionLimits = {}): Promise<ExtractionOutcome> {
  const timeoutMs = limits.timeoutMs ?? EXTRACTION_TIME_LIMIT_MS;
  const { hooks, signal } = limits;
  if (signal?.aborted) return { ok: false, message: CANCELLED };
  const input = hooks ? { ...given, stream: true } : given;
  const workerUrl = limits.workerUrl ?? (await findWorker());
  if (!workerUrl) return await extractInThisThread(input, 'the extraction worker file is missing', hooks);

  return new Promise<ExtractionOutcome>((resolve) => {
    let worker: Worker;
    try {
      const warm = takeSpare(workerUrl);
      if (warm) warm.postMessage(input);
      worker = warm ?? new Worker(workerUrl, { ...WORKER_OPTIONS, workerData: input });
    } catch (error) {
      resolve(extractInThisThread(input, `the extraction worker could not start (${(error as Error).message.split('\n')[0]})`, hooks));
      return;
    }
    let settled = false;
    // Set when the worker's code could not load and the page is read here instead: the worker's exit that
    // follows (and the time limit, which this thread cannot enforce) must not answer before that reading does.
    let readingHere = false;
    const finish = (outcome: ExtractionOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.terminate().catch(() => {});
      startSpare(workerUrl);
      resolve(outcome);
    };
    const onAbort = () => finish({ ok: false, message: CANCELLED });
    signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => {
      finish({ ok: false, message: `Reading this page took longer than ${seconds(timeoutMs)}, so it was stopped. The page may be too large or too complex; try saving it as text.` });
    }, timeoutMs);
    // Every listener stays for the worker's whole life: an 'error' emitted after the first one (or after the
    // reply) with no listener left would be thrown as an uncaught exception and end the process.
    quiet(worker);
    worker.on('messageerror', () => finish({ ok: false, message: 'The page could not be read (the reader sent back an unreadable result).' }));
    worker.on('message', (message: unknown) => {
      if ((message as { spare?: unknown } | null)?.spare) return; // a spare saying it was ready
      if (isStreamMessage(message)) {
        if (settled) return;
        if (message.stream === 'part') hooks?.onPart(message.article, message.progress);
        else hooks?.onProgress(message.progress);
        return;
      }
      const reply = message as WorkerReply;
      if (reply.ok) finish({ ok: true, article: reply.article });
      else if (reply.message) finish({ ok: false, message: reply.message, ...(reply.kind ? { kind: reply.kind } : {}) });
      else if (/RangeError: Maximum call stack/u.test(reply.error)) finish({ ok: false, message: 'This page is nested too deeply to be read.' });
      else finish({ ok: false, message: `The page could not be read (${reply.error}).` });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      // The worker's code could not even load (inside app.asar, say): the page is not at fault, so read it here.
      if (isWorkerStartFailure(error)) {
        readingHere = true;
        clearTimeout(timer);
        void extractInThisThread(input, `the extraction worker could not start (${error.message.split('\n')[0]})`, hooks).then(finish);
      }
      else if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish({ ok: false, message: 'This page needs too much memory to be read; it was stopped.' });
      else if (error instanceof RangeError) finish({ ok: false, message: 'This page is nested too deeply to be read.' });
      else finish({ ok: false, message: `The page could not be read (${error.message}).` });
    });
    worker.once('exit', (code) => readingHere || finish({ ok: false, message: `The page could not be read (the reader stopped with code ${code}).` }));
  });
}

/** Extraction in the calling thread, without the time limit: said once on stderr, as it is a degraded mode. */
async function extractInThisThread(input: ExtractionInput, why: string, hooks?: StreamHooks): Promise<ExtractionOutcome> {
  if (!warnedInline) {
    warnedInline = true;
    console.error(`Article Player: ${why}, so extraction runs without its time limit.`);
  }
  try {
    return { ok: true, article: await extractArticle(input, hooks) };
  } catch (error) {
    const failure = documentFailure(error);
    return failure ? { ok: false, ...failure } : { ok: false, message: `The page could not be read (${(error as Error).message}).` };
  }
}
