/** Any source the user names (nothing, a file path, a URL) to a LoadResult. */
import { isAbsolute, resolve } from 'node:path';
import type { ArticleSource, LoadResult } from '../../shared/api.js';
import type { Settings } from '../../shared/settings.js';
import { articleFromBytes, loadArticleFile, type FromBytesOptions, type ReadingOptions } from './loadArticleFile.js';
import { loadArticleUrl } from './loadArticleUrl.js';
import { titleFromFirstLine } from './pastedTitle.js';
import { loadWelcomeArticle } from './welcomeArticle.js';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//iu;

/** npm runs scripts from the package folder; INIT_CWD is where the user typed the command. Addresses pass unchanged. */
export function resolveUserPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return isAbsolute(path) || URL_LIKE.test(path) ? path : resolve(env.INIT_CWD ?? process.cwd(), path);
}

export { loadArticleUrl };
export type { ReadingOptions };

/** Reading options with a long document's streaming: its first part and progress (hooks), and the stop (signal). */
export type StreamingOptions = ReadingOptions & Pick<FromBytesOptions, 'hooks' | 'signal'>;

/** The listener's settings that shape what extraction reads of a document (a book's image descriptions); notes are placed later (rememberInLibrary). */
export function readingOptionsOf(settings: Pick<Settings, 'readImageDescriptions'>): ReadingOptions {
  return { imageDescriptions: settings.readImageDescriptions };
}

/**
 * What the user named on the command line: nothing (the welcome article), an address, or a file path. A
 * long PDF or book streams with `hooks`, as from the Open dialog.
 */
export async function loadArticleSource(source: string | null, options: StreamingOptions = {}): Promise<LoadResult> {
  if (!source) return loadWelcomeArticle();
  if (URL_LIKE.test(source)) return loadArticleUrl(source, options);
  return loadArticleFile(resolveUserPath(source), options);
}

/** What the renderer hands over: an address, pasted text, or a picked or dropped file's bytes (never a path). */
export async function loadRendererSource(source: ArticleSource, options: StreamingOptions = {}): Promise<LoadResult> {
  switch (source.type) {
    case 'url':
      return loadArticleUrl(source.url.trim(), options);
    case 'text': {
      const name = source.html ? 'Pasted page' : 'Pasted text';
      const result = await articleFromBytes(new TextEncoder().encode(source.text), `${name}.${source.html ? 'html' : 'txt'}`, null, { charsetHint: 'utf-8', format: source.html ? 'html' : undefined });
      // No title found in it (the file name's stands in): its first line names it.
      if (result.ok && result.article.title === name) result.article.title = titleFromFirstLine(result.article) ?? name;
      return result;
    }
    case 'file':
      return articleFromBytes(source.bytes, source.name, null, options);
  }
}
