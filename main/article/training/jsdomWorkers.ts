/**
 * Pages parsed with jsdom one at a time in a worker thread (jsdomWorker.ts) that is replaced every
 * `pagesPerWorker` pages, so what jsdom keeps of each page is freed with the worker. A page that takes
 * longer than `timeoutMs`, or that ends its worker, gives no value, with the reason.
 */
import { Worker } from 'node:worker_threads';
import { findWorkerScript } from '../../process/workerScript.js';
import type { JsdomReply, JsdomRequest } from './jsdomWorker.js';

export class JsdomWorkers {
  private worker: Worker | null = null;
  private pages = 0;
  /** How many workers it has started so far. */
  workersStarted = 0;

  private constructor(
    private readonly script: URL,
    private readonly pagesPerWorker: number,
    private readonly timeoutMs: number,
  ) {}

  /** Null when the worker's script cannot be found or built. */
  static async start(options: { pagesPerWorker?: number; timeoutMs?: number } = {}): Promise<JsdomWorkers | null> {
    const script = await findWorkerScript(import.meta.url, 'jsdomWorker');
    return script ? new JsdomWorkers(script, options.pagesPerWorker ?? 100, options.timeoutMs ?? 60_000) : null;
  }

  /** Readability.js's textContent of a page ('' when it fails; `error` says why). */
  async readability(html: string, options: { url?: string; dropStyleSheets?: boolean } = {}): Promise<{ text: string; error: string | null; ms: number }> {
    const reply = await this.run({ html, ...options, task: { kind: 'readability' } });
    return { text: typeof reply.value === 'string' ? reply.value : '', error: reply.error, ms: reply.ms };
  }

  /** `exportName(document, ...args)` of the module at `file`, on the page (style sheets left out). */
  async call<T>(file: string, exportName: string, html: string, args: unknown[] = []): Promise<{ value: T | null; error: string | null }> {
    const reply = await this.run({ html, dropStyleSheets: true, task: { kind: 'module', file, exportName, args } });
    return { value: reply.error ? null : (reply.value as T), error: reply.error };
  }

  async run(request: JsdomRequest): Promise<JsdomReply> {
    if (this.worker && this.pages >= this.pagesPerWorker) await this.stopWorker();
    if (!this.worker) {
      this.worker = new Worker(this.script);
      this.workersStarted += 1;
    }
    const worker = this.worker;
    this.pages += 1;
    return new Promise<JsdomReply>((resolve) => {
      const finish = (reply: JsdomReply, stop: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (stop) void this.stopWorker();
        resolve(reply);
      };
      const onMessage = (reply: JsdomReply) => finish(reply, false);
      const onError = (error: Error) => finish({ value: null, error: `the jsdom worker failed: ${error.message.slice(0, 100)}`, ms: 0 }, true);
      const timer = setTimeout(() => finish({ value: null, error: `no answer within ${this.timeoutMs / 1000} s`, ms: this.timeoutMs }, true), this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.stopWorker();
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.pages = 0;
    await worker?.terminate();
  }
}
