import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../main/article/markdown/extractMarkdown';
import { loadArticleFile } from '../../main/article/loadArticleFile';
import { loadWelcomeArticle } from '../../main/article/welcomeArticle';

describe('Markdown files', () => {
  it('reads structure, not markup', async () => {
    const result = await loadArticleFile(join(import.meta.dirname, '..', 'fixtures', 'article.md'));
    if (!result.ok) throw new Error(result.message);
    const { article } = result;
    expect(article.title).toBe('Reading Markdown Aloud');
    expect(article.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Markdown files are plain text with a few marks, and links read as their text. This line continues the same paragraph.'],
      ['heading', 'A list'],
      ['list-item', 'first point with inline code'],
      ['list-item', 'second point'],
      ['list-item', 'a nested point'],
      ['list-item', 'numbered one'],
      ['list-item', 'numbered two'],
      ['quote', 'A quoted line that continues here.'],
      ['code', 'const a = 1;'],
      ['code', 'Code sample in python, 46 lines, not read aloud.'],
      ['table', 'Name, Role. Ada, Engineer. Grace, Admiral.'],
      ['paragraph', 'Words after an image & an entity.'],
    ]);
    const read = article.blocks.map((b) => b.text).join(' ');
    for (const marker of ['*', '**', '`', '](', '#', '<div>', 'raw html', 'pic.png']) expect(read).not.toContain(marker);
  });

  it('keeps the fallback title when the document does not open with a heading', () => {
    const article = extractMarkdown('Just a note with __strong__ words.\n\n### Later heading\n\nText.', 'notes');
    expect(article.title).toBe('notes');
    expect(article.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Just a note with strong words.'],
      ['heading', 'Later heading'],
      ['paragraph', 'Text.'],
    ]);
  });

  it('the welcome article (Markdown) keeps its title and sections', async () => {
    const result = await loadWelcomeArticle();
    if (!result.ok) throw new Error(result.message);
    expect(result.article.title).toBe('Welcome to Article Player');
    expect(result.article.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toContain('Playing and pausing');
    expect(result.article.blocks.every((b) => !b.text.includes('#'))).toBe(true);
  });
});

describe('Markdown hidden blocks', () => {
  it('keeps the visible text of raw HTML blocks as hidden, never scripts, styles or hidden parts', () => {
    const article = extractMarkdown(
      '# Title\n\nFirst paragraph.\n\n<div class="note">\n<p>A boxed note in HTML.</p>\n<script>alert("SCRIPTTEXT")</script><span hidden>HIDDENTEXT</span>\n</div>\n\nSecond paragraph.\n\n<style>p { color: red }</style>\n',
      'x',
    );
    expect(article.blocks.map((b) => b.text)).toEqual(['First paragraph.', 'Second paragraph.']);
    expect(article.hidden).toEqual([{ kind: 'paragraph', text: 'A boxed note in HTML.', position: 1, reason: 'HTML markup' }]);
  });

  it('has no hidden list when everything is read', () => {
    expect(extractMarkdown('# Title\n\nJust text.', 'x').hidden).toBeUndefined();
  });
});
