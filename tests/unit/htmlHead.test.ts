/**
 * A huge HTML page streams (issue 25, instant): its head, through the same extraction, is shown first
 * and is the start of what the whole page reads; a page of ordinary size is read whole, unstreamed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../shared/api';
import type { ArticleWithNotes } from '../../shared/notes';
import { keptBlocks, streamLabel, type StreamProgress } from '../../shared/articleStream';
import { extractArticle } from '../../main/article/extractArticle';
import { htmlHead, HEAD_CHARS, STREAM_FROM_CHARS } from '../../main/article/html/htmlHead';
import { loadArticleSource } from '../../main/article/loadArticleSource';
import { createAppHandlers } from '../../main/api/createAppContext';
import { articleHtml } from '../../main/bench/htmlOpen';
import { generatedArticle } from '../../main/generatedArticle';

const huge = articleHtml(generatedArticle(2000)); // about 100,000 words
const ordinary = articleHtml(generatedArticle(40));

function parts(html: string) {
  const seen: Array<{ article: ArticleWithNotes; progress: StreamProgress }> = [];
  const whole = extractArticle({ text: html, format: 'html', fallbackTitle: 'page', source: null }, { onPart: (article, progress) => seen.push({ article, progress }), onProgress: () => undefined });
  return { seen, whole: whole as ArticleWithNotes };
}

describe('htmlHead', () => {
  it('cuts a huge page once its body has given the head its text, at a tag, and leaves an ordinary page whole', () => {
    const head = htmlHead(huge)!;
    expect(head.length).toBeLessThan(huge.length / 10);
    expect(head.length).toBeGreaterThan(HEAD_CHARS);
    expect(huge.startsWith(head)).toBe(true);
    expect(huge[head.length]).toBe('<');
    expect(htmlHead(ordinary)).toBeNull();
    // Text is what counts: a page long only in its scripts is not streamed.
    const scripted = `<html><body><script>${'x'.repeat(STREAM_FROM_CHARS * 2)}</script><p>Short.</p></body></html>`;
    expect(htmlHead(scripted)).toBeNull();
  });

  it('never cuts inside a script or a comment', () => {
    const filler = '<p>' + 'Words of the article go on. '.repeat(400) + '</p>';
    const page = `<html><body>${filler}<script>var a = "<p>not text</p>";${' '.repeat(30_000)}</script><!-- <p> ${'c'.repeat(30_000)} -->${filler.repeat(20)}</body></html>`;
    const head = htmlHead(page, 12_000)!;
    expect(head.match(/<script/gu)?.length ?? 0).toBe(head.match(/<\/script>/gu)?.length ?? 0);
    expect(head.match(/<!--/gu)?.length ?? 0).toBe(head.match(/-->/gu)?.length ?? 0);
  });
});

describe('a huge page through the extraction with a stream followed', () => {
  it('gives its head first, the start of what the whole reads, then the whole; an ordinary page gives no part', () => {
    const { seen, whole } = parts(huge);
    expect(seen).toHaveLength(1);
    const first = seen[0]!;
    expect(first.progress.unit).toBe('part');
    expect(streamLabel(first.progress)).toBe('Reading the rest of the page');
    expect(first.article.title).toBe(whole.title);
    expect(first.article.blocks.length).toBeGreaterThan(10);
    expect(first.article.blocks.length).toBeLessThan(whole.blocks.length / 10);
    expect(keptBlocks(first.article.blocks, whole.blocks)).toBe(first.article.blocks.length);
    expect(whole.blocks).toHaveLength(2000);
    expect(parts(ordinary).seen).toHaveLength(0);
  });

  it('the browser host\'s article read at start: a page asking after the stream ended gets the whole article, not the head', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ap-html-head-')), 'huge.html');
    writeFileSync(file, huge);
    const { handlers, loadInitialArticleNow } = createAppHandlers(mkdtempSync(join(tmpdir(), 'ap-html-head-data-')), (options) => loadArticleSource(file, options));
    loadInitialArticleNow();
    // The whole page is read (and kept in the library) before any page asks.
    await expect.poll(async () => (await handlers.listLibrary({ query: '', sort: 'recent' })).length, { timeout: 30_000, interval: 200 }).toBe(1);
    const result: LoadResult = await handlers.getInitialArticle({ language: 'en-US' });
    expect(result.ok && result.article.blocks.length).toBe(2000);
    expect(result.ok && result.stream).toBeFalsy();
    // A reload reads it again, streamed: the head first.
    const again = await handlers.getInitialArticle({});
    expect(again.ok && again.stream?.unit).toBe('part');
  }, 60_000);
});
