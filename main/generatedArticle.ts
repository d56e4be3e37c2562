/**
 * A long article made up for the long-article bench and its e2e check: `count` different paragraphs
 * of about 50 words (four sentences each), the same for a given count's prefix, so a 40-paragraph
 * article is the first 40 paragraphs of the 2,000-paragraph one.
 */
import type { Article } from '../shared/article.js';

const WORDS = (
  'river council park bread starter planet music garden election science window morning harbour letter ' +
  'village market teacher engine summer station mountain library kitchen lantern orchard bridge ' +
  'painter winter meadow doctor festival signal island journey candle forest museum tower'
).split(' ');
const VERBS = 'opened carried watched found built painted followed answered measured gathered'.split(' ');

/** A small deterministic generator (mulberry32), so every run reads the same article. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function paragraph(index: number): string {
  const next = random(index + 1);
  const pick = (list: readonly string[]) => list[Math.floor(next() * list.length)]!;
  const sentences: string[] = [];
  for (let s = 0; s < 4; s++) {
    const words = [`The ${pick(WORDS)}`, pick(VERBS), `the ${pick(WORDS)}`];
    const extra = 6 + Math.floor(next() * 4);
    for (let w = 0; w < extra; w++) words.push(pick(WORDS));
    sentences.push(`${words.join(' ')}${s === 0 ? ` in part ${index + 1}` : ''}.`);
  }
  return sentences.join(' ');
}

export function generatedArticle(count: number): Article {
  return {
    title: `A generated article of ${count} paragraphs`,
    byline: null,
    source: null,
    lang: 'en',
    blocks: Array.from({ length: count }, (_, index) => ({ kind: 'paragraph' as const, text: paragraph(index) })),
  };
}
