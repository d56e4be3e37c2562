/**
 * Every article that opens is kept in the library; if the library cannot be written, reading goes on.
 * A document's note bodies (PDF, EPUB) are placed here by the listener's rule (settings.notePlacement).
 */
import type { LoadResult } from '../../shared/api.js';
import { DEFAULT_NOTE_PLACEMENT, placeNotes, type NotePlacement } from '../../shared/notes.js';
import type { LibraryStore } from '../store/LibraryStore.js';

export async function rememberInLibrary(library: LibraryStore, loaded: LoadResult, notePlacement: NotePlacement = DEFAULT_NOTE_PLACEMENT): Promise<LoadResult> {
  if (!loaded.ok) return loaded;
  const result = { ...loaded, article: placeNotes(loaded.article, notePlacement) };
  try {
    return { ok: true, ...(await library.recordArticle(result.article)) };
  } catch (error) {
    console.error('The library could not be updated:', error);
    return { ...result, entry: null };
  }
}
