/**
 * A long document read in parts (issue 23, 5): the extractor hands over the article of its first pages
 * (or chapters) as soon as they are read, then larger parts, then the whole; and says how far it has got.
 * Each part is the article of everything read so far, so the last one is the whole document as the
 * extractor would give it unstreamed.
 */
import type { StreamProgress } from '../../shared/articleStream.js';
import type { ArticleWithNotes } from '../../shared/notes.js';

export type { StreamProgress };

export interface StreamHooks {
  onPart: (article: ArticleWithNotes, progress: StreamProgress) => void;
  onProgress: (progress: StreamProgress) => void;
}

/** What the extraction worker sends before its reply: a part, or progress. */
export type StreamMessage = { stream: 'part'; article: ArticleWithNotes; progress: StreamProgress } | { stream: 'progress'; progress: StreamProgress };

export function isStreamMessage(message: unknown): message is StreamMessage {
  return typeof message === 'object' && message !== null && 'stream' in message;
}

/** Hooks that post each part and progress to a port (the worker's parent). */
export function postingHooks(post: (message: StreamMessage) => void): StreamHooks {
  return {
    onPart: (article, progress) => post({ stream: 'part', article, progress }),
    onProgress: (progress) => post({ stream: 'progress', progress }),
  };
}
