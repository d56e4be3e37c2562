/**
 * A page that marks up its article (issue 26, case 2): text outside the <article>/<main> that holds the
 * headline and the body is not read, whatever it says and however it is classed: cookie and consent
 * notices, sign-up promotions, service alerts, before or after the article.
 */
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../main/article/html/extractHtml';

const BODIES = [
  ['The harbour town rebuilt its sea wall after the storm.', 'Fishermen said the new stones were taller than the old ones.', 'Work began in March and ended in early June.', 'The council paid for most of it from its reserve fund.', 'Some residents asked why the path along the top was closed.', 'Engineers said it would reopen once the mortar had set.', 'A small ceremony was held on Saturday morning.', 'Children from the school painted the first bollard.'],
  ['Apple growers in the north expect a smaller harvest this autumn.', 'A late frost in April damaged blossom on many farms.', 'Prices at the market rose by a fifth in September.', 'Cider makers say they will buy fruit from further south.', 'One grower planted hardier trees after last year.', 'The agricultural college is testing frost nets.', 'Results will be published before the winter fair.'],
];

const OUTSIDE = [
  '<div class="notice">We use cookies to improve your experience. <button>Accept all</button></div>',
  '<div id="bar">This site uses cookies to give you the best experience. <a href="/privacy">Learn more</a></div>',
  '<div class="banner"><p>By continuing to browse you agree to our use of cookies and similar technologies.</p></div>',
  '<div><p>Subscribe today and get three months of unlimited reading for the price of one.</p></div>',
  '<section class="strip"><p>Our offices are closed on public holidays, so replies may take a little longer than usual.</p></section>',
];

function page(outside: string, body: string[], shape: (inner: string) => string, where: 'before' | 'after' = 'before'): string {
  const inner = `<h1>Local news of the week</h1><p class="byline">By Ines Okafor</p>${body.map((text) => `<p>${text}</p>`).join('')}`;
  return `<!doctype html><html><head><title>Local news of the week | Coast Post</title></head><body>
    <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
    ${where === 'before' ? outside : ''}${shape(inner)}${where === 'after' ? outside : ''}
    <aside><h2>Related</h2><ul><li><a href="/a">Storm season ends early</a></li><li><a href="/b">New ferry for the island</a></li></ul></aside>
    <footer><p>Coast Post, all rights reserved.</p></footer></body></html>`;
}

const SHAPES: Array<[string, (inner: string) => string]> = [
  ['<main><article>', (inner) => `<main><article>${inner}</article></main>`],
  ['<article>', (inner) => `<div class="wrap"><article>${inner}</article></div>`],
  ['<main>', (inner) => `<main>${inner}</main>`],
  ['role=main', (inner) => `<div role="main"><div class="story">${inner}</div></div>`],
];

const textOf = (outside: string) => outside.replace(/<button>.*?<\/button>|<a .*?<\/a>/gu, '').replace(/<[^>]+>/gu, '').trim();

describe('text outside a marked-up article is not read', () => {
  for (const [shapeName, shape] of SHAPES) {
    OUTSIDE.forEach((outside, n) => {
      const body = BODIES[n % BODIES.length]!;
      it(`${shapeName}, outside text ${n + 1}: the body is read, from its first paragraph, and the outside text is left out`, () => {
        const article = extractHtml(page(outside, body, shape), 'x');
        expect(article.title).toBe('Local news of the week');
        expect(article.blocks[0]!.text).toBe(body[0]);
        expect(article.blocks.some((block) => block.text.includes(textOf(outside).slice(0, 30)))).toBe(false);
        expect(article.hidden?.some((block) => block.text.startsWith(textOf(outside).slice(0, 30)))).toBe(true);
      });
    });
  }

  it('after the article too', () => {
    const outside = '<div class="strip"><p>Join our readers’ panel and tell us what you think of the new layout.</p></div>';
    const article = extractHtml(page(outside, BODIES[0]!, (inner) => `<main><article>${inner}</article></main>`, 'after'), 'x');
    expect(article.blocks.map((block) => block.text)).toEqual(BODIES[0]);
  });

  it('but an <article> holding the headline alone says nothing of the body beside it', () => {
    const body = BODIES[1]!;
    const html = `<!doctype html><html><head><title>Orchards | Farm Weekly</title></head><body>
      <div class="page"><article><h1>Orchards</h1></article><div class="text">${body.map((text) => `<p>${text}</p>`).join('')}</div></div></body></html>`;
    const article = extractHtml(html, 'x');
    expect(article.blocks.map((block) => block.text)).toEqual(body);
  });
});
