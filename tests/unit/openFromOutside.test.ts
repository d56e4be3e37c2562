/** An article handed to the running app from outside (a second launch, Open File, the OS) enters the library. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppHandlers } from '../../main/api/createAppContext';
import { loadWelcomeArticle } from '../../main/article/welcomeArticle';
import { ROOT } from '../helpers/built';

describe('openFromOutside', () => {
  it('remembers the article, so its reading position can be saved and it reopens from the library', async () => {
    const { openFromOutside, handlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'ap-outside-')), loadWelcomeArticle);
    const result = await openFromOutside(join(ROOT, 'tests', 'fixtures', 'short.txt'));
    expect(result.ok).toBe(true);
    const entry = result.ok ? result.entry : null;
    expect(entry?.id).toMatch(/^[0-9a-f]{20}$/);
    await expect(handlers.savePosition({ id: entry!.id, blockIndex: 1, sentenceIndex: 0 })).resolves.toEqual({ saved: true });
    const listed = await handlers.listLibrary({ query: '', sort: 'recent' });
    expect(listed.map((item) => item.id)).toEqual([entry!.id]);
  });

  it('passes a failure on unchanged, with nothing added to the library', async () => {
    const { openFromOutside, handlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'ap-outside-')), loadWelcomeArticle);
    const result = await openFromOutside(join(ROOT, 'tests', 'fixtures', 'does-not-exist.txt'));
    expect(result.ok).toBe(false);
    await expect(handlers.listLibrary({ query: '', sort: 'recent' })).resolves.toEqual([]);
  });
});
