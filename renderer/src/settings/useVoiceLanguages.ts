/**
 * The language whose voice Settings shows, and the languages to pick from: the open article's language
 * when the dialog opens, the library's languages read afresh each time it opens.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ArticlePlayerApi, Voice } from '../../../shared/api';
import { voiceLanguages, type VoiceLanguage } from './voiceLanguages';

export function useVoiceLanguages(api: ArticlePlayerApi, open: boolean, articleLanguage: string, voices: readonly Voice[]): { languages: VoiceLanguage[]; language: string; setLanguage: (code: string) => void } {
  const [libraryLanguages, setLibraryLanguages] = useState<Array<string | null>>([]);
  const [picked, setPicked] = useState<string | null>(null);
  // Opened again: back to the open article's language (adjusted while rendering, React's way for a prop change).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setPicked(null);
  }

  useEffect(() => {
    if (!open) return;
    let current = true;
    api
      .invoke('listLibrary', { query: '', sort: 'recent' })
      .then((entries) => current && setLibraryLanguages(entries.map((entry) => entry.lang)))
      // Without the library, the article's language and the voices' are still offered.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, open]);

  const languages = useMemo(() => voiceLanguages({ articleLanguage, libraryLanguages, voices }), [articleLanguage, libraryLanguages, voices]);
  return { languages, language: picked ?? articleLanguage, setLanguage: setPicked };
}
