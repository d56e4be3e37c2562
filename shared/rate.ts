/** Speech rate as a multiplier of the voice's normal rate. */

export const RATE_MIN = 0.5;
export const RATE_MAX = 4;
export const RATE_STEP = 0.1;
export const RATE_DEFAULT = 1;
/** Words per minute of a voice at rate 1 when the engine does not say (espeak-ng's default). */
export const NORMAL_WORDS_PER_MINUTE = 175;

export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return RATE_DEFAULT;
  const stepped = Math.round(rate / RATE_STEP) * RATE_STEP;
  return Math.min(RATE_MAX, Math.max(RATE_MIN, Number(stepped.toFixed(1))));
}

export function stepRate(rate: number, steps: number): number {
  return clampRate(rate + steps * RATE_STEP);
}

export function wordsPerMinute(rate: number, normalWpm = NORMAL_WORDS_PER_MINUTE): number {
  return Math.round(rate * normalWpm);
}

/** "1.5×" */
export function formatRate(rate: number): string {
  return `${clampRate(rate).toFixed(1)}×`;
}

/** "1.5 times, 263 words per minute": what a screen reader announces for the slider. */
export function describeRate(rate: number, normalWpm = NORMAL_WORDS_PER_MINUTE): string {
  return `${clampRate(rate).toFixed(1)} times normal speed, ${wordsPerMinute(rate, normalWpm)} words per minute`;
}
