/**
 * The extraction bench's Readability.js baseline, one page at a time in a worker thread
 * (main/benchReadabilityWorker.ts) that is replaced every `pagesPerWorker` pages, so what jsdom keeps
 * of each page is freed with the worker. A page the baseline takes longer than `timeoutMs` on, or
 * one that ends its worker, counts as no output for the baseline, with the reason.
 */
import { Worker } from 'node:worker_threads';
import { findWorkerScript } from './process/workerScript.js';
import type { BaselineReply } from './benchReadabilityWorker.js';

export class ReadabilityBaseline {
  private worker: Worker | null = null;
  private pages = 0;
  /** How many workers it has started so far. */
  workersStarted = 0;

  private constructor(
    private readonly script: URL,
    private readonly pagesPerWorker: number,
    private readonly timeoutMs: number,
  ) {}

  /** Null when the worker's script cannot be found or built (the bench then runs without the baseline). */
  static async start(options: { pagesPerWorker?: number; timeoutMs?: number } = {}): Promise<ReadabilityBaseline | null> {
    const script = await findWorkerScript(import.meta.url, 'benchReadabilityWorker');
    return script ? new ReadabilityBaseline(script, options.pagesPerWorker ?? 100, options.timeoutMs ?? 60_000) : null;
  }

  async extract(html: string, url: string): Promise<BaselineReply> {
    if (this.worker && this.pages >= this.pagesPerWorker) await this.stopWorker();
    if (!this.worker) {
      this.worker = new Worker(this.script);
      this.workersStarted += 1;
    }
    const worker = this.worker;
    this.pages += 1;
    return new Promise<BaselineReply>((resolve) => {
      const finish = (reply: BaselineReply, stop: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (stop) void this.stopWorker();
        resolve(reply);
      };
      const onMessage = (reply: BaselineReply) => finish(reply, false);
      const onError = (error: Error) => finish({ text: '', error: `the baseline's worker failed: ${error.message.slice(0, 100)}`, ms: 0 }, true);
      const timer = setTimeout(() => finish({ text: '', error: `no answer within ${this.timeoutMs / 1000} s`, ms: this.timeoutMs }, true), this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ html, url });
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
