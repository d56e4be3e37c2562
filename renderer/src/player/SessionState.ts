/**
 * What both reading sessions share: the observable state the UI reads with useSyncExternalStore, and
 * the commands that mean the same whatever speaks (toggle, next paragraph, where a block index lands).
 */
import { clampRate } from '../../../shared/rate';
import { reachedMessage, reachedPlace } from '../../../shared/resumePlace';
import type { PlayerState } from './Player';

/**
 * The state a session starts in. `firstIndex` is -1 when the article's title is read before block 0:
 * an article not started (no saved place, or the very top) starts there, at the title.
 */
export function initialPlayerState(blockCount: number, start: { blockIndex: number; sentenceIndex: number } | undefined, rate: number, sentenceIndex = -1, firstIndex = 0): PlayerState {
  const atTop = !start || (start.blockIndex <= 0 && start.sentenceIndex <= 0);
  const blockIndex = atTop ? firstIndex : Math.min(Math.max(0, start.blockIndex), Math.max(0, blockCount - 1));
  return { status: 'idle', blockIndex, sentenceIndex, wordIndex: -1, rate: clampRate(rate), timeline: null, error: null };
}

export abstract class SessionState {
  private readonly listeners = new Set<() => void>();
  /** Play was pressed while a saved place had not arrived: reading starts there when it does. */
  protected playOnArrival = false;

  protected constructor(
    protected state: PlayerState,
    private blockCount: number,
    protected readonly announce: (message: string) => void,
    /** -1 when the title is read before the first block (shared/spokenTitle.ts), else 0. */
    readonly firstIndex = 0,
  ) {}

  abstract play(): void;
  abstract pause(): void;
  abstract goToBlock(index: number, options?: { play?: boolean; announce?: boolean; sentence?: number }): void;

  togglePlay(): void {
    if (this.isActive()) this.pause();
    else {
      this.play();
      this.announce('Playing');
    }
  }

  nextBlock(): void {
    if (this.state.blockIndex >= this.blockCount - 1) this.announce('This is the last paragraph');
    else this.goToBlock(this.state.blockIndex + 1);
  }

  /** The article grew (a long document streamed in): more blocks to move to and count. */
  protected resize(blockCount: number): void {
    this.blockCount = blockCount;
  }

  /** How many leading blocks of `before` are still the same objects in `after`. */
  protected static keptOf(before: readonly unknown[], after: readonly unknown[]): number {
    const end = Math.min(before.length, after.length);
    let i = 0;
    while (i < end && before[i] === after[i]) i++;
    return i;
  }

  /**
   * A move of the listener's own (a key, a click, Contents) while a saved place is still to come: the
   * place is given up, and reading goes where they asked.
   */
  protected cancelPlace(): void {
    this.playOnArrival = false;
    if (this.state.goingTo) this.update({ goingTo: null });
  }

  /** Play while the saved place has not arrived: it waits for it (not the top); false when there is no place to wait for. */
  protected playWhenPlaceArrives(): boolean {
    if (!this.state.goingTo) return false;
    this.playOnArrival = true;
    this.update({ status: 'loading', error: null });
    return true;
  }

  /** The article grew: when the saved place has arrived (or nothing more will), reading goes there, playing if Play was pressed. */
  protected goToPlaceIfArrived(arrived: number, moreComing: boolean, pageOf: (index: number) => string | null | undefined): void {
    const pending = this.state.goingTo;
    if (!pending) return;
    const place = reachedPlace(pending, arrived, moreComing);
    if (!place) return;
    const play = this.playOnArrival;
    this.playOnArrival = false;
    this.update({ goingTo: null, ...(play ? {} : { status: this.state.status === 'loading' ? 'paused' : this.state.status }) });
    this.goToBlock(place.blockIndex, { play, sentence: place.sentenceIndex, announce: false });
    this.announce(reachedMessage({ ...place, page: pageOf(place.blockIndex) }));
  }

  protected isActive(): boolean {
    return this.state.status === 'playing' || this.state.status === 'loading';
  }

  /** A block index inside the article, announced unless asked not to. */
  protected landOn(index: number, announce: boolean): number {
    const target = Math.max(this.firstIndex, Math.min(this.blockCount - 1, index));
    if (announce) this.announce(target < 0 ? 'Title' : `Paragraph ${target + 1} of ${this.blockCount}`);
    return target;
  }

  getState = (): PlayerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies a change and tells the UI, unless nothing changed (the clock calls this every frame). */
  protected update(patch: Partial<PlayerState>): void {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(patch) as Array<keyof PlayerState>).some((key) => next[key] !== this.state[key]);
    if (!changed) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  protected stopListening(): void {
    this.listeners.clear();
  }
}
