/**
 * The media time to seek to for a point of the timeline. Chromium keeps media time in whole
 * microseconds and drops the rest, so a seek to exactly a sentence's start reads back a hair before
 * it, inside the sentence before; the highlight then showed the wrong sentence and the next
 * "next sentence" went to the same one again. Rounding up to the next whole millisecond lands inside
 * the sentence; a millisecond of its leading silence is not heard.
 */
export function seekSecondsFor(ms: number): number {
  if (ms <= 0) return 0;
  return Math.ceil(ms + 0.001) / 1000;
}
