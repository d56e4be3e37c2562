/**
 * How the spoken sentence and word are marked. Every style but "off" carries a cue other than colour
 * (WCAG 1.4.1): the sentence's background is close to the current paragraph's in every theme, so the
 * sentence is also underlined (or framed) in a colour with 3:1 against both (shared/themes.ts).
 */
export const SENTENCE_HIGHLIGHTS = ['background', 'underline', 'box', 'off'] as const;
export type SentenceHighlight = (typeof SENTENCE_HIGHLIGHTS)[number];
export const SENTENCE_HIGHLIGHT_LABELS: Record<SentenceHighlight, string> = {
  background: 'Background and underline',
  underline: 'Underline only',
  box: 'Lines above and below',
  off: 'Off',
};

export const WORD_HIGHLIGHTS = ['fill', 'underline', 'off'] as const;
export type WordHighlight = (typeof WORD_HIGHLIGHTS)[number];
export const WORD_HIGHLIGHT_LABELS: Record<WordHighlight, string> = {
  fill: 'Filled, in the accent colour',
  underline: 'Thick underline',
  off: 'Off',
};
