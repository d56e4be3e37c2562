/**
 * The voice for one block: the article's voice, or for a passage in another language (an EPUB's
 * xml:lang) the voice chosen in Settings for that language, else null: the engine's own voice for it.
 */
const primary = (lang: string | null | undefined) => (lang ?? '').toLowerCase().split('-')[0]!;

export function voiceForBlock(blockLang: string | undefined, article: { lang: string | null; voice: string | null }, voiceByLanguage: Readonly<Record<string, string>> = {}): { lang: string | null; voice: string | null } {
  if (blockLang === undefined || primary(blockLang) === primary(article.lang)) return { lang: article.lang, voice: article.voice };
  return { lang: blockLang, voice: voiceByLanguage[primary(blockLang)] || null };
}
