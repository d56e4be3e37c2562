/**
 * An article that grows while it is read (a long document streamed in, issue 23, 5). Each grown article
 * is a new object (React sees the change), made of the kept blocks (the same objects) and the new ones;
 * all of them lead back to the article that opened, so the player goes on instead of starting over.
 */
import type { Article, Block } from '../../../shared/article';
import { grownBlocks } from '../../../shared/articleStream';

const openedAs = new WeakMap<Article, Article>();
const stillReading = new WeakSet<Article>();

/** The article that opened this reading: itself, or the one it grew from. */
export function readingOf(article: Article): Article {
  return openedAs.get(article) ?? article;
}

/** Whether more of this article is still being read (its first part opened; the rest follows). */
export function isStillReading(article: Article): boolean {
  return stillReading.has(article);
}

/** Marks an article that opened with only its first part. */
export function markStillReading(article: Article): Article {
  stillReading.add(article);
  return article;
}

/**
 * The article with `following` after its first `keep` blocks. `whole` (the complete article, when reading
 * ended) gives the fields other than the blocks; without it, more is still to come unless `ended`.
 */
export function growArticle(article: Article, keep: number, following: readonly Block[], whole?: Article, ended = false): Article {
  const grown: Article = { ...(whole ?? article), blocks: grownBlocks(article.blocks, keep, following) };
  openedAs.set(grown, readingOf(article));
  if (!whole && !ended) stillReading.add(grown);
  return grown;
}
