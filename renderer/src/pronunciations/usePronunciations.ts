/** The pronunciation list as React state: loaded when the section opens, every change made in main (which checks it) and shown back. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi, PronunciationsChange } from '../../../shared/api';
import type { Pronunciation } from '../../../shared/pronunciations';
import { pronunciationsChanged } from './pronunciationsRevision';

export interface PronunciationsState {
  entries: Pronunciation[];
  loaded: boolean;
  /** Adds (index null) or replaces an entry; resolves to the refusal's message, or null when saved. */
  save: (index: number | null, entry: Pronunciation) => Promise<string | null>;
  remove: (index: number) => Promise<string | null>;
  importFile: (text: string, mode: 'replace' | 'add') => Promise<string | null>;
  exportFile: () => Promise<string>;
  /** Plays what an entry says (as written, no rules); resolves to a problem's message or null. */
  hear: (entry: Pronunciation, speech: { lang: string | null; voice: string | null; rate: number; engine: string }) => Promise<string | null>;
}

export function usePronunciations(api: ArticlePlayerApi, active: boolean, report: (message: string) => void): PronunciationsState {
  const [entries, setEntries] = useState<Pronunciation[]>([]);
  const [loaded, setLoaded] = useState(false);
  const audio = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    if (!active) return;
    let current = true;
    api
      .invoke('getPronunciations', {})
      .then(({ entries: saved, problem }) => {
        if (!current) return;
        setEntries(saved);
        if (problem) report(problem);
      })
      .catch((error: unknown) => report(`The pronunciation list could not be loaded: ${(error as Error).message}`))
      .finally(() => current && setLoaded(true));
    return () => {
      current = false;
    };
  }, [api, active, report]);

  useEffect(() => () => audio.current?.pause(), []);

  const apply = useCallback((change: PronunciationsChange): string | null => {
    if (!change.ok) return change.message;
    setEntries(change.entries);
    pronunciationsChanged();
    return null;
  }, []);

  const failed = (error: unknown) => (error as Error).message;

  return {
    entries,
    loaded,
    save: useCallback((index, entry) => api.invoke('savePronunciation', { index, entry }).then(apply, failed), [api, apply]),
    remove: useCallback((index) => api.invoke('removePronunciation', { index }).then(apply, failed), [api, apply]),
    importFile: useCallback((text, mode) => api.invoke('importPronunciations', { text, mode }).then(apply, failed), [api, apply]),
    exportFile: useCallback(() => api.invoke('exportPronunciations', {}).then(({ text }) => text), [api]),
    hear: useCallback(
      async (entry, speech) => {
        const text = entry.say.replace(/\$(?:\d{1,2}|&)/gu, ' ').trim();
        if (!/[\p{L}\p{N}]/u.test(text)) return 'This entry says nothing: the matched text is skipped.';
        try {
          const block = await api.invoke('synthesizeBlock', { text, lang: entry.lang ?? speech.lang, voice: speech.voice, rate: speech.rate, engine: speech.engine as never, asWritten: true });
          audio.current?.pause();
          const element = new Audio(URL.createObjectURL(new Blob([block.audio as BlobPart], { type: block.mimeType })));
          audio.current = element;
          await element.play();
          return null;
        } catch (error) {
          return (error as Error).message;
        }
      },
      [api],
    ),
  };
}
