/**
 * The espeak-ng library's process (started by espeakLibraryProcess.ts): loads libespeak-ng once
 * (espeakLibrary.ts) and says one text per request, answering with the library's word events and the
 * length of its audio (the audio itself is the espeak-ng command's, espeakNg.ts). espeak-ng 1.51 aborts
 * on some texts; here that ends this process only. Built as its own entry (out/main/espeakProcess.js);
 * from source it is bundled on demand (main/process/workerScript.ts).
 */
import { openEspeakLibrary } from './espeakLibrary.js';
import type { EspeakProcessRequest, LibraryWords } from './espeakLibraryProcess.js';
import { serveSpeechRequests } from './speechProcessChild.js';

serveSpeechRequests(() => {
  const library = openEspeakLibrary(process.argv[2] ?? '');
  return (payload) => {
    const { text, voice, wordsPerMinute, pitch } = payload as EspeakProcessRequest;
    const said = library.synthesize(text, voice, wordsPerMinute, pitch);
    return { sampleRate: said.sampleRate, sampleCount: said.samples.length, words: said.words } satisfies LibraryWords;
  };
});
