import { describe, expect, it } from 'vitest';
import { placeNotes, type ArticleWithNotes } from '../../shared/notes';

const article = (): ArticleWithNotes => ({
  title: 'T',
  byline: null,
  source: null,
  lang: 'en',
  blocks: [
    { kind: 'paragraph', text: 'Zero.' },
    { kind: 'paragraph', text: 'One cites a note.' },
    { kind: 'paragraph', text: 'Two.' },
  ],
  hidden: [{ kind: 'paragraph', text: 'Menu', position: 2, reason: 'page furniture' }],
  notes: [
    { text: 'The first note.', label: '1', referencedBy: 1, page: '4' },
    { text: 'Unreferenced.', label: null, referencedBy: null },
  ],
});

describe('placeNotes', () => {
  it('reads a note after the paragraph that refers to it, and an unreferenced one at the end', () => {
    const placed = placeNotes(article(), 'after-paragraph');
    expect(placed.blocks.map((b) => b.text)).toEqual(['Zero.', 'One cites a note.', 'Note 1: The first note.', 'Two.', 'Note: Unreferenced.']);
    expect(placed.blocks[2]).toMatchObject({ kind: 'note', page: '4' });
    expect(placed.hidden?.[0]?.position).toBe(3); // it stood before "Two.", and still does
    expect('notes' in placed).toBe(false);
  });

  it('reads every note after the last block', () => {
    const placed = placeNotes(article(), 'end');
    expect(placed.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'note', 'note']);
    expect(placed.hidden?.[0]?.position).toBe(2);
  });

  it('leaves notes out, shown as hidden where they were referred to', () => {
    const placed = placeNotes(article(), 'skip');
    expect(placed.blocks).toHaveLength(3);
    expect(placed.hidden?.map((b) => [b.reason, b.position])).toEqual([
      ['page furniture', 2],
      ['note', 2],
      ['note', 3],
    ]);
  });

  it('returns an article without notes unchanged', () => {
    const { notes: _notes, ...plain } = article();
    expect(placeNotes(plain, 'end')).toEqual(plain);
  });
});
