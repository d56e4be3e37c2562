/**
 * Long documents stream into the open reader (issue 23, 5): the open answers with the first pages (or
 * chapters) and the rest arrives as events, growing the article; the library keeps only the complete
 * article; a second open stops the first stream; a failure part way keeps what arrived. Real PDFs and
 * books made here, the real extraction worker, the real API handlers and library.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStreams } from '../../main/api/articleStreams';
import { createAppHandlers } from '../../main/api/createAppContext';
import { firstPartDocuments } from '../../main/article/epub/extractEpub';
import { hasSpareWorker, keepExtractionWarm } from '../../main/article/extractInWorker';
import { articleFromBytes } from '../../main/article/loadArticleFile';
import { loadArticleUrl } from '../../main/article/loadArticleUrl';
import { FIRST_PART_PAGES, isPartCheckpoint } from '../../main/article/pdf/extractPdf';
import type { LoadResult } from '../../shared/api';
import type { Block } from '../../shared/article';
import { grownBlocks, keptBlocks, streamCompleteMessage, streamFailedMessage, streamLabel, type ArticleStreamEvent } from '../../shared/articleStream';
import { placeNotes } from '../../shared/notes';
import { isStillReading, readingOf } from '../../renderer/src/article/articleGrowth';
import { applyStreamEvent } from '../../renderer/src/article/useArticleStream';
import { longEpub, longPdf, pageSentence } from '../helpers/longDocuments';

const paragraph = (text: string, page?: string): Block => ({ kind: 'paragraph', text, ...(page && { page }) });

describe('the decisions, as plain functions', () => {
  it('parts are cut at the first part and at each doubling, never at the end (the whole is the reply)', () => {
    const cuts = Array.from({ length: 506 }, (_, i) => i + 1).filter((n) => isPartCheckpoint(n, 4, 506));
    expect(cuts).toEqual([4, 8, 16, 32, 64, 128, 256]);
    expect(Array.from({ length: 4 }, (_, i) => i + 1).filter((n) => isPartCheckpoint(n, 4, 4))).toEqual([]);
  });

  it("a book's first part is the fewest spine documents whose markup reaches the size asked", () => {
    expect(firstPartDocuments([100, 200, 50_000, 20_000, 9], 50_000)).toBe(3);
    expect(firstPartDocuments([100, 200], 50_000)).toBe(2);
  });

  it('the blocks already shown are kept while they are the same; the part goes on from the first that changed', () => {
    const shown = [paragraph('One.'), paragraph('Two.'), paragraph('Three, cut at the page')];
    const next = [paragraph('One.'), paragraph('Two.'), paragraph('Three, cut at the page end, goes on.'), paragraph('Four.')];
    expect(keptBlocks(shown, next)).toBe(2);
    expect(keptBlocks(shown, [paragraph('One.', '1')])).toBe(0);
    const grown = grownBlocks(shown, 2, next.slice(2));
    expect(grown.map((b) => b.text)).toEqual(['One.', 'Two.', 'Three, cut at the page end, goes on.', 'Four.']);
    expect(grown[0]).toBe(shown[0]); // the same objects: the reader and the player see they did not change
  });

  it('what the display and the screen reader say', () => {
    expect(streamLabel({ done: 40, total: 506, unit: 'page' })).toBe('Reading page 40 of 506');
    expect(streamCompleteMessage({ done: 506, total: 506, unit: 'page' })).toBe('The whole document has been read: all 506 pages.');
    expect(streamFailedMessage({ done: 3, total: 12, unit: 'chapter' }, 'It broke.')).toBe('Reading stopped at chapter 3 of 12: It broke. The chapters read so far stay open.');
  });

  it('the renderer grows the article from the events of its stream, all of it one reading', () => {
    const first = { title: 'T', byline: null, source: null, lang: 'en', blocks: [paragraph('One.'), paragraph('Two')] };
    const opened: LoadResult = { ok: true, article: first, entry: null, stream: { id: 's', done: 4, total: 8, unit: 'page' } };
    const base = { streamId: 's', done: 8, total: 8, unit: 'page' } as const;
    const grown = applyStreamEvent(opened, { ...base, keep: 1, blocks: [paragraph('Two, whole.'), paragraph('Three.')] });
    if (!grown?.ok) throw new Error('not grown');
    expect(grown.article.blocks.map((b) => b.text)).toEqual(['One.', 'Two, whole.', 'Three.']);
    expect(readingOf(grown.article)).toBe(first);
    expect(isStillReading(grown.article)).toBe(true);
    const whole = { ...first, title: 'Whole', blocks: [paragraph('One.'), paragraph('Two, whole.'), paragraph('Three.'), paragraph('Four.')] };
    const entry = { id: 'e' } as never;
    const done = applyStreamEvent(grown, { ...base, keep: 3, complete: { article: whole, entry } });
    if (!done?.ok) throw new Error('not done');
    expect(done.article.blocks.map((b) => b.text)).toEqual(['One.', 'Two, whole.', 'Three.', 'Four.']);
    expect(done.article.blocks[1]).toBe(grown.article.blocks[1]);
    expect(done.article.title).toBe('Whole');
    expect(done.entry).toBe(entry);
    expect(readingOf(done.article)).toBe(first);
    expect(isStillReading(done.article)).toBe(false);
    const failed = applyStreamEvent(grown, { ...base, error: 'Broken.' });
    expect(failed?.ok && failed.article.blocks).toEqual(grown.article.blocks);
    expect(failed?.ok && isStillReading(failed.article)).toBe(false);
  });
});

/** The handlers with their events collected. */
function appWithEvents() {
  const { handlers, context } = createAppHandlers(mkdtempSync(join(tmpdir(), 'ap-stream-')), async () => ({ ok: false, message: 'not used' }));
  const events: ArticleStreamEvent[] = [];
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => (ended = resolve));
  context.emit = ((name: string, payload: ArticleStreamEvent) => {
    if (name !== 'articleStream') return;
    events.push(payload);
    if (payload.complete || payload.error) ended();
  }) as typeof context.emit;
  return { handlers, events, end };
}

/** The blocks the renderer ends with, applying every event to the first part. */
function replay(first: LoadResult, events: ArticleStreamEvent[]): LoadResult | null {
  return events.reduce<LoadResult | null>((result, event) => applyStreamEvent(result, event), first);
}

describe('a long PDF through the API and the extraction worker', () => {
  it('opens with its first pages, grows page by page to the same article as read whole, and is kept in the library only when complete', async () => {
    const bytes = new Uint8Array(longPdf(40));
    const { handlers, events, end } = appWithEvents();
    const opened = await handlers.openArticle({ source: { type: 'file', name: 'long.pdf', bytes } });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.stream).toMatchObject({ done: FIRST_PART_PAGES, total: 40, unit: 'page' });
    expect(opened.entry).toBeNull();
    expect(opened.article.title).toBe('A Very Long Report');
    expect(opened.article.blocks.at(-1)?.text).toBe(pageSentence(FIRST_PART_PAGES, 12));
    // Not in the library while only a part of it is read.
    expect(await handlers.listLibrary({ query: '', sort: 'recent' })).toEqual([]);
    await end;
    expect(events.every((event) => event.streamId === opened.stream!.id)).toBe(true);
    expect(events.filter((event) => event.blocks).length).toBeGreaterThanOrEqual(2);
    const progress = events.map((event) => event.done);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const last = events.at(-1)!;
    expect(last).toMatchObject({ done: 40, total: 40, unit: 'page' });
    expect(last.complete?.entry?.title).toBe('A Very Long Report');
    // The article grown from the events is the one read unstreamed, block for block.
    const whole = await articleFromBytes(bytes, 'long.pdf', null);
    if (!whole.ok) throw new Error(whole.message);
    const grown = replay(opened, events);
    expect(grown?.ok && grown.article.blocks).toEqual(placeNotes(whole.article, 'end').blocks);
    expect(whole.article.blocks.length).toBeGreaterThan(300);
    expect(grown?.ok && grown.article.blocks.at(-1)?.page).toBe('40');
    const library = await handlers.listLibrary({ query: '', sort: 'recent' });
    expect(library.map((entry) => [entry.title, entry.blockCount])).toEqual([['A Very Long Report', whole.article.blocks.length]]);
  });

  it('a second open while the first still streams stops it: no more of it arrives, and it is never kept', async () => {
    const { handlers, events } = appWithEvents();
    const first = await handlers.openArticle({ source: { type: 'file', name: 'long.pdf', bytes: new Uint8Array(longPdf(60)) } });
    if (!first.ok) throw new Error(first.message);
    const second = await handlers.openArticle({ source: { type: 'text', text: 'A short note.\n\nIt has two paragraphs.', html: false } });
    expect(second.ok && second.stream).toBeUndefined();
    const seen = events.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(events.slice(seen).filter((event) => event.streamId === first.stream!.id)).toEqual([]);
    expect(events.some((event) => event.complete)).toBe(false);
    expect((await handlers.listLibrary({ query: '', sort: 'recent' })).map((entry) => entry.blockCount)).toEqual([2]);
  });

  it('a PDF no longer than the first part opens whole, without a stream, kept at once', async () => {
    const { handlers } = appWithEvents();
    const opened = await handlers.openArticle({ source: { type: 'file', name: 'short.pdf', bytes: new Uint8Array(longPdf(FIRST_PART_PAGES)) } });
    expect(opened.ok && opened.stream).toBeUndefined();
    expect(opened.ok && opened.entry?.title).toBe('A Very Long Report');
  });
});

describe('a long PDF at an address', () => {
  it('streams like a file: its first pages as a part, each part with the address as its source', async () => {
    const bytes = longPdf(20);
    const server = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'application/pdf' }).end(Buffer.from(bytes)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report.pdf`;
      const parts: Array<[number, string | null]> = [];
      const result = await loadArticleUrl(url, { hooks: { onPart: (article, progress) => parts.push([progress.done, article.source]), onProgress: () => undefined } });
      expect(result.ok && result.article.source).toBe(url);
      expect(parts).toEqual([2, 4, 8, 16].map((done) => [done, url]));
    } finally {
      server.close();
    }
  });
});

describe('a long book', () => {
  it('opens with its first chapters and grows to the whole book, chapter by chapter', async () => {
    const { handlers, events, end } = appWithEvents();
    const opened = await handlers.openArticle({ source: { type: 'file', name: 'long.epub', bytes: new Uint8Array(longEpub(120)) } });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.stream).toMatchObject({ total: 120, unit: 'chapter' });
    expect(opened.stream!.done).toBeLessThan(60);
    expect(opened.article.blocks[0]).toMatchObject({ kind: 'heading', text: 'Chapter 1', chapter: 'Chapter 1' });
    await end;
    const grown = replay(opened, events);
    expect(grown?.ok && grown.article.blocks.length).toBe(120 * 21);
    expect(grown?.ok && grown.article.blocks.at(-1)?.text).toMatch(/^Chapter 120 paragraph 20 /u);
    expect(events.at(-1)?.complete?.entry?.title).toBe('A Very Long Book');
  });
});

describe('a failure part way', () => {
  it('is said on the stream; what arrived stays, and nothing is kept', async () => {
    const emitted: ArticleStreamEvent[] = [];
    const remembered: LoadResult[] = [];
    const streams = new ArticleStreams({ emit: (event) => emitted.push(event), remember: async (result) => (remembered.push(result), result) });
    const part = { title: 'Doc', byline: null, source: null, lang: 'en', blocks: [paragraph('First page.')] };
    const opened = await streams.open(async (hooks) => {
      hooks.onPart(part, { done: 1, total: 9, unit: 'page' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      hooks.onProgress({ done: 2, total: 9, unit: 'page' });
      return { ok: false, message: 'Reading this PDF took longer than 120 seconds, so it was stopped.' };
    }, (article) => article);
    expect(opened).toMatchObject({ ok: true, article: { blocks: [paragraph('First page.')] } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emitted.at(-1)).toMatchObject({ done: 2, total: 9, error: 'Reading this PDF took longer than 120 seconds, so it was stopped.' });
    expect(remembered).toEqual([]);
  });
});

describe('a spare extraction worker', () => {
  it('is kept ready once the app asks: an extraction takes it (its input sent as a message, parts and all), and another is started', async () => {
    expect(hasSpareWorker()).toBe(false); // nothing is started unless asked (tests, the command line)
    await keepExtractionWarm();
    expect(hasSpareWorker()).toBe(true);
    const parts: number[] = [];
    const result = await articleFromBytes(new Uint8Array(longPdf(12)), 'spare.pdf', null, { hooks: { onPart: (_article, progress) => parts.push(progress.done), onProgress: () => undefined } });
    expect(result.ok && result.article.title).toBe('A Very Long Report');
    expect(parts).toEqual([2, 4, 8]);
    expect(hasSpareWorker()).toBe(true);
  });
});
