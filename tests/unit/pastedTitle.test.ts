/** Pasted text is named by its first line when extraction finds no title (issue 25, 9: two pastes were both "Pasted text"). */
import { describe, expect, it } from 'vitest';
import { loadRendererSource } from '../../main/article/loadArticleSource';
import { titleFromFirstLine } from '../../main/article/pastedTitle';

const titleOf = async (text: string, html = false) => {
  const result = await loadRendererSource({ type: 'text', text, html });
  if (!result.ok) throw new Error(result.message);
  return result.article;
};

describe('pasted text', () => {
  it('two pastes without a headline are named by their first lines, not both "Pasted text"', async () => {
    const first = await titleOf('The river rose two metres overnight. Residents of the lower town were moved to the school hall before dawn.\n\nBy noon the water had begun to fall again, and the first families went home to count the damage.');
    const second = await titleOf('Our garden club met on Tuesday to plan the spring show. Twelve members came, and the vote on the new rules was close.\n\nThe show will be held in the church hall on the first Saturday of May.');
    expect(first.title).toBe('The river rose two metres overnight');
    expect(second.title).toBe('Our garden club met on Tuesday to plan the spring show');
    // Named, not cut: the first paragraph is still read in full.
    expect(first.blocks[0]!.text).toMatch(/^The river rose two metres overnight\. Residents/);
  });

  it('a title the extraction finds is kept', async () => {
    const article = await titleOf('# Notes on the Harbour Wall\n\nThe wall was built in 1820 from stone brought by boat from the quarry up the coast, and it has stood through every storm since.\n\nIts repair began last year.');
    expect(article.title).not.toBe('Pasted text');
    expect(article.title).toContain('Harbour Wall');
  });

  it('pasted HTML without a title or heading is named by its first paragraph', async () => {
    const article = await titleOf('<p>A paragraph copied from a web page without a heading. It has two sentences.</p><p>And a second paragraph after it, also copied from the same page.</p>', true);
    expect(article.title).toBe('A paragraph copied from a web page without a heading');
  });
});

describe('titleFromFirstLine', () => {
  const article = (text: string) => ({ blocks: [{ kind: 'paragraph' as const, text }], lang: 'en' });

  it('a long first sentence is cut at a word, with an ellipsis', () => {
    const title = titleFromFirstLine(article('This first sentence goes on and on, well past the length anyone would want to see as the name of an article in a list. Then another.'))!;
    expect(title.length).toBeLessThanOrEqual(61);
    expect(title).toMatch(/^This first sentence goes on and on, well past the length\S*…$/u);
  });

  it('a question keeps its mark, an ellipsis its dots; nothing readable gives none', () => {
    expect(titleFromFirstLine(article('Who built the wall? Nobody knows.'))).toBe('Who built the wall?');
    expect(titleFromFirstLine(article('And then...'))).toBe('And then...');
    expect(titleFromFirstLine({ blocks: [], lang: null })).toBeNull();
  });
});
