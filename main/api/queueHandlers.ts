/**
 * The queue's and "continue listening"'s side of the API: the queue store joined with the library, articles
 * added from a source straight into the queue (loaded, extracted and kept in the library without opening
 * them), and the article to offer when the app starts with nothing given.
 */
import type { ApiHandlers, ApiParams, LoadResult } from '../../shared/api.js';
import type { LibraryEntry } from '../../shared/library.js';
import { loadRendererSource, type ReadingOptions } from '../article/loadArticleSource.js';
import type { LibraryStore } from '../store/LibraryStore.js';
import type { QueueStore } from '../store/QueueStore.js';
import { rememberInLibrary } from './rememberInLibrary.js';
import { DEFAULT_NOTE_PLACEMENT, type NotePlacement } from '../../shared/notes.js';

type QueueMethods = 'getQueue' | 'addToQueue' | 'moveInQueue' | 'removeFromQueue' | 'clearQueue' | 'peekQueue' | 'stepQueue' | 'getContinueListening';

const GONE = 'This article is no longer in the library, so it left the queue.';

/** Most recently opened first, skipping the article on screen and ones never started or read to the end (saved at the top). */
export function articleToContinue(entries: readonly LibraryEntry[], shownId: string | null): LibraryEntry | null {
  const started = (entry: LibraryEntry) => entry.position.blockIndex > 0 || entry.position.sentenceIndex > 0;
  return [...entries].sort((a, b) => b.openedAt.localeCompare(a.openedAt)).find((entry) => entry.id !== shownId && started(entry)) ?? null;
}

export function createQueueHandlers(
  library: LibraryStore,
  queue: QueueStore,
  notePlacement: () => Promise<NotePlacement> = async () => DEFAULT_NOTE_PLACEMENT,
  readingOptions: () => Promise<ReadingOptions> = async () => ({}),
) {
  /** Set by getInitialArticle: continue listening is offered only when the app opened with the welcome article. */
  let initial: { welcome: boolean; id: string | null } = { welcome: false, id: null };

  const load = async (id: string, touch: boolean): Promise<LoadResult> => {
    const opened = await library.open(id, { touch });
    return opened ? { ok: true, ...opened } : { ok: false, message: GONE };
  };

  const handlers: Pick<ApiHandlers, QueueMethods> = {
    getQueue: ({ currentId }) => queue.view(currentId),

    async addToQueue({ item, placement, currentId }: ApiParams<'addToQueue'>) {
      let entry: LibraryEntry | null;
      if (item.type === 'entry') {
        entry = (await library.list()).find((candidate) => candidate.id === item.id) ?? null;
        if (!entry) return { ok: false, message: GONE };
      } else {
        const loaded = await rememberInLibrary(library, await loadRendererSource(item.source, await readingOptions()), await notePlacement());
        if (!loaded.ok) return loaded;
        entry = loaded.entry ?? null;
        if (!entry) return { ok: false, message: 'The article was read, but the library could not keep it, so it cannot wait in the queue.' };
      }
      const { state, outcome } = await queue.add(entry.id, placement);
      if (outcome === 'full') return { ok: false, message: 'The queue is full. Remove some articles first.' };
      return { ok: true, queue: await queue.view(currentId, state), entry, outcome };
    },

    moveInQueue: async ({ id, toIndex, currentId }) => queue.view(currentId, await queue.move(id, toIndex)),
    removeFromQueue: async ({ ids, currentId }) => queue.view(currentId, await queue.remove(ids)),
    clearQueue: async ({ currentId }) => queue.view(currentId, await queue.clear()),

    async peekQueue({ currentId, direction }) {
      const id = await queue.neighbour(currentId, direction);
      return id ? load(id, false) : null;
    },

    async stepQueue({ currentId, toId, direction }) {
      const result = await load(toId, true);
      // An article that can no longer be opened leaves the queue rather than blocking it.
      const state = result.ok ? await queue.step(currentId, toId, direction) : await queue.remove([toId]);
      return { result, queue: await queue.view(result.ok ? toId : currentId, state) };
    },

    async getContinueListening() {
      if (!initial.welcome) return { entry: null };
      return { entry: articleToContinue(await library.list(), initial.id) };
    },
  };

  return {
    handlers,
    /** What the host opened with: a given article means the listener chose it, so nothing else is offered. */
    noteInitialArticle(result: LoadResult): LoadResult {
      // Only the built-in welcome article has no source (files and addresses always have one).
      initial = { welcome: result.ok && result.article.source === null, id: result.ok ? (result.entry?.id ?? null) : null };
      return result;
    },
  };
}
