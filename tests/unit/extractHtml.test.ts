import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../main/article/html/extractHtml';

const hostile = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'hostile.html'), 'utf8');
// The first 25 pages of the WCXB dev split, copied into the repository so the tests need nothing beside it.
const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'wcxb-dev-articles');

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

describe('extractHtml: hidden blocks', () => {
  const paragraphs = [
    'After three years of public hearings, the city council voted seven to two on Tuesday night to convert the abandoned rail yard on the east bank into a public park, ending a long dispute over the future of the site.',
    'The plan sets aside roughly forty acres for walking paths, a wetland garden and a small outdoor theatre. Supporters argued that the east side has the fewest green spaces per resident of any district in the city.',
    'Opponents on the council said the money would be better spent on housing. "We are choosing trees over homes," one member said during the debate, adding that the vote ignored a waiting list.',
    'Construction is expected to begin next spring. The first section, along the river, could open to visitors within eighteen months, according to the parks department.',
  ];
  const page = `<!doctype html><html><head><title>Rail Yard Park | Gazette</title><style>.x { content: "STYLETEXT" }</style></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News section</a></li></ul></nav></header>
<main><article class="post">
<h1>Rail Yard Park</h1>
<p>${paragraphs[0]}</p>
<figure><img src="x.jpg" alt="ALTTEXT"><figcaption>The rail yard seen from the river bridge in March.</figcaption></figure>
<p>${paragraphs[1]}</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a><button>Copy the link</button></div>
<p>${paragraphs[2]}</p>
<p>${paragraphs[3]}</p>
<div class="author-bio"><p>Jordan Ellis covers city government and urban planning for the Gazette.</p></div>
</article>
<section id="comments"><h2>Reader comments</h2><p>Great news for the east side, finally a park.</p>
<form><label>Your comment</label><textarea>TEXTAREATEXT</textarea><input value="INPUTTEXT"><select><option>OPTIONTEXT</option></select></form></section>
</main><script>var secret = "SCRIPTTEXT";</script><template><p>TEMPLATETEXT is here</p></template><noscript><p>NOSCRIPTTEXT is here</p></noscript>
<div style="display: none">Invisible promo text here</div><div hidden>Hidden attribute text</div><div aria-hidden="true">Aria hidden text</div><div class="sr-only">Screen reader only</div>
<footer><p>Copyright Gazette Media 2026</p></footer></body></html>`;
  const article = extractHtml(page, 'x', null);

  it('keeps the article blocks as they were', () => {
    expect(article.blocks.map((b) => b.text)).toEqual(paragraphs);
  });

  it('lists the left-out text in page order with its position and reason', () => {
    expect(article.hidden!.map(({ text, position, reason }) => [text, position, reason])).toEqual([
      ['Home', 0, 'site menu'],
      ['News section', 0, 'site menu'],
      ['The rail yard seen from the river bridge in March.', 1, 'figure caption'],
      ['Share on Facebook Share on Twitter', 2, 'share buttons'],
      ['Jordan Ellis covers city government and urban planning for the Gazette.', 4, 'author bio'],
      ['Reader comments', 4, 'comment section'],
      ['Great news for the east side, finally a park.', 4, 'comment section'],
      ['Your comment', 4, 'comment section'],
      ['Copyright Gazette Media 2026', 4, 'page footer'],
    ]);
  });

  it('never lists code, templates, form controls, media text or hidden content', () => {
    const text = JSON.stringify(article.hidden);
    for (const word of ['SCRIPTTEXT', 'STYLETEXT', 'TEMPLATETEXT', 'NOSCRIPTTEXT', 'TEXTAREATEXT', 'INPUTTEXT', 'OPTIONTEXT', 'ALTTEXT', 'Copy the link', 'Invisible', 'Hidden attribute', 'Aria hidden', 'Screen reader']) {
      expect(text).not.toContain(word);
    }
  });

  it('has no hidden list when the whole page is read', () => {
    expect(extractHtml(`<html><body><article><p>${paragraphs.join('</p><p>')}</p></article></body></html>`, 'x').hidden).toBeUndefined();
  });

  it('caps the list and its text', () => {
    const menu = Array.from({ length: 500 }, (_, i) => `<li><a href="/${i}">Menu entry number ${i} ${'word '.repeat(i % 7 === 0 ? 300 : 3)}</a></li>`).join('');
    const capped = extractHtml(`<html><body><nav><ul>${menu}</ul></nav><article><p>${paragraphs.join('</p><p>')}</p></article></body></html>`, 'x');
    expect(capped.blocks.map((b) => b.text)).toEqual(paragraphs);
    expect(capped.hidden!.length).toBeLessThanOrEqual(200);
    expect(capped.hidden!.reduce((sum, b) => sum + b.text.length, 0)).toBeLessThanOrEqual(100_000);
    expect(new Set(capped.hidden!.map((b) => b.text)).size).toBe(capped.hidden!.length);
  });
});

describe('extractHtml: page structure rules', () => {
  const prose = 'This paragraph is long enough to be an article on its own, with several sentences of ordinary prose. It goes on a little more, so that nothing mistakes it for page furniture or a caption.';

  it('reads a page pasted inside a page (inner <html><body> tags) as one article, as a browser does', () => {
    const inner = Array.from({ length: 6 }, (_, i) => `<p>Inner part ${i}. ${prose}</p>`).join('');
    const html = `<!doctype html><html><body><main><div class="intro"><p>Intro. ${prose}</p></div><div class="article-content"><!DOCTYPE html><html><head><title>Inner</title></head><body>${inner}</body></html></div></main></body></html>`;
    const article = extractHtml(html, 'x');
    expect(article.blocks.filter((b) => b.text.startsWith('Inner part')).length).toBe(6);
    expect(article.blocks.map((b) => b.text).join(' ')).not.toContain('Inner Inner');
  });

  it('leaves out a standalone byline and an empty "On this page" heading, and says why', () => {
    const html = `<html><body><article><h2>On this page</h2><p>By Daniel Burstein, Senior Director, Content &amp; Marketing</p><p>${prose}</p><p>By Tuesday, the council had voted on the plan.</p><p>${prose} Again.</p></article></body></html>`;
    const article = extractHtml(html, 'x');
    expect(article.blocks.map((b) => b.text)).toEqual([prose, 'By Tuesday, the council had voted on the plan.', `${prose} Again.`]);
    expect(article.hidden!.map(({ text, position, reason }) => [text, position, reason])).toEqual([
      ['On this page', 0, 'table of contents'],
      ['By Daniel Burstein, Senior Director, Content & Marketing', 0, 'byline'],
    ]);
  });
});

describe('extractHtml: figure captions', () => {
  const prose = 'This paragraph is long enough to be an article on its own, with several sentences of ordinary prose. It goes on a little more, so that nothing mistakes it for page furniture or a caption.';

  it('reads numbered captions (part of the argument) and hides the others', () => {
    const html = `<html><body><article><p>${prose}</p><figure><img src="a.png"><figcaption>Figure 2. Gas consumption per block across the merged runs.</figcaption></figure><p>${prose} More.</p><figure><img src="b.png"><figcaption>The team at work in the lab.</figcaption></figure><p>${prose} End.</p></article></body></html>`;
    const article = extractHtml(html, 'x');
    expect(article.blocks.map((b) => b.text)).toEqual([prose, 'Figure 2. Gas consumption per block across the merged runs.', `${prose} More.`, `${prose} End.`]);
    expect(article.hidden).toEqual([{ kind: 'paragraph', text: 'The team at work in the lab.', position: 3, reason: 'figure caption' }]);
  });
});
