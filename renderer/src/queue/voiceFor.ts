/** The voice the player uses for an article's language: the one chosen for that language, or automatic (null). */
import type { Settings } from '../../../shared/settings';
import { articleVoice, primaryLanguage as primaryOf } from '../../../shared/synthesisRequest';

/** The page's language: an article without one is read in it (shared/synthesisRequest.ts). */
export function pageLanguage(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
}

export function primaryLanguage(lang: string | null): string {
  return primaryOf(lang, pageLanguage());
}

export function voiceFor(settings: Pick<Settings, 'voiceByLanguage'>, lang: string | null): string | null {
  return articleVoice(settings.voiceByLanguage, lang, pageLanguage());
}
