/** One Player per article and audio element, with its state as React state. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { Article } from '../../../shared/article';
import { Player, type PlayerState } from './Player';

const IDLE: PlayerState = { status: 'idle', blockIndex: 0, sentenceIndex: -1, wordIndex: -1, rate: 1, timeline: null, error: null };
const noSubscription = () => () => undefined;

export function usePlayer(
  api: ArticlePlayerApi,
  article: Article | null,
  audio: HTMLAudioElement | null,
  announce: (message: string) => void,
): { player: Player | null; state: PlayerState } {
  const [player, setPlayer] = useState<Player | null>(null);
  useEffect(() => {
    if (!article || !audio) return;
    const created = new Player(api, audio, article.blocks, { lang: article.lang, voice: null, paragraphPauseMs: 500, announce });
    // The Player owns listeners on the audio element, so it is made and disposed in an effect, not during render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPlayer(created);
    return () => {
      created.dispose();
      setPlayer(null);
    };
  }, [api, article, audio, announce]);
  const state = useSyncExternalStore(player?.subscribe ?? noSubscription, player?.getState ?? (() => IDLE));
  return { player, state };
}
