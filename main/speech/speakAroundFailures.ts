/**
 * A sentence the engine cannot say (espeak-ng 1.51 aborts on some texts; any engine may hang) must not
 * stop the reading. The failing sentence is narrowed down: split into clauses, then word runs halved,
 * each part tried on its own, so everything sayable is said; a single word that still fails is tried
 * once more simplified (long runs of one character or of a short group, such as "'s's's" or
 * "a.a.a.", shortened) and is otherwise left out. Each part keeps its place in the sentence, so the
 * caller can time the highlight over what was left out.
 */
import { splitWords, type TextSpan } from '../../shared/segment.js';
import { isPassageFailure } from './passageFailure.js';
import type { SpeechEngine, Synthesized, SynthesisOptions } from './SpeechEngine.js';

export interface SaidPart {
  /** Offsets into the sentence's text. */
  start: number;
  end: number;
  /** The engine's audio for the part, or null when it was left out. */
  said: Synthesized | null;
  /** True when what was said is a simplified form of the part (its word marks do not fit the text). */
  simplified: boolean;
}

export type SaidSentence = { whole: Synthesized } | { parts: SaidPart[]; failure: unknown };

/** How many engine calls, and how long, one failing sentence may take before what still fails is left out untried. */
const ATTEMPTS_PER_SENTENCE = 48;
const NARROWING_BUDGET_MS = 30_000;
const HAS_WORDS = /[\p{L}\p{N}]/u;
/** Where a clause ends: punctuation that makes a pause, then a space. */
const CLAUSE_END = /[,;:\u2014\u2013)\]}]+(?=\s)|\s[\u2014\u2013-]\s/gu;

/**
 * Control characters become spaces, one for one (offsets stay): the engines take text as a C string, so
 * a NUL ended the sentence there (found by the speech fuzz test: "this. \0 The end." said only "this").
 */
export function withoutControls(text: string): string {
  return text.replace(/[^\P{Cc}\t\n\r]/gu, ' ');
}

/** Runs of one character (more than 3) to 3, then a short group repeated 3 or more times to twice ("a.a.a.a." to "a.a."). */
export function simplifyForSpeech(text: string): string {
  return text.replace(/(.)\1{3,}/gsu, '$1$1$1').replace(/(.{2,4}?)\1{2,}/gsu, '$1$1');
}

/** The clauses of text[start, end): cut after each clause-ending mark (offsets into text). */
function clauses(text: string, start: number, end: number): TextSpan[] {
  const cuts = [start];
  for (const match of text.slice(start, end).matchAll(CLAUSE_END)) {
    const at = start + match.index + match[0].length;
    if (at > cuts.at(-1)! && at < end) cuts.push(at);
  }
  cuts.push(end);
  return cuts.slice(1).map((cut, i) => ({ start: cuts[i]!, end: cut }));
}

/** Two halves of a run of words, cut at a word's start; null for a single word. */
function halves(text: string, start: number, end: number, lang: string | null): [TextSpan, TextSpan] | null {
  const words = splitWords(text, lang, start, end);
  if (words.length < 2) return null;
  const cut = words[Math.floor(words.length / 2)]!.start;
  return [
    { start, end: cut },
    { start: cut, end },
  ];
}

/**
 * Says `text` (one sentence); when the engine fails on it for a reason in the text (isPassageFailure),
 * says it in parts. Failures of another kind (a missing engine, a cancel) are thrown as they are.
 */
export async function sayAroundFailures(engine: SpeechEngine, given: string, options: SynthesisOptions): Promise<SaidSentence> {
  const text = withoutControls(given);
  let failure: unknown;
  try {
    return { whole: await engine.synthesize(text, options) };
  } catch (error) {
    if (!isPassageFailure(error) || options.signal?.aborted) throw error;
    failure = error;
  }
  let attempts = 0;
  const deadline = performance.now() + NARROWING_BUDGET_MS;
  const attempt = async (spoken: string): Promise<Synthesized | null> => {
    if (attempts >= ATTEMPTS_PER_SENTENCE || performance.now() > deadline) return null;
    attempts++;
    try {
      return await engine.synthesize(spoken, options);
    } catch (error) {
      if (!isPassageFailure(error) || options.signal?.aborted) throw error;
      return null;
    }
  };
  // `known`: the part is already known to fail (it is the whole that just failed, or a clause that did).
  const narrow = async (start: number, end: number, knownToFail: boolean): Promise<SaidPart[]> => {
    const part = text.slice(start, end);
    if (!HAS_WORDS.test(part)) return [{ start, end, said: null, simplified: false }];
    if (!knownToFail) {
      const said = await attempt(part);
      if (said) return [{ start, end, said, simplified: false }];
    }
    const pieces = clauses(text, start, end);
    const split = pieces.length > 1 ? pieces : halves(text, start, end, options.lang);
    if (split) {
      const parts: SaidPart[] = [];
      for (const piece of split) parts.push(...(await narrow(piece.start, piece.end, false)));
      return parts;
    }
    const simpler = simplifyForSpeech(part);
    const said = simpler !== part ? await attempt(simpler) : null;
    return [{ start, end, said, simplified: said !== null }];
  };
  const parts = await narrow(0, text.length, true);
  return { parts, failure };
}

/** The parts left out that had words in them (what the listener is told about), without the spaces around them. */
export function leftOut(text: string, parts: readonly SaidPart[]): TextSpan[] {
  return parts
    .filter((part) => !part.said && HAS_WORDS.test(text.slice(part.start, part.end)))
    .map(({ start, end }) => {
      const slice = text.slice(start, end);
      return { start: start + (slice.length - slice.trimStart().length), end: end - (slice.length - slice.trimEnd().length) };
    });
}
