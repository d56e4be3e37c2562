/**
 * The listening queue as plain data and pure functions, so the store in main and the tests share one
 * ordering logic. The queue holds library ids: `upNext` is what plays after the open article, in order;
 * `history` is what played before it (most recent last), so "previous article" undoes "next article":
 * going back puts the article you were on at the front of the queue again.
 */
import type { LibraryEntry } from './library.js';

export interface QueueState {
  upNext: string[];
  history: string[];
}

/** Enough to go back a long way without the file growing for ever. */
export const HISTORY_LIMIT = 100;
/** A queue far longer than anyone listens to; keeps every operation and the file bounded. */
export const QUEUE_LIMIT = 10_000;

export const EMPTY_QUEUE: QueueState = { upNext: [], history: [] };

export type QueuePlacement = 'end' | 'next';
export type AddOutcome = 'added' | 'moved' | 'already' | 'full';

/** Appends (end) or puts first (next). An article is in the queue at most once: "next" moves it forward. */
export function addToQueue(state: QueueState, id: string, placement: QueuePlacement): { state: QueueState; outcome: AddOutcome } {
  const present = state.upNext.includes(id);
  if (placement === 'end') {
    if (present) return { state, outcome: 'already' };
    if (state.upNext.length >= QUEUE_LIMIT) return { state, outcome: 'full' };
    return { state: { ...state, upNext: [...state.upNext, id] }, outcome: 'added' };
  }
  if (present && state.upNext[0] === id) return { state, outcome: 'already' };
  if (!present && state.upNext.length >= QUEUE_LIMIT) return { state, outcome: 'full' };
  return { state: { ...state, upNext: [id, ...state.upNext.filter((other) => other !== id)] }, outcome: present ? 'moved' : 'added' };
}

/** Moves an entry to a place in the list (clamped to the list); unknown ids change nothing. */
export function moveInQueue(state: QueueState, id: string, toIndex: number): QueueState {
  const from = state.upNext.indexOf(id);
  if (from < 0) return state;
  const to = Math.max(0, Math.min(state.upNext.length - 1, Math.floor(toIndex)));
  if (to === from) return state;
  const upNext = state.upNext.filter((other) => other !== id);
  upNext.splice(to, 0, id);
  return { ...state, upNext };
}

export function removeFromQueue(state: QueueState, ids: readonly string[]): QueueState {
  const gone = new Set(ids);
  return { upNext: state.upNext.filter((id) => !gone.has(id)), history: state.history.filter((id) => !gone.has(id)) };
}

/** Where some articles stand in the queue (their index in each list), so taking them out can be undone. */
export interface QueuePlaces {
  upNext: Array<{ id: string; index: number }>;
  history: Array<{ id: string; index: number }>;
}

export function queuePlaces(state: QueueState, ids: readonly string[]): QueuePlaces {
  const wanted = new Set(ids);
  const placesIn = (list: readonly string[]) => list.flatMap((id, index) => (wanted.has(id) ? [{ id, index }] : []));
  return { upNext: placesIn(state.upNext), history: placesIn(state.history) };
}

/**
 * Puts articles back where they stood (the undo of removeFromQueue with the places taken before it).
 * Places are put back lowest first, so each lands at its old index when nothing else changed; an article
 * that is in a list again already stays where it is now; the lists keep their limits.
 */
export function putBackInQueue(state: QueueState, places: QueuePlaces): QueueState {
  const putBack = (list: readonly string[], at: QueuePlaces['upNext']) => {
    const result = [...list];
    for (const { id, index } of [...at].sort((a, b) => a.index - b.index)) {
      if (!result.includes(id)) result.splice(Math.min(index, result.length), 0, id);
    }
    return result;
  };
  return { upNext: putBack(state.upNext, places.upNext).slice(0, QUEUE_LIMIT), history: putBack(state.history, places.history).slice(-HISTORY_LIMIT) };
}

/** Empties what is up next; the history stays, so "previous article" still works. */
export function clearQueue(state: QueueState): QueueState {
  return { ...state, upNext: [] };
}

/** The article that plays after `currentId`: the first one up next that is not the open article itself. */
export function nextInQueue(state: QueueState, currentId: string | null): string | null {
  return state.upNext.find((id) => id !== currentId) ?? null;
}

/** The article that played before `currentId`, if any. */
export function previousInQueue(state: QueueState, currentId: string | null): string | null {
  for (let i = state.history.length - 1; i >= 0; i--) if (state.history[i] !== currentId) return state.history[i]!;
  return null;
}

function remembered(history: readonly string[], id: string | null): string[] {
  if (!id) return [...history];
  return [...history.filter((other) => other !== id), id].slice(-HISTORY_LIMIT);
}

/**
 * `toId` becomes the open article, moving forward: it leaves the queue, and so does the article that was
 * open (it has been listened to), which goes into the history.
 */
export function advanceQueue(state: QueueState, currentId: string | null, toId: string): QueueState {
  return { upNext: state.upNext.filter((id) => id !== toId && id !== currentId), history: remembered(state.history, currentId).filter((id) => id !== toId) };
}

/** `toId` (from the history) becomes the open article again; the article that was open goes back to the front of the queue. */
export function retreatQueue(state: QueueState, currentId: string | null, toId: string): QueueState {
  const history = state.history.filter((id) => id !== toId && id !== currentId);
  const rest = state.upNext.filter((id) => id !== toId && id !== currentId);
  return { upNext: currentId ? [currentId, ...rest].slice(0, QUEUE_LIMIT) : rest, history };
}

/** A stored queue made valid: ids well formed, each once, lists bounded. One bad id does not cost the others. */
export function normalizeQueue(data: unknown, isId: (value: unknown) => value is string): QueueState {
  if (typeof data !== 'object' || data === null) throw new Error('not a queue');
  const { upNext, history } = data as { upNext?: unknown; history?: unknown };
  if (!Array.isArray(upNext)) throw new Error('not a queue');
  const unique = (list: unknown[]) => [...new Set(list.filter(isId))];
  return { upNext: unique(upNext).slice(0, QUEUE_LIMIT), history: unique(Array.isArray(history) ? history : []).slice(-HISTORY_LIMIT) };
}

/** The queue as the UI shows it: library entries in order, and the article to go back to, if any. */
export interface QueueView {
  upNext: LibraryEntry[];
  previous: LibraryEntry | null;
}

const sameEntry = (a: LibraryEntry | null, b: LibraryEntry | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.id === b.id &&
    a.title === b.title &&
    a.wordCount === b.wordCount &&
    a.blockCount === b.blockCount &&
    a.position.blockIndex === b.position.blockIndex &&
    a.position.sentenceIndex === b.position.sentenceIndex);

/** Whether two views show the same thing (order, titles, lengths, places), so a refresh that changed nothing need not be drawn again. */
export function sameQueueView(a: QueueView, b: QueueView): boolean {
  return a.upNext.length === b.upNext.length && sameEntry(a.previous, b.previous) && a.upNext.every((entry, i) => sameEntry(entry, b.upNext[i]!));
}
