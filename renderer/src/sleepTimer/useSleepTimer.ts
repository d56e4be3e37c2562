/**
 * The sleep timer's state and its effect on the player: ticks the timer (sleepTimer.ts holds the rules),
 * fades the audio out in its last seconds, pauses when it runs out (the App saves the position on the
 * pause, as on any pause), and puts the volume back. The timer belongs to the listening session, not
 * the article: it carries on when another article opens.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlayerState } from '../player/Player';
import type { ReadingSession } from '../player/ReadingSession';
import { actionForKey, type Keymap } from '../../../shared/keymap';
import { describeChoice, describeTimer, SleepTimer, type SleepChoice } from './sleepTimer';

/** The player's stop slot this feature owns (a selection being read has its own). */
const STOP_OWNER = 'sleepTimer';
const TICK_MS = 100;

export interface SleepTimerSetup {
  player: ReadingSession | null;
  state: PlayerState;
  blockCount: number;
  extendOnKey: boolean;
  /** The timer's own keys (set it, say the time left) never extend it. */
  keymap: Keymap;
  announce: (message: string) => void;
}

export interface SleepTimerControls {
  active: boolean;
  /** What the timer will do, in words ("Pauses in 4 minutes 5 seconds"); null when none is set. */
  description: string | null;
  /** Milliseconds left when known (a timer of minutes always; a paragraph timer once its paragraph plays). */
  remainingMs: number | null;
  dialogOpen: boolean;
  openDialog: () => void;
  closeDialog: () => void;
  start: (choice: SleepChoice) => void;
  cancel: () => void;
  /** The feature's keys, for the App's one command table. */
  commands: { sleepTimer: () => void; announceSleepTimer: () => void };
}

export function useSleepTimer({ player, state, blockCount, extendOnKey, keymap, announce }: SleepTimerSetup): SleepTimerControls {
  const [timer, setTimer] = useState<SleepTimer | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [remainingMs, setRemainingMs] = useState<number | null>(null);
  const live = useRef({ player, state, blockCount, extendOnKey, keymap, announce });
  useEffect(() => {
    live.current = { player, state, blockCount, extendOnKey, keymap, announce };
  });

  const finish = useCallback((message: string | null) => {
    setTimer(null);
    setRemainingMs(null);
    const current = live.current.player;
    current?.setStop(STOP_OWNER, null);
    current?.setVolume(1);
    if (message) live.current.announce(message);
  }, []);

  // A paragraph or article timer is a stop in the player, placed again when reading moves on or another article opens.
  const { blockIndex } = state;
  useEffect(() => {
    if (!timer || !player) return;
    timer.follow(blockIndex, blockCount);
    const stopBlock = timer.stopBlockIndex();
    if (stopBlock === null) return;
    player.setStop(STOP_OWNER, { blockIndex: stopBlock, onReached: () => finish('Sleep timer: paused. Your place is saved.') });
  }, [timer, player, blockIndex, blockCount, finish]);
  // The player this timer faded is gone (another article): the new one starts at full volume.
  useEffect(() => () => player?.setVolume(1), [player]);

  useEffect(() => {
    if (!timer) return;
    const tick = () => {
      const { player: current, state: now } = live.current;
      timer.advance(now.status === 'playing');
      const left = timer.remainingMs(current?.untilStopMs(STOP_OWNER) ?? null);
      current?.setVolume(timer.volume(left));
      // Shown to the second; the state changes only when the shown second does.
      setRemainingMs((previous) => (left === null ? null : previous !== null && Math.ceil(previous / 1000) === Math.ceil(left / 1000) ? previous : left));
      if (timer.expired) {
        current?.pause();
        finish('Sleep timer: paused. Your place is saved.');
      }
    };
    tick();
    const interval = setInterval(tick, TICK_MS);
    return () => clearInterval(interval);
  }, [timer, finish]);

  // Any key in the last minute means the listener is awake: give the timer its time again (the rule,
  // and which timers it applies to, is SleepTimer.canExtend). The timer's own keys ask about it or
  // change it: they never extend it, so "Z" says the time that is really left.
  useEffect(() => {
    if (!timer) return;
    const onKey = (event: KeyboardEvent) => {
      const { player: current, extendOnKey: enabled, keymap: keys, announce: say } = live.current;
      if (!enabled) return;
      const action = actionForKey(keys, event);
      if (action === 'announceSleepTimer' || action === 'sleepTimer') return;
      const left = timer.remainingMs(current?.untilStopMs(STOP_OWNER) ?? null);
      if (!timer.extend(left)) return;
      current?.setVolume(1);
      const now = timer.remainingMs(null);
      setRemainingMs(now);
      say(`Sleep timer extended: ${describeTimer(timer, now).toLowerCase()}`);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [timer, finish]);

  const start = useCallback(
    (choice: SleepChoice) => {
      live.current.player?.setStop(STOP_OWNER, null);
      live.current.player?.setVolume(1);
      const { state: now, blockCount: count } = live.current;
      setTimer(new SleepTimer(choice, () => performance.now(), { blockIndex: now.blockIndex, blockCount: count }));
      setDialogOpen(false);
      announce(`Sleep timer set: pauses ${choice.kind === 'minutes' ? `in ${describeChoice(choice)}` : `at ${describeChoice(choice)}`}`);
    },
    [announce],
  );
  const cancel = useCallback(() => finish('Sleep timer cancelled'), [finish]);

  const description = timer ? describeTimer(timer, remainingMs) : null;
  const commands = {
    sleepTimer: () => setDialogOpen(true),
    // Said from the figures of this moment, the same ones the display and the stop use.
    announceSleepTimer: () => {
      if (!timer) return announce('No sleep timer is set');
      timer.advance(state.status === 'playing');
      announce(`Sleep timer: ${describeTimer(timer, timer.remainingMs(player?.untilStopMs(STOP_OWNER) ?? null)).toLowerCase()}`);
    },
  };
  return {
    active: timer !== null,
    description,
    remainingMs,
    dialogOpen,
    openDialog: () => setDialogOpen(true),
    closeDialog: () => setDialogOpen(false),
    start,
    cancel,
    commands,
  };
}
