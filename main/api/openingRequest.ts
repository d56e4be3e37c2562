/**
 * What the page will ask to synthesize first for an article it is given: the opening sentence of the
 * block reading starts from, as the Player asks for it (shared/synthesisRequest.ts builds both, so the
 * synthesis cache answers it); at the top of an article, the title's, which is read first. Null when
 * reading starts inside a block, the block is one sentence, or it is in another language than the article.
 * `defaultLanguage` is the page's language (an article without one is read in it).
 */
import type { ApiParams, LoadResult } from '../../shared/api.js';
import { openingSentence } from '../../shared/openingSentence.js';
import { clampRate } from '../../shared/rate.js';
import type { Settings } from '../../shared/settings.js';
import { spokenTitle, titleBlock } from '../../shared/spokenTitle.js';
import { articleVoice, primaryLanguage, synthesisRequest } from '../../shared/synthesisRequest.js';

export function openingRequest(result: LoadResult, settings: Settings, defaultLanguage: string): ApiParams<'synthesizeBlock'> | null {
  if (!result.ok) return null;
  const { article } = result;
  const position = result.entry?.position ?? { blockIndex: 0, sentenceIndex: 0 };
  // At the top, reading starts with the title (shared/spokenTitle.ts): its opening sentence, or all of it.
  const title = position.blockIndex <= 0 && position.sentenceIndex <= 0 && article.blocks.length > 0 ? spokenTitle(article, settings.readByline) : null;
  const block = title ? titleBlock(title)! : article.blocks[position.blockIndex];
  if (!block || position.sentenceIndex > 0) return null;
  if (block.lang !== undefined && primaryLanguage(block.lang, defaultLanguage) !== primaryLanguage(article.lang, defaultLanguage)) return null;
  const text = openingSentence(block.text, article.lang) ?? (title ? block.text : null);
  if (!text) return null;
  const voice = articleVoice(settings.voiceByLanguage, article.lang, defaultLanguage);
  return synthesisRequest({ text, blockLang: block.lang, article: { lang: article.lang, voice }, rate: clampRate(settings.rate) }, settings);
}
