/** What the settings ask of the reading session (engine, voice for the article's language, pauses, spoken-text rules), kept stable between renders. */
import { useMemo } from 'react';
import type { Settings } from '../../../shared/settings';
import { usePronunciationsRevision } from '../pronunciations/pronunciationsRevision';
import { voiceFor } from '../queue/voiceFor';
import type { SpeechPreferences } from './Player';

export function useSpeechPreferences(settings: Settings, language: string): SpeechPreferences & { voice: string | null } {
  const pronunciationsRevision = usePronunciationsRevision();
  const { engine, voiceByLanguage, paragraphPauseMs, sentencePauseMs, readingRules, trimSilences, pitch, volume } = settings;
  return useMemo(
    () => ({
      engine,
      voice: voiceFor({ voiceByLanguage }, language),
      paragraphPauseMs,
      sentencePauseMs,
      spokenTextKey: `${JSON.stringify(readingRules)}/${pronunciationsRevision}`,
      trimSilences,
      voiceByLanguage,
      pitch,
      volume,
    }),
    [engine, voiceByLanguage, paragraphPauseMs, sentencePauseMs, readingRules, pronunciationsRevision, trimSilences, language, pitch, volume],
  );
}
