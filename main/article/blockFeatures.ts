/**
 * Shallow features of a page's blocks (the lines of a text scrape, or the paragraph-level elements of an
 * HTML page), for the content classifier (contentModel.ts). Only what plain text keeps: length, sentence
 * punctuation, capitalisation, stopword density, digits, position, repetition, and the same of the
 * neighbours (boilerpipe's insight: a block's neighbours say as much as the block). No phrase lists: the
 * weights come from the corpus (main/article/training/trainContentModel.ts).
 */
import { createRequire } from 'node:module';

/** Names in the order of the feature vector; the model file stores them, so a mismatch is caught at load. */
export const FEATURE_NAMES = [
  'bias',
  'logWords',
  'logChars',
  'endsSentence',
  'endsColon',
  'sentences',
  'capitalised',
  'stopwords',
  'digits',
  'punctuation',
  'separators',
  'linkLike',
  'repeats',
  'position',
  'wordPosition',
  'headlineShape',
  'startsLower',
  'nameThenWord',
  'proseBefore',
  'proseAfter',
  'proseNear',
  'prevLogWords',
  'nextLogWords',
  'prevSentence',
  'nextSentence',
  'prevStopwords',
  'nextStopwords',
  'windowLogWords',
  'windowStopwords',
  'windowSentence',
  'shortInProse',
  'longProse',
] as const;

export type FeatureVector = number[];

const WORD = /[\p{L}\p{N}]+/gu;
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;
const SEPARATORS = /\s[|·•»›/]\s|\s[|·•]$|^[|·•]\s/u;
const LINK_LIKE = /(?:https?:\/\/|www\.|\b[\w.-]+\.(?:com|org|net|io|co|uk|de|fr|gov|edu)\b|@[\w-]+\.)/iu;
const NAME_THEN_WORD = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}\s+\p{Ll}/u;

/** stopwords-iso: lists for 58 languages, one JSON file (loaded with require: a JSON module needs import attributes). */
/** Writing without spaces between words (Chinese, Japanese, Thai...): a run of it is many words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

const HAS_UNSPACED = new RegExp(UNSPACED.source, 'u');

/** Words in a text, counting a run of unspaced script as one word per two characters. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.match(WORD) ?? []) {
    const unspaced = token.match(UNSPACED)?.length ?? 0;
    count += unspaced === 0 ? 1 : Math.max(1, Math.round(unspaced / 2) + (token.length - unspaced > 0 ? 1 : 0));
  }
  return count;
}

const STOPWORDS = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
const stopwordSets = new Map<string, Set<string>>();

/** The language's stopwords, or (for a language without a list) the text's 40 most frequent words. */
export function stopwordsFor(lang: string | null, texts: string[]): Set<string> {
  const base = lang?.split('-')[0]?.toLowerCase() ?? '';
  const list = STOPWORDS[base];
  if (list) {
    let set = stopwordSets.get(base);
    if (!set) stopwordSets.set(base, (set = new Set(list)));
    return set;
  }
  const counts = new Map<string, number>();
  for (const text of texts) for (const token of text.toLowerCase().match(WORD) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
  return new Set([...counts].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([token]) => token));
}

interface Own {
  words: number;
  logWords: number;
  sentence: number;
  stopwords: number;
  prose: number;
}

/** Longer blocks are measured on their first characters (a 5 MB paragraph needs no more to be known for one). */
const SAMPLE_CHARS = 20_000;

function ownFeatures(whole: string, stopwords: Set<string>): { own: Own; vector: number[] } {
  const text = whole.length > SAMPLE_CHARS ? whole.slice(0, SAMPLE_CHARS) : whole;
  const tokens = text.toLowerCase().match(WORD) ?? [];
  const words = Math.round(countWords(text) * (whole.length / text.length));
  const rawWords = text.split(/\s+/u).filter(Boolean);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const digits = text.match(/\p{N}/gu)?.length ?? 0;
  const punctuation = text.match(/[^\p{L}\p{N}\s]/gu)?.length ?? 0;
  const capitalised = rawWords.filter((word) => /^\p{Lu}/u.test(word)).length / Math.max(1, rawWords.length);
  const stop = tokens.filter((token) => stopwords.has(token)).length / Math.max(1, tokens.length);
  const sentence = SENTENCE_END.test(whole.slice(-20)) ? 1 : 0;
  const sentences = (text.match(/[.!?…。！？]["'”’)\]]*\s+\p{Lu}/gu)?.length ?? 0) + sentence;
  const logWords = Math.log1p(words);
  // Prose: a sentence of some length made of ordinary words, the body text of any language.
  // (Unspaced scripts have no stopwords to find between words: their length alone says it.)
  const prose = words >= 10 && (stop >= 0.15 || HAS_UNSPACED.test(text)) ? words : 0;
  return {
    own: { words, logWords, sentence, stopwords: stop, prose },
    vector: [
      1,
      logWords,
      Math.log1p(whole.length),
      sentence,
      /:$/u.test(text) ? 1 : 0,
      Math.log1p(sentences),
      capitalised,
      stop,
      digits / Math.max(1, letters + digits),
      punctuation / Math.max(1, text.length),
      SEPARATORS.test(text) ? 1 : 0,
      LINK_LIKE.test(text) ? 1 : 0,
      0, // repeats: filled in by blockFeatures, which sees the whole page
      0, // position
      0, // wordPosition
      words >= 3 && words <= 20 && !sentence && capitalised >= 0.3 ? 1 : 0,
      /^\P{L}*\p{Ll}/u.test(text) ? 1 : 0,
      NAME_THEN_WORD.test(text) ? 1 : 0,
    ],
  };
}

/** One feature vector per block, in FEATURE_NAMES order. */
export function blockFeatures(texts: string[], stopwords: Set<string>): FeatureVector[] {
  const n = texts.length;
  const owns = texts.map((text) => ownFeatures(text, stopwords));
  const repeats = new Map<string, number>();
  for (const text of texts) repeats.set(text, (repeats.get(text) ?? 0) + 1);
  const totalWords = owns.reduce((sum, { own }) => sum + own.words, 0);
  const totalProse = owns.reduce((sum, { own }) => sum + own.prose, 0);
  const proseBefore: number[] = [];
  let running = 0;
  let wordsBefore = 0;
  const wordPosition: number[] = [];
  for (const { own } of owns) {
    proseBefore.push(totalProse === 0 ? 0 : running / totalProse);
    wordPosition.push(totalWords === 0 ? 0 : wordsBefore / totalWords);
    running += own.prose;
    wordsBefore += own.words;
  }
  const at = (i: number): Own | null => (i >= 0 && i < n ? owns[i]!.own : null);
  return owns.map(({ own, vector }, i) => {
    vector[12] = Math.log(repeats.get(texts[i]!) ?? 1);
    vector[13] = n <= 1 ? 0 : i / (n - 1);
    vector[14] = wordPosition[i]!;
    const before = proseBefore[i]!;
    const after = totalProse === 0 ? 0 : 1 - before - own.prose / totalProse;
    let near = 0;
    let windowWords = 0;
    let windowStop = 0;
    let windowSentence = 0;
    let count = 0;
    for (let j = i - 3; j <= i + 3; j++) {
      const other = at(j);
      if (!other || j === i) continue;
      windowWords += other.logWords;
      windowStop += other.stopwords;
      windowSentence += other.sentence;
      count++;
    }
    for (let j = i - 5; j <= i + 5; j++) near += at(j)?.prose ?? 0;
    const prev = at(i - 1);
    const next = at(i + 1);
    const mean = (value: number) => (count === 0 ? 0 : value / count);
    return [
      ...vector,
      before,
      Math.max(0, after),
      totalProse === 0 ? 0 : near / totalProse,
      prev?.logWords ?? 0,
      next?.logWords ?? 0,
      prev?.sentence ?? 0,
      next?.sentence ?? 0,
      prev?.stopwords ?? 0,
      next?.stopwords ?? 0,
      mean(windowWords),
      mean(windowStop),
      mean(windowSentence),
      own.words < 10 && before > 0 && after > 0 ? 1 : 0,
      own.prose > 0 ? 1 : 0,
    ];
  });
}
