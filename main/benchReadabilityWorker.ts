/**
 * The extraction bench's baseline, plain Readability.js on jsdom, in a worker thread of its own
 * (main/benchReadabilityBaseline.ts). jsdom keeps about 1.5 MB per parsed page that window.close()
 * does not give back: over the 711 pages of the corpus that, with the bench's other parts, ran the whole
 * bench out of its 4 GB heap. A worker that is replaced every hundred pages frees all of it.
 * Built as its own entry beside bench.js (electron.vite.config.ts).
 */
import { parentPort } from 'node:worker_threads';
import { Readability } from '@mozilla/readability';

export interface BaselineRequest {
  html: string;
  url: string;
}

export interface BaselineReply {
  text: string;
  /** Why the baseline gave nothing for this page, if it failed. */
  error: string | null;
  ms: number;
}

const jsdom = await import('jsdom');

// jsdom's CSS parser may throw from a callback, outside any try: counted against the page being parsed.
let uncaught: string | null = null;
process.on('uncaughtException', (error: Error) => {
  uncaught = error.message;
});

/** No scripts, no subresources, console errors swallowed. */
function readabilityText(html: string, url: string): string {
  const virtualConsole = new jsdom.VirtualConsole();
  virtualConsole.on('jsdomError', () => {});
  const dom = new jsdom.JSDOM(html, { url, virtualConsole });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } finally {
    dom.window.close();
  }
}

parentPort?.on('message', async ({ html, url }: BaselineRequest) => {
  uncaught = null;
  const start = performance.now();
  let text = '';
  let error: string | null = null;
  try {
    text = readabilityText(html, url);
  } catch (thrown) {
    error = (thrown as Error).message.slice(0, 120);
  }
  await new Promise((resolveTick) => setImmediate(resolveTick)); // let a parser callback throw now
  const ms = performance.now() - start;
  if (uncaught) {
    error = String(uncaught).slice(0, 120);
    text = '';
  }
  parentPort!.postMessage({ text, error, ms } satisfies BaselineReply);
});
