/**
 * The article's title (and, when the listener asks for it, its byline) as a spoken unit read before the
 * first paragraph: what a listener hears first, so they know what is playing (Narrate and Speechify do it).
 * It is not a block of the article: paragraph numbers, saved places and the library's counts are unchanged.
 */
import type { Article, Block } from './article.js';

/** The player's index of the title unit, before block 0. */
export const TITLE_INDEX = -1;

export interface SpokenTitle {
  /** What is spoken: the title, then "By <byline>." when asked for. */
  text: string;
  /** Where the title ends in `text` (the rest is the byline). */
  titleEnd: number;
  /** Where "By <byline>" starts in `text`, or null when the byline is not read. */
  bylineStart: number | null;
}

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The title unit of an article, or null when there is nothing to say: no title, or a title that is
 * the start of the first paragraph (pasted text named by its first line), which would be heard twice.
 */
export function spokenTitle(article: Pick<Article, 'title' | 'byline' | 'blocks'>, readByline: boolean): SpokenTitle | null {
  const title = article.title.replace(/\s+/gu, ' ').trim();
  const folded = fold(title);
  if (!folded) return null;
  const first = article.blocks[0];
  const opening = first ? fold(first.text) : '';
  if (opening === folded || opening.startsWith(`${folded} `)) return null;
  const byline = readByline ? (article.byline ?? '').replace(/\s+/gu, ' ').trim() : '';
  if (!fold(byline)) return { text: title, titleEnd: title.length, bylineStart: null };
  // A title without closing punctuation gets a full stop, so the byline is a sentence of its own.
  const joint = /[.!?\u2026]["'\u201d\u2019)]?$/u.test(title) ? ' ' : '. ';
  const by = /^by\b/iu.test(byline) ? byline : `By ${byline}`;
  const text = `${title}${joint}${by}${/[.!?]$/u.test(by) ? '' : '.'}`;
  return { text, titleEnd: title.length, bylineStart: title.length + joint.length };
}

/** The title unit as the player reads it: a heading-like block. */
export function titleBlock(title: SpokenTitle | null): Block | null {
  return title ? { kind: 'heading', text: title.text } : null;
}
