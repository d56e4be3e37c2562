/** The queue's ordering logic (shared/queue.ts) and its store in main (queue.json next to the library). */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleToContinue, createQueueHandlers } from '../../main/api/queueHandlers';
import { LibraryStore } from '../../main/store/LibraryStore';
import { QueueStore } from '../../main/store/QueueStore';
import type { Article } from '../../shared/article';
import type { LibraryEntry } from '../../shared/library';
import {
  addToQueue,
  advanceQueue,
  clearQueue,
  EMPTY_QUEUE,
  HISTORY_LIMIT,
  moveInQueue,
  nextInQueue,
  normalizeQueue,
  previousInQueue,
  removeFromQueue,
  retreatQueue,
  sameQueueView,
  type QueueState,
} from '../../shared/queue';

const q = (upNext: string[], history: string[] = []): QueueState => ({ upNext, history });
const isId = (value: unknown): value is string => typeof value === 'string' && /^[a-z]$/u.test(value);

describe('sameQueueView', () => {
  const entry = (id: string, patch: Partial<LibraryEntry> = {}): LibraryEntry => ({
    id,
    title: `Story ${id}`,
    byline: null,
    source: null,
    lang: 'en',
    blockCount: 4,
    wordCount: 500,
    addedAt: '2026-01-01T00:00:00.000Z',
    openedAt: '2026-01-01T00:00:00.000Z',
    position: { blockIndex: 0, sentenceIndex: 0 },
    ...patch,
  });
  const shown = { upNext: [entry('a'), entry('b')], previous: entry('c') };

  it('is true for a refreshed copy with the same content, whatever the opened time', () => {
    expect(sameQueueView(shown, structuredClone({ ...shown, upNext: [entry('a', { openedAt: '2026-02-02T00:00:00.000Z' }), entry('b')] }))).toBe(true);
  });

  it('is false when the order, a title, a length, a saved place or the previous article differs', () => {
    expect(sameQueueView(shown, { ...shown, upNext: [entry('b'), entry('a')] })).toBe(false);
    expect(sameQueueView(shown, { ...shown, upNext: [entry('a')] })).toBe(false);
    expect(sameQueueView(shown, { ...shown, upNext: [entry('a', { title: 'Renamed' }), entry('b')] })).toBe(false);
    expect(sameQueueView(shown, { ...shown, upNext: [entry('a', { wordCount: 501 }), entry('b')] })).toBe(false);
    expect(sameQueueView(shown, { ...shown, upNext: [entry('a'), entry('b', { position: { blockIndex: 2, sentenceIndex: 0 } })] })).toBe(false);
    expect(sameQueueView(shown, { ...shown, previous: null })).toBe(false);
    expect(sameQueueView({ ...shown, previous: null }, { ...shown, previous: null })).toBe(true);
  });
});

describe('queue ordering', () => {
  it('adds at the end once, and "play next" puts an article first (moving it if queued)', () => {
    let state = addToQueue(EMPTY_QUEUE, 'a', 'end').state;
    state = addToQueue(state, 'b', 'end').state;
    expect(addToQueue(state, 'a', 'end')).toEqual({ state, outcome: 'already' });
    const c = addToQueue(state, 'c', 'next');
    expect(c).toEqual({ state: q(['c', 'a', 'b']), outcome: 'added' });
    expect(addToQueue(c.state, 'b', 'next')).toEqual({ state: q(['b', 'c', 'a']), outcome: 'moved' });
    expect(addToQueue(c.state, 'c', 'next').outcome).toBe('already');
  });

  it('moves up and down, clamped to the list; unknown ids change nothing', () => {
    const state = q(['a', 'b', 'c', 'd']);
    expect(moveInQueue(state, 'c', 1).upNext).toEqual(['a', 'c', 'b', 'd']);
    expect(moveInQueue(state, 'a', 3).upNext).toEqual(['b', 'c', 'd', 'a']);
    expect(moveInQueue(state, 'b', 99).upNext).toEqual(['a', 'c', 'd', 'b']);
    expect(moveInQueue(state, 'b', -5).upNext).toEqual(['b', 'a', 'c', 'd']);
    expect(moveInQueue(state, 'x', 0)).toBe(state);
    expect(moveInQueue(state, 'a', 0)).toBe(state);
  });

  it('removes from the queue and the history; clearing keeps the history', () => {
    expect(removeFromQueue(q(['a', 'b', 'c'], ['d', 'b']), ['b', 'd'])).toEqual(q(['a', 'c']));
    expect(clearQueue(q(['a', 'b'], ['c']))).toEqual(q([], ['c']));
  });

  it('next skips the open article; previous is the last one played before it', () => {
    expect(nextInQueue(q(['a', 'b']), 'a')).toBe('b');
    expect(nextInQueue(q(['a']), 'a')).toBeNull();
    expect(nextInQueue(q([]), null)).toBeNull();
    expect(previousInQueue(q([], ['x', 'y']), 'z')).toBe('y');
    expect(previousInQueue(q([], ['x', 'y']), 'y')).toBe('x');
    expect(previousInQueue(q([]), 'z')).toBeNull();
  });

  it('going forward then back returns to the same queue', () => {
    const start = q(['b', 'c'], []);
    const forward = advanceQueue(start, 'a', 'b');
    expect(forward).toEqual(q(['c'], ['a']));
    const back = retreatQueue(forward, 'b', previousInQueue(forward, 'b')!);
    expect(back).toEqual(q(['b', 'c'], []));
  });

  it('the open article leaves the queue when reading moves on (it has been heard)', () => {
    expect(advanceQueue(q(['a', 'b', 'c']), 'b', 'c')).toEqual(q(['a'], ['b']));
  });

  it('keeps a bounded history without repeats', () => {
    let state = q([]);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) state = advanceQueue(state, `id${i}`, `id${i + 1}`);
    expect(state.history).toHaveLength(HISTORY_LIMIT);
    expect(state.history.at(-1)).toBe(`id${HISTORY_LIMIT + 19}`);
    expect(advanceQueue(q([], ['a', 'b']), 'a', 'c').history).toEqual(['b', 'a']);
  });

  it('a stored queue keeps its valid ids, once each, and refuses what is not a queue', () => {
    expect(normalizeQueue({ upNext: ['a', 'A', 3, 'b', 'a'], history: 'x' }, isId)).toEqual(q(['a', 'b'], []));
    expect(() => normalizeQueue([], isId)).toThrow();
    expect(() => normalizeQueue(null, isId)).toThrow();
  });
});

const freshDirectory = () => mkdtempSync(join(tmpdir(), 'ap-queue-'));
const article = (name: string, blocks = 3): Article => ({
  title: `Story ${name}`,
  byline: null,
  source: `https://example.org/${name}`,
  lang: 'en',
  blocks: Array.from({ length: blocks }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i} of ${name}.` })),
});

async function libraryWith(dir: string, names: string[]) {
  const library = new LibraryStore(dir);
  const entries: LibraryEntry[] = [];
  for (const [i, name] of names.entries()) entries.push(await library.record(article(name), new Date(2026, 0, 1 + i)));
  return { library, entries };
}

describe('QueueStore', () => {
  it('persists every change, shows library titles, and drops articles removed from the library', async () => {
    const dir = freshDirectory();
    const { library, entries } = await libraryWith(dir, ['a', 'b', 'c']);
    const [a, b, c] = entries.map((entry) => entry.id) as [string, string, string];
    const store = new QueueStore(dir, library);
    await store.add(a, 'end');
    await store.add(b, 'end');
    await store.add(c, 'next');
    await store.move(a, 2);
    const reopened = new QueueStore(dir, new LibraryStore(dir));
    expect((await reopened.view()).upNext.map((entry) => entry.title)).toEqual(['Story c', 'Story b', 'Story a']);
    await library.remove([b]);
    expect((await reopened.view()).upNext.map((entry) => entry.title)).toEqual(['Story c', 'Story a']);
    expect(await reopened.neighbour(c, 'next')).toBe(a);
    await reopened.step(null, c, 'next');
    expect((await reopened.view(c)).upNext.map((entry) => entry.id)).toEqual([a]);
    expect(readdirSync(dir).filter((name) => name.startsWith('queue.json'))).toEqual(['queue.json']); // no temp or lock file left
  });

  it('sets a damaged queue file aside with a message, and starts empty', async () => {
    const dir = freshDirectory();
    writeFileSync(join(dir, 'queue.json'), '{"version":1,"data":{"upNext":[');
    const store = new QueueStore(dir, new LibraryStore(dir));
    expect(await store.read()).toEqual(EMPTY_QUEUE);
    expect(store.file.problem).toMatch(/queue file could not be read \(it is damaged\)\. It was kept as .*queue\.json\.set-aside-/);
    const aside = readdirSync(dir).find((name) => name.startsWith('queue.json.set-aside-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"version":1,"data":{"upNext":[');
  });
});

describe('queue handlers', () => {
  it('add a pasted text straight into the queue (kept in the library, not opened) and step through it', async () => {
    const dir = freshDirectory();
    const { library, entries } = await libraryWith(dir, ['a']);
    const { handlers } = createQueueHandlers(library, new QueueStore(dir, library));
    const added = await handlers.addToQueue({ item: { type: 'source', source: { type: 'text', text: 'Queued Story\n\nIts only paragraph, long enough to read.', html: false } }, placement: 'end', currentId: null });
    if (!added.ok) throw new Error(added.message);
    expect(added.outcome).toBe('added');
    expect(added.queue.upNext.map((entry) => entry.title)).toEqual(['Queued Story']);
    expect((await library.list()).map((entry) => entry.title)).toContain('Queued Story');
    const peeked = await handlers.peekQueue({ currentId: entries[0]!.id, direction: 'next' });
    expect(peeked?.ok && peeked.article.title).toBe('Queued Story');
    const stepped = await handlers.stepQueue({ currentId: entries[0]!.id, toId: added.entry.id, direction: 'next' });
    expect(stepped.result.ok).toBe(true);
    expect(stepped.queue).toMatchObject({ upNext: [], previous: { id: entries[0]!.id } });
    const back = await handlers.peekQueue({ currentId: added.entry.id, direction: 'previous' });
    expect(back?.ok && back.article.title).toBe('Story a');
  });

  it('a source that cannot be read says why and changes nothing', async () => {
    const dir = freshDirectory();
    const library = new LibraryStore(dir);
    const { handlers } = createQueueHandlers(library, new QueueStore(dir, library));
    const added = await handlers.addToQueue({ item: { type: 'source', source: { type: 'url', url: 'file:///etc/passwd' } }, placement: 'end', currentId: null });
    expect(added.ok).toBe(false);
    expect(await handlers.getQueue({ currentId: null })).toEqual({ upNext: [], previous: null });
  });

  it('offer to continue only after the welcome article opened, the most recent started article', async () => {
    const dir = freshDirectory();
    const { library, entries } = await libraryWith(dir, ['a', 'b']);
    await library.savePosition(entries[0]!.id, { blockIndex: 2, sentenceIndex: 0 });
    const queue = createQueueHandlers(library, new QueueStore(dir, library));
    expect(await queue.handlers.getContinueListening({})).toEqual({ entry: null });
    queue.noteInitialArticle({ ok: true, article: { ...article('welcome'), source: null }, entry: null });
    const offered = await queue.handlers.getContinueListening({});
    expect(offered.entry).toMatchObject({ id: entries[0]!.id, position: { blockIndex: 2 } }); // b was never started
    queue.noteInitialArticle({ ok: true, article: article('given'), entry: null });
    expect(await queue.handlers.getContinueListening({})).toEqual({ entry: null });
  });

  it('articleToContinue skips the article on screen and ones at the top', () => {
    const entry = (id: string, openedAt: string, blockIndex: number) => ({ id, openedAt, position: { blockIndex, sentenceIndex: 0 } }) as LibraryEntry;
    const list = [entry('old', '2026-01-01', 3), entry('shown', '2026-01-03', 5), entry('fresh', '2026-01-02', 0)];
    expect(articleToContinue(list, 'shown')?.id).toBe('old');
    expect(articleToContinue(list, null)?.id).toBe('shown');
  });
});
