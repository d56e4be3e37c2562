import { describe, expect, it } from 'vitest';
import { formatRemaining } from '../../renderer/src/player/playerCommands';

describe('the time left, in words', () => {
  it('says minutes under an hour', () => {
    expect(formatRemaining(20_000)).toBe('less than a minute left');
    expect(formatRemaining(4 * 60_000)).toBe('about 4 min left');
    expect(formatRemaining(59 * 60_000)).toBe('about 59 min left');
  });

  it('says hours from an hour on (issue 25: "about 1539 min left")', () => {
    expect(formatRemaining(1539 * 60_000)).toBe('about 25 hours 39 min left');
    expect(formatRemaining(60 * 60_000)).toBe('about 1 hour left');
    expect(formatRemaining(65 * 60_000)).toBe('about 1 hour 5 min left');
    expect(formatRemaining(120 * 60_000)).toBe('about 2 hours left');
  });
});
