/** The library with 1,000 articles (bench part `library`): how long its two operations, listing and searching, take. */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryStore } from '../store/LibraryStore.js';
import { summarize, type Summary } from './support.js';

/** Library with many articles: how long listing and searching take (the library view's two operations). */
export async function runLibraryBench(entries: number, runs: number): Promise<{ open: Summary; search: Summary }> {
  const library = new LibraryStore(mkdtempSync(join(tmpdir(), 'article-player-bench-library-')));
  const words = ['river', 'council', 'park', 'bread', 'starter', 'planet', 'music', 'garden', 'election', 'science'];
  const seed = Array.from({ length: entries }, (_, i) => ({
    id: createHash('sha256').update(String(i)).digest('hex').slice(0, 20),
    title: `${words[i % 10]} ${words[(i * 7) % 10]} story number ${i}`,
    byline: `Writer ${i % 37}`,
    source: `https://example${i % 13}.test/${i}`,
    lang: 'en',
    blockCount: 20,
    wordCount: 1500,
    addedAt: new Date(2026, 0, 1 + (i % 300)).toISOString(),
    openedAt: new Date(2026, 0, 1 + (i % 300), i % 24).toISOString(),
    position: { blockIndex: i % 20, sentenceIndex: 0 },
  }));
  await library.index.update(() => seed);
  const open: number[] = [];
  const search: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    await library.list('', 'recent');
    open.push(performance.now() - started);
    started = performance.now();
    await library.list('garden story', 'title');
    search.push(performance.now() - started);
  }
  return { open: summarize(open), search: summarize(search) };
}

