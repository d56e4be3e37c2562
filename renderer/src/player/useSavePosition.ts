/**
 * The reading position is saved as it advances (a crash loses a sentence at most), and once more when
 * the window closes or reloads, read from the player itself: the timer may not have run, and React may
 * not have re-rendered yet.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import { onPageLeave } from '../api/onPageLeave';
import { positionToSave } from '../../../shared/resumePlace';
import type { PlayerState } from './Player';
import type { ReadingSession } from './ReadingSession';

export { positionToSave };

const SAVE_AFTER_MS = 400;

export function useSavePosition(api: ArticlePlayerApi, entryId: string | null, player: ReadingSession | null, state: PlayerState): void {
  const { status, blockIndex, sentenceIndex, goingTo } = state;
  useEffect(() => {
    // While a saved place is still to come (a long document arriving), the session stands at the top: nothing is saved over the place.
    const position = positionToSave({ status, blockIndex, sentenceIndex, goingTo });
    if (!entryId || status === 'idle' || !position) return;
    const timer = setTimeout(() => {
      void api.invoke('savePosition', { id: entryId, ...position }).catch(() => undefined);
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [api, entryId, status, blockIndex, sentenceIndex, goingTo]);

  const reading = useRef({ player, entryId });
  useLayoutEffect(() => {
    reading.current = { player, entryId };
  }, [player, entryId]);
  useEffect(() => {
    const saveNow = () => {
      const { player: current, entryId: id } = reading.current;
      const now = current?.getState();
      const position = now && positionToSave(now);
      if (!id || !now || now.status === 'idle' || !position) return;
      void api.invoke('savePosition', { id, ...position }).catch(() => undefined);
    };
    return onPageLeave(saveNow);
  }, [api]);
}
