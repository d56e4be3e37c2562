/**
 * Evaluation sources besides WCXB, collected by others, stored compactly in main/bench/data/<source>/
 * (each with its licence and a README saying where it came from and how it was converted). Only the
 * bench reads them; no test does, and no page of them is used in training or tuning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BenchPage } from './extraction.js';
import { REPO_ROOT } from './paths.js';

export interface EvaluationSource {
  name: string;
  what: string;
  file: string;
}

export const EVALUATION_SOURCES: EvaluationSource[] = [
  {
    name: 'readability',
    what: "Mozilla Readability's test pages (test/test-pages: source.html, expected.html, expected-metadata.json; Apache-2.0)",
    file: join(REPO_ROOT, 'main', 'bench', 'data', 'readability', 'pages.json.gz'),
  },
];

/** The source's pages, their `split` set to the source's name; pages without expected text are left out. */
export function readSourcePages(source: EvaluationSource): BenchPage[] {
  if (!existsSync(source.file)) return [];
  const pages = JSON.parse(gunzipSync(readFileSync(source.file)).toString('utf8')) as Array<Omit<BenchPage, 'split'>>;
  return pages.filter((page) => page.truth.text.trim() !== '').map((page) => ({ ...page, split: source.name }));
}
