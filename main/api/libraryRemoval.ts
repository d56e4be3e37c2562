/**
 * Removing articles from the library, and undoing it: a removed article leaves the queue at once (so it
 * never plays after it was removed), and Undo brings it back into the library with its text and place
 * and into the queue where it stood.
 */
import type { ApiHandlers } from '../../shared/api.js';
import { queuePlaces, type QueuePlaces } from '../../shared/queue.js';
import type { LibraryStore } from '../store/LibraryStore.js';
import type { QueueStore } from '../store/QueueStore.js';

export function createLibraryRemoval(library: LibraryStore, queue: QueueStore): Pick<ApiHandlers, 'removeLibraryEntries' | 'restoreLibraryEntries'> {
  /** Where the last removed articles stood in the queue. */
  let places: QueuePlaces = { upNext: [], history: [] };
  return {
    async removeLibraryEntries({ ids }) {
      const chosen = ids === 'all' ? (await library.list()).map((entry) => entry.id) : ids;
      const before = await queue.read();
      const removed = await library.remove(ids);
      places = ids === 'all' ? { upNext: [], history: [] } : queuePlaces(before, chosen);
      await queue.remove(chosen);
      return { removed };
    },
    async restoreLibraryEntries({ ids }) {
      const restored = await library.restore(ids);
      const back = new Set(restored.map((entry) => entry.id));
      if (back.size > 0) {
        await queue.putBack({ upNext: places.upNext.filter(({ id }) => back.has(id)), history: places.history.filter(({ id }) => back.has(id)) });
      }
      return { restored };
    },
  };
}
