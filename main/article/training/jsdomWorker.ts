/**
 * A worker thread that parses pages with jsdom for the extraction bench and the training tools
 * (jsdomWorkers.ts): Readability.js on the page (the bench's baseline), or a function of a module on it
 * (the corpus variants' pageText and shortenArticle). jsdom keeps about 1.5 MB of every page it parsed
 * that window.close() does not give back; over the corpus, several times over, that ran the whole
 * bench out of its 4 GB heap. The worker is replaced every hundred pages, which frees all of it.
 * Built as its own entry beside bench.js (electron.vite.config.ts).
 */
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { Readability } from '@mozilla/readability';

export type JsdomTask = { kind: 'readability' } | { kind: 'module'; file: string; exportName: string; args: unknown[] };

export interface JsdomRequest {
  html: string;
  /** The document's address (jsdom's about:blank when absent). */
  url?: string;
  /** Style sheets left out before parsing (jsdom's CSS parser throws on some). */
  dropStyleSheets?: boolean;
  task: JsdomTask;
}

export interface JsdomReply {
  value: unknown;
  /** Why there is no value for this page, if it failed. */
  error: string | null;
  ms: number;
}

const jsdom = await import('jsdom');

// jsdom's CSS parser may throw from a callback, outside any try: counted against the page being parsed.
let uncaught: string | null = null;
process.on('uncaughtException', (error: Error) => {
  uncaught = error.message;
});

async function run({ html, url, dropStyleSheets, task }: JsdomRequest): Promise<unknown> {
  const use =
    task.kind === 'readability'
      ? (document: Document) => new Readability(document).parse()?.textContent ?? ''
      : ((await import(pathToFileURL(task.file).href)) as Record<string, (document: Document, ...args: unknown[]) => unknown>)[task.exportName]!;
  const virtualConsole = new jsdom.VirtualConsole();
  virtualConsole.on('jsdomError', () => {});
  const dom = new jsdom.JSDOM(dropStyleSheets ? html.replace(/<style\b[\s\S]*?<\/style\s*>/giu, '') : html, { url, virtualConsole });
  try {
    const window = dom.window as unknown as Window;
    return task.kind === 'readability' ? use(window.document) : use(window.document, ...task.args);
  } finally {
    dom.window.close();
  }
}

parentPort?.on('message', async (request: JsdomRequest) => {
  uncaught = null;
  const start = performance.now();
  let value: unknown = null;
  let error: string | null = null;
  try {
    value = await run(request);
  } catch (thrown) {
    error = (thrown as Error).message.slice(0, 120);
  }
  await new Promise((resolveTick) => setImmediate(resolveTick)); // let a parser callback throw now
  const ms = performance.now() - start;
  if (uncaught) {
    error = String(uncaught).slice(0, 120);
    value = null;
  }
  parentPort!.postMessage({ value, error, ms } satisfies JsdomReply);
});
