/**
 * The article's language for choosing a voice: the page's own declaration first (html lang, then
 * Content-Language or og:locale meta), else a light guess from the text: the script for non-Latin
 * writing, and the most frequent function words for a few Latin-script languages. Null when unsure.
 */

const SCRIPTS: Array<[RegExp, string]> = [
  [/[\u3040-\u30ff]/gu, 'ja'], // kana: Japanese even when mixed with kanji
  [/[\uac00-\ud7af]/gu, 'ko'],
  [/[\u4e00-\u9fff]/gu, 'zh'],
  [/[\u0400-\u04ff]/gu, 'ru'],
  [/[\u0370-\u03ff]/gu, 'el'],
  [/[\u0590-\u05ff]/gu, 'he'],
  [/[\u0600-\u06ff]/gu, 'ar'],
  [/[\u0900-\u097f]/gu, 'hi'],
  [/[\u0e00-\u0e7f]/gu, 'th'],
];

const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'in', 'that', 'it', 'with', 'for', 'this', 'was'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'ein', 'eine', 'mit', 'auch', 'sich', 'dem'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'que', 'pour', 'pas', 'du'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'es', 'una', 'por', 'con', 'para', 'del'],
  it: ['il', 'di', 'che', 'è', 'la', 'per', 'una', 'sono', 'non', 'con', 'gli', 'della'],
  pt: ['o', 'a', 'os', 'que', 'de', 'não', 'uma', 'com', 'para', 'do', 'da', 'em'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'met', 'voor', 'zijn', 'ook'],
};

/** "en_US" or "EN-us" to "en-US"; null for anything that is not a plausible BCP 47 tag. */
export function normalizeLangTag(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/gu, '-');
  if (!tag || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/iu.test(tag)) return null;
  const [language, ...rest] = tag.split('-');
  return [language!.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}

export function guessLangFromText(text: string): string | null {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 40) return null;
  for (const [pattern, lang] of SCRIPTS) {
    if ((sample.match(pattern)?.length ?? 0) / letters > 0.3) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return null;
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const scores = Object.entries(FUNCTION_WORDS)
    .map(([lang, list]) => [lang, list.reduce((sum, word) => sum + (counts.get(word) ?? 0), 0) / words.length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  // Function words are about a fifth of running text; demand a clear lead over the next language.
  return best && best[1] > 0.08 && best[1] > 1.5 * (second?.[1] ?? 0) ? best[0] : null;
}

export function detectLang(document: Document, text: string): string | null {
  const declared =
    normalizeLangTag(document.documentElement?.getAttribute('lang')) ??
    normalizeLangTag(document.documentElement?.getAttribute('xml:lang')) ??
    normalizeLangTag(document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.split(',')[0]) ??
    normalizeLangTag(document.querySelector('meta[property="og:locale" i]')?.getAttribute('content')) ??
    normalizeLangTag(document.querySelector('meta[name="language" i]')?.getAttribute('content'));
  return declared ?? guessLangFromText(text);
}
