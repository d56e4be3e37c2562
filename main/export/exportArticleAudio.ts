/**
 * The whole article as one audio file: every block spoken (through the same synthesis and cache as the
 * player), joined with the paragraph pause, with one cue per block for a chapter list.
 */
import type { SynthesizedBlock } from '../../shared/api.js';
import { encodeWav, parseWav, pcmDurationMs, silence, type Pcm } from '../speech/wav.js';
import { encodeMp3 } from './encodeMp3.js';
import { toWebVtt, type Cue } from './webVtt.js';

export type ExportFormat = 'wav' | 'mp3';

export interface ExportOptions {
  title: string;
  format: ExportFormat;
  paragraphPauseMs: number;
  signal?: AbortSignal;
  /** Called with the fraction done, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export interface ExportedAudio {
  audio: Uint8Array;
  mimeType: string;
  extension: ExportFormat;
  /** WebVTT, one cue per block. */
  cues: string;
  cueList: Cue[];
  durationMs: number;
}

export async function exportArticleAudio(
  texts: readonly string[],
  synthesize: (text: string, signal?: AbortSignal) => Promise<SynthesizedBlock>,
  options: ExportOptions,
): Promise<ExportedAudio> {
  if (texts.length === 0) throw new Error('There is nothing to export.');
  const encodingShare = options.format === 'mp3' ? 0.3 : 0;
  const chunks: Int16Array[] = [];
  const cueList: Cue[] = [];
  let format: Pick<Pcm, 'sampleRate' | 'channels'> | null = null;
  let cursorMs = 0;
  for (const [index, text] of texts.entries()) {
    options.signal?.throwIfAborted();
    const pcm = parseWav((await synthesize(text, options.signal)).audio);
    format ??= { sampleRate: pcm.sampleRate, channels: pcm.channels };
    if (pcm.sampleRate !== format.sampleRate || pcm.channels !== format.channels) throw new Error('The engine returned audio in mixed formats.');
    const durationMs = pcmDurationMs(pcm);
    cueList.push({ startMs: cursorMs, endMs: cursorMs + durationMs, text });
    chunks.push(pcm.samples);
    cursorMs += durationMs;
    if (index < texts.length - 1) {
      const pause = silence(format, options.paragraphPauseMs);
      chunks.push(pause);
      cursorMs += pcmDurationMs({ ...format, samples: pause });
    }
    options.onProgress?.(((index + 1) / texts.length) * (1 - encodingShare));
  }
  const samples = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  chunks.reduce((at, chunk) => (samples.set(chunk, at), at + chunk.length), 0);
  const pcm: Pcm = { ...format!, samples };
  const audio =
    options.format === 'mp3'
      ? await encodeMp3(pcm, { signal: options.signal, onProgress: (f) => options.onProgress?.(1 - encodingShare + f * encodingShare) })
      : encodeWav(pcm);
  options.onProgress?.(1);
  return {
    audio,
    mimeType: options.format === 'mp3' ? 'audio/mpeg' : 'audio/wav',
    extension: options.format,
    cues: toWebVtt(options.title, cueList),
    cueList,
    durationMs: pcmDurationMs(pcm),
  };
}
