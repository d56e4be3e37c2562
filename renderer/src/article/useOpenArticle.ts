/**
 * The article on screen: the first one the app was given, the ones opened since (from a source, the
 * library or another window), and text the extractor left out brought back into it. A failed open
 * keeps the article on screen and says why. A newly opened article (or a problem) takes focus, so
 * keyboard and screen reader users land on it. A protected PDF, from wherever it came, asks for its
 * password first (renderer/src/password/).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi, ArticleSource, LoadResult } from '../../../shared/api';
import { restoreHiddenBlock } from '../../../shared/article';
import type { ReadingPosition } from '../../../shared/library';
import { startedMessage, useArticleStream, type ArticleStream } from './useArticleStream';
import { readArticleFile } from './readArticleFile';
import { pageLanguage } from '../queue/voiceFor';
import { usePasswordPrompt, type PasswordPrompt } from '../password/usePasswordPrompt';

/** Where an open was asked for: a dialog shows its own failure, in the dialog, where the listener is. */
export type OpenOrigin = 'open' | 'library' | 'outside';

export interface OpenProblem {
  message: string;
  origin: OpenOrigin;
  /** What was being opened, so the dialog can point at the field to correct. */
  source: ArticleSource['type'] | 'entry';
}

export interface OpenArticle {
  loaded: LoadResult | null;
  /** Why the last open failed, while the article before it stays on screen. */
  openProblem: OpenProblem | null;
  dismissOpenProblem: () => void;
  /** Shows a result that arrived some other way (the queue's next article), without taking focus. */
  present: (result: LoadResult) => void;
  openSource: (source: ArticleSource, origin?: OpenOrigin) => void;
  /** A picked or dropped file: one over its kind's size limit is refused here, before it is read and sent. */
  openFile: (file: File, origin?: OpenOrigin) => void;
  openEntry: (id: string) => void;
  restoreHidden: (hiddenIndex: number, position: ReadingPosition) => void;
  /** The password dialog's state: a protected PDF waiting for its password. */
  password: PasswordPrompt;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  problemRef: React.RefObject<HTMLDivElement | null>;
  /** A long document's reading still going on (its first part is on screen), or how it ended. */
  stream: ArticleStream | null;
}

export function useOpenArticle(api: ArticlePlayerApi, announce: (message: string) => void, onOpened: () => void): OpenArticle {
  const [loaded, setLoaded] = useState<LoadResult | null>(null);
  const [openProblem, setOpenProblem] = useState<OpenProblem | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const { stream, follow } = useArticleStream(api, setLoaded, announce);
  /** Counts opens asked for, so the answer to one overtaken by another (a long document still loading) is dropped. */
  const opens = useRef(0);
  const password = usePasswordPrompt(api);
  const { settle } = password;
  const settleRef = useRef(settle);
  useEffect(() => {
    settleRef.current = settle;
  });

  useEffect(() => {
    const failed = (error: unknown): LoadResult => ({ ok: false, message: (error as Error).message });
    const show = (result: LoadResult) => settleRef.current(result, (settled) => setLoaded(follow(settled)));
    api.invoke('getInitialArticle', { language: pageLanguage() }).catch(failed).then(show);
    return api.on('articleOpened', show);
  }, [api, follow]);

  // This runs after a closing dialog has handed focus back to its opener, so the article keeps it.
  const focusArticle = useRef(false);
  useEffect(() => {
    if (loaded && !loaded.ok) problemRef.current?.focus();
    else if (loaded?.ok && focusArticle.current) headingRef.current?.focus();
    focusArticle.current = false;
  }, [loaded]);

  const opened = useRef(onOpened);
  useEffect(() => {
    opened.current = onOpened;
  });
  const showOpened = useCallback(
    (result: LoadResult, origin: OpenOrigin, source: OpenProblem['source']) => {
      if (result.ok) {
        setLoaded(follow(result));
        setOpenProblem(null);
        opened.current();
        announce([`Opened ${result.article.title}`, startedMessage(result)].filter(Boolean).join('. '));
        focusArticle.current = true;
      } else {
        // The article on screen stays: a failed open loses nothing.
        setOpenProblem({ message: result.message, origin, source });
        // A dialog says it itself (role="alert" inside it): the app's status region is inert behind a modal.
        if (origin === 'outside') announce(result.message);
      }
    },
    [announce, follow],
  );
  const present = useCallback(
    (result: LoadResult) => {
      opens.current++;
      setLoaded(follow(result));
      setOpenProblem(null);
    },
    [follow],
  );
  const openSource = useCallback(
    (source: ArticleSource, origin: OpenOrigin = 'outside') => {
      announce('Opening the article…');
      const open = ++opens.current;
      api
        .invoke('openArticle', { source })
        .catch((error: unknown): LoadResult => ({ ok: false, message: (error as Error).message }))
        .then((result) => open === opens.current && settle(result, (settled) => showOpened(settled, origin, source.type)));
    },
    [api, announce, showOpened, settle],
  );
  const openFile = useCallback(
    (file: File, origin: OpenOrigin = 'outside') => {
      void readArticleFile(file).then((read) => (read.ok ? openSource(read.source, origin) : showOpened(read, origin, 'file')));
    },
    [openSource, showOpened],
  );
  const openEntry = useCallback(
    (id: string) => {
      const open = ++opens.current;
      api
        .invoke('openLibraryEntry', { id })
        .catch((error: unknown): LoadResult => ({ ok: false, message: (error as Error).message }))
        .then((result) => open === opens.current && showOpened(result, 'library', 'entry'));
    },
    [api, showOpened],
  );

  /** Text the extractor left out comes back into the reading; the place in the article is kept. */
  const restoreHidden = useCallback(
    (hiddenIndex: number, position: ReadingPosition) => {
      if (!loaded?.ok) return;
      const { article } = loaded;
      const entry = loaded.entry ?? null;
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
    [api, loaded, announce],
  );

  const dismissOpenProblem = useCallback(() => setOpenProblem(null), []);
  return { loaded, openProblem, dismissOpenProblem, present, openSource, openFile, openEntry, restoreHidden, password, headingRef, problemRef, stream };
}
