/**
 * The synthesis request for a block's text (or the opening sentence of it): ONE function for the page's
 * Player and for main, which synthesizes an article's opening sentence the moment it has the article
 * (main/api/openingRequest.ts), before the page asks. Both build the request here, field for field, so
 * main's synthesis cache (keyed by engine, voice, language, rate, pauses, text and what is spoken for
 * it) answers the page's request with audio made or being made.
 *
 * An article without a language is read in the page's language (`navigator.language` in the page; main
 * is told it by the page, and takes the system's until then): the voice chosen for that language.
 */
import type { ApiParams } from './api.js';
import type { EngineChoice } from './settings.js';

/** What the settings give every request of a reading session. */
export interface SynthesisSettings {
  engine: EngineChoice;
  voiceByLanguage?: Readonly<Record<string, string>>;
  sentencePauseMs: number;
  trimSilences?: boolean;
  /** Percent above or below the voice's pitch (shared/voiceControls.ts); sent only when not 0, the voice's own. */
  pitch?: number;
}

/** 'en' for 'en-GB'; an unknown language is the page's (`defaultLanguage`). */
export function primaryLanguage(lang: string | null | undefined, defaultLanguage: string): string {
  return (lang || defaultLanguage || 'en').toLowerCase().split('-')[0]!;
}

/** The voice chosen in Settings for an article's language, or null: the engine's own voice for it. */
export function articleVoice(voiceByLanguage: Readonly<Record<string, string>> | undefined, lang: string | null, defaultLanguage: string): string | null {
  return voiceByLanguage?.[primaryLanguage(lang, defaultLanguage)] || null;
}

/**
 * The voice for one block: the article's voice, or for a passage in another language (an EPUB's
 * xml:lang) the voice chosen in Settings for that language, else null: the engine's own voice for it.
 */
export function voiceForBlock(blockLang: string | undefined, article: { lang: string | null; voice: string | null }, voiceByLanguage: Readonly<Record<string, string>> = {}): { lang: string | null; voice: string | null } {
  const primary = (lang: string | null | undefined) => (lang ?? '').toLowerCase().split('-')[0]!;
  if (blockLang === undefined || primary(blockLang) === primary(article.lang)) return { lang: article.lang, voice: article.voice };
  return { lang: blockLang, voice: voiceByLanguage[primary(blockLang)] || null };
}

export interface SynthesisPiece {
  /** The block's text, or the start of it (its opening sentence). */
  text: string;
  /** The block's own language, when it has one (a passage in another language). */
  blockLang?: string;
  /** The article's language and the voice for it (articleVoice). */
  article: { lang: string | null; voice: string | null };
  rate: number;
  /** Hear as written: the pronunciation list and reading rules left out. */
  asWritten?: boolean;
}

export function synthesisRequest(piece: SynthesisPiece, settings: SynthesisSettings): ApiParams<'synthesizeBlock'> {
  const { lang, voice } = voiceForBlock(piece.blockLang, piece.article, settings.voiceByLanguage);
  return {
    text: piece.text,
    lang,
    voice,
    rate: piece.rate,
    sentencePauseMs: settings.sentencePauseMs,
    ...(settings.trimSilences ? { trimSilences: true } : {}),
    ...(piece.asWritten ? { asWritten: true } : {}),
    engine: settings.engine,
    ...(settings.pitch ? { pitch: settings.pitch } : {}),
  };
}
