/**
 * The languages Settings offers a voice for (issue 25): the open article's first, then the other
 * languages of the library's articles, then every other language the engine's voices cover, each by
 * its name. Codes are primary subtags ("en", "pt"), as settings.voiceByLanguage keys them.
 */
import type { Voice } from '../../../shared/api';

export interface VoiceLanguage {
  code: string;
  name: string;
  /** Where the listener meets it: the open article, another article of the library, or only among the voices. */
  source: 'article' | 'library' | 'voices';
  /** How many of the engine's voices speak it. */
  voiceCount: number;
}

export function primarySubtag(lang: string | null | undefined): string {
  return (lang ?? '').trim().toLowerCase().replace(/_/gu, '-').split('-')[0] ?? '';
}

/** A language's name in the reader's own language ("German"), else its code. */
export function languageName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const USABLE = /^[a-z]{2,3}$/u;

export function voiceLanguages(input: { articleLanguage: string; libraryLanguages: readonly (string | null)[]; voices: readonly Voice[]; name?: (code: string) => string }): VoiceLanguage[] {
  const name = input.name ?? ((code: string) => languageName(code));
  const counts = new Map<string, number>();
  for (const voice of input.voices) {
    const code = primarySubtag(voice.lang);
    if (USABLE.test(code) && code !== 'und') counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const article = primarySubtag(input.articleLanguage);
  const library = new Set(input.libraryLanguages.map(primarySubtag).filter((code) => USABLE.test(code) && code !== 'und' && code !== article));
  const others = [...counts.keys()].filter((code) => code !== article && !library.has(code));
  const make = (code: string, source: VoiceLanguage['source']): VoiceLanguage => ({ code, name: name(code), source, voiceCount: counts.get(code) ?? 0 });
  const byName = (a: VoiceLanguage, b: VoiceLanguage) => a.name.localeCompare(b.name);
  return [
    ...(USABLE.test(article) ? [make(article, 'article')] : []),
    ...[...library].map((code) => make(code, 'library')).sort(byName),
    ...others.map((code) => make(code, 'voices')).sort(byName),
  ];
}

/** The voices that speak a language (by primary subtag). */
export function voicesFor(voices: readonly Voice[], code: string): Voice[] {
  return voices.filter((voice) => primarySubtag(voice.lang) === code);
}
