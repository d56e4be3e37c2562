/**
 * The whole article as one audio file: every block spoken (through the same synthesis and cache as the
 * player), joined with the paragraph pause, with a chapter list (WebVTT): one cue per chapter where the
 * article has chapters, else one per block. An MP3 carries the title, author and chapters in an ID3 tag.
 */
import type { SynthesizedBlock } from '../../shared/api.js';
import { encodeWav, parseWav, pcmDurationMs, silence, type Pcm } from '../speech/wav.js';
import { encodeMp3 } from './encodeMp3.js';
import { id3Tag } from './id3.js';
import { chapterCues, toWebVtt, type Cue, type CueChapter } from './webVtt.js';

export type ExportFormat = 'wav' | 'mp3';

export interface ExportOptions {
  title: string;
  format: ExportFormat;
  paragraphPauseMs: number;
  /** The author, written into the MP3's tag. */
  byline?: string | null;
  /** The article's chapters (shared/contents.ts), by their first block; absent or empty: cues per block. */
  chapters?: readonly CueChapter[];
  signal?: AbortSignal;
  /** Called with the fraction done, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export interface ExportedAudio {
  audio: Uint8Array;
  mimeType: string;
  extension: ExportFormat;
  /** WebVTT, one cue per chapter (or per block). */
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
  const durationMs = pcmDurationMs(pcm);
  const cues = options.chapters?.length ? chapterCues(cueList, options.chapters, options.title, durationMs) : cueList;
  const audio =
    options.format === 'mp3'
      ? await withId3(
          encodeMp3(pcm, { signal: options.signal, onProgress: (f) => options.onProgress?.(1 - encodingShare + f * encodingShare) }),
          id3Tag({ title: options.title, artist: options.byline, chapters: options.chapters?.length ? cues.map((cue) => ({ title: cue.text, startMs: cue.startMs, endMs: cue.endMs })) : [] }),
        )
      : encodeWav(pcm);
  options.onProgress?.(1);
  return {
    audio,
    mimeType: options.format === 'mp3' ? 'audio/mpeg' : 'audio/wav',
    extension: options.format,
    cues: toWebVtt(options.title, cues),
    cueList: cues,
    durationMs,
  };
}

async function withId3(mp3: Promise<Uint8Array>, tag: Uint8Array): Promise<Uint8Array> {
  const frames = await mp3;
  const out = new Uint8Array(tag.length + frames.length);
  out.set(tag);
  out.set(frames, tag.length);
  return out;
}
