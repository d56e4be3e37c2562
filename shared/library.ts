/** The library: every article opened, with where reading stopped. */

export interface ReadingPosition {
  blockIndex: number;
  sentenceIndex: number;
}

export interface LibraryEntry {
  id: string;
  title: string;
  byline: string | null;
  source: string | null;
  lang: string | null;
  blockCount: number;
  wordCount: number;
  /** ISO times. */
  addedAt: string;
  openedAt: string;
  position: ReadingPosition;
}

export type LibrarySort = 'recent' | 'title';

/** Case- and accent-insensitive match of every word of `query` in the title, byline or source. */
export function matchesQuery(entry: Pick<LibraryEntry, 'title' | 'byline' | 'source'>, query: string): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const haystack = fold(`${entry.title} ${entry.byline ?? ''} ${entry.source ?? ''}`);
  return fold(query)
    .split(/\s+/u)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export function sortEntries(entries: readonly LibraryEntry[], sort: LibrarySort): LibraryEntry[] {
  const sorted = [...entries];
  if (sort === 'title') sorted.sort((a, b) => a.title.localeCompare(b.title));
  else sorted.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  return sorted;
}
