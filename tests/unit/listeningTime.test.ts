import { describe, expect, it } from 'vitest';
import { describeDuration, describeProgress, formatClock } from '../../renderer/src/progress/listeningTime';

describe('listening time', () => {
  it('shows a clock with hours only when there are some', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(42_400)).toBe('0:42');
    expect(formatClock(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-500)).toBe('0:00');
  });

  it('says durations in words, hours for long ones and seconds only where they matter', () => {
    expect(describeDuration(35_000)).toBe('35 seconds');
    expect(describeDuration(1_000)).toBe('1 second');
    expect(describeDuration(4 * 60_000 + 10_000)).toBe('4 minutes 10 seconds');
    expect(describeDuration(60_000)).toBe('1 minute');
    expect(describeDuration(25 * 60_000 + 31_000)).toBe('25 minutes');
    expect(describeDuration(1539 * 60_000)).toBe('25 hours 39 minutes');
    expect(describeDuration(2 * 3_600_000)).toBe('2 hours');
  });

  it('describes the slider position in words', () => {
    expect(describeProgress(2, 15, 70_000, 250_000)).toBe('Paragraph 3 of 15, 1 minute 10 seconds in, about 4 minutes 10 seconds left');
  });
});
