/**
 * Sentence and word segmentation with character offsets, shared so that main (which times the
 * audio) and the renderer (which highlights it) agree on every boundary.
 */

export interface TextSpan {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string | null, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const key = `${lang ?? ''}|${granularity}`;
  let found = segmenters.get(key);
  if (!found) {
    let locale: string | undefined;
    try {
      locale = lang ? Intl.getCanonicalLocales(lang)[0] : undefined;
    } catch {
      locale = undefined; // an invalid lang attribute from a page must not break reading
    }
    found = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, found);
  }
  return found;
}

/** Abbreviations after which Intl.Segmenter wrongly ends a sentence in English text. */
const NON_TERMINAL_ABBREVIATION = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|vs|etc|e\.g|i\.e|No|Fig|approx|Inc|Ltd|Co)\.\s*$/iu;

/** Sentences of `text`, trimmed, as spans into `text`. Never returns an empty list for text with letters. */
export function splitSentences(text: string, lang: string | null = null): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const { index, segment } of segmenter(lang, 'sentence').segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const span = { start: index + leading, end: index + leading + trimmed.length };
    const previous = spans.at(-1);
    if (previous && NON_TERMINAL_ABBREVIATION.test(text.slice(previous.start, previous.end))) {
      previous.end = span.end;
    } else {
      spans.push(span);
    }
  }
  return spans;
}

/** Words (letter or number runs) of text[start, end) as spans into `text`. */
export function splitWords(text: string, lang: string | null = null, start = 0, end = text.length): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const part of segmenter(lang, 'word').segment(text.slice(start, end))) {
    if (part.isWordLike) spans.push({ start: start + part.index, end: start + part.index + part.segment.length });
  }
  return spans;
}
