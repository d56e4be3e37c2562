/**
 * Audio for one block: each sentence synthesized separately (so sentence boundaries are exact),
 * trimmed of the engine's own silence, joined with the configured pause, encoded as one WAV, with
 * a Timeline of sentence times and word times: exact where the engine reports word marks (Windows
 * SAPI), otherwise estimated inside the sentence. A sentence the engine fails on is said in parts
 * (speakAroundFailures.ts); a part left out becomes a short silence the highlight passes over, and
 * the block says what was left out (`skipped`).
 */
import type { SynthesizedBlock } from '../../shared/api.js';
import type { TextSpan } from '../../shared/segment.js';
import { spokenAsDisplayed, toDisplayed, type SpokenText } from '../../shared/spokenText.js';
import { timelineToDisplayed } from '../../shared/spokenTimeline.js';
import { estimateWordTimings, type SentenceTiming, type WordTiming } from '../../shared/timeline.js';
import type { SpeechEngine, WordMark } from './SpeechEngine.js';
import { leftOut, sayAroundFailures, type SaidPart } from './speakAroundFailures.js';
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
  /** Percent above or below the voice's pitch; absent or 0: the voice's own. */
  pitch?: number;
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
/** The silence that stands for a passage left out (the highlight passes over it), and the breath between parts of a sentence said in parts. */
const LEFT_OUT_MS = 400;
const BETWEEN_PARTS_MS = 120;

interface SentencePart {
  sampleRate: number;
  channels: number;
  samples: Int16Array;
  trimmedMs: number;
  marks: WordMark[];
  pauses: Array<{ startMs: number; endMs: number }>;
  /** A sentence said in parts: its word times (from its start) and what was left out, in the spoken text's offsets. */
  inParts?: { words: WordTiming[]; skipped: TextSpan[] };
}

/** Joins the parts of a sentence said in parts: each part's audio trimmed, a breath between them, a short silence for each part left out. */
function joinSaidParts(text: string, span: TextSpan, parts: readonly SaidPart[], format: { sampleRate: number; channels: number }, lang: string | null): SentencePart {
  const chunks: Int16Array[] = [];
  const words: WordTiming[] = [];
  let cursorMs = 0;
  const add = (samples: Int16Array) => {
    chunks.push(samples);
    cursorMs += pcmDurationMs({ ...format, samples });
  };
  for (const part of parts) {
    const partSpan = { start: span.start + part.start, end: span.start + part.end };
    if (!HAS_WORDS.test(text.slice(partSpan.start, partSpan.end))) continue;
    if (chunks.length > 0) add(silence(format, BETWEEN_PARTS_MS));
    const said = part.said && part.said.sampleRate === format.sampleRate && part.said.channels === format.channels ? part.said : null;
    const startMs = cursorMs;
    if (said) {
      const bounds = soundBounds(said);
      add(said.samples.slice(bounds.start, bounds.end));
      const trimmedMs = (bounds.start / said.channels / said.sampleRate) * 1000;
      const marked = !part.simplified && said.wordMarks?.length ? wordTimingsFromMarks(said.wordMarks, partSpan, trimmedMs, startMs, cursorMs) : [];
      words.push(...(marked.length > 0 ? marked : estimateWordTimings(text, partSpan, startMs, cursorMs, lang)));
    } else {
      add(silence(format, LEFT_OUT_MS));
      words.push(...estimateWordTimings(text, partSpan, startMs, cursorMs, lang));
    }
  }
  const samples = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    samples.set(chunk, offset);
    offset += chunk.length;
  }
  const skipped = leftOut(text.slice(span.start, span.end), parts).map((part) => ({ start: span.start + part.start, end: span.start + part.end }));
  return { ...format, samples, trimmedMs: 0, marks: [], pauses: [], inParts: { words, skipped } };
}

export async function synthesizeBlock(engine: SpeechEngine, request: BlockRequest): Promise<SynthesizedBlock> {
  const { lang, voice, rate } = request;
  const pitch = request.pitch ? { pitch: request.pitch } : {};
  const spokenText = request.spoken ?? spokenAsDisplayed(request.text, lang);
  // Everything below is timed on the spoken text; timelineToDisplayed moves it onto the displayed text at the end.
  const text = spokenText.text;
  const sentencePauseMs = request.sentencePauseMs ?? 250;
  const spans = spokenText.sentences.map((sentence) => sentence.spoken);
  if (spans.length === 0) throw new Error('There is nothing to read in this paragraph.');
  if (!spans.some((span) => HAS_WORDS.test(text.slice(span.start, span.end)))) throw new Error('The reading rules leave nothing to read in this paragraph.');
  const wordsPerMinute = engine.normalWordsPerMinute * rate;
  const failures: unknown[] = [];
  const said = await mapLimited(spans, 3, async (span): Promise<SentencePart | SaidPart[]> => {
    // A sentence the rules left without words (an aside skipped whole) takes no time and is not sent.
    if (!HAS_WORDS.test(text.slice(span.start, span.end))) return { sampleRate: 0, channels: 0, samples: new Int16Array(0), trimmedMs: 0, marks: [] as WordMark[], pauses: [] };
    const outcome = await sayAroundFailures(engine, text.slice(span.start, span.end), { voice, lang, wordsPerMinute, ...pitch, signal: request.signal });
    if ('parts' in outcome) {
      failures.push(outcome.failure);
      return outcome.parts;
    }
    const spoken = outcome.whole;
    const bounds = soundBounds(spoken);
    const trimmedMs = (bounds.start / spoken.channels / spoken.sampleRate) * 1000;
    const samples = spoken.samples.slice(bounds.start, bounds.end);
    // Clause pauses pin the estimated word times; slower speech makes longer pauses and longer closures.
    const pauses = spoken.wordMarks?.length ? [] : innerSilences({ ...spoken, samples }, CLAUSE_PAUSE_MS / Math.min(1, rate));
    const part = { sampleRate: spoken.sampleRate, channels: spoken.channels, samples, trimmedMs, marks: spoken.wordMarks ?? [], pauses };
    return request.trimSilences ? trimSentenceSilences(part, rate) : part;
  });
  let format: { sampleRate: number; channels: number } | null =
    said.flatMap((part) => (Array.isArray(part) ? part.flatMap((p) => (p.said && p.said.samples.length > 0 ? [p.said] : [])) : part.samples.length > 0 ? [part] : []))[0] ?? null;
  if (!format && failures.length > 0) {
    // Nothing in the paragraph could be said: it becomes silence the highlight passes over, in the
    // engine's format (asked with a plain word), so the reading and an export go on. An engine that
    // cannot say even that is broken, and its own error says why.
    const probe = await engine.synthesize('Skipped.', { voice, lang, wordsPerMinute, ...pitch, signal: request.signal }).catch(() => null);
    if (!probe || probe.samples.length === 0) throw failures[0];
    format = { sampleRate: probe.sampleRate, channels: probe.channels };
  }
  if (!format) throw new Error(`${engine.name} produced no audio for this paragraph.`);
  const known = format;
  const parts = said.map((part, i) => (Array.isArray(part) ? joinSaidParts(text, spans[i]!, part, known, lang) : part));
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
    const startMs = cursorMs;
    sentences.push({
      charStart: span.start,
      charEnd: span.end,
      startMs,
      endMs,
      words: part.inParts
        ? part.inParts.words.map((word) => ({ ...word, startMs: startMs + word.startMs, endMs: startMs + word.endMs }))
        : marked.length > 0
          ? marked
          : estimateWordTimings(text, span, cursorMs, endMs, lang, part.pauses.map((pause) => ({ startMs: cursorMs + pause.startMs, endMs: cursorMs + pause.endMs }))),
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
  const skipped = parts.flatMap((part) => part.inParts?.skipped ?? []).flatMap((span) => {
    const shown = toDisplayed(spokenText, span.start, span.end);
    return shown ? [{ charStart: shown.start, charEnd: shown.end }] : [];
  });
  return { audio: encodeWav(pcm), mimeType: 'audio/wav', timeline, ...(skipped.length > 0 ? { skipped } : {}) };
}
