/**
 * Find in the article: every place a query occurs, ignoring case and accents ("resume" finds "Résumé"),
 * with character offsets in the block's own text so reading can start at the match.
 */
import type { Block } from './article.js';

export interface FindMatch {
  blockIndex: number;
  /** Offsets in the block's text (UTF-16 units), end exclusive. */
  charStart: number;
  charEnd: number;
  /** A few words around the match, for a result list. */
  before: string;
  match: string;
  after: string;
}

/** The text folded for matching, with the offset in the original of each folded unit. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const simple = char.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
    for (let i = 0; i < simple.length; i++) origin.push(offset);
    folded += simple;
    offset += char.length;
  }
  origin.push(offset);
  return { folded, origin };
}

const CONTEXT = 40;

/** Trims context to whole words, marking a cut with an ellipsis. */
function contextBefore(text: string, start: number): string {
  if (start <= CONTEXT) return text.slice(0, start);
  const cut = text.slice(start - CONTEXT, start);
  return `…${cut.slice(cut.indexOf(' ') + 1)}`;
}
function contextAfter(text: string, end: number): string {
  if (text.length - end <= CONTEXT) return text.slice(end);
  const cut = text.slice(end, end + CONTEXT);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** The first `limit` matches of the query in reading order; a blank query matches nothing. */
export function findInArticle(blocks: readonly Block[], query: string, limit = 500): { matches: FindMatch[]; total: number } {
  const needle = fold(query.trim().replace(/\s+/gu, ' ')).folded;
  const matches: FindMatch[] = [];
  let total = 0;
  if (!needle) return { matches, total };
  blocks.forEach((block, blockIndex) => {
    const { folded, origin } = fold(block.text);
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      total++;
      if (matches.length >= limit) continue;
      const charStart = origin[at]!;
      const charEnd = origin[at + needle.length]!;
      matches.push({
        blockIndex,
        charStart,
        charEnd,
        before: contextBefore(block.text, charStart),
        match: block.text.slice(charStart, charEnd),
        after: contextAfter(block.text, charEnd),
      });
    }
  });
  return { matches, total };
}
