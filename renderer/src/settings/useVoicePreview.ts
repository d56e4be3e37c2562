/**
 * "Preview" in Settings: a short sample said with the chosen voice and speed, on an audio element of its
 * own, so the reading position and the player's audio are left as they are (the player is paused first,
 * so two voices never speak at once).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { EngineChoice } from '../../../shared/settings';

/** A sentence in the language, where one is known; else the English one (the voice still speaks it). */
const SAMPLES: Record<string, string> = {
  en: 'This is how your articles will sound with this voice.',
  de: 'So klingen Ihre Artikel mit dieser Stimme.',
  fr: 'Voici comment vos articles sonneront avec cette voix.',
  es: 'Así sonarán sus artículos con esta voz.',
  it: 'Ecco come suoneranno i tuoi articoli con questa voce.',
  nl: 'Zo klinken je artikelen met deze stem.',
  pt: 'É assim que os seus artigos vão soar com esta voz.',
};

export function previewSample(language: string): { text: string; lang: string } {
  const sample = SAMPLES[language];
  return sample ? { text: sample, lang: language } : { text: SAMPLES.en!, lang: language };
}

export interface PreviewRequest {
  language: string;
  voice: string | null;
  /** Shown in the status line: the voice's name, or "the automatic voice". */
  voiceName: string;
  rate: number;
  engine: EngineChoice;
  /** The pitch setting (0 where the engine cannot change it) and the volume, so the sample sounds as reading will. */
  pitch: number;
  volume: number;
}

export function useVoicePreview(api: ArticlePlayerApi, pausePlayer: () => void) {
  const audio = useRef<HTMLAudioElement | null>(null);
  const [message, setMessage] = useState('');

  const stop = useCallback(() => {
    audio.current?.pause();
    if (audio.current) URL.revokeObjectURL(audio.current.src);
    audio.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const preview = useCallback(
    async ({ language, voice, voiceName, rate, engine, pitch, volume }: PreviewRequest) => {
      pausePlayer();
      stop();
      setMessage(`Preparing a sample of ${voiceName}…`);
      const { text, lang } = previewSample(language);
      try {
        const block = await api.invoke('synthesizeBlock', { text, lang, voice, rate, engine, ...(pitch ? { pitch } : {}), asWritten: true });
        const element = new Audio(URL.createObjectURL(new Blob([block.audio as BlobPart], { type: block.mimeType })));
        element.dataset.preview = 'voice';
        element.volume = volume;
        audio.current = element;
        element.addEventListener('ended', () => setMessage(''), { once: true });
        await element.play();
        setMessage(`Playing a sample of ${voiceName}.`);
      } catch (error) {
        setMessage(`The sample could not be played: ${(error as Error).message}`);
      }
    },
    [api, pausePlayer, stop],
  );

  return { preview, message, stop };
}
