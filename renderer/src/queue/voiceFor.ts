/** The voice the player uses for an article's language: the one chosen for that language, or automatic (null). */
import type { Settings } from '../../../shared/settings';

export function primaryLanguage(lang: string | null): string {
  return (lang ?? navigator.language ?? 'en').toLowerCase().split('-')[0]!;
}

export function voiceFor(settings: Pick<Settings, 'voiceByLanguage'>, lang: string | null): string | null {
  return settings.voiceByLanguage[primaryLanguage(lang)] || null;
}
