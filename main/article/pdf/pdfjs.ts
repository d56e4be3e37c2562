/**
 * pdf.js (pdfjs-dist's legacy build, which carries the polyfills Node 20 needs) loaded for text
 * extraction only. Its display layer tries `require("@napi-rs/canvas")` as it loads in Node (to polyfill
 * DOMMatrix, ImageData and Path2D for rendering); that is native code, and native code that reads article
 * data stays out of the app's process. Text extraction never draws, so the require is refused here before
 * pdf.js loads, and the warnings pdf.js prints about it are dropped. One drawing constant is built as
 * pdf.js loads (`new DOMMatrix()`), so a plain 2D matrix stands in for DOMMatrix when the runtime has none.
 * The parser ("worker") runs in this thread: the caller is already the extraction worker.
 */
import Module from 'node:module';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const REFUSED = /^@napi-rs\/canvas(?:$|\/|-)/u;

/** How many times pdf.js asked for the native canvas and was refused (a test reads it). */
export let refusedNativeLoads = 0;

let guarded = false;

/** Makes `require('@napi-rs/canvas')` (and its platform packages) fail in this thread. */
export function refuseNativeCanvas(): void {
  if (guarded) return;
  guarded = true;
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function load(this: unknown, request: string, ...rest: unknown[]) {
    if (REFUSED.test(request)) {
      refusedNativeLoads++;
      throw new Error('The native canvas is not loaded: text extraction does not draw.');
    }
    return original.call(this, request, ...rest);
  };
}

/** Enough of DOMMatrix for pdf.js to load; its drawing code (never called here) would need the rest. */
class Matrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6) as [number, number, number, number, number, number];
  }
}

let loading: Promise<Pdfjs> | null = null;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    refuseNativeCanvas();
    // pdf.js says "Cannot load @napi-rs/canvas" and "Cannot polyfill DOMMatrix" as it loads: expected here.
    const globals = globalThis as { DOMMatrix?: unknown };
    globals.DOMMatrix ??= Matrix2D;
    const warn = console.warn;
    console.warn = () => {};
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // The parser's module ships no types; a variable specifier keeps TypeScript from asking for them.
      const parser = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      const worker: unknown = await import(/* @vite-ignore */ parser);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      pdfjs.GlobalWorkerOptions.workerSrc = '';
      return pdfjs;
    } finally {
      console.warn = warn;
    }
  })();
  return loading;
}
