/** OS media keys and lock-screen controls through the Media Session API. */
import { useEffect, useRef } from 'react';
import type { Article } from '../../../shared/article';
import type { PlayerState } from '../player/Player';
import type { ReadingSession } from '../player/ReadingSession';

/** Next and previous track move through the queue; with nothing queued that way they move by paragraph. */
export interface MediaTracks {
  hasNext: boolean;
  hasPrevious: boolean;
  step: (direction: 'next' | 'previous', options?: { quietIfNone?: boolean }) => Promise<boolean>;
}

export function useMediaSession(player: ReadingSession | null, article: Article | null, state: PlayerState, tracks?: MediaTracks): void {
  const latestTracks = useRef(tracks);
  useEffect(() => {
    latestTracks.current = tracks;
  });
  useEffect(() => {
    if (!('mediaSession' in navigator) || !player || !article) return;
    const session = navigator.mediaSession;
    session.metadata = new MediaMetadata({ title: article.title, artist: article.byline ?? article.source ?? 'Article Player' });
    const track = (direction: 'next' | 'previous', fallback: () => void) => () => {
      const queue = latestTracks.current;
      if (queue && (direction === 'next' ? queue.hasNext : queue.hasPrevious)) void queue.step(direction, { quietIfNone: true });
      else fallback();
    };
    const handlers: Array<[MediaSessionAction, () => void]> = [
      ['play', () => player.play()],
      ['pause', () => player.pause()],
      ['nexttrack', track('next', () => player.nextBlock())],
      ['previoustrack', track('previous', () => player.previousBlock())],
    ];
    for (const [action, handler] of handlers) session.setActionHandler(action, handler);
    return () => {
      for (const [action] of handlers) session.setActionHandler(action, null);
    };
  }, [player, article]);

  useEffect(() => {
    if ('mediaSession' in navigator) navigator.mediaSession.playbackState = state.status === 'playing' ? 'playing' : state.status === 'paused' ? 'paused' : 'none';
  }, [state.status]);
}
