/**
 * The queue as the window sees it: the list (kept in main), the commands on it, moving to the next or
 * previous article, and auto-continue. When an article ends, the next one in the queue is announced
 * ("Next: <title>"), shown at once and started after the configured pause; it was prefetched while the
 * last paragraph played (its text read from the library, its first paragraph synthesized into main's
 * cache), so the pause is all the listener hears.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi, ArticleSource, LoadResult } from '../../../shared/api';
import type { Article } from '../../../shared/article';
import type { LibraryEntry } from '../../../shared/library';
import { sameQueueView, type QueuePlacement, type QueueView } from '../../../shared/queue';
import type { Settings } from '../../../shared/settings';
import type { PlayerState } from '../player/Player';
import type { ReadingSession } from '../player/ReadingSession';
import { voiceFor } from './voiceFor';
import { synthesisRequest } from '../../../shared/synthesisRequest';
import { clampRate } from '../../../shared/rate';

export type QueueItem = { type: 'entry'; id: string } | { type: 'source'; source: ArticleSource };
type Direction = 'next' | 'previous';

export interface QueueSetup {
  api: ArticlePlayerApi;
  player: ReadingSession | null;
  state: PlayerState;
  article: Article | null;
  entry: LibraryEntry | null;
  settings: Settings;
  announce: (message: string) => void;
  /** Puts an opened article on screen, without the "Opened" announcement (the queue says "Next: ..."). */
  present: (result: LoadResult) => void;
}

export interface QueueController {
  view: QueueView;
  open: boolean;
  show: () => void;
  hide: () => void;
  /** The dialog's own status line: what the last command did. */
  message: string;
  note: (message: string) => void;
  add: (item: QueueItem, placement: QueuePlacement) => Promise<string>;
  move: (id: string, toIndex: number) => Promise<void>;
  remove: (entry: LibraryEntry) => Promise<void>;
  clear: () => Promise<void>;
  /** Next or previous article; false when there is none (the caller may fall back to paragraphs). */
  step: (direction: Direction, options?: { toId?: string; quietIfNone?: boolean }) => Promise<boolean>;
  /** Opens a library entry and plays it from its saved position (continue listening). */
  openAndPlay: (id: string) => Promise<void>;
  hasNext: boolean;
  hasPrevious: boolean;
  currentId: string | null;
}

const EMPTY: QueueView = { upNext: [], previous: null };

/** `moveInQueue` (shared/queue.ts) on the entries the window shows: the same place, clamped to the list. */
function moveEntry(entries: LibraryEntry[], id: string, toIndex: number): LibraryEntry[] {
  const from = entries.findIndex((queued) => queued.id === id);
  const to = Math.max(0, Math.min(entries.length - 1, Math.floor(toIndex)));
  if (from < 0 || from === to) return entries;
  const moved = entries.filter((queued) => queued.id !== id);
  moved.splice(to, 0, entries[from]!);
  return moved;
}

/** Focus would be lost when the article it is in is replaced: it moves to the new article's heading. */
function focusWasInArticle(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || Boolean(active.closest('article'));
}

function describeAdd(title: string, outcome: 'added' | 'moved' | 'already', placement: QueuePlacement, position: number): string {
  if (outcome === 'already') return placement === 'next' ? `${title} already plays next.` : `${title} is already in the queue, at place ${position}.`;
  if (placement === 'next') return outcome === 'moved' ? `${title} moved to play next.` : `${title} plays next.`;
  return `Added ${title} to the queue, at place ${position}.`;
}

export function useQueue({ api, player, state, article, entry, settings, announce, present }: QueueSetup): QueueController {
  const [view, setView] = useState<QueueView>(EMPTY);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const currentId = entry?.id ?? null;
  /** The article to start once its player exists, and when (performance.now()): after the pause between articles. */
  const autoplay = useRef<{ id: string; at: number; focus: boolean; replaces: ReadingSession | null } | null>(null);
  const playerNow = useRef(player);
  useEffect(() => {
    playerNow.current = player;
  }, [player]);
  /** What was prefetched (a cache, never the decision): for which open article and which next one. */
  const prefetched = useRef<{ forId: string | null; nextId: string | null } | null>(null);

  const refresh = useCallback(() => {
    // A refresh that changed nothing keeps the list on screen as it is (nothing is drawn again).
    api.invoke('getQueue', { currentId }).then((next) => setView((shown) => (sameQueueView(shown, next) ? shown : next)), () => undefined);
  }, [api, currentId]);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    if (open) refresh(); // another window may have changed it
  }, [open, refresh]);

  const failed = useCallback((error: unknown) => {
    const text = `The queue could not be changed: ${(error as Error).message}`;
    setMessage(text);
    return text;
  }, []);

  const add = useCallback(
    async (item: QueueItem, placement: QueuePlacement): Promise<string> => {
      if (item.type === 'source') setMessage('Reading the article for the queue…');
      try {
        const added = await api.invoke('addToQueue', { item, placement, currentId });
        if (!added.ok) {
          setMessage(added.message);
          return added.message;
        }
        setView(added.queue);
        const position = added.queue.upNext.findIndex((queued) => queued.id === added.entry.id) + 1;
        const text = describeAdd(added.entry.title, added.outcome as 'added' | 'moved' | 'already', placement, position);
        setMessage(text);
        return text;
      } catch (error) {
        return failed(error);
      }
    },
    [api, currentId, failed],
  );

  // A move shows at once (the list is reordered here, as main will reorder it) and main's answer confirms
  // it: the listener pressing Move up ten times hears and sees ten moves without waiting for ten file
  // writes. Only the answer to the latest move is shown, so an older answer never undoes a newer move; a
  // failed move says so and puts back the list main has.
  const latestMove = useRef(0);
  const move = useCallback(
    async (id: string, toIndex: number) => {
      const request = ++latestMove.current;
      const upNext = moveEntry(view.upNext, id, toIndex);
      const at = upNext.findIndex((queued) => queued.id === id);
      if (upNext !== view.upNext) setView({ ...view, upNext });
      if (at >= 0) setMessage(`${upNext[at]!.title}: place ${at + 1} of ${upNext.length}.`);
      try {
        const next = await api.invoke('moveInQueue', { id, toIndex, currentId });
        // Main's answer is what is already shown unless another window changed the queue meanwhile.
        if (request === latestMove.current) setView((shown) => (sameQueueView(shown, next) ? shown : next));
      } catch (error) {
        failed(error);
        if (request === latestMove.current) refresh();
      }
    },
    [api, currentId, view, failed, refresh],
  );

  const remove = useCallback(
    async (removed: LibraryEntry) => {
      try {
        setView(await api.invoke('removeFromQueue', { ids: [removed.id], currentId }));
        setMessage(`Removed ${removed.title} from the queue.`);
      } catch (error) {
        failed(error);
      }
    },
    [api, currentId, failed],
  );

  const clear = useCallback(async () => {
    try {
      setView(await api.invoke('clearQueue', { currentId }));
      setMessage('The queue is empty.');
    } catch (error) {
      failed(error);
    }
  }, [api, currentId, failed]);

  // The decision is always the queue as main holds it now (another window, the Queue dialog, a removal
  // while the last paragraph plays): what was prefetched only warmed main's synthesis cache.
  const peek = useCallback(
    (direction: Direction): Promise<LoadResult | null> => api.invoke('peekQueue', { currentId, direction }).catch(() => null),
    [api, currentId],
  );

  /** Opens the next or previous article; it starts playing at `playAt` if set. */
  const goTo = useCallback(
    async (direction: Direction, toId: string, title: string, playAt: number | null) => {
      const focus = focusWasInArticle();
      announce(`${direction === 'next' ? 'Next' : 'Previous'}: ${title}`);
      const { result, queue } = await api.invoke('stepQueue', { currentId, toId, direction });
      setView(queue);
      if (!result.ok) {
        announce(result.message);
        return;
      }
      prefetched.current = null;
      autoplay.current = playAt === null ? null : { id: toId, at: playAt, focus, replaces: playerNow.current };
      present(result);
      if (playAt === null && focus) requestAnimationFrame(() => document.querySelector<HTMLElement>('article h1')?.focus());
    },
    [api, currentId, announce, present],
  );

  const step = useCallback(
    async (direction: Direction, options: { toId?: string; quietIfNone?: boolean } = {}): Promise<boolean> => {
      let toId = options.toId ?? null;
      let title = view.upNext.find((queued) => queued.id === toId)?.title ?? '';
      if (!toId) {
        const neighbour = await peek(direction);
        if (!neighbour?.ok || !neighbour.entry) {
          if (neighbour && !neighbour.ok) announce(neighbour.message);
          else if (!options.quietIfNone) announce(direction === 'next' ? 'Nothing is up next in the queue.' : 'No earlier article in the queue.');
          return false;
        }
        toId = neighbour.entry.id;
        title = neighbour.article.title;
      }
      const playing = state.status === 'playing' || state.status === 'loading';
      try {
        await goTo(direction, toId, title, playing ? performance.now() : null);
      } catch (error) {
        announce(`The queue could not move on: ${(error as Error).message}`);
      }
      return true;
    },
    [view.upNext, peek, state.status, goTo, announce],
  );

  const openAndPlay = useCallback(
    async (id: string) => {
      const focus = true;
      const result = await api.invoke('openLibraryEntry', { id }).catch((error: unknown): LoadResult => ({ ok: false, message: (error as Error).message }));
      if (!result.ok) {
        announce(result.message);
        return;
      }
      autoplay.current = { id, at: performance.now(), focus, replaces: playerNow.current };
      announce(`Continuing ${result.article.title}`);
      present(result);
    },
    [api, announce, present],
  );

  // The article asked to play starts once its player exists (and the pause is over), unless the listener
  // has already pressed something.
  useEffect(() => {
    const pending = autoplay.current;
    // The first render with the new article still has the old player: wait for the one made for it.
    if (!pending || !player || player === pending.replaces || currentId !== pending.id) return;
    autoplay.current = null;
    if (pending.focus) document.querySelector<HTMLElement>('article h1')?.focus();
    const timer = setTimeout(() => {
      if (player.getState().status === 'idle') player.play();
    }, Math.max(0, pending.at - performance.now()));
    return () => clearTimeout(timer);
  }, [player, currentId]);

  // While the last paragraph plays, the next article is read and its first paragraph synthesized ahead.
  const { status, blockIndex } = state;
  const blockCount = article?.blocks.length ?? 0;
  const autoContinue = settings.queueAutoContinue;
  const speechSettings = useRef(settings);
  useEffect(() => {
    speechSettings.current = settings;
  });
  // The next one as this window last saw the queue: when it changes while the last paragraph plays,
  // the new next article is warmed instead.
  const nextId = view.upNext.find((queued) => queued.id !== currentId)?.id ?? null;
  useEffect(() => {
    if (!autoContinue || status !== 'playing' || blockCount === 0 || blockIndex < blockCount - 1) return;
    if (prefetched.current?.forId === currentId && prefetched.current.nextId === nextId) return;
    prefetched.current = { forId: currentId, nextId };
    void peek('next').then((next) => {
      if (!next?.ok) return;
      const current = speechSettings.current;
      const start = Math.min(next.entry?.position.blockIndex ?? 0, next.article.blocks.length - 1);
      const block = next.article.blocks[start];
      if (!block) return;
      const article = { lang: next.article.lang, voice: voiceFor(current, next.article.lang) };
      const request = synthesisRequest({ text: block.text, blockLang: block.lang, article, rate: clampRate(current.rate) }, current);
      void api.invoke('synthesizeBlock', request).catch(() => undefined); // warms main's cache; the new player asks again
    });
  }, [api, autoContinue, status, blockIndex, blockCount, currentId, nextId, peek]);

  // An article that ends hands over to the next one in the queue.
  const handledEnd = useRef<ReadingSession | null>(null);
  useEffect(() => {
    if (status !== 'ended' || !player || handledEnd.current === player) return;
    handledEnd.current = player;
    if (!autoContinue) return;
    const endedAt = performance.now();
    void peek('next').then(async (next) => {
      if (!next?.ok || !next.entry) {
        if (next && !next.ok) announce(next.message);
        else if (view.previous) announce('End of the queue');
        return;
      }
      try {
        await goTo('next', next.entry.id, next.article.title, endedAt + speechSettings.current.queuePauseMs);
      } catch (error) {
        announce(`The queue could not move on: ${(error as Error).message}`);
      }
    });
  }, [status, player, autoContinue, peek, goTo, announce, view.previous]);

  const hasNext = view.upNext.some((queued) => queued.id !== currentId);
  return {
    view,
    open,
    show: useCallback(() => setOpen(true), []),
    hide: useCallback(() => {
      setOpen(false);
      setMessage('');
    }, []),
    message,
    note: setMessage,
    add,
    move,
    remove,
    clear,
    step,
    openAndPlay,
    hasNext,
    hasPrevious: view.previous !== null,
    currentId,
  };
}
