/** The player window: toolbar, reader view, status region and the <audio> element that speaks. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ArticlePlayerApi, LoadResult, SpeechInfo } from '../../../shared/api';
import { DEFAULT_KEYMAP, type Action } from '../../../shared/keymap';
import { RATE_DEFAULT } from '../../../shared/rate';
import { useShortcuts } from '../keyboard/useShortcuts';
import { usePlayer } from '../player/usePlayer';
import { ReaderView } from './ReaderView';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Toolbar } from './Toolbar';
import { useAnnouncer } from './useAnnouncer';
import { useMediaSession } from './useMediaSession';

export function App({ api }: { api: ArticlePlayerApi }) {
  const [loaded, setLoaded] = useState<LoadResult | null>(null);
  const [speech, setSpeech] = useState<SpeechInfo | null>(null);
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [announcement, announce] = useAnnouncer();
  const keymap = DEFAULT_KEYMAP;

  useEffect(() => {
    const failed = (error: unknown): LoadResult => ({ ok: false, message: (error as Error).message });
    api.invoke('getInitialArticle', {}).catch(failed).then(setLoaded);
    api
      .invoke('getSpeechInfo', {})
      .then(setSpeech)
      .catch((error: unknown) => setSpeech({ engine: null, problem: (error as Error).message, voices: [], normalWordsPerMinute: 175 }));
    return api.on('articleOpened', setLoaded);
  }, [api]);

  const article = loaded?.ok ? loaded.article : null;
  const { player, state } = usePlayer(api, article, audio, announce);
  useMediaSession(player, article, state);

  useEffect(() => {
    if (article) document.title = `${article.title} – Article Player`;
  }, [article]);

  const speechProblem = speech?.problem ?? null;
  const run = useCallback(
    (action: Action) => {
      if (action === 'showShortcuts') return setShortcutsOpen(true);
      if (!player) return;
      if (speechProblem && action === 'togglePlay') return announce(speechProblem);
      const commands: Record<Exclude<Action, 'showShortcuts'>, () => void> = {
        togglePlay: () => player.togglePlay(),
        nextParagraph: () => player.nextBlock(),
        previousParagraph: () => player.previousBlock(),
        nextSentence: () => player.nextSentence(),
        previousSentence: () => player.previousSentence(),
        firstParagraph: () => player.goToBlock(0),
        lastParagraph: () => player.goToBlock(Number.MAX_SAFE_INTEGER),
        faster: () => player.setRate(player.getState().rate + 0.1),
        slower: () => player.setRate(player.getState().rate - 0.1),
        normalRate: () => player.setRate(RATE_DEFAULT),
      };
      commands[action]();
    },
    [player, speechProblem, announce],
  );
  useShortcuts(keymap, run);

  const readFrom = useCallback((index: number) => player?.goToBlock(index, { play: !speechProblem }), [player, speechProblem]);
  const blockCount = article?.blocks.length ?? 0;
  const progress = useMemo(
    () => (blockCount ? `Paragraph ${Math.min(state.blockIndex + 1, blockCount)} of ${blockCount}` : ''),
    [state.blockIndex, blockCount],
  );

  return (
    <div className="app">
      <header className="app-bar">
        <Toolbar
          state={state}
          keymap={keymap}
          normalWordsPerMinute={speech?.normalWordsPerMinute ?? 175}
          disabled={!player}
          onTogglePlay={() => run('togglePlay')}
          onPrevious={() => run('previousParagraph')}
          onNext={() => run('nextParagraph')}
          onRate={(rate) => player?.setRate(rate)}
          onShowShortcuts={() => setShortcutsOpen(true)}
        />
        <p className="progress">
          {progress}
          {speech?.engine && <span className="engine"> · Voice: {speech.engine.name}</span>}
        </p>
      </header>
      <main className="content">
        {speechProblem && (
          <p className="notice notice-warning">
            <strong>Speech is not available.</strong> {speechProblem}
          </p>
        )}
        {state.error && <p className="notice notice-error">{state.error}</p>}
        {loaded === null && <p className="loading">Opening the article…</p>}
        {loaded && !loaded.ok && (
          <div className="notice notice-error">
            <h1>This article could not be opened</h1>
            <p>{loaded.message}</p>
          </div>
        )}
        {article && <ReaderView article={article} state={state} onReadFrom={readFrom} />}
      </main>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <audio ref={setAudio} preload="auto" />
      <ShortcutsDialog open={shortcutsOpen} keymap={keymap} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
