/** The player window: toolbars, reader view, dialogs, status region and the <audio> element that speaks. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArticlePlayerApi, ArticleSource, LoadResult, SpeechInfo } from '../../../shared/api';
import { restoreHiddenBlock } from '../../../shared/article';
import { DEFAULT_KEYMAP, type Action } from '../../../shared/keymap';
import { RATE_DEFAULT, stepRate } from '../../../shared/rate';
import { effectiveKeymap } from '../../../shared/settings';
import { onPageLeave } from '../api/onPageLeave';
import { useShortcuts } from '../keyboard/useShortcuts';
import type { PlayerState } from '../player/Player';
import { usePlayer } from '../player/usePlayer';
import { ContinueListening } from '../queue/ContinueListening';
import { QueueDialog } from '../queue/QueueDialog';
import { isQueueAction, runQueueAction, type QueueAction } from '../queue/queueActions';
import { useQueue } from '../queue/useQueue';
import { primaryLanguage, voiceFor } from '../queue/voiceFor';
import { useAppearance } from '../settings/useAppearance';
import { useSettings } from '../settings/useSettings';
import { DesktopShellDialogs } from '../desktop/DesktopShellDialogs';
import { AppMenu } from './AppMenu';
import { ExportDialog } from './ExportDialog';
import { LibraryDialog } from './LibraryDialog';
import { OpenDialog } from './OpenDialog';
import { ReaderView } from './ReaderView';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Toolbar } from './Toolbar';
import { useAnnouncer } from './useAnnouncer';
import { useDropAndPaste } from './useDropAndPaste';
import { useMediaSession } from './useMediaSession';

type DialogName = 'shortcuts' | 'settings' | 'library' | 'open' | 'export' | null;

function formatRemaining(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? 'less than a minute left' : `about ${minutes} min left`;
}

export function App({ api }: { api: ArticlePlayerApi }) {
  const [loaded, setLoaded] = useState<LoadResult | null>(null);
  const [openProblem, setOpenProblem] = useState<string | null>(null);
  const [speech, setSpeech] = useState<SpeechInfo | null>(null);
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [announcement, announce] = useAnnouncer();
  const [settingsProblem, setSettingsProblem] = useState<string | null>(null);
  const { settings, loaded: settingsLoaded, update } = useSettings(api, setSettingsProblem);
  useAppearance(settings);
  const keymap = useMemo(() => effectiveKeymap(settings), [settings]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const failed = (error: unknown): LoadResult => ({ ok: false, message: (error as Error).message });
    api.invoke('getInitialArticle', {}).catch(failed).then(setLoaded);
    return api.on('articleOpened', setLoaded);
  }, [api]);

  // The engine in use follows the user's choice once the settings are known.
  const engineChoice = settings.engine;
  useEffect(() => {
    if (!settingsLoaded) return;
    api
      .invoke('getSpeechInfo', { engine: engineChoice })
      .then(setSpeech)
      .catch((error: unknown) =>
        setSpeech({ engine: null, engines: [], notice: null, direct: null, problem: (error as Error).message, voices: [], normalWordsPerMinute: 175 }),
      );
  }, [api, engineChoice, settingsLoaded]);

  const article = loaded?.ok ? loaded.article : null;
  const entry = loaded?.ok ? (loaded.entry ?? null) : null;
  const language = primaryLanguage(article?.lang ?? null);
  const preferences = useMemo(
    () => ({
      engine: settings.engine,
      voice: voiceFor({ voiceByLanguage: settings.voiceByLanguage }, language),
      paragraphPauseMs: settings.paragraphPauseMs,
      sentencePauseMs: settings.sentencePauseMs,
    }),
    [settings.engine, settings.voiceByLanguage, settings.paragraphPauseMs, settings.sentencePauseMs, language],
  );
  const { player, state } = usePlayer({
    api,
    article: settingsLoaded ? article : null, // start at the saved rate, not the default
    start: entry?.position ?? null,
    audio,
    preferences,
    rate: settings.rate,
    direct: Boolean(speech?.direct),
    announce,
  });
  const present = useCallback((result: LoadResult) => {
    setLoaded(result);
    setOpenProblem(null);
  }, []);
  const queue = useQueue({ api, player, state, article, entry, settings, announce, present });
  useMediaSession(player, article, state, queue);

  useEffect(() => {
    document.title = article ? `${article.title} – Article Player` : 'Article Player';
  }, [article]);

  // A new article (or a problem) takes focus, so keyboard and screen reader users land on it. This runs
  // after a closing dialog has handed focus back to its opener, so the article keeps it.
  const focusArticle = useRef(false);
  useEffect(() => {
    if (loaded && !loaded.ok) problemRef.current?.focus();
    else if (loaded?.ok && focusArticle.current) headingRef.current?.focus();
    focusArticle.current = false;
  }, [loaded]);

  // The reading position is saved as it advances; a crash loses a sentence at most.
  const entryId = entry?.id ?? null;
  const { status, blockIndex, sentenceIndex } = state;
  useEffect(() => {
    if (!entryId || status === 'idle') return;
    const timer = setTimeout(() => {
      void api.invoke('savePosition', { id: entryId, ...positionToSave({ status, blockIndex, sentenceIndex }) }).catch(() => undefined);
    }, 400);
    return () => clearTimeout(timer);
  }, [api, entryId, status, blockIndex, sentenceIndex]);
  // Closing or reloading the window sends the position as it is at that moment, read from the player
  // itself: the timer above may not have run, and React may not have re-rendered yet.
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

  // The rate the user sets is kept for next time.
  useEffect(() => {
    if (player && state.rate !== settings.rate) update({ rate: state.rate });
  }, [player, state.rate, settings.rate, update]);

  const showOpened = useCallback(
    (result: LoadResult) => {
      if (result.ok) {
        setLoaded(result);
        setOpenProblem(null);
        setDialog(null);
        announce(`Opened ${result.article.title}`);
        focusArticle.current = true;
      } else {
        // The article on screen stays: a failed open loses nothing.
        setOpenProblem(result.message);
        announce(result.message);
      }
    },
    [announce],
  );
  const openSource = useCallback(
    (source: ArticleSource) => {
      announce('Opening the article…');
      api
        .invoke('openArticle', { source })
        .then(showOpened)
        .catch((error: unknown) => showOpened({ ok: false, message: (error as Error).message }));
    },
    [api, announce, showOpened],
  );
  const openEntry = useCallback(
    (id: string) => {
      api
        .invoke('openLibraryEntry', { id })
        .then(showOpened)
        .catch((error: unknown) => showOpened({ ok: false, message: (error as Error).message }));
    },
    [api, showOpened],
  );
  useDropAndPaste(openSource);

  const speechProblem = speech?.problem ?? null;
  const normalWpm = speech?.normalWordsPerMinute ?? 175;
  const blockCount = article?.blocks.length ?? 0;
  const progress = blockCount ? `Paragraph ${Math.min(state.blockIndex + 1, blockCount)} of ${blockCount}` : '';
  const remaining = player && blockCount ? formatRemaining(player.remainingMs(normalWpm)) : '';

  const run = useCallback(
    (action: Action) => {
      if (action === 'showShortcuts') return setDialog('shortcuts');
      if (isQueueAction(action)) return runQueueAction(queue, action);
      if (!player) return;
      if (action === 'announceProgress') return announce(`${progress}, ${remaining}`);
      if (speechProblem && action === 'togglePlay') return announce(speechProblem);
      const commands: Record<Exclude<Action, 'showShortcuts' | 'announceProgress' | QueueAction>, () => void> = {
        togglePlay: () => player.togglePlay(),
        nextParagraph: () => player.nextBlock(),
        previousParagraph: () => player.previousBlock(),
        nextSentence: () => player.nextSentence(),
        previousSentence: () => player.previousSentence(),
        firstParagraph: () => player.goToBlock(0),
        lastParagraph: () => player.goToBlock(Number.MAX_SAFE_INTEGER),
        faster: () => player.setRate(stepRate(player.getState().rate, 1)),
        slower: () => player.setRate(stepRate(player.getState().rate, -1)),
        normalRate: () => player.setRate(RATE_DEFAULT),
      };
      commands[action]();
    },
    [player, speechProblem, announce, progress, remaining, queue],
  );
  useShortcuts(keymap, run);

  /** Text the extractor left out comes back into the reading; the place in the article is kept. */
  const restoreHidden = useCallback(
    (hiddenIndex: number) => {
      if (!article) return;
      const position = { blockIndex: state.blockIndex, sentenceIndex: Math.max(0, state.sentenceIndex) };
      const local = (): LoadResult | null => {
        const restored = restoreHiddenBlock(article, hiddenIndex);
        if (!restored) return null;
        const blockIndex = position.blockIndex >= restored.insertedAt ? position.blockIndex + 1 : position.blockIndex;
        return { ok: true, article: restored.article, entry: entry && { ...entry, position: { ...position, blockIndex } } };
      };
      const apply = (result: LoadResult | null) => {
        if (!result?.ok) return announce(result?.message ?? 'That text could not be brought back.');
        setLoaded(result);
        announce('The text is now part of the reading.');
      };
      if (!entry) apply(local());
      else api.invoke('restoreHiddenBlock', { id: entry.id, hiddenIndex, ...position }).then(apply, () => apply(local()));
    },
    [api, article, entry, state.blockIndex, state.sentenceIndex, announce],
  );

  const readFrom = useCallback((index: number) => player?.goToBlock(index, { play: !speechProblem }), [player, speechProblem]);

  return (
    <div className="app">
      <header className="app-bar">
        <div className="bar-row">
          <Toolbar
            state={state}
            keymap={keymap}
            normalWordsPerMinute={normalWpm}
            disabled={!player}
            onTogglePlay={() => run('togglePlay')}
            onPrevious={() => run('previousParagraph')}
            onNext={() => run('nextParagraph')}
            onRate={(rate) => player?.setRate(rate)}
          />
          <AppMenu
            keymap={keymap}
            canExport={Boolean(article && speech?.engine)} // direct speech cannot be recorded
            onOpen={() => setDialog('open')}
            onLibrary={() => setDialog('library')}
            onQueue={queue.show}
            onExport={() => setDialog('export')}
            onSettings={() => setDialog('settings')}
            onShortcuts={() => setDialog('shortcuts')}
          />
        </div>
        <p className="progress">
          {progress}
          {remaining && <span> · {remaining}</span>}
          {(speech?.engine ?? speech?.direct) && <span className="engine"> · Voice: {(speech.engine ?? speech.direct)!.name}</span>}
        </p>
      </header>
      <main className="content">
        {speechProblem && (
          <p className="notice notice-warning">
            <strong>Speech is not available.</strong> {speechProblem}
          </p>
        )}
        {speech?.notice && <p className="notice notice-warning">{speech.notice}</p>}
        {settingsProblem && (
          <p className="notice notice-warning">
            {settingsProblem}{' '}
            <button type="button" onClick={() => setSettingsProblem(null)}>
              Dismiss
            </button>
          </p>
        )}
        {openProblem && (
          <div className="notice notice-error" role="alert">
            <strong>That article could not be opened.</strong> {openProblem}{' '}
            <button type="button" onClick={() => setOpenProblem(null)}>
              Dismiss
            </button>
          </div>
        )}
        {state.error && <p className="notice notice-error">{state.error}</p>}
        <ContinueListening api={api} queue={queue} ready={Boolean(loaded)} status={state.status} />
        {loaded === null && <p className="loading">Opening the article…</p>}
        {loaded && !loaded.ok && (
          <div className="notice notice-error" ref={problemRef} tabIndex={-1}>
            <h1>This article could not be opened</h1>
            <p>{loaded.message}</p>
            <button type="button" onClick={() => setDialog('open')}>
              Open another article…
            </button>
          </div>
        )}
        {article && (
          <ReaderView article={article} state={state} settings={settings} headingRef={headingRef} onReadFrom={readFrom} onRestoreHidden={restoreHidden} />
        )}
      </main>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <audio ref={setAudio} preload="auto" />
      <ShortcutsDialog
        open={dialog === 'shortcuts'}
        keymap={keymap}
        onClose={() => setDialog(null)}
        onRemap={(action, keys) => update({ keymap: { [action]: keys } })}
        onResetAll={() => update({ keymap: Object.fromEntries(Object.entries(DEFAULT_KEYMAP).map(([action, keys]) => [action, [...keys]])) })}
      />
      <SettingsDialog
        open={dialog === 'settings'}
        onClose={() => setDialog(null)}
        settings={settings}
        update={update}
        speech={speech}
        language={language}
      />
      {article && (
        <ExportDialog open={dialog === 'export'} onClose={() => setDialog(null)} api={api} article={article} settings={settings} voice={preferences.voice} />
      )}
      <LibraryDialog open={dialog === 'library'} api={api} currentId={entryId} onClose={() => setDialog(null)} onOpen={openEntry} onQueue={queue.add} />
      <QueueDialog queue={queue} article={article} keymap={keymap} settings={settings} update={update} />
      <OpenDialog open={dialog === 'open'} onClose={() => setDialog(null)} onOpen={openSource} />
      <DesktopShellDialogs api={api} settings={settings} update={update} openSource={openSource} run={run} openDialog={setDialog} />
    </div>
  );
}

/** Where to reopen: the sentence being read, or the start once the article has been read to the end. */
function positionToSave(state: Pick<PlayerState, 'status' | 'blockIndex' | 'sentenceIndex'>): { blockIndex: number; sentenceIndex: number } {
  return state.status === 'ended' ? { blockIndex: 0, sentenceIndex: 0 } : { blockIndex: state.blockIndex, sentenceIndex: Math.max(0, state.sentenceIndex) };
}
