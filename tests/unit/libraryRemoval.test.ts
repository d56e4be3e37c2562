/** Library Remove and its undo (issue 25): where focus goes, the queue places kept, and the store's restore with real files. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryRemoval } from '../../main/api/libraryRemoval';
import { LibraryStore } from '../../main/store/LibraryStore';
import { QueueStore } from '../../main/store/QueueStore';
import { entryToFocusAfterRemoval } from '../../renderer/src/library/afterRemoval';
import type { Article } from '../../shared/article';
import { putBackInQueue, queuePlaces, removeFromQueue } from '../../shared/queue';

const article = (name: string): Article => ({
  title: `Story ${name}`,
  byline: null,
  source: `https://example.org/${name}`,
  lang: 'en',
  blocks: [
    { kind: 'paragraph', text: `The first paragraph of ${name}.` },
    { kind: 'paragraph', text: `The second paragraph of ${name}.` },
  ],
});

describe('focus after a removal', () => {
  it('goes to the entry that took the removed one’s place', () => {
    expect(entryToFocusAfterRemoval(['a', 'b', 'c'], 'b', ['a', 'c'])).toBe('c');
    expect(entryToFocusAfterRemoval(['a', 'b', 'c'], 'a', ['b', 'c'])).toBe('b');
  });

  it('goes to the previous entry when the last one was removed', () => {
    expect(entryToFocusAfterRemoval(['a', 'b', 'c'], 'c', ['a', 'b'])).toBe('b');
  });

  it('is null (the field above the list) when the list is empty', () => {
    expect(entryToFocusAfterRemoval(['a'], 'a', [])).toBeNull();
  });

  it('skips entries that left the list meanwhile', () => {
    expect(entryToFocusAfterRemoval(['a', 'b', 'c', 'd'], 'b', ['a', 'd'])).toBe('d');
    expect(entryToFocusAfterRemoval(['a', 'b', 'c'], 'c', ['x'])).toBe('x');
  });
});

describe('queue places', () => {
  it('are put back where they stood, in both lists', () => {
    const state = { upNext: ['a', 'b', 'c', 'd'], history: ['h', 'b'] };
    const places = queuePlaces(state, ['b', 'd']);
    const removed = removeFromQueue(state, ['b', 'd']);
    expect(removed).toEqual({ upNext: ['a', 'c'], history: ['h'] });
    expect(putBackInQueue(removed, places)).toEqual(state);
  });

  it('keep an article that is in the list again where it is now', () => {
    const places = queuePlaces({ upNext: ['a', 'b'], history: [] }, ['a']);
    expect(putBackInQueue({ upNext: ['b', 'a'], history: [] }, places)).toEqual({ upNext: ['b', 'a'], history: [] });
  });

  it('land at the end when the list got shorter', () => {
    const places = queuePlaces({ upNext: ['a', 'b', 'c'], history: [] }, ['c']);
    expect(putBackInQueue({ upNext: [], history: [] }, places).upNext).toEqual(['c']);
  });
});

describe('removing from the library and undoing it', () => {
  const setUp = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-removal-'));
    const library = new LibraryStore(dir);
    const queue = new QueueStore(dir, library);
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) ids.push((await library.record(article(name))).id);
    return { dir, library, queue, ids, removal: createLibraryRemoval(library, queue) };
  };

  it('takes the article out of the queue at once, and Undo brings back its text, place and queue place', async () => {
    const { dir, library, queue, ids, removal } = await setUp();
    const [one, two, three] = ids as [string, string, string];
    await queue.add(one, 'end');
    await queue.add(two, 'end');
    await queue.add(three, 'end');
    await library.savePosition(two, { blockIndex: 1, sentenceIndex: 0 });

    expect(await removal.removeLibraryEntries({ ids: [two] })).toEqual({ removed: 1 });
    expect((await queue.read()).upNext).toEqual([one, three]); // never plays once removed
    expect(existsSync(join(dir, 'articles', `${two}.json`))).toBe(false);
    expect((await library.list()).map((e) => e.id)).not.toContain(two);

    const { restored } = await removal.restoreLibraryEntries({ ids: [two] });
    expect(restored.map((e) => e.title)).toEqual(['Story two']);
    expect((await queue.read()).upNext).toEqual([one, two, three]);
    const reopened = await new LibraryStore(dir).open(two);
    expect(reopened?.article.blocks[1]?.text).toBe('The second paragraph of two.');
    expect(reopened?.entry.position).toEqual({ blockIndex: 1, sentenceIndex: 0 });
  });

  it('undoes only the last removal, once, and never "remove all"', async () => {
    const { library, ids, removal } = await setUp();
    const [one, two] = ids as [string, string, string];
    await removal.removeLibraryEntries({ ids: [one] });
    await removal.removeLibraryEntries({ ids: [two] });
    expect((await removal.restoreLibraryEntries({ ids: [one] })).restored).toEqual([]);
    expect((await removal.restoreLibraryEntries({ ids: [two] })).restored).toHaveLength(1);
    expect((await removal.restoreLibraryEntries({ ids: [two] })).restored).toEqual([]); // once
    await removal.removeLibraryEntries({ ids: 'all' });
    expect((await removal.restoreLibraryEntries({ ids: [two] })).restored).toEqual([]);
    expect(await library.list()).toEqual([]);
  });
});
