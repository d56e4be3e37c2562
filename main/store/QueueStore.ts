/**
 * The listening queue, persisted in queue.json with the library's guarantees (JsonFile: atomic writes,
 * a lock shared by windows, a damaged file set aside with a message). Every change is written at once, so
 * a crash or a kill loses none. The queue holds library ids only; titles and positions come from the
 * library when the queue is shown, so they are never out of date.
 */
import { join } from 'node:path';
import {
  addToQueue,
  advanceQueue,
  clearQueue,
  EMPTY_QUEUE,
  moveInQueue,
  nextInQueue,
  normalizeQueue,
  previousInQueue,
  putBackInQueue,
  removeFromQueue,
  retreatQueue,
  type AddOutcome,
  type QueuePlacement,
  type QueuePlaces,
  type QueueState,
  type QueueView,
} from '../../shared/queue.js';
import { JsonFile } from './JsonFile.js';
import type { LibraryStore } from './LibraryStore.js';

const isLibraryId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{20}$/u.test(value);

export class QueueStore {
  readonly file: JsonFile<QueueState>;

  constructor(
    dataDirectory: string,
    private readonly library: LibraryStore,
  ) {
    this.file = new JsonFile<QueueState>({
      path: join(dataDirectory, 'queue.json'),
      version: 1,
      label: 'queue',
      defaults: () => structuredClone(EMPTY_QUEUE),
      normalize: (data) => normalizeQueue(data, isLibraryId),
    });
  }

  read(): Promise<QueueState> {
    return this.file.read();
  }

  /** Joined with the library; an article removed from the library no longer shows (and is dropped at the next change). */
  async view(currentId: string | null = null, state?: QueueState): Promise<QueueView> {
    const queue = state ?? (await this.read());
    const byId = new Map((await this.library.list()).map((entry) => [entry.id, entry]));
    const upNext = queue.upNext.flatMap((id) => byId.get(id) ?? []);
    const previousId = previousInQueue({ ...queue, history: queue.history.filter((id) => byId.has(id)) }, currentId);
    return { upNext, previous: previousId ? byId.get(previousId)! : null };
  }

  private async change(change: (state: QueueState, known: Set<string>) => QueueState): Promise<QueueState> {
    const known = new Set((await this.library.list()).map((entry) => entry.id));
    return this.file.update((state) => {
      const next = change(state, known);
      // Articles removed from the library leave the queue with the next change.
      return { upNext: next.upNext.filter((id) => known.has(id)), history: next.history.filter((id) => known.has(id)) };
    });
  }

  async add(id: string, placement: QueuePlacement): Promise<{ state: QueueState; outcome: AddOutcome }> {
    let outcome: AddOutcome = 'added';
    const state = await this.change((current) => {
      const added = addToQueue(current, id, placement);
      outcome = added.outcome;
      return added.state;
    });
    return { state, outcome };
  }

  move(id: string, toIndex: number): Promise<QueueState> {
    return this.change((state) => moveInQueue(state, id, toIndex));
  }

  remove(ids: readonly string[]): Promise<QueueState> {
    return this.change((state) => removeFromQueue(state, ids));
  }

  /** Puts articles back at the places they had (undoing their removal from the library). */
  putBack(places: QueuePlaces): Promise<QueueState> {
    return this.change((state) => putBackInQueue(state, places));
  }

  clear(): Promise<QueueState> {
    return this.change(clearQueue);
  }

  /** Which article comes after (or before) the open one, without changing anything. */
  async neighbour(currentId: string | null, direction: 'next' | 'previous'): Promise<string | null> {
    const state = await this.read();
    const known = new Set((await this.library.list()).map((entry) => entry.id));
    const live = { upNext: state.upNext.filter((id) => known.has(id)), history: state.history.filter((id) => known.has(id)) };
    return direction === 'next' ? nextInQueue(live, currentId) : previousInQueue(live, currentId);
  }

  /** Makes `toId` the open article, forward (it leaves the queue) or back (the open one returns to the queue's front). */
  step(currentId: string | null, toId: string, direction: 'next' | 'previous'): Promise<QueueState> {
    return this.change((state) => (direction === 'next' ? advanceQueue(state, currentId, toId) : retreatQueue(state, currentId, toId)));
  }
}
