/** The listener is told once per paragraph, in words, that a passage of it was left out. */
import { describe, expect, it } from 'vitest';
import { SkippedPassages, skippedPassageMessage } from '../../renderer/src/player/skippedPassages';

describe('SkippedPassages', () => {
  it('says which paragraph (counted from 1), once per paragraph, and nothing for a paragraph said whole', () => {
    const said: string[] = [];
    const passages = new SkippedPassages((message) => said.push(message));
    passages.tell(0, undefined);
    passages.tell(1, []);
    passages.tell(2, [{ charStart: 10, charEnd: 20 }]);
    passages.tell(2, [{ charStart: 10, charEnd: 20 }]); // played again: already told
    passages.tell(4, [{}, {}]);
    expect(said).toEqual(['A passage in paragraph 3 could not be spoken', '2 passages in paragraph 5 could not be spoken']);
    expect(skippedPassageMessage(0, 1)).toBe('A passage in paragraph 1 could not be spoken');
  });
});
