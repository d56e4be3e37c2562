/** One Player per article and audio element, with its state as React state. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { Article } from '../../../shared/article';
import type { ReadingPosition } from '../../../shared/library';
import { spokenTitle, titleBlock } from '../../../shared/spokenTitle';
import { onPageLeave } from '../api/onPageLeave';
import { isStillReading, readingOf } from '../article/articleGrowth';
import { DirectPlayer } from './DirectPlayer';
import { Player, type PlayerState, type SpeechPreferences } from './Player';
import type { ReadingSession } from './ReadingSession';

const IDLE: PlayerState = { status: 'idle', blockIndex: 0, sentenceIndex: -1, wordIndex: -1, rate: 1, timeline: null, error: null };
const noSubscription = () => () => undefined;

export interface PlayerSetup {
  api: ArticlePlayerApi;
  article: Article | null;
  start: ReadingPosition | null;
  audio: HTMLAudioElement | null;
  preferences: SpeechPreferences;
  rate: number;
  /** Speak through a direct-speech engine instead of playing audio (no engine here can give audio). */
  direct: boolean;
  /** The byline is read after the title (Settings); taken when an article opens. */
  readByline: boolean;
  announce: (message: string) => void;
}

export function usePlayer({ api, article, start, audio, preferences, rate, direct, readByline, announce }: PlayerSetup): { player: ReadingSession | null; state: PlayerState } {
  const [player, setPlayer] = useState<ReadingSession | null>(null);
  // Read when a Player is made, without making a new Player when they change (configure() does that).
  const latest = useRef({ preferences, rate, start, article, readByline });
  useEffect(() => {
    latest.current = { preferences, rate, start, article, readByline };
  });
  // One Player per reading: an article that grows (a long document streamed in) keeps its Player.
  const reading = article ? readingOf(article) : null;

  useEffect(() => {
    const { article } = latest.current;
    if (!reading || !article || !audio) return;
    const { preferences: initial, rate: initialRate, start: startAt, readByline: withByline } = latest.current;
    // The title is read before the first paragraph (shared/spokenTitle.ts).
    const lead = titleBlock(spokenTitle(article, withByline));
    // A saved place beyond the part that has arrived (a long document still being read) is gone to when it arrives.
    const options = { ...initial, lang: article.lang, announce, start: startAt ?? undefined, lead, moreComing: isStillReading(article) };
    const created = direct ? new DirectPlayer(api, article.blocks, options, initialRate) : new Player(api, audio, article.blocks, options, initialRate);
    // The Player owns listeners on the audio element, so it is made and disposed in an effect, not during render.
    setPlayer(created);
    // A page that goes away (closed, reloaded) stops speaking: direct speech runs in main and would
    // otherwise finish its paragraph to an empty room.
    const stopListening = onPageLeave(() => created.pause());
    return () => {
      stopListening();
      created.dispose();
      setPlayer(null);
    };
  }, [api, reading, audio, announce, direct]);

  useEffect(() => {
    if (player && article) player.grow(article.blocks, isStillReading(article));
  }, [player, article]);

  const { engine, voice, paragraphPauseMs, sentencePauseMs, spokenTextKey, trimSilences, voiceByLanguage, pitch, volume } = preferences;
  useEffect(() => {
    player?.configure({ engine, voice, paragraphPauseMs, sentencePauseMs, spokenTextKey, trimSilences, voiceByLanguage, pitch, volume });
  }, [player, engine, voice, paragraphPauseMs, sentencePauseMs, spokenTextKey, trimSilences, voiceByLanguage, pitch, volume]);

  const state = useSyncExternalStore(player?.subscribe ?? noSubscription, player?.getState ?? (() => IDLE));
  return { player, state };
}
