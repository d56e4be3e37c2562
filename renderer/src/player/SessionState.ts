/** The observable state both reading sessions share: the UI reads it with useSyncExternalStore. */
import { clampRate } from '../../../shared/rate';
import type { PlayerState } from './Player';

export function initialPlayerState(blockCount: number, start: { blockIndex: number; sentenceIndex: number } | undefined, rate: number, sentenceIndex = -1): PlayerState {
  const blockIndex = Math.min(Math.max(0, start?.blockIndex ?? 0), Math.max(0, blockCount - 1));
  return { status: 'idle', blockIndex, sentenceIndex, wordIndex: -1, rate: clampRate(rate), timeline: null, error: null };
}

export abstract class SessionState {
  private readonly listeners = new Set<() => void>();

  protected constructor(protected state: PlayerState) {}

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
