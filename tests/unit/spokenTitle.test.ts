/** The title unit read before the first paragraph (issue 25): what is said, when it is left out, and where a session starts. */
import { describe, expect, it } from 'vitest';
import { describeProgress, paragraphLabel } from '../../renderer/src/progress/listeningTime';
import { initialPlayerState } from '../../renderer/src/player/SessionState';
import { positionToSave } from '../../renderer/src/player/useSavePosition';
import { skippedPassageMessage } from '../../renderer/src/player/skippedPassages';
import type { Block } from '../../shared/article';
import { spokenTitle, titleBlock } from '../../shared/spokenTitle';

const blocks: Block[] = [{ kind: 'paragraph', text: 'The ferry leaves at seven.' }];

describe('spokenTitle', () => {
  it('is the title alone unless the byline is asked for', () => {
    expect(spokenTitle({ title: 'The Harbour Ferry', byline: 'Jane Doe', blocks }, false)).toEqual({ text: 'The Harbour Ferry', titleEnd: 17, bylineStart: null });
  });

  it('adds "By <byline>." as a sentence of its own, after a full stop the title lacks', () => {
    const title = spokenTitle({ title: 'The Harbour Ferry', byline: 'Jane Doe', blocks }, true)!;
    expect(title.text).toBe('The Harbour Ferry. By Jane Doe.');
    expect(title.text.slice(title.bylineStart!)).toBe('By Jane Doe.');
    expect(spokenTitle({ title: 'Why Ferries?', byline: 'by Jane Doe', blocks }, true)!.text).toBe('Why Ferries? by Jane Doe.');
  });

  it('is the title alone when there is no byline to read', () => {
    expect(spokenTitle({ title: 'The Harbour Ferry', byline: '  ', blocks }, true)!.text).toBe('The Harbour Ferry');
    expect(spokenTitle({ title: 'The Harbour Ferry', byline: null, blocks }, true)!.bylineStart).toBeNull();
  });

  it('is left out when there is no title, or when it is the start of the first paragraph (a paste named by its first line)', () => {
    expect(spokenTitle({ title: ' ', byline: null, blocks }, true)).toBeNull();
    expect(spokenTitle({ title: 'The ferry leaves at seven', byline: 'Jane Doe', blocks }, true)).toBeNull();
    expect(spokenTitle({ title: 'THE FERRY — leaves', byline: null, blocks }, false)).toBeNull();
    expect(spokenTitle({ title: 'T', byline: null, blocks }, false)?.text).toBe('T'); // a word, not a letter, of the paragraph
    expect(titleBlock(null)).toBeNull();
    expect(titleBlock(spokenTitle({ title: 'Ferries', byline: null, blocks }, false))).toEqual({ kind: 'heading', text: 'Ferries' });
  });
});

describe('a session with a title unit', () => {
  it('starts at the title (-1) when the article is not started, at the saved place otherwise', () => {
    expect(initialPlayerState(5, undefined, 1, -1, -1).blockIndex).toBe(-1);
    expect(initialPlayerState(5, { blockIndex: 0, sentenceIndex: 0 }, 1, -1, -1).blockIndex).toBe(-1);
    expect(initialPlayerState(5, { blockIndex: 0, sentenceIndex: 2 }, 1, -1, -1).blockIndex).toBe(0);
    expect(initialPlayerState(5, { blockIndex: 3, sentenceIndex: 0 }, 1, -1, -1).blockIndex).toBe(3);
    expect(initialPlayerState(5, undefined, 1).blockIndex).toBe(0); // no title unit: block 0 as before
  });

  it('saves the title as the very start, where the title is read again', () => {
    expect(positionToSave({ status: 'paused', blockIndex: -1, sentenceIndex: 0 })).toEqual({ blockIndex: 0, sentenceIndex: 0 });
    expect(positionToSave({ status: 'paused', blockIndex: 2, sentenceIndex: 1 })).toEqual({ blockIndex: 2, sentenceIndex: 1 });
  });

  it('says "Title" where it would say a paragraph number, which stay as they were', () => {
    expect(paragraphLabel(-1, 12)).toBe('Title');
    expect(paragraphLabel(0, 12)).toBe('Paragraph 1 of 12');
    expect(describeProgress(-1, 12, 0, 60_000)).toBe('Title, 0 seconds in, about 1 minute left');
    expect(skippedPassageMessage(-1, 1)).toBe('A passage in the title could not be spoken');
  });
});
