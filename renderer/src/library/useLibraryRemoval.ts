/**
 * Removing a library entry with an undo: "Removed <title>." with an Undo button (and Ctrl+Z, Cmd+Z on
 * macOS, in the dialog), focus on the entry that took the removed one's place, and back on the entry
 * itself after Undo. Main keeps the removed article (text, place, queue place) until the next removal.
 */
import { useCallback, useState } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { LibraryEntry } from '../../../shared/library';
import { entryToFocusAfterRemoval } from './afterRemoval';

export interface Removal {
  ids: string[];
  title: string;
}

interface RemovalSetup {
  api: ArticlePlayerApi;
  entries: LibraryEntry[] | null;
  /** Reads the list again (with the dialog's search and sort) and shows it. */
  reload: () => Promise<LibraryEntry[]>;
  /** Says something in the dialog's status line. */
  say: (message: string) => void;
}

/** What to focus next: an entry's open button (by id), or the search field above an empty list. */
export type FocusTarget = { entryId: string } | 'search';

export function useLibraryRemoval({ api, entries, reload, say }: RemovalSetup) {
  const [undoable, setUndoable] = useState<Removal | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);

  const remove = useCallback(
    async (entry: LibraryEntry) => {
      const before = (entries ?? []).map((e) => e.id);
      try {
        await api.invoke('removeLibraryEntries', { ids: [entry.id] });
      } catch (error) {
        say(`${entry.title} could not be removed: ${(error as Error).message}`);
        return;
      }
      const after = await reload();
      setUndoable({ ids: [entry.id], title: entry.title });
      say(`Removed ${entry.title}.`);
      const next = entryToFocusAfterRemoval(
        before,
        entry.id,
        after.map((e) => e.id),
      );
      setFocusTarget(next ? { entryId: next } : 'search');
    },
    [api, entries, reload, say],
  );

  const undo = useCallback(async () => {
    if (!undoable) return;
    const restored = await api.invoke('restoreLibraryEntries', { ids: undoable.ids }).then(
      (result) => result.restored,
      () => [],
    );
    const after = restored.length > 0 ? await reload() : (entries ?? []);
    // The Undo button goes and focus moves in the same render, so focus never falls to the page.
    setUndoable(null);
    say(restored.length > 0 ? `${undoable.title} is back in the library.` : `${undoable.title} could not be brought back.`);
    const shown = after.find((e) => undoable.ids.includes(e.id));
    setFocusTarget(shown ? { entryId: shown.id } : after[0] ? { entryId: after[0].id } : 'search');
  }, [api, undoable, entries, reload, say]);

  /** Forgets the offer (the dialog closed, or another removal took its place). */
  const forget = useCallback(() => setUndoable(null), []);

  return { undoable, remove, undo, forget, focusTarget, focusDone: useCallback(() => setFocusTarget(null), []) };
}
