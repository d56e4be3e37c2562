/** One Player per article and audio element, with its state as React state. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { Article } from '../../../shared/article';
import type { ReadingPosition } from '../../../shared/library';
import { Player, type PlayerState, type SpeechPreferences } from './Player';

const IDLE: PlayerState = { status: 'idle', blockIndex: 0, sentenceIndex: -1, wordIndex: -1, rate: 1, timeline: null, error: null };
const noSubscription = () => () => undefined;

export interface PlayerSetup {
  api: ArticlePlayerApi;
  article: Article | null;
  start: ReadingPosition | null;
  audio: HTMLAudioElement | null;
  preferences: SpeechPreferences;
  rate: number;
  announce: (message: string) => void;
}

export function usePlayer({ api, article, start, audio, preferences, rate, announce }: PlayerSetup): { player: Player | null; state: PlayerState } {
  const [player, setPlayer] = useState<Player | null>(null);
  // Read when a Player is made, without making a new Player when they change (configure() does that).
  const latest = useRef({ preferences, rate, start });
  useEffect(() => {
    latest.current = { preferences, rate, start };
  });

  useEffect(() => {
    if (!article || !audio) return;
    const { preferences: initial, rate: initialRate, start: startAt } = latest.current;
    const created = new Player(api, audio, article.blocks, { ...initial, lang: article.lang, announce, start: startAt ?? undefined }, initialRate);
    // The Player owns listeners on the audio element, so it is made and disposed in an effect, not during render.
    setPlayer(created);
    return () => {
      created.dispose();
      setPlayer(null);
    };
  }, [api, article, audio, announce]);

  const { engine, voice, paragraphPauseMs, sentencePauseMs } = preferences;
  useEffect(() => {
    player?.configure({ engine, voice, paragraphPauseMs, sentencePauseMs });
  }, [player, engine, voice, paragraphPauseMs, sentencePauseMs]);

  const state = useSyncExternalStore(player?.subscribe ?? noSubscription, player?.getState ?? (() => IDLE));
  return { player, state };
}
