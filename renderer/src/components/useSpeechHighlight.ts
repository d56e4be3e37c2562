/**
 * Highlights the sentence and word being spoken with the CSS Custom Highlight API: no DOM changes
 * inside the paragraph, so a screen reader's reading position and text selection are left alone.
 * Styles (background plus underline, not colour alone) live in styles.css under ::highlight().
 */
import { useEffect, type RefObject } from 'react';
import type { Article } from '../../../shared/article';
import type { SentenceHighlight, WordHighlight } from '../../../shared/highlightStyles';
import { TITLE_INDEX, type SpokenTitle } from '../../../shared/spokenTitle';
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

/**
 * The text node a range of the spoken unit's characters lies in, and where the unit's text starts in
 * it: a block's own element, or for the title unit the heading (the title) or the byline line ("By ...").
 */
function unitText(container: HTMLElement, blockIndex: number, title: SpokenTitle | null, charStart: number): { node: Text; shift: number } | null {
  if (blockIndex !== TITLE_INDEX) {
    const node = container.querySelector(`[data-block-index="${blockIndex}"]`)?.firstChild;
    return node instanceof Text ? { node, shift: 0 } : null;
  }
  if (!title) return null;
  if (title.bylineStart === null || charStart < title.bylineStart) {
    const node = container.querySelector('h1')?.firstChild;
    return node instanceof Text ? { node, shift: 0 } : null;
  }
  const node = container.querySelector('[data-byline]')?.firstChild;
  if (!(node instanceof Text)) return null;
  // The line shows "By <byline>"; the unit says the same words from bylineStart, with a closing full stop.
  const said = title.text.slice(title.bylineStart).replace(/\.$/u, '');
  const at = node.data.lastIndexOf(said);
  return { node, shift: (at < 0 ? 0 : at) - title.bylineStart };
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
  /** The title unit read before block 0 (state.blockIndex -1), if any. */
  title: SpokenTitle | null,
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
    const container = articleRef.current;
    const text = sentence && container ? unitText(container, blockIndex, title, sentence.charStart) : null;
    if (!sentence || !text) return;
    const element = text.node.parentElement;
    // The title unit may say a full stop the page does not show ("The Title. By ..."): ends are kept to the shown text.
    const end = (charEnd: number) => (blockIndex === TITLE_INDEX ? Math.min(charEnd + text.shift, text.node.data.length) : charEnd + text.shift);
    const sentenceRange = rangeIn(text.node, sentence.charStart + text.shift, end(sentence.charEnd));
    if (sentenceRange && styles.sentence !== 'off') registry.set(SENTENCE_HIGHLIGHT, new Highlight(sentenceRange));
    const word = sentence.words[wordIndex];
    const wordRange = word ? rangeIn(text.node, word.charStart + text.shift, end(word.charEnd)) : null;
    const ruler = rulerRef?.current;
    if (ruler && articleRef.current && (wordRange ?? sentenceRange)) placeRuler(ruler, (wordRange ?? sentenceRange)!, articleRef.current);
    if (wordRange) {
      if (styles.word !== 'off') registry.set(WORD_HIGHLIGHT, new Highlight(wordRange));
      if (element && element.getBoundingClientRect().height > window.innerHeight / 2) keepInView(wordRange);
    }
  }, [articleRef, article, title, blockIndex, sentenceIndex, wordIndex, timeline, rulerRef, styles.sentence, styles.word]);

  useEffect(
    () => () => {
      CSS.highlights?.delete(SENTENCE_HIGHLIGHT);
      CSS.highlights?.delete(WORD_HIGHLIGHT);
    },
    [],
  );
}
