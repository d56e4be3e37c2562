/**
 * Audio for one block: each sentence synthesized separately (so sentence boundaries are exact),
 * trimmed of the engine's own silence, joined with the configured pause, encoded as one WAV, with
 * a Timeline of sentence times and estimated word times.
 */
import type { SynthesizedBlock } from '../../shared/api.js';
import { splitSentences } from '../../shared/segment.js';
import { estimateWordTimings, type SentenceTiming } from '../../shared/timeline.js';
import type { SpeechEngine } from './SpeechEngine.js';
import { encodeWav, pcmDurationMs, silence, trimSilence, type Pcm } from './wav.js';

export interface BlockRequest {
  text: string;
  lang: string | null;
  voice: string | null;
  /** Multiplier of the engine's normal rate. */
  rate: number;
  sentencePauseMs?: number;
  signal?: AbortSignal;
}

/** Runs `task` over `items` with at most `limit` in flight, keeping order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function synthesizeBlock(engine: SpeechEngine, request: BlockRequest): Promise<SynthesizedBlock> {
  const { text, lang, voice, rate } = request;
  const sentencePauseMs = request.sentencePauseMs ?? 250;
  const spans = splitSentences(text, lang);
  if (spans.length === 0) throw new Error('There is nothing to read in this paragraph.');
  const wordsPerMinute = engine.normalWordsPerMinute * rate;
  const parts = await mapLimited(spans, 3, async (span) =>
    trimSilence(await engine.synthesize(text.slice(span.start, span.end), { voice, lang, wordsPerMinute, signal: request.signal })),
  );
  const format = parts.find((part) => part.samples.length > 0);
  if (!format) throw new Error(`${engine.name} produced no audio for this paragraph.`);
  if (parts.some((part) => part.samples.length > 0 && (part.sampleRate !== format.sampleRate || part.channels !== format.channels))) {
    throw new Error(`${engine.name} returned audio in mixed formats.`);
  }

  const pause = silence(format, sentencePauseMs);
  const chunks: Int16Array[] = [];
  const sentences: SentenceTiming[] = [];
  let cursorMs = 0;
  spans.forEach((span, i) => {
    const part = parts[i]!;
    const durationMs = pcmDurationMs({ ...format, samples: part.samples });
    sentences.push({
      charStart: span.start,
      charEnd: span.end,
      startMs: cursorMs,
      endMs: cursorMs + durationMs,
      words: estimateWordTimings(text, span, cursorMs, cursorMs + durationMs, lang),
    });
    chunks.push(part.samples);
    cursorMs += durationMs;
    if (i < spans.length - 1) {
      chunks.push(pause);
      cursorMs += pcmDurationMs({ ...format, samples: pause });
    }
  });

  const joined = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  const pcm: Pcm = { sampleRate: format.sampleRate, channels: format.channels, samples: joined };
  return { audio: encodeWav(pcm), mimeType: 'audio/wav', timeline: { durationMs: pcmDurationMs(pcm), sentences } };
}
