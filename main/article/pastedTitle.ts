/**
 * A title for pasted text when extraction found none: its first line (the first paragraph read, to its
 * first sentence), so two pastes are not both "Pasted text" in the library and the queue.
 */
import type { Article } from '../../shared/article.js';
import { splitSentences } from '../../shared/segment.js';

const MAX_TITLE = 80;
const CUT_AT = 60;

/** The first sentence of the first block (a trailing full stop dropped), cut at a word near 60 characters when longer than 80. */
export function titleFromFirstLine(article: Pick<Article, 'blocks' | 'lang'>): string | null {
  const first = article.blocks.find((block) => /[\p{L}\p{N}]/u.test(block.text));
  if (!first) return null;
  const line = first.text.split('\n').find((part) => part.trim())!.trim();
  const sentence = splitSentences(line, article.lang)[0];
  const text = (sentence ? line.slice(sentence.start, sentence.end) : line).replace(/(?<![.])\.$/u, '');
  if (text.length <= MAX_TITLE) return text;
  const cut = text.slice(0, CUT_AT + 1).replace(/\s+\S*$/u, '');
  return `${(cut.length >= CUT_AT / 2 ? cut : text.slice(0, CUT_AT)).replace(/[\s,;:–—-]+$/u, '')}…`;
}
