/**
 * The main thread's side of the espeak worker (main/speech/espeakWorker.ts): one worker owns the
 * library (it keeps global state), requests wait their turn here and are sent one at a time, so one
 * aborted before its turn is never said. A request that overruns its time limit ends the worker (the
 * next request starts a new one). The worker does not keep the process alive while nothing is asked.
 * `ready()` says whether the library can be used at all: null, or the reason it cannot (the engine
 * then uses the espeak-ng command).
 */
import { Worker } from 'node:worker_threads';
import { findWorkerScript } from '../process/workerScript.js';
import type { LibrarySpeech } from './espeakLibrary.js';
import type { EspeakWorkerData, EspeakWorkerReply, EspeakWorkerRequest } from './espeakWorker.js';

interface Pending {
  request: EspeakWorkerRequest;
  timeoutMs: number;
  signal?: AbortSignal;
  resolve(said: LibrarySpeech): void;
  reject(error: Error): void;
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : Object.assign(new Error('The synthesis was aborted.'), { name: 'AbortError' });
}

export class EspeakLibraryWorker {
  private worker: Worker | null = null;
  private started: Promise<string | null> | null = null;
  private unusable: string | null = null;
  private readonly queue: Pending[] = [];
  private current: { pending: Pending; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;

  constructor(
    private readonly libraryPath: string,
    /** The worker script; found automatically when omitted. */
    private readonly workerUrl?: URL,
  ) {}

  /** Starts the worker if needed; resolves to null when the library is loaded, else why it cannot be. */
  ready(): Promise<string | null> {
    if (this.unusable) return Promise.resolve(this.unusable);
    return (this.started ??= this.start());
  }

  private async start(): Promise<string | null> {
    const url = this.workerUrl ?? (await findWorkerScript(import.meta.url, 'espeakWorker'));
    if (!url) return this.markUnusable('the espeak worker file is missing');
    return new Promise<string | null>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(url, { workerData: { libraryPath: this.libraryPath } satisfies EspeakWorkerData });
      } catch (error) {
        resolve(this.markUnusable(`the espeak worker could not start (${(error as Error).message.split('\n')[0]})`));
        return;
      }
      this.worker = worker;
      let settled = false;
      worker.on('message', (reply: EspeakWorkerReply) => {
        if (reply.type === 'ready' || reply.type === 'failed') {
          settled = true;
          if (!this.current && this.queue.length === 0) worker.unref();
          resolve(reply.type === 'ready' ? null : this.markUnusable(reply.reason));
          if (reply.type === 'failed') void worker.terminate();
          return;
        }
        this.finishCurrent(reply);
      });
      worker.on('error', (error) => {
        if (!settled) {
          settled = true;
          resolve(this.markUnusable(`the espeak worker could not start (${error.message.split('\n')[0]})`));
        } else this.lose(worker, `the espeak worker failed (${error.message.split('\n')[0]})`);
      });
      worker.on('exit', (code) => {
        if (!settled) {
          settled = true;
          resolve(this.markUnusable(`the espeak worker stopped with code ${code} while loading the library`));
        } else this.lose(worker, `the espeak worker stopped with code ${code}`);
      });
    });
  }

  private markUnusable(reason: string): string {
    this.unusable = reason;
    this.worker = null;
    return reason;
  }

  /** The worker is gone: what it was saying fails, the queue goes on with a new worker. */
  private lose(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.started = null;
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.pending.reject(new Error(message));
      this.current = null;
    }
    this.pump();
  }

  synthesize(text: string, voice: string | null, wordsPerMinute: number, options: { timeoutMs: number; signal?: AbortSignal }): Promise<LibrarySpeech> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<LibrarySpeech>((resolve, reject) => {
      const pending: Pending = { request: { id: this.nextId++, text, voice, wordsPerMinute }, timeoutMs: options.timeoutMs, signal, resolve, reject };
      this.queue.push(pending);
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.queue.indexOf(pending);
          if (index >= 0) this.queue.splice(index, 1);
          // One being said finishes in the worker (a sentence takes milliseconds); its reply is dropped.
          reject(abortError(signal));
        },
        { once: true },
      );
      this.pump();
    });
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    void this.ready().then((reason) => {
      if (reason) {
        for (const pending of this.queue.splice(0)) pending.reject(new Error(`the espeak-ng library cannot be used: ${reason}`));
        return;
      }
      const worker = this.worker;
      if (!worker || this.current) return;
      const pending = this.queue.shift();
      if (!pending) return;
      const timer = setTimeout(() => {
        pending.reject(new Error(`espeak-ng did not finish within ${pending.timeoutMs} ms`));
        this.current = null;
        this.worker = null;
        this.started = null;
        void worker.terminate();
        this.pump();
      }, pending.timeoutMs);
      this.current = { pending, timer };
      worker.ref();
      worker.postMessage(pending.request);
    });
  }

  private finishCurrent(reply: Extract<EspeakWorkerReply, { type: 'said' | 'error' }>): void {
    const current = this.current;
    if (!current || current.pending.request.id !== reply.id) return;
    clearTimeout(current.timer);
    this.current = null;
    if (reply.type === 'said') current.pending.resolve({ sampleRate: reply.sampleRate, samples: reply.samples, words: reply.words });
    else current.pending.reject(new Error(reply.message));
    if (this.queue.length === 0) this.worker?.unref();
    this.pump();
  }

  /** Ends the worker; later requests start a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.started = null;
    await worker?.terminate();
  }
}
