import { describe, expect, it } from 'vitest';
import { clampRate, describeRate, formatRate, RATE_MAX, RATE_MIN, stepRate, wordsPerMinute } from '../../shared/rate';

describe('speech rate', () => {
  it('clamps to 0.5x..4x in steps of 0.1', () => {
    expect(clampRate(0.1)).toBe(RATE_MIN);
    expect(clampRate(9)).toBe(RATE_MAX);
    expect(clampRate(1.26)).toBe(1.3);
    expect(clampRate(Number.NaN)).toBe(1);
  });

  it('steps without floating point drift', () => {
    let rate = 1;
    for (let i = 0; i < 7; i++) rate = stepRate(rate, 1);
    expect(rate).toBe(1.7);
    expect(stepRate(0.5, -1)).toBe(0.5);
  });

  it('describes the rate as a multiplier and in words per minute', () => {
    expect(formatRate(1.5)).toBe('1.5×');
    expect(wordsPerMinute(2, 175)).toBe(350);
    expect(describeRate(1.5, 175)).toBe('1.5 times normal speed, 263 words per minute');
  });
});
