/** The player window: composes the features (article, player, settings, dialogs); it owns none of their state. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import { DEFAULT_KEYMAP, type Action } from '../../../shared/keymap';
import { effectiveKeymap } from '../../../shared/settings';
import { StreamProgress } from '../article/StreamProgress';
import { useOpenArticle } from '../article/useOpenArticle';
import { useShortcuts } from '../keyboard/useShortcuts';
import { formatRemaining, isPlayerAction, playerCommands } from '../player/playerCommands';
import { usePlayer } from '../player/usePlayer';
import { ArticleProgress } from '../progress/ArticleProgress';
import { paragraphLabel } from '../progress/listeningTime';
import { ContinueListening } from '../queue/ContinueListening';
import { QueueDialog } from '../queue/QueueDialog';
import { isQueueAction, runQueueAction } from '../queue/queueActions';
import { useQueue } from '../queue/useQueue';
import { primaryLanguage } from '../queue/voiceFor';
import { useSavePosition } from '../player/useSavePosition';
import { useSpeechPreferences } from '../player/useSpeechPreferences';
import { ContentsControls } from '../contents/ContentsControls';
import { useContents } from '../contents/useContents';
import { useAppearance } from '../settings/useAppearance';
import { useSettings } from '../settings/useSettings';
import { useSpeechInfo } from '../speech/useSpeechInfo';
import { DesktopShellDialogs } from '../desktop/DesktopShellDialogs';
import { AppMenu } from './AppMenu';
import { ExportDialog } from './ExportDialog';
import { LibraryDialog } from './LibraryDialog';
import { Notices, OpenProblemNotice } from './Notices';
import { OpenDialog } from './OpenDialog';
import { ReaderView } from './ReaderView';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Toolbar } from './Toolbar';
import { useAnnouncer } from './useAnnouncer';
import { useDropAndPaste } from './useDropAndPaste';
import { useMediaSession } from './useMediaSession';
import { useStickyBarHeight } from './useStickyBarHeight';
import { ReadSelectionBar } from '../selection/ReadSelectionBar';
import { useReadSelection } from '../selection/useReadSelection';
import { FindDialog } from '../find/FindDialog';
import { PasswordDialog } from '../password/PasswordDialog';
import { useFind } from '../find/useFind';
import { SleepTimerControl } from '../sleepTimer/SleepTimerControl';
import { useSleepTimer } from '../sleepTimer/useSleepTimer';
import { volumeCommands } from '../settings/volumeCommands';

type DialogName = 'shortcuts' | 'settings' | 'library' | 'open' | 'export' | null;
const DIALOG_ACTIONS: Partial<Record<Action, DialogName>> = { showShortcuts: 'shortcuts', showOpen: 'open', showLibrary: 'library', showSettings: 'settings', showExport: 'export' };

export function App({ api }: { api: ArticlePlayerApi }) {
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [announcement, announce] = useAnnouncer();
  const [settingsProblem, setSettingsProblem] = useState<string | null>(null);
  const { settings, loaded: settingsLoaded, update } = useSettings(api, setSettingsProblem);
  useAppearance(settings);
  const keymap = useMemo(() => effectiveKeymap(settings), [settings]);
  const closeDialog = useCallback(() => setDialog(null), []);
  const { loaded, openProblem, dismissOpenProblem, present, openSource, openFile, openEntry, restoreHidden, password, headingRef, problemRef, stream } = useOpenArticle(api, announce, closeDialog);
  const speech = useSpeechInfo(api, settings.engine, settingsLoaded);

  const article = loaded?.ok ? loaded.article : null;
  const entry = loaded?.ok ? (loaded.entry ?? null) : null;
  const language = primaryLanguage(article?.lang ?? null);
  const preferences = useSpeechPreferences(settings, language);
  const { player, state } = usePlayer({
    api,
    article: settingsLoaded ? article : null, // start at the saved rate, not the default
    start: entry?.position ?? null,
    audio,
    preferences,
    rate: settings.rate,
    direct: Boolean(speech?.direct),
    readByline: settings.readByline,
    announce,
  });
  const queue = useQueue({ api, player, state, article, entry, settings, announce, present });
  useMediaSession(player, article, state, queue);

  useEffect(() => {
    document.title = article ? `${article.title} – Article Player` : 'Article Player';
  }, [article]);

  const entryId = entry?.id ?? null;
  useSavePosition(api, entryId, player, state);

  // The rate the user sets is kept for next time.
  useEffect(() => {
    if (player && state.rate !== settings.rate) update({ rate: state.rate });
  }, [player, state.rate, settings.rate, update]);

  useDropAndPaste(openSource, openFile);
  useStickyBarHeight('.app-bar');

  const speechProblem = speech?.problem ?? null;
  const canExport = Boolean(article && speech?.engine); // direct speech cannot be recorded
  const voiceName = (speech?.engine ?? speech?.direct)?.name ?? '';
  const normalWpm = speech?.normalWordsPerMinute ?? 175;
  const blockCount = article?.blocks.length ?? 0;
  const progress = blockCount ? paragraphLabel(state.blockIndex, blockCount) : '';
  const remaining = player && blockCount ? formatRemaining(player.remainingMs(normalWpm)) : '';
  const sleepTimer = useSleepTimer({ player, state, blockCount, extendOnKey: settings.sleepTimerExtendOnKey, keymap, announce });
  const selection = useReadSelection({ player, state, announce });
  const contents = useContents({ article, player, blockIndex: state.blockIndex, canPlay: !speechProblem, announce });
  const find = useFind({ player, hasArticle: article !== null });

  const run = useCallback(
    (action: Action) => {
      const dialogAsked = DIALOG_ACTIONS[action];
      if (dialogAsked) return dialogAsked !== 'export' || canExport ? setDialog(dialogAsked) : announce('There is nothing to export: open an article, with a speech engine that writes audio.');
      if (isQueueAction(action)) return runQueueAction(queue, action, announce);
      if (!player) return;
      if (action === 'announceProgress') return announce([contents.place, progress, remaining].filter(Boolean).join(', '));
      if (speechProblem && action === 'togglePlay') return announce(speechProblem);
      if (isPlayerAction(action)) return playerCommands(player)[action]();
      const featureCommands: Partial<Record<Action, () => void>> = { ...sleepTimer.commands, ...selection.commands, ...contents.commands, ...find.commands, ...volumeCommands(settings.volume, update, announce) };
      featureCommands[action]?.();
    },
    [player, speechProblem, announce, progress, remaining, queue, sleepTimer.commands, selection.commands, contents.place, contents.commands, find.commands, canExport, settings.volume, update],
  );
  useShortcuts(keymap, run);

  const { blockIndex, sentenceIndex } = state;
  const restoreHiddenHere = useCallback(
    (hiddenIndex: number) => restoreHidden(hiddenIndex, { blockIndex: Math.max(0, blockIndex), sentenceIndex: blockIndex < 0 ? 0 : Math.max(0, sentenceIndex) }),
    [restoreHidden, blockIndex, sentenceIndex],
  );
  const pausePlayer = useCallback(() => player?.pause(), [player]);
  const readFrom = useCallback((index: number) => player?.goToBlock(index, { play: !speechProblem }), [player, speechProblem]);

  return (
    <div className="app">
      <header className="app-bar">
        <div className="bar-row">
          {/* On a small window or zoomed in, this part stays fixed at the bottom while the rest scrolls away. */}
          <div className="player-bar">
            <Toolbar
              state={state}
              keymap={keymap}
              normalWordsPerMinute={normalWpm}
              disabled={!player}
              run={run}
              onRate={(rate) => player?.setRate(rate)}
            />
            <ArticleProgress player={player} state={state} blockCount={blockCount} wordsPerMinute={normalWpm} summary={{ position: progress, remaining, voice: voiceName }} />
          </div>
          <SleepTimerControl timer={sleepTimer} keymap={keymap} disabled={!player} extendOnKey={settings.sleepTimerExtendOnKey} update={update} />
          <ReadSelectionBar selection={selection} keymap={keymap} disabled={!player} />
          <ContentsControls controls={contents} keymap={keymap} disabled={!player} />
          <AppMenu
            keymap={keymap}
            canExport={canExport}
            onOpen={() => setDialog('open')}
            onLibrary={() => setDialog('library')}
            onQueue={queue.show}
            onExport={() => setDialog('export')}
            onSettings={() => setDialog('settings')}
            onShortcuts={() => setDialog('shortcuts')}
          />
        </div>
        <OpenProblemNotice problem={openProblem} onDismiss={dismissOpenProblem} />
        <StreamProgress stream={stream} goingTo={state.goingTo} />
      </header>
      <main className="content">
        <Notices
          speech={speech}
          settingsProblem={settingsProblem}
          onDismissSettingsProblem={() => setSettingsProblem(null)}
          playbackError={state.error}
        />
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
          <ReaderView article={article} state={state} settings={settings} headingRef={headingRef} onReadFrom={readFrom} onRestoreHidden={restoreHiddenHere} />
        )}
      </main>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <audio ref={setAudio} preload="auto" />
      <ShortcutsDialog
        open={dialog === 'shortcuts'}
        keymap={keymap}
        onClose={closeDialog}
        onRemap={(action, keys) => update({ keymap: { [action]: keys } })}
        onResetAll={() => update({ keymap: Object.fromEntries(Object.entries(DEFAULT_KEYMAP).map(([action, keys]) => [action, [...keys]])) })}
      />
      <SettingsDialog open={dialog === 'settings'} onClose={closeDialog} settings={settings} update={update} speech={speech} language={language} api={api} pausePlayer={pausePlayer} />
      {article && (
        <ExportDialog open={dialog === 'export'} onClose={closeDialog} api={api} article={article} settings={settings} voice={preferences.voice} />
      )}
      <LibraryDialog open={dialog === 'library'} api={api} currentId={entryId} onClose={closeDialog} onOpen={openEntry} onQueue={queue.add} problem={openProblem} onDismissProblem={dismissOpenProblem} />
      <QueueDialog queue={queue} article={article} keymap={keymap} settings={settings} update={update} />
      <FindDialog find={find} article={article} />
      <OpenDialog open={dialog === 'open'} onClose={closeDialog} onOpen={openSource} onOpenFile={openFile} problem={openProblem} onDismissProblem={dismissOpenProblem} />
      <PasswordDialog prompt={password} />
      <DesktopShellDialogs api={api} settings={settings} update={update} openSource={openSource} run={run} openDialog={setDialog} />
    </div>
  );
}
