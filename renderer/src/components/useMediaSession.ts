/** OS media keys and lock-screen controls through the Media Session API. */
import { useEffect } from 'react';
import type { Article } from '../../../shared/article';
import type { PlayerState } from '../player/Player';
import type { ReadingSession } from '../player/ReadingSession';

export function useMediaSession(player: ReadingSession | null, article: Article | null, state: PlayerState): void {
  useEffect(() => {
    if (!('mediaSession' in navigator) || !player || !article) return;
    const session = navigator.mediaSession;
    session.metadata = new MediaMetadata({ title: article.title, artist: article.byline ?? article.source ?? 'Article Player' });
    const handlers: Array<[MediaSessionAction, () => void]> = [
      ['play', () => player.play()],
      ['pause', () => player.pause()],
      ['nexttrack', () => player.nextBlock()],
      ['previoustrack', () => player.previousBlock()],
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
