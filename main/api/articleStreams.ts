/**
 * Opening a document that may be long (issue 23, 5): the open answers with the first part as soon as it
 * is read, with a stream id; the rest arrives as `articleStream` events (progress, growth, the end). The
 * whole article is kept in the library only when it is complete; a partial one never is. Opening
 * something else stops the stream (its extraction is ended), so two documents never mix. A document
 * already in the library opens with its entry and, when its saved place lies beyond the first part, that
 * place (and its page) on the stream: the reader goes there when it arrives (shared/resumePlace.ts).
 */
import { randomUUID } from 'node:crypto';
import type { LoadResult } from '../../shared/api.js';
import type { Article, Block } from '../../shared/article.js';
import type { LibraryEntry } from '../../shared/library.js';
import { keptBlocks, type ArticleStreamEvent, type StreamProgress } from '../../shared/articleStream.js';
import type { ArticleWithNotes } from '../../shared/notes.js';
import type { StreamHooks } from '../article/streamParts.js';

export interface StreamDeps {
  emit: (event: ArticleStreamEvent) => void;
  /** The whole article into the library (notes placed), as for any open. */
  remember: (result: LoadResult) => Promise<LoadResult>;
  /** Progress events at most this often (the last one always goes). */
  progressEveryMs?: number;
  /** The library's entry for a document opened again, and the page label at its saved place. */
  savedPlace?: (first: Article) => Promise<{ entry: LibraryEntry; page: string | null } | null>;
}

export type StreamedLoad = (hooks: StreamHooks, signal: AbortSignal) => Promise<LoadResult>;

export class ArticleStreams {
  private current: AbortController | null = null;
  /** The last stream's state as the reader that follows it has it: what was shown, the progress, or the end. */
  private latestState: { id: string; result: LoadResult } | null = null;

  constructor(private readonly deps: StreamDeps) {}

  /** Stops the document being streamed, if any: no more of it arrives, and it is not kept. */
  cancel(): void {
    this.current?.abort();
    this.current = null;
  }

  /**
   * Loads with streaming: resolves with the first part (carrying `stream`) or, for a short document, the
   * whole. `place` makes a part what the listener will see (its notes placed by the listener's rule).
   */
  /**
   * A first part answered a while ago (the browser host reads its initial article before the page asks):
   * the stream as it stands now, so a reader that follows it from here misses no growth (the article as
   * shown, or the whole one, kept, once complete). Anything else is returned as it is.
   */
  latest(result: LoadResult): LoadResult {
    const id = result.ok ? result.stream?.id : undefined;
    return id && this.latestState?.id === id ? this.latestState.result : result;
  }

  open(load: StreamedLoad, place: (article: ArticleWithNotes) => Article): Promise<LoadResult> {
    this.cancel();
    const controller = new AbortController();
    this.current = controller;
    const { signal } = controller;
    const id = randomUUID();
    const { emit, remember } = this.deps;
    const every = this.deps.progressEveryMs ?? 250;
    let shown: Block[] | null = null;
    let progress: StreamProgress | null = null;
    let lastProgressAt = 0;
    /** What follows the first part waits for its answer (the library is asked for a saved place first), so events keep their order. */
    let after: Promise<unknown> = Promise.resolve();
    const then = (step: () => unknown) => (after = after.then(step).catch(() => undefined));
    /** The first part as answered, kept up to date with the events sent since (for latest()). */
    let followed: Extract<LoadResult, { ok: true }> | null = null;
    const track = (result: LoadResult) => {
      if (this.current === controller || this.latestState?.id === id) this.latestState = { id, result };
    };
    const send = (event: ArticleStreamEvent) => {
      emit(event);
      if (!followed) return;
      if (event.complete) return track({ ok: true, article: event.complete.article, entry: event.complete.entry });
      const stream = { ...followed.stream!, done: event.done, total: event.total, unit: event.unit };
      followed = { ...followed, article: event.blocks ? { ...followed.article, blocks: shown ?? followed.article.blocks } : followed.article, stream };
      track(followed);
    };
    return new Promise<LoadResult>((resolve) => {
      const hooks: StreamHooks = {
        onPart: (part, at) => {
          if (signal.aborted) return;
          progress = at;
          const article = place(part);
          if (!shown) {
            shown = article.blocks;
            const blockCount = article.blocks.length;
            then(async () => {
              const saved = await this.deps.savedPlace?.(article).catch(() => null);
              const position = saved?.entry.position;
              const beyond = position && position.blockIndex >= blockCount ? { place: { ...position, page: saved!.page } } : {};
              followed = { ok: true, article, entry: saved?.entry ?? null, stream: { id, ...at, ...beyond } };
              track(followed);
              resolve(followed);
            });
            return;
          }
          const blocks = article.blocks;
          then(() => {
            if (signal.aborted) return;
            const keep = keptBlocks(shown!, blocks);
            shown = blocks;
            send({ streamId: id, ...at, keep, blocks: blocks.slice(keep) });
          });
        },
        onProgress: (at) => {
          if (signal.aborted) return;
          progress = at;
          const now = Date.now();
          if (!shown || (now - lastProgressAt < every && at.done < at.total)) return;
          lastProgressAt = now;
          then(() => !signal.aborted && send({ streamId: id, ...at }));
        },
      };
      const finish = async (result: LoadResult) => {
        if (this.current === controller) this.current = null;
        if (!shown) return resolve(signal.aborted ? { ok: false, message: result.ok ? 'Another article was opened.' : result.message } : await remember(result));
        await after;
        if (signal.aborted) return;
        const at = progress ?? { done: 0, total: 0, unit: 'page' as const };
        if (!result.ok) return send({ streamId: id, ...at, error: result.message });
        const kept = await remember(result);
        if (!kept.ok) return send({ streamId: id, ...at, error: kept.message });
        send({ streamId: id, ...at, done: at.total, keep: keptBlocks(shown, kept.article.blocks), complete: { article: kept.article, entry: kept.entry ?? null } });
      };
      load(hooks, signal).then(finish, (error: unknown) => finish({ ok: false, message: `The document could not be read (${(error as Error).message}).` }));
    });
  }
}
