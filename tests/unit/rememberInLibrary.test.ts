/** A document's note bodies are placed by the listener's setting where every opened article passes: rememberInLibrary. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rememberInLibrary } from '../../main/api/rememberInLibrary';
import { LibraryStore } from '../../main/store/LibraryStore';
import type { ArticleWithNotes } from '../../shared/notes';

const withNotes = (): ArticleWithNotes => ({
  title: 'A paper with a note',
  byline: null,
  source: '/tmp/paper.pdf',
  lang: 'en',
  blocks: [
    { kind: 'paragraph', text: 'The claim rests on a survey.', page: '1' },
    { kind: 'paragraph', text: 'A second paragraph.', page: '1' },
  ],
  notes: [{ text: 'Survey of 212 listeners.', label: '1', referencedBy: 0, page: '1' }],
});

describe('rememberInLibrary places notes by the setting', () => {
  it('reads notes after their paragraph, at the end, or leaves them out, and never stores them unplaced', async () => {
    const library = new LibraryStore(mkdtempSync(join(tmpdir(), 'notes-library-')));
    const texts = async (placement: 'after-paragraph' | 'end' | 'skip') => {
      const result = await rememberInLibrary(library, { ok: true, article: withNotes() }, placement);
      if (!result.ok) throw new Error(result.message);
      expect('notes' in result.article).toBe(false);
      return { blocks: result.article.blocks.map((b) => b.text), hidden: result.article.hidden?.map((b) => b.text) ?? [] };
    };
    expect(await texts('after-paragraph')).toEqual({ blocks: ['The claim rests on a survey.', 'Note 1: Survey of 212 listeners.', 'A second paragraph.'], hidden: [] });
    expect(await texts('end')).toEqual({ blocks: ['The claim rests on a survey.', 'A second paragraph.', 'Note 1: Survey of 212 listeners.'], hidden: [] });
    expect(await texts('skip')).toEqual({ blocks: ['The claim rests on a survey.', 'A second paragraph.'], hidden: ['Note 1: Survey of 212 listeners.'] });
  });
});
