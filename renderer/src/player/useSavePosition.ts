/**
 * The reading position is saved as it advances (a crash loses a sentence at most), and once more when
 * the window closes or reloads, read from the player itself: the timer may not have run, and React may
 * not have re-rendered yet.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import { onPageLeave } from '../api/onPageLeave';
import type { PlayerState } from './Player';
import type { ReadingSession } from './ReadingSession';

const SAVE_AFTER_MS = 400;

export function useSavePosition(api: ArticlePlayerApi, entryId: string | null, player: ReadingSession | null, state: PlayerState): void {
  const { status, blockIndex, sentenceIndex } = state;
  useEffect(() => {
    if (!entryId || status === 'idle') return;
    const timer = setTimeout(() => {
      void api.invoke('savePosition', { id: entryId, ...positionToSave({ status, blockIndex, sentenceIndex }) }).catch(() => undefined);
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [api, entryId, status, blockIndex, sentenceIndex]);

  const reading = useRef({ player, entryId });
  useLayoutEffect(() => {
    reading.current = { player, entryId };
  }, [player, entryId]);
  useEffect(() => {
    const saveNow = () => {
      const { player: current, entryId: id } = reading.current;
      const now = current?.getState();
      if (!id || !now || now.status === 'idle') return;
      void api.invoke('savePosition', { id, ...positionToSave(now) }).catch(() => undefined);
    };
    return onPageLeave(saveNow);
  }, [api]);
}

/** Where to reopen: the sentence being read, or the start once the article has been read to the end. */
export function positionToSave(state: Pick<PlayerState, 'status' | 'blockIndex' | 'sentenceIndex'>): { blockIndex: number; sentenceIndex: number } {
  // The title (block -1) is saved as the very top, where reading starts with the title again.
  if (state.status === 'ended' || state.blockIndex < 0) return { blockIndex: 0, sentenceIndex: 0 };
  return { blockIndex: state.blockIndex, sentenceIndex: Math.max(0, state.sentenceIndex) };
}
