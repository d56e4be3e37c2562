/** Every article that opens is kept in the library; if the library cannot be written, reading goes on. */
import type { LoadResult } from '../../shared/api.js';
import type { LibraryStore } from '../store/LibraryStore.js';

export async function rememberInLibrary(library: LibraryStore, result: LoadResult): Promise<LoadResult> {
  if (!result.ok) return result;
  try {
    return { ok: true, ...(await library.recordArticle(result.article)) };
  } catch (error) {
    console.error('The library could not be updated:', error);
    return { ...result, entry: null };
  }
}
