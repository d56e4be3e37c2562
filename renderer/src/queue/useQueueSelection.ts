/**
 * Which article of "Up next" the Play now / Move / Remove buttons act on. It stays on the same article
 * while the list changes around it (a move, a refresh); when that article leaves the list, the one
 * that took its place is selected, or the new last one.
 */
import { useCallback, useState } from 'react';
import type { LibraryEntry } from '../../../shared/library';

export interface QueueSelection {
  /** The selected article's place, or -1 when the list is empty. */
  index: number;
  entry: LibraryEntry | null;
  select: (id: string) => void;
}

export function useQueueSelection(entries: readonly LibraryEntry[]): QueueSelection {
  // The chosen article and the place it was last seen at, for when it leaves the list.
  const [chosen, setChosen] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  let index = chosen.id === null ? -1 : entries.findIndex((entry) => entry.id === chosen.id);
  if (index < 0 && entries.length > 0) index = Math.min(chosen.index, entries.length - 1);
  const entry = entries[index] ?? null;
  // Kept up to date while rendering (React re-renders at once, before anything is shown).
  if (entry && (entry.id !== chosen.id || index !== chosen.index)) setChosen({ id: entry.id, index });
  const select = useCallback((id: string) => setChosen((previous) => (previous.id === id ? previous : { id, index: previous.index })), []);
  return { index, entry, select };
}
