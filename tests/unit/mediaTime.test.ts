import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seekSecondsFor } from '../../renderer/src/player/mediaTime';

/** What Chromium's audio element reads back after `currentTime = seconds`: whole microseconds, the rest dropped. */
const readBackMs = (seconds: number) => Math.floor(seconds * 1_000_000) / 1000;

describe('seekSecondsFor', () => {
  it('lands at or after the timeline point even after Chromium drops the sub-microsecond part', () => {
    // 12288.344671 ms is where the welcome article's third sentence starts with espeak-ng at 22050 Hz;
    // a plain ms / 1000 read back as 12288.344 ms, inside the sentence before.
    expect(readBackMs(12288.344671 / 1000)).toBeLessThan(12288.344671);
    expect(readBackMs(seekSecondsFor(12288.344671))).toBeGreaterThanOrEqual(12288.344671);
    fc.assert(
      fc.property(fc.double({ min: 0.000001, max: 4 * 3600 * 1000, noNaN: true }), (ms) => {
        const landed = readBackMs(seekSecondsFor(ms));
        return landed >= ms && landed - ms <= 1.01;
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps the very start of the audio at zero', () => {
    expect(seekSecondsFor(0)).toBe(0);
  });
});
