import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../main/article/extractHtml';

const hostile = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'hostile.html'), 'utf8');
const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'wcxb-dev-articles');

describe('extractHtml', () => {
  const article = extractHtml(hostile, 'fallback', '/tmp/hostile.html');
  const read = article.blocks.map((b) => b.text).join('\n');

  it('keeps the article and its structure', () => {
    expect(article.title).toBe('Hostile page');
    expect(article.lang).toBe('en-GB');
    expect(article.source).toBe('/tmp/hostile.html');
    expect(article.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'heading', 'quote', 'list-item', 'list-item', 'paragraph']);
    expect(article.blocks[1]!.text).toBe(
      'The second paragraph has an inline event handler and a javascript link, which must arrive as plain text only, and never run.',
    );
    expect(article.blocks[6]!.text).toContain('says something with inline markup');
  });

  it('never reads scripts, captions, navigation, SVG or frames', () => {
    for (const phrase of ['__ran', 'Injected', 'Photo:', 'About us', 'svg text', 'Copyright', 'alert']) expect(read).not.toContain(phrase);
    expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();
  });

  it('does not read the title twice', () => {
    expect(article.blocks[0]!.text).not.toBe(article.title);
  });

  it('extracts readable text from real pages of the WCXB corpus without throwing', () => {
    const files = readdirSync(join(CORPUS, 'html')).sort().slice(0, 25);
    let withText = 0;
    for (const file of files) {
      const html = gunzipSync(readFileSync(join(CORPUS, 'html', file))).toString('utf8');
      const page = extractHtml(html, file);
      if (page.blocks.length > 0 && page.blocks.some((b) => b.text.length > 80)) withText++;
    }
    expect(withText).toBeGreaterThanOrEqual(23);
  });
});

describe('extractHtml: markup a browser would accept', () => {
  const prose = 'This paragraph is long enough to be an article on its own, with several sentences of ordinary prose. It goes on a little more, so that nothing mistakes it for page furniture or a caption.';

  it('reads HTML without an <html> element, as copied to the clipboard', () => {
    const article = extractHtml(`<meta charset="utf-8"><h1>Copied Article</h1><p>${prose}</p>`, 'Pasted page');
    expect(article.blocks.map((b) => b.text)).toEqual([prose]);
  });

  it('reads a page whose <title> comes before <body> without a <head>', () => {
    const article = extractHtml(`<!doctype html><html><title>Loose Title</title><body><p>${prose}</p></body></html>`, 'x');
    expect(article.title).toBe('Loose Title');
    expect(article.blocks.map((b) => b.text)).toEqual([prose]);
  });

  it('keeps script and style text out of the title taken from the <h1>', () => {
    const article = extractHtml(`<html><head></head><body><h1>News<style>p{background:url(https://attacker.example/x)}</style><script>alert(1)</script></h1><p>${prose}</p></body></html>`, 'x');
    expect(article.title).toBe('News');
  });

  it('survives a streamed-content placeholder inside its own content (it used to loop forever)', () => {
    const started = Date.now();
    const article = extractHtml(`<html><body><div hidden id="S:1"><template id="B:1"></template><p>${prose}</p></div></body></html>`, 'x');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(article.blocks.map((b) => b.text)).toContain(prose);
  });
});
