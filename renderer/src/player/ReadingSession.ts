/** What the UI asks of a reading session, whether it plays audio (Player) or speaks directly (DirectPlayer). */
import type { PlayerState, SpeechPreferences } from './Player';

export interface ReadingSession {
  getState(): PlayerState;
  subscribe(listener: () => void): () => void;
  readonly positionMs: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  goToBlock(index: number, options?: { play?: boolean; announce?: boolean }): void;
  nextBlock(): void;
  previousBlock(): void;
  nextSentence(): void;
  previousSentence(): void;
  setRate(rate: number): void;
  configure(preferences: SpeechPreferences): void;
  remainingMs(wordsPerMinute: number): number;
  dispose(): void;
}
