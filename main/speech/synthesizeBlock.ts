/**
 * Audio for one block: each sentence synthesized separately (so sentence boundaries are exact),
 * trimmed of the engine's own silence, joined with the configured pause, encoded as one WAV, with
 * a Timeline of sentence times and word times: exact where the engine reports word marks (Windows
 * SAPI), otherwise estimated inside the sentence.
 */
import type { SynthesizedBlock } from '../../shared/api.js';
import type { TextSpan } from '../../shared/segment.js';
import { spokenAsDisplayed, type SpokenText } from '../../shared/spokenText.js';
import { timelineToDisplayed } from '../../shared/spokenTimeline.js';
import { estimateWordTimings, type SentenceTiming, type WordTiming } from '../../shared/timeline.js';
import type { SpeechEngine, WordMark } from './SpeechEngine.js';
import { trimSentenceSilences } from './trimSilence.js';
import { encodeWav, innerSilences, pcmDurationMs, silence, soundBounds, type Pcm } from './wav.js';

export interface BlockRequest {
  /** The displayed text: the timeline returned is in its offsets. */
  text: string;
  /** What the engine is given for `text` after the reading rules and pronunciations; absent: the text as displayed. */
  spoken?: SpokenText;
  lang: string | null;
  voice: string | null;
  /** Multiplier of the engine's normal rate. */
  rate: number;
  sentencePauseMs?: number;
  /** Shorten long silences inside sentences (fast listening); the configured pauses stay. */
  trimSilences?: boolean;
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

/**
 * Word times from the engine's marks: each word runs from its mark to the next one (the last to the
 * end of the sentence). `trimmedMs` is what trimming cut from the start of the engine's audio.
 */
export function wordTimingsFromMarks(
  marks: readonly WordMark[],
  span: TextSpan,
  trimmedMs: number,
  startMs: number,
  endMs: number,
): WordTiming[] {
  const length = span.end - span.start;
  const usable = marks.filter((mark) => mark.charStart >= 0 && mark.charEnd <= length && mark.charEnd > mark.charStart);
  const at = (mark: WordMark) => Math.min(endMs, Math.max(startMs, startMs + mark.startMs - trimmedMs));
  return usable.map((mark, i) => ({
    charStart: span.start + mark.charStart,
    charEnd: span.start + mark.charEnd,
    startMs: i === 0 ? startMs : at(mark),
    endMs: i + 1 < usable.length ? at(usable[i + 1]!) : endMs,
  }));
}

/** The shortest silence inside a sentence taken for a clause pause at the normal rate (stop consonants are shorter). */
const CLAUSE_PAUSE_MS = 110;
const HAS_WORDS = /[\p{L}\p{N}]/u;

export async function synthesizeBlock(engine: SpeechEngine, request: BlockRequest): Promise<SynthesizedBlock> {
  const { lang, voice, rate } = request;
  const spokenText = request.spoken ?? spokenAsDisplayed(request.text, lang);
  // Everything below is timed on the spoken text; timelineToDisplayed moves it onto the displayed text at the end.
  const text = spokenText.text;
  const sentencePauseMs = request.sentencePauseMs ?? 250;
  const spans = spokenText.sentences.map((sentence) => sentence.spoken);
  if (spans.length === 0) throw new Error('There is nothing to read in this paragraph.');
  if (!spans.some((span) => HAS_WORDS.test(text.slice(span.start, span.end)))) throw new Error('The reading rules leave nothing to read in this paragraph.');
  const wordsPerMinute = engine.normalWordsPerMinute * rate;
  const parts = await mapLimited(spans, 3, async (span) => {
    // A sentence the rules left without words (an aside skipped whole) takes no time and is not sent.
    if (!HAS_WORDS.test(text.slice(span.start, span.end))) return { sampleRate: 0, channels: 0, samples: new Int16Array(0), trimmedMs: 0, marks: [] as WordMark[], pauses: [] };
    const spoken = await engine.synthesize(text.slice(span.start, span.end), { voice, lang, wordsPerMinute, signal: request.signal });
    const bounds = soundBounds(spoken);
    const trimmedMs = (bounds.start / spoken.channels / spoken.sampleRate) * 1000;
    const samples = spoken.samples.slice(bounds.start, bounds.end);
    // Clause pauses pin the estimated word times; slower speech makes longer pauses and longer closures.
    const pauses = spoken.wordMarks?.length ? [] : innerSilences({ ...spoken, samples }, CLAUSE_PAUSE_MS / Math.min(1, rate));
    const part = { sampleRate: spoken.sampleRate, channels: spoken.channels, samples, trimmedMs, marks: spoken.wordMarks ?? [], pauses };
    return request.trimSilences ? trimSentenceSilences(part, rate) : part;
  });
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
    const endMs = cursorMs + durationMs;
    const marked = part.marks.length > 0 ? wordTimingsFromMarks(part.marks, span, part.trimmedMs, cursorMs, endMs) : [];
    sentences.push({
      charStart: span.start,
      charEnd: span.end,
      startMs: cursorMs,
      endMs,
      words: marked.length > 0 ? marked : estimateWordTimings(text, span, cursorMs, endMs, lang, part.pauses.map((pause) => ({ startMs: cursorMs + pause.startMs, endMs: cursorMs + pause.endMs }))),
    });
    chunks.push(part.samples);
    cursorMs += durationMs;
    if (i < spans.length - 1 && part.samples.length > 0) {
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
  const timeline = timelineToDisplayed({ durationMs: pcmDurationMs(pcm), sentences }, spokenText);
  return { audio: encodeWav(pcm), mimeType: 'audio/wav', timeline };
}
