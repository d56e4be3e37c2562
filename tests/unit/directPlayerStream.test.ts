/**
 * A long document still arriving, read through a direct-speech engine (speech-dispatcher: main speaks a
 * paragraph and answers when done): at the end of what has arrived it waits and goes on, and a saved place
 * still to come is waited for by Play, gone to when it arrives, and given up on a move (issue 23). The
 * session is the real DirectPlayer; only main's answer to speakDirect is stood in for (it says the text).
 */
import { describe, expect, it } from 'vitest';
import type { ArticlePlayerApi } from '../../shared/api';
import type { Block } from '../../shared/article';
import { DirectPlayer } from '../../renderer/src/player/DirectPlayer';

const block = (n: number): Block => ({ kind: 'paragraph', text: `Paragraph ${n}.`, page: String(n) });
const blocks = (count: number) => Array.from({ length: count }, (_, i) => block(i));

function session(count: number, options: { start?: { blockIndex: number; sentenceIndex: number }; moreComing?: boolean } = {}) {
  const spoken: string[] = [];
  const said: string[] = [];
  const api = {
    invoke: async (channel: string, request: { text?: string }) => {
      if (channel === 'speakDirect') spoken.push(request.text ?? '');
      return { completed: true };
    },
    on: () => () => undefined,
  } as unknown as ArticlePlayerApi;
  const initial = blocks(count);
  const player = new DirectPlayer(api, initial, { engine: 'auto', voice: null, paragraphPauseMs: 0, sentencePauseMs: 0, lang: 'en', announce: (m) => said.push(m), ...options });
  return { player, spoken, said, initial };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('direct speech while a document arrives', () => {
  it('waits at the end of what has arrived, goes on with what comes, and ends only when the whole has come', async () => {
    const { player, spoken, said } = session(2, { moreComing: true });
    player.play();
    await settle();
    expect(spoken).toEqual(['Paragraph 0.', 'Paragraph 1.']);
    expect(player.getState().status).toBe('playing'); // waiting, not ended
    expect(said).not.toContain('End of article');
    player.grow(blocks(4), true);
    await settle();
    expect(spoken).toEqual(['Paragraph 0.', 'Paragraph 1.', 'Paragraph 2.', 'Paragraph 3.']);
    player.grow(blocks(4), false);
    expect(player.getState().status).toBe('ended');
    expect(said).toContain('End of article');
  });

  it('a saved place still to come: Play waits for it, reading starts there when it arrives, and nothing is read from the top', async () => {
    const { player, spoken, said } = session(3, { start: { blockIndex: 5, sentenceIndex: 0 }, moreComing: true });
    expect(player.getState().goingTo).toEqual({ blockIndex: 5, sentenceIndex: 0 });
    player.play();
    await settle();
    expect(spoken).toEqual([]);
    expect(player.getState().status).toBe('loading');
    player.grow(blocks(5), true);
    await settle();
    expect(spoken).toEqual([]);
    player.grow(blocks(7), true);
    await settle();
    expect(player.getState().goingTo).toBeNull();
    expect(spoken[0]).toBe('Paragraph 5.');
    expect(said).toContain('At your place on page 5, paragraph 6.');
  });

  it('a move before the place arrives gives it up', async () => {
    const { player, spoken } = session(3, { start: { blockIndex: 5, sentenceIndex: 0 }, moreComing: true });
    player.goToBlock(1);
    expect(player.getState().goingTo).toBeNull();
    player.grow(blocks(7), true);
    await settle();
    expect(player.getState().blockIndex).toBe(1);
    expect(spoken).toEqual([]);
  });
});
