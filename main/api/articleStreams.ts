/**
 * Opening a document that may be long (issue 23, 5): the open answers with the first part as soon as it
 * is read, with a stream id; the rest arrives as `articleStream` events (progress, growth, the end). The
 * whole article is kept in the library only when it is complete; a partial one never is. Opening
 * something else stops the stream (its extraction is ended), so two documents never mix.
 */
import { randomUUID } from 'node:crypto';
import type { LoadResult } from '../../shared/api.js';
import type { Article, Block } from '../../shared/article.js';
import { keptBlocks, type ArticleStreamEvent, type StreamProgress } from '../../shared/articleStream.js';
import type { ArticleWithNotes } from '../../shared/notes.js';
import type { StreamHooks } from '../article/streamParts.js';

export interface StreamDeps {
  emit: (event: ArticleStreamEvent) => void;
  /** The whole article into the library (notes placed), as for any open. */
  remember: (result: LoadResult) => Promise<LoadResult>;
  /** Progress events at most this often (the last one always goes). */
  progressEveryMs?: number;
}

export type StreamedLoad = (hooks: StreamHooks, signal: AbortSignal) => Promise<LoadResult>;

export class ArticleStreams {
  private current: AbortController | null = null;

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
    return new Promise<LoadResult>((resolve) => {
      const hooks: StreamHooks = {
        onPart: (part, at) => {
          if (signal.aborted) return;
          progress = at;
          const article = place(part);
          if (!shown) {
            shown = article.blocks;
            resolve({ ok: true, article, entry: null, stream: { id, ...at } });
            return;
          }
          const keep = keptBlocks(shown, article.blocks);
          emit({ streamId: id, ...at, keep, blocks: article.blocks.slice(keep) });
          shown = article.blocks;
        },
        onProgress: (at) => {
          if (signal.aborted) return;
          progress = at;
          const now = Date.now();
          if (!shown || (now - lastProgressAt < every && at.done < at.total)) return;
          lastProgressAt = now;
          emit({ streamId: id, ...at });
        },
      };
      const finish = async (result: LoadResult) => {
        if (this.current === controller) this.current = null;
        if (!shown) return resolve(signal.aborted ? { ok: false, message: result.ok ? 'Another article was opened.' : result.message } : await remember(result));
        if (signal.aborted) return;
        const at = progress ?? { done: 0, total: 0, unit: 'page' as const };
        if (!result.ok) return emit({ streamId: id, ...at, error: result.message });
        const kept = await remember(result);
        if (!kept.ok) return emit({ streamId: id, ...at, error: kept.message });
        emit({ streamId: id, ...at, done: at.total, keep: keptBlocks(shown, kept.article.blocks), complete: { article: kept.article, entry: kept.entry ?? null } });
      };
      load(hooks, signal).then(finish, (error: unknown) => finish({ ok: false, message: `The document could not be read (${(error as Error).message}).` }));
    });
  }
}
