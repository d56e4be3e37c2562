/**
 * Reading a selection: the text selected in the reader is read from the word its start is in to the
 * word its end is in, with the usual highlighting, and playback pauses there. Escape goes back to
 * normal reading: to the place the listener was at before, playing again if it was playing. Playing on
 * past the selection's end keeps the new place instead.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlayerState } from '../player/Player';
import type { ReadingSession } from '../player/ReadingSession';
import { selectedBlockRange, type BlockRange } from './blockRange';

/** The player's stop slot this feature owns (a sleep timer has its own). */
const STOP_OWNER = 'selection';
/** The document's reader (ReaderView's <article>); found here so the App hands this feature nothing but the player. */
const readerRoot = () => document.querySelector('article.reader');

interface SelectionReading {
  player: ReadingSession;
  range: BlockRange;
  /** Where normal reading was, to go back to. */
  before: { blockIndex: number; sentenceIndex: number; playing: boolean };
  ended: boolean;
}

export interface ReadSelectionSetup {
  player: ReadingSession | null;
  state: PlayerState;
  announce: (message: string) => void;
}

export interface ReadSelectionControls {
  /** Text is selected in the reader (the "Read selection" button shows). */
  hasSelection: boolean;
  /** A selection is being read, or was read to its end: Escape goes back. */
  reading: boolean;
  readSelection: () => void;
  backToNormalReading: () => void;
  commands: { readSelection: () => void };
}

export function useReadSelection({ player, state, announce }: ReadSelectionSetup): ReadSelectionControls {
  const [hasSelection, setHasSelection] = useState(false);
  const [stored, setStored] = useState<SelectionReading | null>(null);
  // A reading belongs to its player: another article (a new player) is normal reading again.
  const reading = stored?.player === player ? stored : null;
  const live = useRef({ player, state, reading });
  useEffect(() => {
    live.current = { player, state, reading };
  });

  useEffect(() => {
    const onChange = () => setHasSelection(selectedBlockRange(readerRoot()) !== null);
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const readSelection = useCallback(() => {
    const { player: current, state: now, reading: previous } = live.current;
    if (!current) return;
    const range = selectedBlockRange(readerRoot());
    if (!range) return announce('Select some text in the article first.');
    const playing = now.status === 'playing' || now.status === 'loading';
    // Reading one selection after another still goes back to where normal reading was.
    const before = previous?.before ?? { blockIndex: now.blockIndex, sentenceIndex: Math.max(0, now.sentenceIndex), playing };
    current.setStop(STOP_OWNER, {
      blockIndex: range.end.blockIndex,
      charEnd: range.end.char,
      onReached: () => {
        setStored((active) => active && { ...active, ended: true });
        announce('End of the selection. Escape goes back to where you were.');
      },
    });
    current.playFromChar(range.start.blockIndex, range.start.char);
    // The selection's colour would hide the spoken word; the highlighting shows where reading is.
    document.getSelection()?.removeAllRanges();
    setStored({ player: current, range, before, ended: false });
    announce('Reading the selection');
  }, [announce]);

  const backToNormalReading = useCallback(() => {
    const { player: current, reading: active } = live.current;
    if (!current || !active) return;
    current.setStop(STOP_OWNER, null);
    setStored(null);
    current.goToBlock(active.before.blockIndex, { play: active.before.playing, sentence: active.before.sentenceIndex, announce: false });
    announce('Back to normal reading');
  }, [announce]);

  // Playing on after the selection's end is normal reading from there.
  useEffect(
    () =>
      player?.subscribe(() => {
        if (player.getState().status === 'playing') setStored((active) => (active?.ended ? null : active));
      }),
    [player],
  );
  useEffect(() => () => player?.setStop(STOP_OWNER, null), [player]);

  useEffect(() => {
    if (!reading) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
      event.preventDefault();
      backToNormalReading();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reading, backToNormalReading]);

  return { hasSelection, reading: reading !== null, readSelection, backToNormalReading, commands: { readSelection } };
}
