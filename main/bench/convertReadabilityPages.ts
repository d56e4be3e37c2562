/**
 * Converts Mozilla Readability's test pages (test/test-pages/<name>/source.html, expected.html,
 * expected-metadata.json of a checkout of github.com/mozilla/readability) into the one file the extraction
 * bench reads: main/bench/data/readability/pages.json.gz, an array of
 * `{ id, url, html, truth: { title, author, text } }`. The truth text is `pageText` of expected.html (the
 * variants file's block walker: one paragraph per block, blank lines between), the title and author are
 * expected-metadata.json's `title` and `byline`. Run once, by hand:
 *   npx tsx main/bench/convertReadabilityPages.ts <readability checkout> [variants file]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { REPO_ROOT } from './paths.js';

const [checkout, variantsArg] = process.argv.slice(2);
if (!checkout) {
  console.error('usage: tsx main/bench/convertReadabilityPages.ts <readability checkout> [variants file]');
  process.exit(1);
}
const variantsFile = variantsArg ?? join(REPO_ROOT, '..', 'shared', 'corpus', 'variants', 'pageVariants.mjs');
const { pageText } = (await import(pathToFileURL(variantsFile).href)) as { pageText: (document: Document) => string };

const dir = join(checkout, 'test', 'test-pages');
const pages = [];
for (const name of readdirSync(dir).sort()) {
  const folder = join(dir, name);
  if (!existsSync(join(folder, 'source.html')) || !existsSync(join(folder, 'expected.html'))) continue;
  const html = readFileSync(join(folder, 'source.html'), 'utf8');
  const expected = new JSDOM(readFileSync(join(folder, 'expected.html'), 'utf8'));
  const text = pageText(expected.window.document).trim();
  expected.window.close();
  const meta = existsSync(join(folder, 'expected-metadata.json'))
    ? (JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8')) as { title?: string | null; byline?: string | null })
    : {};
  // Readability's own tests open every page at this address.
  pages.push({ id: name, url: 'http://fakehost/test/page.html', html, truth: { title: meta.title ?? '', author: meta.byline ?? null, text } });
}
const out = join(REPO_ROOT, 'main', 'bench', 'data', 'readability', 'pages.json.gz');
writeFileSync(out, gzipSync(JSON.stringify(pages), { level: 9 }));
console.log(`${pages.length} pages -> ${out}`);
