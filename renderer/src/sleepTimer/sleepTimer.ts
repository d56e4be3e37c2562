/**
 * The sleep timer's rules, with no DOM, no player and no real clock (the clock is passed in), so every
 * rule is unit-tested: how much time is left, how loud the last seconds are, when it runs out, where a
 * paragraph or article timer stops, and what a key pressed in the last minute does.
 *
 * A timer of minutes counts only while the article is playing (as podcast players do): pausing by hand
 * does not use up the time. "End of this paragraph" and "end of this article" stop at a place; the
 * player reports how long until it is reached once that paragraph's audio is playing.
 *
 * What the listener is told, what the display shows and where reading stops come from the same figures:
 * `remainingMs` (the clock for minutes, the player for a place) and `stopBlockIndex`; `canExtend` is the
 * one rule for a key in the last minute.
 */

export type SleepChoice = { kind: 'minutes'; minutes: number } | { kind: 'paragraph' } | { kind: 'article' };

/** The preset lengths offered, in minutes. */
export const SLEEP_PRESETS = [5, 15, 30, 45, 60] as const;
/** A custom length, in minutes (decimals allowed: 0.5 is thirty seconds). */
export const CUSTOM_MIN_MINUTES = 0.1;
export const CUSTOM_MAX_MINUTES = 720;
/** The volume fades out over the last this many milliseconds (at most half the timer's length). */
export const FADE_MS = 10_000;
/** A key pressed when less than this is left gives the timer more time (when the setting is on). */
export const EXTEND_WINDOW_MS = 60_000;

export type Clock = () => number;

/** A custom length typed by the user, or why it cannot be used. */
export function parseCustomMinutes(text: string): { ok: true; minutes: number } | { ok: false; message: string } {
  const value = Number(text.trim().replace(',', '.'));
  if (!text.trim() || !Number.isFinite(value)) return { ok: false, message: 'Type a number of minutes, for example 20 or 0.5.' };
  if (value < CUSTOM_MIN_MINUTES || value > CUSTOM_MAX_MINUTES) {
    return { ok: false, message: `Choose between ${CUSTOM_MIN_MINUTES} and ${CUSTOM_MAX_MINUTES} minutes.` };
  }
  return { ok: true, minutes: value };
}

export class SleepTimer {
  private leftMs: number;
  private readonly totalMs: number;
  private lastTick: number;
  private stopBlock: number;

  constructor(
    readonly choice: SleepChoice,
    private readonly clock: Clock,
    /** Where reading is when the timer is set, and how many blocks the article has. */
    at: { blockIndex: number; blockCount: number },
  ) {
    this.totalMs = choice.kind === 'minutes' ? choice.minutes * 60_000 : 0;
    this.leftMs = this.totalMs;
    this.lastTick = clock();
    this.stopBlock = choice.kind === 'article' ? at.blockCount - 1 : at.blockIndex;
  }

  /** Counts the time since the last call, when the article was playing during it. */
  advance(playing: boolean): void {
    const now = this.clock();
    if (playing && this.choice.kind === 'minutes') this.leftMs = Math.max(0, this.leftMs - (now - this.lastTick));
    this.lastTick = now;
  }

  /**
   * Milliseconds left: counted down for a timer of minutes; for a paragraph or article timer, what the
   * player says is left until its stop (`untilStopMs`, null while the stop's paragraph is not playing).
   */
  remainingMs(untilStopMs: number | null): number | null {
    return this.choice.kind === 'minutes' ? this.leftMs : untilStopMs;
  }

  /** A timer of minutes has run out (the others run out when the player reaches their stop). */
  get expired(): boolean {
    return this.choice.kind === 'minutes' && this.leftMs <= 0;
  }

  /** The block a paragraph or article timer stops at the end of; null for a timer of minutes. */
  stopBlockIndex(): number | null {
    return this.choice.kind === 'minutes' ? null : this.stopBlock;
  }

  /** Reading moved on (the listener skipped ahead): "end of this paragraph" now means the one being read. */
  follow(blockIndex: number, blockCount: number): void {
    if (this.choice.kind === 'paragraph' && blockIndex > this.stopBlock) this.stopBlock = blockIndex;
    if (this.choice.kind === 'article') this.stopBlock = blockCount - 1;
  }

  /** The volume (0..1) for the time left: full, then down to silence over the last seconds. */
  volume(remainingMs: number | null): number {
    if (remainingMs === null) return 1;
    const fadeMs = this.choice.kind === 'minutes' ? Math.min(FADE_MS, this.totalMs / 2) : FADE_MS;
    if (remainingMs >= fadeMs) return 1;
    const fraction = Math.max(0, remainingMs / fadeMs);
    return fraction * fraction; // loudness follows the square more closely than the amplitude
  }

  /**
   * Whether a key pressed now gives the timer its time again (when the setting is on). Only a timer of
   * minutes is extended, and only in its last minute, or in the second half of a timer shorter than two
   * minutes (otherwise the keys that start a short timer playing would extend it at once). A paragraph or
   * article timer stops at the place chosen: a key never moves it (the stop follows the listener forward
   * when they move on by hand).
   */
  canExtend(remainingMs: number | null): boolean {
    if (this.choice.kind !== 'minutes' || remainingMs === null) return false;
    return remainingMs < Math.min(EXTEND_WINDOW_MS, this.totalMs / 2);
  }

  /** A key pressed: a timer of minutes in its extension window starts its full length again. Returns whether it did. */
  extend(remainingMs: number | null): boolean {
    if (!this.canExtend(remainingMs)) return false;
    this.leftMs = this.totalMs;
    this.lastTick = this.clock();
    return true;
  }
}

/** "4:05" for a display that changes every second. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** "4 minutes 5 seconds" for a screen reader. */
export function describeDuration(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return part(rest, 'second');
  return rest === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(rest, 'second')}`;
}

/** What the timer will do, in words: "Pauses in 4 minutes 5 seconds", "Pauses at the end of this paragraph". */
export function describeTimer(timer: SleepTimer, remainingMs: number | null): string {
  if (timer.choice.kind === 'minutes') return `Pauses in ${describeDuration(remainingMs ?? 0)}`;
  const place = timer.choice.kind === 'paragraph' ? 'this paragraph' : 'the article';
  return remainingMs === null ? `Pauses at the end of ${place}` : `Pauses at the end of ${place}, in ${describeDuration(remainingMs)}`;
}

export function describeChoice(choice: SleepChoice): string {
  if (choice.kind === 'paragraph') return 'the end of this paragraph';
  if (choice.kind === 'article') return 'the end of this article';
  return describeDuration(choice.minutes * 60_000);
}
