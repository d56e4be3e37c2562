/**
 * The opening of a block said alone before the whole block, so the first Play after an article opens
 * waits for one sentence of synthesis, not a paragraph's: the block's text up to the end of its first
 * sentence, or null when the block is one sentence (it is short already). Main synthesizes it when the
 * page asks for the article, the Player asks for the same text, so the request finds it made.
 */
import { splitSentences } from './segment.js';

export function openingSentence(text: string, lang: string | null): string | null {
  const spans = splitSentences(text, lang);
  if (spans.length < 2) return null;
  return text.slice(0, spans[0]!.end);
}
