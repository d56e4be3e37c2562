/**
 * Which engine failures come from the text being said, so that the passage is narrowed down and the
 * rest of it still spoken (speakAroundFailures.ts): the engine's program ended by a signal (espeak-ng
 * 1.51 aborts with SIGABRT on some texts), a program or the library's process that did not finish in
 * time, or the library's process lost. A missing engine, an unknown voice or a cancel are not: they
 * would fail every text the same way.
 */
import { ProcessError } from '../process/runProcess.js';
import { SpeechProcessLost } from './speechProcess.js';

export function isPassageFailure(error: unknown): boolean {
  if (error instanceof SpeechProcessLost) return true;
  return error instanceof ProcessError && (error.reason === 'timeout' || (error.reason === 'exit' && error.signal !== null));
}
