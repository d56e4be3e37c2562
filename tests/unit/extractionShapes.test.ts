/**
 * The shapes an article arrives in besides a tidy page, written for these tests (not taken from the corpus
 * the models were trained on): a scraped news story with a loader line, an attribution, a bio and a comment
 * button; a short article beside a cookie banner; a byline that says "By" itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../main/article/html/extractHtml';
import { extractPlainText } from '../../main/article/text/extractPlainText';
import { cleanByline } from '../../main/article/pageMetadata';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'extraction');

describe('a scraped news story: loader line, headline, fifteen paragraphs, source, bio, comment button', () => {
  const text = readFileSync(join(FIXTURES, 'harbour-ferry.txt'), 'utf8');
  const article = extractPlainText(text, 'harbour-ferry.txt');
  const paragraphs = text.split('\n\n').map((chunk) => chunk.trim()).filter((chunk) => chunk.split(' ').length > 25 && !chunk.includes('distinguished journalist'));

  it('the title is the headline, not the loader line', () => {
    expect(article.title).toBe('Harbour Ferry Service Returns After Two-Year Pause as Tidal Barrier Work Ends');
  });

  it('reads the fifteen paragraphs and nothing else, in order', () => {
    expect(paragraphs).toHaveLength(15);
    expect(article.blocks.map((block) => block.text)).toEqual(paragraphs);
  });

  it('finds the source and the byline once, and leaves the rest out with its reason', () => {
    expect(article.source).toBe('www.example-news.com');
    expect(article.byline).toBe('Marguerite Okafor');
    const reasons = Object.fromEntries((article.hidden ?? []).map((block) => [block.text.slice(0, 20), block.reason]));
    expect(reasons).toEqual({ 'Loading Now': 'loading text', 'Original Source: www': 'source line', 'Marguerite Okafor is': 'author bio', 'Post Comment': 'comment section' });
    expect(article.lang).toBe('en');
  });
});

describe('a short article with a cookie banner outside it', () => {
  const html = `<!doctype html><html lang="en"><head><title>Night trains return to the valley | The Valley Courier</title>
    <meta property="og:site_name" content="The Valley Courier"></head><body>
    <div class="consent-banner"><p>We use cookies to improve your experience on our site and to show you relevant advertising. By continuing to browse you agree to our use of cookies.</p><a href="/privacy">Learn more</a></div>
    <header><a href="/">The Valley Courier</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
    <main><article><h1>Night trains return to the valley</h1>
      <p class="byline">By Mara Lindqvist</p>
      <p>The overnight service between the coast and the mountain towns will run again from March, the rail operator said on Thursday, three years after it was withdrawn.</p>
      <p>Two trains a week will leave the coast at ten in the evening and reach the last valley station shortly after dawn, with sleeping cars refurbished for the relaunch.</p>
    </article></main>
    <aside><h2>Most read</h2><ul><li><a href="/a">Council budget approved after long debate on Tuesday night</a></li><li><a href="/b">Five walks to try before the first snow falls this winter</a></li></ul></aside>
    <footer><p>Copyright The Valley Courier. All rights reserved. Registered in the valley, company number 0000000.</p></footer>
    </body></html>`;
  const article = extractHtml(html, 'fallback', 'https://courier.example/night-trains');

  it('reads the two paragraphs, the banner last of all (never)', () => {
    expect(article.blocks.map((block) => block.text)).toEqual([
      'The overnight service between the coast and the mountain towns will run again from March, the rail operator said on Thursday, three years after it was withdrawn.',
      'Two trains a week will leave the coast at ten in the evening and reach the last valley station shortly after dawn, with sleeping cars refurbished for the relaunch.',
    ]);
    expect(article.hidden?.some((block) => block.text.startsWith('We use cookies'))).toBe(true);
  });

  it('names the headline and the author once: never "By By"', () => {
    expect(article.title).toBe('Night trains return to the valley');
    expect(article.byline).toBe('Mara Lindqvist');
    expect(article.blocks.some((block) => block.text.includes('Mara Lindqvist'))).toBe(false);
  });
});

describe('bylines are cleaned of their labels and dates', () => {
  it.each([
    ['By Mara Lindqvist', 'Mara Lindqvist'],
    ['BY MARA LINDQVIST', 'MARA LINDQVIST'],
    ['Written bySir Nuno', 'Sir Nuno'],
    ['Written By: Celeste Longacre', 'Celeste Longacre'],
    ['Author: Michael Ansaldo', 'Michael Ansaldo'],
    ['Jul 11 Written By Paige Brunton', 'Paige Brunton'],
    ['Scott Matton March 2, 2026', 'Scott Matton'],
    ['Von Anna Schmidt', 'Anna Schmidt'],
    ['Bylines Are Rare', 'Bylines Are Rare'],
  ])('%s -> %s', (raw, clean) => {
    expect(cleanByline(raw)).toBe(clean);
  });

  it('a web address is not a byline', () => {
    expect(cleanByline('https://example.com/authors/jane')).toBeNull();
  });
});
