/**
 * The article on screen: the first one the app was given, the ones opened since (from a source, the
 * library or another window), and text the extractor left out brought back into it. A failed open
 * keeps the article on screen and says why. A newly opened article (or a problem) takes focus, so
 * keyboard and screen reader users land on it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi, ArticleSource, LoadResult } from '../../../shared/api';
import { restoreHiddenBlock } from '../../../shared/article';
import type { ReadingPosition } from '../../../shared/library';

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
  openEntry: (id: string) => void;
  restoreHidden: (hiddenIndex: number, position: ReadingPosition) => void;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  problemRef: React.RefObject<HTMLDivElement | null>;
}

export function useOpenArticle(api: ArticlePlayerApi, announce: (message: string) => void, onOpened: () => void): OpenArticle {
  const [loaded, setLoaded] = useState<LoadResult | null>(null);
  const [openProblem, setOpenProblem] = useState<OpenProblem | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const failed = (error: unknown): LoadResult => ({ ok: false, message: (error as Error).message });
    api.invoke('getInitialArticle', {}).catch(failed).then(setLoaded);
    return api.on('articleOpened', setLoaded);
  }, [api]);

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
        setLoaded(result);
        setOpenProblem(null);
        opened.current();
        announce(`Opened ${result.article.title}`);
        focusArticle.current = true;
      } else {
        // The article on screen stays: a failed open loses nothing.
        setOpenProblem({ message: result.message, origin, source });
        // A dialog says it itself (role="alert" inside it): the app's status region is inert behind a modal.
        if (origin === 'outside') announce(result.message);
      }
    },
    [announce],
  );
  const present = useCallback((result: LoadResult) => {
    setLoaded(result);
    setOpenProblem(null);
  }, []);
  const openSource = useCallback(
    (source: ArticleSource, origin: OpenOrigin = 'outside') => {
      announce('Opening the article…');
      api
        .invoke('openArticle', { source })
        .catch((error: unknown): LoadResult => ({ ok: false, message: (error as Error).message }))
        .then((result) => showOpened(result, origin, source.type));
    },
    [api, announce, showOpened],
  );
  const openEntry = useCallback(
    (id: string) => {
      api
        .invoke('openLibraryEntry', { id })
        .catch((error: unknown): LoadResult => ({ ok: false, message: (error as Error).message }))
        .then((result) => showOpened(result, 'library', 'entry'));
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
  return { loaded, openProblem, dismissOpenProblem, present, openSource, openEntry, restoreHidden, headingRef, problemRef };
}
