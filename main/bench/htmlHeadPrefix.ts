/**
 * How often the head of a huge page (main/article/html/htmlHead.ts) reads as the start of the whole page:
 * WCXB pages made long by repeating their body until it holds `targetChars` of text; the head's blocks
 * (all but its last, which the cut may have shortened) against the whole's first blocks, and the time
 * of each extraction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../article/html/extractHtml.js';
import { headBlocks, htmlHead, STREAM_FROM_CHARS, textLength } from '../article/html/htmlHead.js';
import { keptBlocks } from '../../shared/articleStream.js';
import { summarize } from './support.js';

/** The page with the paragraphs of its article (the element holding the most <p>) repeated until it is long. */
export function longArticlePage(html: string, targetChars = STREAM_FROM_CHARS * 2): string | null {
  const { document } = parseHTML(html);
  const counts = new Map<Element, number>();
  for (const p of document.querySelectorAll('p')) if (p.parentElement) counts.set(p.parentElement, (counts.get(p.parentElement) ?? 0) + 1);
  const holder = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!holder || counts.get(holder)! < 3) return null;
  const text = textLength(holder.innerHTML);
  if (text < 200) return null;
  holder.innerHTML = holder.innerHTML.repeat(Math.ceil(targetChars / text));
  return document.toString();
}

/** The page with its body's content repeated until the whole is long. */
export function longPage(html: string, targetChars = STREAM_FROM_CHARS * 2): string | null {
  const open = /<body\b[^>]*>/iu.exec(html);
  const close = html.search(/<\/body\s*>/iu);
  if (!open || close < 0) return null;
  const inner = html.slice(open.index + open[0].length, close);
  if (inner.length < 2000) return null;
  const text = textLength(inner);
  if (text < 200) return null;
  const times = Math.ceil(targetChars / text);
  return html.slice(0, open.index + open[0].length) + inner.repeat(times) + html.slice(close);
}

export function measureHeadPrefix(corpus: string, limit = Infinity, lengthen: (html: string) => string | null = longPage) {
  const folder = join(corpus, 'html');
  const files = readdirSync(folder).filter((name) => name.endsWith('.html.gz')).sort().slice(0, limit);
  let pages = 0;
  let prefix = 0;
  let streamed = 0;
  const headMs: number[] = [];
  const wholeMs: number[] = [];
  const misses: string[] = [];
  for (const name of files) {
    const page = lengthen(gunzipSync(readFileSync(join(folder, name))).toString('utf8'));
    if (!page) continue;
    pages++;
    const head = htmlHead(page);
    if (!head) continue;
    streamed++;
    let t0 = performance.now();
    const first = headBlocks(extractHtml(head, 'page'));
    headMs.push(performance.now() - t0);
    t0 = performance.now();
    const whole = extractHtml(page, 'page');
    wholeMs.push(performance.now() - t0);
    if (first.blocks.length > 0 && keptBlocks(first.blocks, whole.blocks) === first.blocks.length) prefix++;
    else misses.push(name);
  }
  return { pages, streamed, prefix, prefixShare: streamed ? prefix / streamed : NaN, headMs: summarize(headMs), wholeMs: summarize(wholeMs), misses: misses.slice(0, 30) };
}

/** Both ways of making the corpus's pages long: their article's paragraphs repeated, and their whole body. */
export function measureHeadPrefixes(corpus: string, limit = Infinity) {
  return {
    description: `WCXB pages made long (text ${STREAM_FROM_CHARS * 2} characters or more), the first ${limit}: the head's blocks (all but its last) a prefix of the whole's, and the time of each extraction in this process`,
    articleRepeated: measureHeadPrefix(corpus, limit, longArticlePage),
    bodyRepeated: measureHeadPrefix(corpus, limit, longPage),
  };
}
