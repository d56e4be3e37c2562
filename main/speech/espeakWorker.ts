/**
 * The espeak worker's entry: loads libespeak-ng once (main/speech/espeakLibrary.ts) and says one text
 * per message, so the synchronous synthesis never blocks the main thread. Built as its own entry
 * (out/main/espeakWorker.js); from source it is bundled on demand (main/process/workerScript.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEspeakLibrary, type EspeakLibrary, type LibrarySpeech } from './espeakLibrary.js';

export interface EspeakWorkerData {
  libraryPath: string;
}

export interface EspeakWorkerRequest {
  id: number;
  text: string;
  voice: string | null;
  wordsPerMinute: number;
}

export type EspeakWorkerReply =
  | { type: 'ready'; sampleRate: number }
  | { type: 'failed'; reason: string }
  | ({ type: 'said'; id: number } & LibrarySpeech)
  | { type: 'error'; id: number; message: string };

const port = parentPort;
if (port) {
  let library: EspeakLibrary | null = null;
  try {
    library = openEspeakLibrary((workerData as EspeakWorkerData).libraryPath);
    port.postMessage({ type: 'ready', sampleRate: library.sampleRate } satisfies EspeakWorkerReply);
  } catch (error) {
    port.postMessage({ type: 'failed', reason: (error as Error).message } satisfies EspeakWorkerReply);
  }
  port.on('message', (request: EspeakWorkerRequest) => {
    if (!library) return;
    try {
      const said = library.synthesize(request.text, request.voice, request.wordsPerMinute);
      port.postMessage({ type: 'said', id: request.id, ...said } satisfies EspeakWorkerReply, [said.samples.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ type: 'error', id: request.id, message: (error as Error).message } satisfies EspeakWorkerReply);
    }
  });
}
