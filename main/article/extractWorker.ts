/**
 * The extraction worker's entry: one extraction per worker, so a page that makes Readability (or any
 * extractor) loop forever is stopped by terminating the worker. Built as its own entry beside the main
 * entries (out/main/extractWorker.js); under vitest it is bundled on demand (see extractInWorker.ts).
 * Started as a spare (`workerData` is `{spare: true}`), it loads its modules and pdf.js ahead and then
 * waits for its one input as a message, so a document opened later does not wait for them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle, type ExtractionInput } from './extractArticle.js';
import { documentFailure } from './documentError.js';
import { loadPdfjs } from './pdf/pdfjs.js';
import { postingHooks } from './streamParts.js';

/** `message`: a document's own words for the listener (a DocumentError, a PdfProblem), passed on as they are; `kind`: a PdfProblem's. */
export type WorkerReply = { ok: true; article: Awaited<ReturnType<typeof extractArticle>> } | { ok: false; error: string; message?: string; kind?: string };

function reply(message: WorkerReply): void {
  parentPort?.postMessage(message);
}

/** What a spare worker says once it is ready for its input. */
export const SPARE_READY = { spare: 'ready' } as const;

async function extract(input: ExtractionInput): Promise<void> {
  try {
    // A long document's parts go to the parent as they are read; the reply is the whole.
    const hooks = input.stream && parentPort ? postingHooks((message) => parentPort!.postMessage(message)) : undefined;
    reply({ ok: true, article: await extractArticle(input, hooks) });
  } catch (error) {
    // A document that says what is wrong with it (a PDF without text, a book with DRM) is told in its own words.
    reply({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ...documentFailure(error) });
  }
}

if ((workerData as { spare?: boolean } | null)?.spare) {
  await loadPdfjs().catch(() => undefined); // pdf.js is the slowest to load: a PDF then starts at once
  parentPort?.once('message', (input: ExtractionInput) => void extract(input));
  parentPort?.postMessage(SPARE_READY);
} else {
  await extract(workerData as ExtractionInput);
}
