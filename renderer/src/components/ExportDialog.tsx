/** Export audio: the whole article as MP3 or WAV with a WebVTT chapter list, with progress and cancel. */
import { useEffect, useId, useRef, useState } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { Article } from '../../../shared/article';
import { exportChapters } from '../../../shared/contents';
import type { Settings } from '../../../shared/settings';
import { downloadFile } from './downloadFile';
import { Dialog } from './Dialog';

interface ExportDialogProps {
  open: boolean;
  onClose: () => void;
  api: ArticlePlayerApi;
  article: Article;
  settings: Settings;
  voice: string | null;
}

function safeFileName(title: string): string {
  return (title.replace(/[^\p{L}\p{N} _-]+/gu, ' ').replace(/\s+/gu, ' ').trim().slice(0, 80) || 'article').replace(/ /gu, '-');
}

export function ExportDialog({ open, onClose, api, article, settings, voice }: ExportDialogProps) {
  const [format, setFormat] = useState<'mp3' | 'wav'>('mp3');
  const [job, setJob] = useState<string | null>(null);
  const [fraction, setFraction] = useState(0);
  const [message, setMessage] = useState('');
  const progressId = useId();
  const lastAnnounced = useRef(0);

  useEffect(
    () =>
      api.on('exportProgress', ({ jobId, fraction: done }) => {
        if (jobId !== job) return;
        setFraction(done);
        // A screen reader hears progress every quarter, not every paragraph.
        const quarter = Math.floor(done * 4);
        if (quarter > lastAnnounced.current && done < 1) {
          lastAnnounced.current = quarter;
          setMessage(`Exporting: ${Math.round(done * 100)}%`);
        }
      }),
    [api, job],
  );

  // The desktop app saves downloads itself and reports each one: saved where, or not saved.
  useEffect(
    () =>
      api.on('shellCommand', (command) => {
        if (command.type !== 'downloadDone') return;
        const { fileName, path, state } = command;
        if (path) setMessage((current) => `${current.startsWith('Saved') ? `${current} ` : ''}Saved ${fileName} to ${path}.`);
        else setMessage(`${fileName} was not saved (${state === 'refused' ? 'not a file the export makes' : `the download was ${state}`}).`);
      }),
    [api],
  );

  const start = async () => {
    const jobId = `export-${Date.now()}`;
    setJob(jobId);
    setFraction(0);
    lastAnnounced.current = 0;
    setMessage('Exporting: 0%');
    try {
      const result = await api.invoke('exportAudio', {
        jobId,
        title: article.title,
        byline: article.byline,
        chapters: exportChapters(article),
        texts: article.blocks.map((block) => block.text),
        lang: article.lang,
        voice,
        rate: settings.rate,
        engine: settings.engine,
        // The voice's pitch is the engine's, so it is in the file; volume is the player's and is not.
        ...(settings.pitch ? { pitch: settings.pitch } : {}),
        sentencePauseMs: settings.sentencePauseMs,
        paragraphPauseMs: settings.paragraphPauseMs,
        format,
        trimSilences: settings.trimSilences,
      });
      const name = safeFileName(article.title);
      downloadFile(result.audio, result.mimeType, `${name}.${result.extension}`);
      downloadFile(result.cues, 'text/vtt', `${name}.vtt`);
      const minutes = Math.floor(result.durationMs / 60_000);
      const seconds = Math.round((result.durationMs % 60_000) / 1000);
      // Where the files went is known only once they are written: the desktop app says so (downloadDone
      // below); a browser shows it in its own downloads list.
      setMessage(`Exported ${name}.${result.extension} (${minutes} min ${seconds} s) and its chapter list ${name}.vtt as downloads.`);
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setJob(null);
    }
  };

  return (
    <Dialog open={open} title="Export audio" onClose={onClose} className="export-dialog">
      <p>The whole article, read with your current voice and speed, as one audio file, with a chapter list (WebVTT) so players can jump between paragraphs.</p>
      <fieldset disabled={job !== null}>
        <legend>Format</legend>
        <div className="field checkbox">
          <input type="radio" id="format-mp3" name="format" value="mp3" checked={format === 'mp3'} onChange={() => setFormat('mp3')} />
          <label htmlFor="format-mp3">MP3 (small)</label>
        </div>
        <div className="field checkbox">
          <input type="radio" id="format-wav" name="format" value="wav" checked={format === 'wav'} onChange={() => setFormat('wav')} />
          <label htmlFor="format-wav">WAV (uncompressed)</label>
        </div>
      </fieldset>
      {job !== null && (
        <div className="field">
          <label htmlFor={progressId}>Progress</label>
          <progress id={progressId} max={1} value={fraction} aria-valuetext={`${Math.round(fraction * 100)}%`} />
        </div>
      )}
      <p role="status" className="dialog-message">
        {message}
      </p>
      {job === null ? (
        <button type="button" className="primary" onClick={() => void start()}>
          Export
        </button>
      ) : (
        <button type="button" onClick={() => void api.invoke('cancelExport', { jobId: job })}>
          Cancel export
        </button>
      )}
    </Dialog>
  );
}
