/** Any source the user names (nothing, a file path, a URL) to a LoadResult. */
import { isAbsolute, resolve } from 'node:path';
import type { LoadResult } from '../../shared/api.js';
import { loadArticleFile } from './loadArticleFile.js';
import { loadWelcomeArticle } from './welcomeArticle.js';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//iu;

/** npm runs scripts from the package folder; INIT_CWD is where the user typed the command. Addresses pass unchanged. */
export function resolveUserPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return isAbsolute(path) || URL_LIKE.test(path) ? path : resolve(env.INIT_CWD ?? process.cwd(), path);
}

export async function loadArticleSource(source: string | null): Promise<LoadResult> {
  if (!source) return loadWelcomeArticle();
  if (URL_LIKE.test(source)) {
    if (!/^https?:\/\//iu.test(source)) return { ok: false, message: `Only http and https addresses can be opened, not ${source.split(':')[0]}.` };
    return { ok: false, message: `Opening web addresses is not available in this version yet. Save the page as an HTML file and open the file instead.` };
  }
  return loadArticleFile(resolveUserPath(source));
}
