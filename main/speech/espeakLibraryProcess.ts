/**
 * libespeak-ng in its own process (espeakProcess.ts, supervised by speechProcess.ts): the word events
 * and audio length of a text, as the library says it. The library is never loaded into the app's
 * process: espeak-ng 1.51 aborts on some texts, and an abort there would end the app.
 */
import { findWorkerScript } from '../process/workerScript.js';
import type { EspeakWordEvent } from './espeakWordMarks.js';
import { SpeechProcess, type SpeechRequestOptions } from './speechProcess.js';
import type { SpeechProcessLauncher } from './speechProcessLauncher.js';
import { fileURLToPath } from 'node:url';

export interface EspeakProcessRequest {
  text: string;
  voice: string | null;
  wordsPerMinute: number;
  /** espeakPITCH, 0-99 (50 the voice's own): the same pitch as the command's -p, so the word times match its audio. */
  pitch?: number;
}

/** What the library said for a text: its word events and how long its audio was. */
export interface LibraryWords {
  sampleRate: number;
  sampleCount: number;
  words: EspeakWordEvent[];
}

/** Where the espeak-ng engine gets the library's word events from: this process-backed source, or (the bench's comparison) the library in the caller's own thread. */
export interface EspeakWordSource {
  /** Null when usable, else why not. */
  ready(): Promise<string | null>;
  say(request: EspeakProcessRequest, options: SpeechRequestOptions): Promise<LibraryWords>;
  close(): Promise<void>;
}

export class EspeakLibraryProcess implements EspeakWordSource {
  readonly process: SpeechProcess<EspeakProcessRequest, LibraryWords>;

  constructor(libraryPath: string, options: { launcher?: SpeechProcessLauncher; script?: () => Promise<string | null>; maxStrikes?: number } = {}) {
    this.process = new SpeechProcess({
      name: 'the espeak-ng library',
      script: options.script ?? (async () => {
        const url = await findWorkerScript(import.meta.url, 'espeakProcess');
        return url ? fileURLToPath(url) : null;
      }),
      args: [libraryPath],
      ...(options.launcher ? { launcher: options.launcher } : {}),
      ...(options.maxStrikes ? { maxStrikes: options.maxStrikes } : {}),
    });
  }

  ready(): Promise<string | null> {
    return this.process.ready();
  }

  say(request: EspeakProcessRequest, options: SpeechRequestOptions): Promise<LibraryWords> {
    return this.process.request(request, options);
  }

  close(): Promise<void> {
    return this.process.close();
  }
}
