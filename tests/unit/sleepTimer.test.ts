/** The sleep timer's rules with a clock the test moves by hand. */
import { describe, expect, it } from 'vitest';
import { describeDuration, describeTimer, EXTEND_WINDOW_MS, FADE_MS, formatClock, parseCustomMinutes, SleepTimer } from '../../renderer/src/sleepTimer/sleepTimer';

function manualClock(start = 1_000_000) {
  let now = start;
  return { clock: () => now, tick: (ms: number) => (now += ms) };
}
const at = { blockIndex: 3, blockCount: 10 };

describe('a timer of minutes', () => {
  it('counts down only while playing', () => {
    const { clock, tick } = manualClock();
    const timer = new SleepTimer({ kind: 'minutes', minutes: 5 }, clock, at);
    tick(60_000);
    timer.advance(true);
    expect(timer.remainingMs(null)).toBe(4 * 60_000);
    tick(120_000);
    timer.advance(false); // paused by hand for two minutes
    expect(timer.remainingMs(null)).toBe(4 * 60_000);
    tick(30_000);
    timer.advance(true);
    expect(timer.remainingMs(null)).toBe(3.5 * 60_000);
    expect(timer.expired).toBe(false);
  });

  it('runs out at zero, never below', () => {
    const { clock, tick } = manualClock();
    const timer = new SleepTimer({ kind: 'minutes', minutes: 0.5 }, clock, at);
    tick(45_000);
    timer.advance(true);
    expect(timer.remainingMs(null)).toBe(0);
    expect(timer.expired).toBe(true);
  });

  it('keeps full volume until the last seconds, then fades to silence', () => {
    const { clock } = manualClock();
    const timer = new SleepTimer({ kind: 'minutes', minutes: 15 }, clock, at);
    expect(timer.volume(FADE_MS + 1)).toBe(1);
    expect(timer.volume(FADE_MS / 2)).toBeCloseTo(0.25);
    expect(timer.volume(0)).toBe(0);
    const volumes = [9000, 7000, 5000, 3000, 1000].map((ms) => timer.volume(ms));
    expect(volumes).toEqual([...volumes].sort((a, b) => b - a)); // only ever down
  });

  it('fades over half of a timer shorter than two fades', () => {
    const { clock } = manualClock();
    const timer = new SleepTimer({ kind: 'minutes', minutes: 0.2 }, clock, at); // 12 s
    expect(timer.volume(6001)).toBe(1);
    expect(timer.volume(3000)).toBeCloseTo(0.25);
  });

  it('a key in the last minute starts the full length again; earlier it does nothing', () => {
    const { clock, tick } = manualClock();
    const timer = new SleepTimer({ kind: 'minutes', minutes: 5 }, clock, at);
    tick(60_000);
    timer.advance(true);
    expect(timer.extend(timer.remainingMs(null))).toBe(false);
    expect(timer.remainingMs(null)).toBe(4 * 60_000);
    tick(4 * 60_000 - EXTEND_WINDOW_MS + 1);
    timer.advance(true);
    expect(timer.canExtend(timer.remainingMs(null))).toBe(true);
    expect(timer.extend(timer.remainingMs(null))).toBe(true);
    expect(timer.remainingMs(null)).toBe(5 * 60_000);
    expect(timer.volume(timer.remainingMs(null))).toBe(1);
    // What is said after the extension is what the timer now holds.
    expect(describeTimer(timer, timer.remainingMs(null))).toBe('Pauses in 5 minutes');
  });

  it('a timer shorter than two minutes is extended only in its second half, so the keys that start it do not', () => {
    const { clock, tick } = manualClock();
    const timer = new SleepTimer({ kind: 'minutes', minutes: 0.5 }, clock, at); // 30 s: all of it is "the last minute"
    tick(10_000);
    timer.advance(true);
    expect(timer.remainingMs(null)).toBe(20_000);
    expect(timer.extend(timer.remainingMs(null))).toBe(false); // the case of issue 25: "20 seconds" said, 0:30 shown
    expect(timer.remainingMs(null)).toBe(20_000);
    expect(describeTimer(timer, timer.remainingMs(null))).toBe('Pauses in 20 seconds');
    tick(5_001);
    timer.advance(true);
    expect(timer.extend(timer.remainingMs(null))).toBe(true);
    expect(timer.remainingMs(null)).toBe(30_000);
  });
});

describe('end of this paragraph / article', () => {
  it('stops at the end of the paragraph being read, following the listener forward but not back', () => {
    const { clock } = manualClock();
    const timer = new SleepTimer({ kind: 'paragraph' }, clock, at);
    expect(timer.stopBlockIndex()).toBe(3);
    timer.follow(5, 10);
    expect(timer.stopBlockIndex()).toBe(5);
    timer.follow(2, 10);
    expect(timer.stopBlockIndex()).toBe(5);
    expect(timer.expired).toBe(false); // the player's stop ends it, not the clock
  });

  it('takes the time left from the player and fades in the last seconds of the paragraph', () => {
    const { clock } = manualClock();
    const timer = new SleepTimer({ kind: 'paragraph' }, clock, at);
    expect(timer.remainingMs(null)).toBeNull();
    expect(timer.volume(null)).toBe(1);
    expect(timer.remainingMs(4000)).toBe(4000);
    expect(timer.volume(4000)).toBeLessThan(1);
  });

  it('a key never moves a paragraph timer: it is nearly always in its last minute, so Space or Z would', () => {
    const { clock } = manualClock();
    const timer = new SleepTimer({ kind: 'paragraph' }, clock, { blockIndex: 8, blockCount: 10 });
    expect(timer.canExtend(null)).toBe(false);
    expect(timer.extend(30_000)).toBe(false);
    expect(timer.extend(500)).toBe(false);
    expect(timer.stopBlockIndex()).toBe(8);
    expect(describeTimer(timer, 23_000)).toBe('Pauses at the end of this paragraph, in 23 seconds');
  });

  it('an article timer stops after the last block, whatever the article', () => {
    const { clock } = manualClock();
    const timer = new SleepTimer({ kind: 'article' }, clock, at);
    expect(timer.stopBlockIndex()).toBe(9);
    timer.follow(0, 4); // another article opened
    expect(timer.stopBlockIndex()).toBe(3);
    expect(timer.extend(10_000)).toBe(false);
  });
});

describe('words and numbers', () => {
  it('parses custom minutes with decimals and refuses what cannot be a length', () => {
    expect(parseCustomMinutes('20')).toEqual({ ok: true, minutes: 20 });
    expect(parseCustomMinutes(' 0,5 ')).toEqual({ ok: true, minutes: 0.5 });
    for (const bad of ['', 'abc', '0', '-3', '0.01', '100000', 'Infinity']) expect(parseCustomMinutes(bad).ok).toBe(false);
  });

  it('formats the clock and the spoken duration', () => {
    expect(formatClock(245_000)).toBe('4:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
    expect(formatClock(400)).toBe('0:01');
    expect(describeDuration(245_000)).toBe('4 minutes 5 seconds');
    expect(describeDuration(60_000)).toBe('1 minute');
    expect(describeDuration(1_000)).toBe('1 second');
    const { clock } = manualClock();
    expect(describeTimer(new SleepTimer({ kind: 'paragraph' }, clock, at), null)).toBe('Pauses at the end of this paragraph');
    expect(describeTimer(new SleepTimer({ kind: 'minutes', minutes: 15 }, clock, at), 15 * 60_000)).toBe('Pauses in 15 minutes');
  });
});
