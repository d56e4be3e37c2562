/** The speech engine in use, its voices and any problem with it; it follows the user's choice once the settings are known. */
import { useEffect, useState } from 'react';
import type { ArticlePlayerApi, SpeechInfo } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';

export function useSpeechInfo(api: ArticlePlayerApi, engineChoice: Settings['engine'], settingsLoaded: boolean): SpeechInfo | null {
  const [speech, setSpeech] = useState<SpeechInfo | null>(null);
  useEffect(() => {
    if (!settingsLoaded) return;
    api
      .invoke('getSpeechInfo', { engine: engineChoice })
      .then(setSpeech)
      .catch((error: unknown) =>
        setSpeech({ engine: null, engines: [], notice: null, direct: null, problem: (error as Error).message, voices: [], normalWordsPerMinute: 175 }),
      );
  }, [api, engineChoice, settingsLoaded]);
  return speech;
}
