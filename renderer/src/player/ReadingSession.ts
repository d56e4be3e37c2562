/** What the UI asks of a reading session, whether it plays audio (Player) or speaks directly (DirectPlayer). */
import type { Block } from '../../../shared/article';
import type { PlayerState, SpeechPreferences } from './Player';

/** A place where playback pauses by itself: the end of a selection, or the end of a paragraph for a sleep timer. */
export interface PlaybackStop {
  blockIndex: number;
  /** Stop after the word that ends at this character (exclusive); absent: at the end of the block. */
  charEnd?: number;
  /** Called once, when playback has paused there. */
  onReached: () => void;
}

export interface ReadingSession {
  getState(): PlayerState;
  /** -1 when the article's title is read before its first block (state.blockIndex is -1 while it is), else 0. */
  readonly firstIndex: number;
  subscribe(listener: () => void): () => void;
  readonly positionMs: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Moves to a block (at a sentence, the first by default), playing or not. */
  goToBlock(index: number, options?: { play?: boolean; announce?: boolean; sentence?: number }): void;
  nextBlock(): void;
  previousBlock(): void;
  nextSentence(): void;
  previousSentence(): void;
  setRate(rate: number): void;
  /**
   * Reads the current paragraph again from the sentence being read, as written: no reading rule or
   * pronunciation applies (to hear a skipped marker, a whole address, an entry's own word). The next
   * paragraph is read with them again.
   */
  hearAsWritten(): void;
  configure(preferences: SpeechPreferences): void;
  remainingMs(wordsPerMinute: number): number;
  /** The whole article's listening time at the current rate, estimated from its words. */
  totalMs(wordsPerMinute: number): number;
  /** Reads from the word containing a character of a block. */
  playFromChar(blockIndex: number, char: number): void;
  /** Sets (or clears, with null) the place where playback pauses by itself; each owner has one. */
  setStop(owner: string, stop: PlaybackStop | null): void;
  /** Real milliseconds until that owner's stop, when it lies in the block being played and its time is known; else null. */
  untilStopMs(owner: string): number | null;
  /** Output volume, 0..1 (a sleep timer's fade). */
  setVolume(volume: number): void;
  /**
   * The article grew while it is read (a long document's rest arriving): the blocks kept (the same objects)
   * keep their audio, changed ones are spoken again; `moreComing` says more will follow, so reaching the end
   * of what arrived waits for it instead of ending.
   */
  grow(blocks: readonly Block[], moreComing: boolean): void;
  dispose(): void;
}
