/**
 * Every opened article: an index (library.json: titles, sources, positions) that lists and searches
 * fast, and one file per article with its extracted text (articles/<id>.json) so it opens offline.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { articleWordCount, BLOCK_KINDS, restoreHiddenBlock, type Article } from '../../shared/article.js';
import { matchesQuery, sortEntries, type LibraryEntry, type LibrarySort, type ReadingPosition } from '../../shared/library.js';
import { JsonFile } from './JsonFile.js';

/** The same URL or file reopens the same entry; pasted text is known by its content. */
export function articleId(article: Article): string {
  const key = article.source ?? `${article.title}\n${article.blocks.map((b) => b.text).join('\n')}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}

function isEntry(value: unknown): value is LibraryEntry {
  const entry = value as LibraryEntry;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.id === 'string' &&
    /^[0-9a-f]{20}$/u.test(entry.id) &&
    typeof entry.title === 'string' &&
    typeof entry.openedAt === 'string' &&
    typeof entry.position?.blockIndex === 'number' &&
    typeof entry.position.sentenceIndex === 'number'
  );
}

function isArticle(value: unknown): value is Article {
  const article = value as Article;
  return (
    typeof article === 'object' &&
    article !== null &&
    typeof article.title === 'string' &&
    Array.isArray(article.blocks) &&
    article.blocks.every((b) => typeof b?.text === 'string' && (BLOCK_KINDS as readonly string[]).includes(b.kind))
  );
}

/** Text the user brought back into a saved article is brought back again when the page is extracted anew. */
function reapplyRestored(article: Article, previous: Article | null): Article {
  if (!previous?.hidden) return article;
  const kept = new Set(previous.blocks.map((block) => block.text));
  let current = article;
  for (;;) {
    const index = (current.hidden ?? []).findIndex((block) => kept.has(block.text));
    const restored = index >= 0 ? restoreHiddenBlock(current, index) : null;
    if (!restored) return current;
    current = restored.article;
  }
}

export class LibraryStore {
  readonly index: JsonFile<LibraryEntry[]>;
  /** The entries the last `remove` took out, for `restore`. */
  private lastRemoved: RemovedArticle[] = [];

  constructor(private readonly dataDirectory: string) {
    this.index = new JsonFile<LibraryEntry[]>({
      path: join(dataDirectory, 'library.json'),
      version: 1,
      label: 'library',
      defaults: () => [],
      normalize: (data) => {
        if (!Array.isArray(data)) throw new Error('not a list');
        return data.filter(isEntry); // one damaged entry does not cost the others
      },
    });
  }

  private articleFile(id: string): JsonFile<Article | null> {
    return new JsonFile<Article | null>({
      path: join(this.dataDirectory, 'articles', `${id}.json`),
      version: 1,
      label: 'saved article',
      defaults: () => null,
      normalize: (data) => {
        if (!isArticle(data)) throw new Error('not an article');
        return data;
      },
    });
  }

  /** Adds or refreshes an article; an article opened before keeps its reading position. */
  async record(extracted: Article, now = new Date()): Promise<LibraryEntry> {
    return (await this.recordArticle(extracted, now)).entry;
  }

  /** Like record, also giving the article as kept (with text the user brought back before). */
  async recordArticle(extracted: Article, now = new Date()): Promise<{ article: Article; entry: LibraryEntry }> {
    const id = articleId(extracted);
    let article = extracted;
    await this.articleFile(id).update((previous) => (article = reapplyRestored(extracted, previous)));
    let recorded: LibraryEntry | undefined;
    await this.index.update((entries) => {
      const previous = entries.find((entry) => entry.id === id);
      const sameText = previous && previous.blockCount === article.blocks.length;
      recorded = {
        id,
        title: article.title,
        byline: article.byline,
        source: article.source,
        lang: article.lang,
        blockCount: article.blocks.length,
        wordCount: articleWordCount(article),
        addedAt: previous?.addedAt ?? now.toISOString(),
        openedAt: now.toISOString(),
        // A page that changed since it was last read starts again from the top.
        position: sameText ? previous.position : { blockIndex: 0, sentenceIndex: 0 },
      };
      return [recorded, ...entries.filter((entry) => entry.id !== id)];
    });
    return { article, entry: recorded! };
  }

  async list(query = '', sort: LibrarySort = 'recent'): Promise<LibraryEntry[]> {
    const entries = await this.index.read();
    return sortEntries(query.trim() ? entries.filter((entry) => matchesQuery(entry, query)) : entries, sort);
  }

  /** A saved article with its entry; `touch: false` reads it without making it the most recently opened (a prefetch). */
  async open(id: string, { touch = true } = {}): Promise<{ article: Article; entry: LibraryEntry } | null> {
    const entry = (await this.index.read()).find((e) => e.id === id);
    if (!entry) return null;
    const article = await this.articleFile(id).read();
    if (!article) return null;
    return { article, entry: (touch ? await this.touch(id) : undefined) ?? entry };
  }

  /**
   * The entry of an article being opened again (a long document whose first part has arrived: its source
   * names it) and its saved place, with the page label of the block there from the kept text; null when
   * it is not in the library.
   */
  async savedPlaceOf(article: Article): Promise<{ entry: LibraryEntry; page: string | null } | null> {
    const id = articleId(article);
    const entry = (await this.index.read()).find((e) => e.id === id);
    if (!entry) return null;
    if (entry.position.blockIndex <= 0) return { entry, page: null };
    const kept = await this.articleFile(id).read().catch(() => null);
    return { entry, page: kept?.blocks[entry.position.blockIndex]?.page ?? null };
  }

  private async touch(id: string): Promise<LibraryEntry | undefined> {
    let touched: LibraryEntry | undefined;
    await this.index.update((entries) =>
      entries.map((entry) => (entry.id === id ? (touched = { ...entry, openedAt: new Date().toISOString() }) : entry)),
    );
    return touched;
  }

  /** Brings a hidden block back into the saved article, keeping the reader's place (shifted past the new block). */
  async restoreHidden(id: string, hiddenIndex: number, position: ReadingPosition): Promise<{ article: Article; entry: LibraryEntry } | null> {
    let restored: { article: Article; insertedAt: number } | null = null;
    await this.articleFile(id).update((article) => {
      restored = article ? restoreHiddenBlock(article, hiddenIndex) : null;
      return restored?.article ?? article;
    });
    const done = restored as { article: Article; insertedAt: number } | null;
    if (!done) return null;
    let entry: LibraryEntry | undefined;
    await this.index.update((entries) =>
      entries.map((candidate) => {
        if (candidate.id !== id) return candidate;
        const blockIndex = position.blockIndex >= done.insertedAt ? position.blockIndex + 1 : position.blockIndex;
        entry = { ...candidate, blockCount: done.article.blocks.length, wordCount: articleWordCount(done.article), position: { blockIndex, sentenceIndex: position.sentenceIndex } };
        return entry;
      }),
    );
    return entry ? { article: done.article, entry } : null;
  }

  async savePosition(id: string, position: ReadingPosition): Promise<boolean> {
    let found = false;
    await this.index.update((entries) =>
      entries.map((entry) => {
        if (entry.id !== id) return entry;
        found = true;
        const blockIndex = Math.min(Math.max(0, Math.floor(position.blockIndex)), Math.max(0, entry.blockCount - 1));
        return { ...entry, position: { blockIndex, sentenceIndex: Math.max(0, Math.floor(position.sentenceIndex)) } };
      }),
    );
    return found;
  }

  /**
   * Removes entries and their saved text. The last removal of chosen entries (not "all", which is
   * confirmed first) is kept in memory, so `restore` can undo it while the app runs.
   */
  async remove(ids: readonly string[] | 'all'): Promise<number> {
    const kept: RemovedArticle[] = [];
    if (ids !== 'all') {
      const wanted = new Set(ids);
      for (const entry of await this.index.read()) {
        if (wanted.has(entry.id)) kept.push({ entry, article: await this.articleFile(entry.id).read().catch(() => null) });
      }
    }
    let removed: string[] = [];
    await this.index.update((entries) => {
      removed = entries.filter((entry) => ids === 'all' || ids.includes(entry.id)).map((entry) => entry.id);
      return entries.filter((entry) => !removed.includes(entry.id));
    });
    await Promise.all(removed.map((id) => rm(join(this.dataDirectory, 'articles', `${id}.json`), { force: true })));
    this.lastRemoved = kept.filter(({ entry, article }) => article !== null && removed.includes(entry.id));
    return removed.length;
  }

  /** Undoes the last removal for these ids: the entries come back with their text and reading position. */
  async restore(ids: readonly string[]): Promise<LibraryEntry[]> {
    const back = this.lastRemoved.filter(({ entry }) => ids.includes(entry.id));
    if (back.length === 0) return [];
    this.lastRemoved = this.lastRemoved.filter((removed) => !back.includes(removed));
    for (const { entry, article } of back) await this.articleFile(entry.id).update(() => article);
    await this.index.update((entries) => {
      const present = new Set(entries.map((entry) => entry.id));
      return [...entries, ...back.map(({ entry }) => entry).filter((entry) => !present.has(entry.id))];
    });
    return back.map(({ entry }) => entry);
  }
}

/** An entry removed a moment ago, with its text, kept for undo. */
interface RemovedArticle {
  entry: LibraryEntry;
  article: Article | null;
}
