/** The built-in welcome article, written for this product: listening to it is the tutorial. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../../shared/api.js';
import { loadArticleFile } from './loadArticleFile.js';

/** assets/ sits two levels above the built file (out/main/*.js) and the source file (main/article/*.ts). */
export const WELCOME_ARTICLE_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'welcome.md');

export async function loadWelcomeArticle(): Promise<LoadResult> {
  const result = await loadArticleFile(WELCOME_ARTICLE_PATH);
  if (result.ok) result.article.source = null; // it is part of the app, not a file the user opened
  return result;
}
