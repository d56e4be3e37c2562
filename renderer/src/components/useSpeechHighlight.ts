/**
 * Highlights the sentence and word being spoken with the CSS Custom Highlight API: no DOM changes
 * inside the paragraph, so a screen reader's reading position and text selection are left alone.
 * Styles (background plus underline, not colour alone) live in styles.css under ::highlight().
 */
import { useEffect, type RefObject } from 'react';
import type { Article } from '../../../shared/article';
import type { SentenceHighlight, WordHighlight } from '../../../shared/highlightStyles';
import type { PlayerState } from '../player/Player';

export const SENTENCE_HIGHLIGHT = 'ap-sentence';
export const WORD_HIGHLIGHT = 'ap-word';

function rangeIn(textNode: Text, start: number, end: number): Range | null {
  const length = textNode.data.length;
  if (start < 0 || end > length || start >= end) return null;
  const range = document.createRange();
  range.setStart(textNode, start);
  range.setEnd(textNode, end);
  return range;
}

/** Scrolls just enough to keep the spoken word visible inside a paragraph taller than the window. */
function keepInView(range: Range): void {
  const rect = range.getBoundingClientRect();
  const margin = 80;
  if (rect.height === 0) return;
  if (rect.bottom > window.innerHeight - margin || rect.top < margin) window.scrollBy({ top: rect.top - window.innerHeight / 2, behavior: 'instant' });
}

/** Places the reading ruler (a band behind the line being spoken) on the spoken word's line. */
function placeRuler(ruler: HTMLElement, range: Range, container: HTMLElement): void {
  const line = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const box = container.getBoundingClientRect();
  ruler.style.top = `${line.top - box.top - line.height * 0.15}px`;
  ruler.style.height = `${line.height * 1.3}px`;
  ruler.hidden = false;
}

export function useSpeechHighlight(
  articleRef: RefObject<HTMLElement | null>,
  article: Article,
  state: PlayerState,
  rulerRef: RefObject<HTMLDivElement | null> | null,
  styles: { sentence: SentenceHighlight; word: WordHighlight },
): void {
  const { blockIndex, sentenceIndex, wordIndex, timeline } = state;
  useEffect(() => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!registry) return;
    registry.delete(SENTENCE_HIGHLIGHT);
    registry.delete(WORD_HIGHLIGHT);
    const sentence = timeline?.sentences[sentenceIndex];
    const element = articleRef.current?.querySelector(`[data-block-index="${blockIndex}"]`);
    const textNode = element?.firstChild;
    if (!sentence || !(textNode instanceof Text)) return;
    const sentenceRange = rangeIn(textNode, sentence.charStart, sentence.charEnd);
    if (sentenceRange && styles.sentence !== 'off') registry.set(SENTENCE_HIGHLIGHT, new Highlight(sentenceRange));
    const word = sentence.words[wordIndex];
    const wordRange = word ? rangeIn(textNode, word.charStart, word.charEnd) : null;
    const ruler = rulerRef?.current;
    if (ruler && articleRef.current && (wordRange ?? sentenceRange)) placeRuler(ruler, (wordRange ?? sentenceRange)!, articleRef.current);
    if (wordRange) {
      if (styles.word !== 'off') registry.set(WORD_HIGHLIGHT, new Highlight(wordRange));
      if (element && element.getBoundingClientRect().height > window.innerHeight / 2) keepInView(wordRange);
    }
  }, [articleRef, article, blockIndex, sentenceIndex, wordIndex, timeline, rulerRef, styles.sentence, styles.word]);

  useEffect(
    () => () => {
      CSS.highlights?.delete(SENTENCE_HIGHLIGHT);
      CSS.highlights?.delete(WORD_HIGHLIGHT);
    },
    [],
  );
}
