/**
 * Reopening a long document at its saved place (issue 23): a streamed document opens with its first part,
 * and the saved place may lie in a part still to come. Then reading starts at the top with the place
 * pending: it is taken as soon as the part holding it arrives (Play pressed before then starts there), a
 * move of the listener's own before then cancels it, and nothing is saved over the saved place meanwhile.
 * These are the rules, as plain functions; the reading sessions (renderer/src/player/) apply them.
 */
import type { ReadingPosition } from './library.js';
import { streamLabel, type StreamProgress } from './articleStream.js';

/** A saved place: the block and sentence; `page` is the page label of its block, when known (said while going there). */
export interface SavedPlace extends ReadingPosition {
  page?: string | null;
}

/** The top of an article: nothing to go to. */
export function isTop(place: ReadingPosition | null | undefined): boolean {
  return !place || (place.blockIndex <= 0 && place.sentenceIndex <= 0);
}

/**
 * Where a reading session starts: at the saved place when it has arrived (or nothing more will: then the
 * session clamps it to the last block, as for any article); otherwise at the top, with the place pending.
 */
export function startingPlace(saved: ReadingPosition | null | undefined, arrived: number, moreComing: boolean): { start: ReadingPosition | undefined; pending: ReadingPosition | null } {
  if (isTop(saved)) return { start: undefined, pending: null };
  if (saved!.blockIndex < arrived || !moreComing) return { start: saved!, pending: null };
  return { start: undefined, pending: { blockIndex: saved!.blockIndex, sentenceIndex: saved!.sentenceIndex } };
}

/**
 * After the article grew: the place to go to now, or null to keep waiting. When the whole document has
 * arrived and the place is beyond its end (the document changed), its last block.
 */
export function reachedPlace(pending: ReadingPosition, arrived: number, moreComing: boolean): ReadingPosition | null {
  if (pending.blockIndex < arrived) return pending;
  if (moreComing || arrived === 0) return null;
  return { blockIndex: arrived - 1, sentenceIndex: 0 };
}

/** What the reader shows while it waits for the place: "Going to your place on page 212: reading page 40 of 500". */
export function goingToLabel(pending: SavedPlace, progress: StreamProgress): string {
  const where = pending.page ? `on page ${pending.page}` : `at paragraph ${pending.blockIndex + 1}`;
  const reading = streamLabel(progress);
  return `Going to your place ${where}: ${reading.charAt(0).toLowerCase()}${reading.slice(1)}`;
}

/** Said when the place has arrived and reading is there. */
export function reachedMessage(place: SavedPlace): string {
  return place.page ? `At your place on page ${place.page}, paragraph ${place.blockIndex + 1}.` : `At your place, paragraph ${place.blockIndex + 1}.`;
}

/**
 * Where to reopen, from the session's state: the sentence being read, or the start once the article has
 * been read to the end (the title, block -1, is the very top too). Null while a saved place is still
 * pending: the session stands at the top only because the place has not arrived, so nothing is saved.
 */
export function positionToSave(state: { status: string; blockIndex: number; sentenceIndex: number; goingTo?: ReadingPosition | null }): ReadingPosition | null {
  if (state.goingTo) return null;
  if (state.status === 'ended' || state.blockIndex < 0) return { blockIndex: 0, sentenceIndex: 0 };
  return { blockIndex: state.blockIndex, sentenceIndex: Math.max(0, state.sentenceIndex) };
}
