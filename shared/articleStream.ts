/**
 * A long document streamed into an open reader (issue 23, 5): its first pages (or chapters) open at once
 * and the rest follows. These are the decisions both sides share, as plain functions: what part of the
 * blocks already shown stays, how the article grows, and what the progress display and the screen reader say.
 */
import type { Article, Block } from './article.js';
import type { LibraryEntry } from './library.js';
import type { SavedPlace } from './resumePlace.js';

/** 'part': a huge web page, its head shown first and the whole page after (one more part). */
export type StreamUnit = 'page' | 'chapter' | 'part';

/** How far reading a streamed document has got. */
export interface StreamProgress {
  done: number;
  total: number;
  unit: StreamUnit;
}

/**
 * On an opened article whose rest is still being read: the stream its growth arrives on, and the saved
 * place of the document in the library (with its page label) when it lies beyond the part that opened.
 */
export interface StreamState extends StreamProgress {
  id: string;
  place?: SavedPlace;
}

/**
 * An `articleStream` event: progress, and possibly growth (the first `keep` blocks shown stay, `blocks`
 * follow them), the end (`complete`: the whole article, kept in the library; its first `keep` blocks are
 * the ones shown) or a failure (`error`: what arrived stays readable; nothing is saved).
 */
export interface ArticleStreamEvent extends StreamProgress {
  streamId: string;
  keep?: number;
  blocks?: Block[];
  complete?: { article: Article; entry: LibraryEntry | null };
  error?: string;
}

function sameBlock(a: Block, b: Block): boolean {
  return a === b || (a.kind === b.kind && a.text === b.text && a.page === b.page && a.chapter === b.chapter && a.lang === b.lang);
}

/** How many leading blocks of `shown` the next reading of the document leaves as they are. */
export function keptBlocks(shown: readonly Block[], next: readonly Block[]): number {
  const end = Math.min(shown.length, next.length);
  let i = 0;
  while (i < end && sameBlock(shown[i]!, next[i]!)) i++;
  return i;
}

/**
 * The blocks to show after a part arrived: the kept ones (the same objects, so the reader and the player
 * see they did not change), then the part's from there on.
 */
export function grownBlocks(shown: readonly Block[], keep: number, following: readonly Block[]): Block[] {
  return [...shown.slice(0, Math.min(keep, shown.length)), ...following];
}

/** What the progress display shows while a document is read: "Reading page 40 of 506". */
export function streamLabel({ done, total, unit }: StreamProgress): string {
  if (unit === 'part') return 'Reading the rest of the page';
  return `Reading ${unit} ${Math.min(done, total)} of ${total}`;
}

/** Said once when the whole document has been read. */
export function streamCompleteMessage({ total, unit }: StreamProgress): string {
  if (unit === 'part') return 'The whole page has been read.';
  return total === 1 ? `The whole document has been read (1 ${unit}).` : `The whole document has been read: all ${total} ${unit}s.`;
}

/** Said when reading stops part way: what failed, and that what arrived stays. */
export function streamFailedMessage({ done, total, unit }: StreamProgress, error: string): string {
  if (unit === 'part') return `Reading the rest of the page stopped: ${error} Its start stays open.`;
  return `Reading stopped at ${unit} ${Math.min(done, total)} of ${total}: ${error} The ${unit}s read so far stay open.`;
}
