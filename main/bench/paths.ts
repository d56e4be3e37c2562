/** Where the bench finds the repository's built app and the corpus beside the repository. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: two folders up from this module, both as main/bench/paths.ts and built into out/main/. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built renderer the browser host serves, and the built app (`npm run bench` builds first). */
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
export const START_SCRIPT = join(REPO_ROOT, 'out', 'main', 'start.js');

/**
 * The WCXB dev split given to the team beside the repository (BENCH_CORPUS names another place). Only
 * 25 of its pages are in the repository, for the tests; the bench and training use the whole split.
 */
export const CORPUS_DIR = process.env.BENCH_CORPUS ?? join(REPO_ROOT, '..', 'shared', 'corpus', 'wcxb-dev-articles');

/** Null when the corpus is there, otherwise the one line that says so. */
export function corpusMissing(corpusDir = CORPUS_DIR): string | null {
  return existsSync(join(corpusDir, 'html')) && existsSync(join(corpusDir, 'ground-truth'))
    ? null
    : `the WCXB corpus is not at ${corpusDir} (it lives beside the repository, not in it; BENCH_CORPUS names another place)`;
}
