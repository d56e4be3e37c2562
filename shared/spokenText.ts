/**
 * What is spoken for a block: its displayed text with the reading rules and the pronunciation list
 * applied, and a map between the two, so audio timed on the spoken text is highlighted on the
 * displayed text. Sentences are those of the displayed text (the reader's sentence navigation counts
 * them), each with its own stretch of spoken text; a rule's change never crosses a sentence boundary.
 */
import type { CompiledPronunciations } from './pronunciations.js';
import type { ReadingRules } from './readingRules.js';
import { splitSentences, type TextSpan } from './segment.js';

/**
 * A stretch of the displayed text and what is spoken for it. `same`: spoken as displayed, character
 * for character; otherwise the displayed stretch is replaced by `spoken` (empty when it is skipped).
 */
export interface SpokenPiece {
  displayStart: number;
  displayEnd: number;
  spokenStart: number;
  spokenEnd: number;
  same: boolean;
  /** Which rule made the change: "citation", "url", "email", "parentheses", "brackets", "pronunciation". */
  rule?: ChangeRule;
}

export type ChangeRule = 'citation' | 'url' | 'email' | 'parentheses' | 'brackets' | 'pronunciation';

export interface SpokenSentence {
  displayed: TextSpan;
  spoken: TextSpan;
}

export interface SpokenText {
  /** The displayed text (the block's text). */
  displayed: string;
  /** What the engine is given: sentence by sentence, `text.slice(sentence.spoken.start, sentence.spoken.end)`. */
  text: string;
  /** In order, covering both texts without gaps. */
  pieces: SpokenPiece[];
  sentences: SpokenSentence[];
}

/** A change to the displayed text found by a rule or an entry. */
export interface TextChange {
  start: number;
  end: number;
  say: string;
  rule: ChangeRule;
  /** Lower wins among changes starting at the same place with the same length. */
  order: number;
}

export interface SpokenOptions {
  rules: ReadingRules;
  pronunciations?: CompiledPronunciations | null;
  lang?: string | null;
}

/** "[12]", "[3–5]", "[1, 2]", "[a]", "[n 4]", "[note 2]", "[citation needed]", and superscript digits ("word¹²"), with the space before them. */
export const CITATION = /\s*(?:\[(?:\d{1,4}(?:\s*[,–—-]\s*\d{1,4})*|[a-z]{1,2}|(?:n|nb|note|fn|lower-alpha)\s?\d{1,4}|citation needed|clarification needed|according to whom\?|when\?|who\?|by whom\?|page needed|dubious\s*[–—-]\s*discuss)\]|(?<=[\p{L}\p{N}.,;:)"”’])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)/giu;
/**
 * Top-level domains an address written without its scheme is recognized by ("github.com/user/repo"),
 * when a path follows. Not every one: "Node.js/Deno" and "v1.2/beta" are not addresses.
 */
const BARE_ADDRESS_TLDS = 'com|org|net|edu|gov|mil|int|info|biz|io|ai|app|dev|co|me|ly|tv|fm|news|blog|xyz|site|online|tech|uk|de|fr|nl|it|es|ca|au|in|jp|cn|ru|br|ch|se|no|eu|us|nz|ie|be|at|pl|dk|fi';
/**
 * A web address up to the first space: with its scheme or "www.", or a host with a known top-level
 * domain followed by a path. Trailing punctuation is the sentence's, not the address's.
 */
export const URL_PATTERN = new RegExp(
  `\\b(?:https?:\\/\\/|www\\.)[^\\s<>"“”«»]+|(?<![\\p{L}\\p{N}@._%+/-])(?:[\\p{L}\\p{N}-]+\\.)+(?:${BARE_ADDRESS_TLDS})\\/[^\\s<>"“”«»]*`,
  'giu',
);
export const EMAIL_PATTERN = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu;

/** Trailing characters a sentence puts after an address: "see https://a.org/x." — the "." is not part of it. */
function trimAddress(text: string): string {
  let end = text.length;
  for (;;) {
    const last = text[end - 1];
    if (!last) break;
    if (/[.,;:!?'’"”»]/u.test(last)) end--;
    else if (last === ')' && (text.slice(0, end).match(/\(/gu)?.length ?? 0) < (text.slice(0, end).match(/\)/gu)?.length ?? 0)) end--;
    else if (last === ']' && !text.slice(0, end).includes('[')) end--;
    else break;
  }
  return text.slice(0, end);
}

/** The site an address points to, for "link to example.com": its host without "www.". */
export function siteOf(address: string): string | null {
  const withScheme = /^https?:\/\//iu.test(address) ? address : `http://${address}`;
  try {
    const host = new URL(withScheme).hostname.replace(/^www\./iu, '');
    return host && /[\p{L}\p{N}]/u.test(host) ? host : null;
  } catch {
    return null;
  }
}

function addresses(text: string, changes: TextChange[], occupied: TextSpan[], rules: ReadingRules): void {
  if (rules.emails !== 'full') {
    EMAIL_PATTERN.lastIndex = 0;
    for (let m = EMAIL_PATTERN.exec(text); m; m = EMAIL_PATTERN.exec(text)) {
      const domain = m[0].slice(m[0].indexOf('@') + 1);
      changes.push({ start: m.index, end: m.index + m[0].length, say: rules.emails === 'skip' ? '' : `e-mail address at ${domain}`, rule: 'email', order: 0 });
      occupied.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  URL_PATTERN.lastIndex = 0;
  for (let m = URL_PATTERN.exec(text); m; m = URL_PATTERN.exec(text)) {
    const address = trimAddress(m[0]);
    const span = { start: m.index, end: m.index + address.length };
    // An address is kept whole even when read in full: no other rule or entry rewrites part of it.
    occupied.push(span);
    if (rules.urls === 'full' || address.length < 5) continue;
    const site = siteOf(address);
    changes.push({ ...span, say: rules.urls === 'skip' ? '' : site ? `link to ${site}` : 'link', rule: 'url', order: 0 });
  }
}

/** Balanced "( ... )" and "[ ... ]" stretches, outermost, with the space before them; nesting is followed. */
function enclosed(text: string, open: string, close: string, rule: ChangeRule, changes: TextChange[]): void {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === open) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === close && depth > 0) {
      depth--;
      if (depth === 0) {
        let from = start;
        while (from > 0 && /\s/u.test(text[from - 1]!)) from--;
        changes.push({ start: from, end: i + 1, say: '', rule, order: 2 });
      }
    }
  }
}

/** Every change the rules and the list make to `text`, overlapping ones included (settled by `settle`). */
export function findChanges(text: string, options: SpokenOptions): TextChange[] {
  const { rules } = options;
  const changes: TextChange[] = [];
  const occupied: TextSpan[] = [];
  addresses(text, changes, occupied, rules);
  if (rules.skipCitations) {
    CITATION.lastIndex = 0;
    for (let m = CITATION.exec(text); m; m = CITATION.exec(text)) changes.push({ start: m.index, end: m.index + m[0].length, say: '', rule: 'citation', order: 1 });
  }
  if (rules.skipParentheses) enclosed(text, '(', ')', 'parentheses', changes);
  if (rules.skipBrackets) enclosed(text, '[', ']', 'brackets', changes);
  if (rules.usePronunciations && options.pronunciations && options.pronunciations.size > 0) {
    for (const match of options.pronunciations.matches(text, options.lang ?? null)) {
      // Inside an address (even one read in full) an entry would break it apart: addresses are kept whole.
      if (occupied.some((span) => match.start < span.end && match.end > span.start)) continue;
      changes.push({ start: match.start, end: match.end, say: match.say, rule: 'pronunciation', order: 10 + match.entry });
    }
  }
  return changes;
}

/** Non-overlapping changes in order: the one starting first wins, then the longer, then the lower order. */
export function settle(changes: TextChange[]): TextChange[] {
  const sorted = changes.filter((change) => change.end > change.start).sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const kept: TextChange[] = [];
  let reached = 0;
  for (const change of sorted) {
    if (change.start < reached) continue;
    kept.push(change);
    reached = change.end;
  }
  return kept;
}

/** Splits changes at sentence boundaries: what a change says goes with its first part; the other parts are skipped. */
function splitAtSentences(changes: TextChange[], sentences: TextSpan[]): TextChange[] {
  const boundaries = sentences.flatMap((sentence) => [sentence.start, sentence.end]);
  const out: TextChange[] = [];
  for (const change of changes) {
    const cuts = boundaries.filter((at) => at > change.start && at < change.end);
    let from = change.start;
    for (const cut of [...new Set(cuts)].sort((a, b) => a - b).concat(change.end)) {
      out.push({ ...change, start: from, end: cut, say: from === change.start ? change.say : '' });
      from = cut;
    }
  }
  return out;
}

/** The spoken text of a block and its map, for `rules` and the list. Pure and fast (the bench measures it). */
export function makeSpokenText(displayed: string, options: SpokenOptions): SpokenText {
  const sentenceSpans = splitSentences(displayed, options.lang ?? null);
  const changes = splitAtSentences(settle(findChanges(displayed, options)), sentenceSpans);
  const pieces: SpokenPiece[] = [];
  let text = '';
  let cursor = 0;
  const same = (end: number) => {
    if (end <= cursor) return;
    pieces.push({ displayStart: cursor, displayEnd: end, spokenStart: text.length, spokenEnd: text.length + (end - cursor), same: true });
    text += displayed.slice(cursor, end);
    cursor = end;
  };
  for (const change of changes) {
    same(change.start);
    // A replacement next to a letter is kept a word of its own ("the" + "sequel" + "server").
    const before = text.length > 0 && change.say !== '' && /[\p{L}\p{N}]$/u.test(text) && /^[\p{L}\p{N}]/u.test(change.say) && !/^[\p{L}\p{N}]/u.test(displayed.slice(change.start, change.start + 1)) ? ' ' : '';
    const say = before + change.say;
    pieces.push({ displayStart: change.start, displayEnd: change.end, spokenStart: text.length, spokenEnd: text.length + say.length, same: false, rule: change.rule });
    text += say;
    cursor = change.end;
  }
  same(displayed.length);
  const spoken: SpokenText = { displayed, text, pieces, sentences: [] };
  spoken.sentences = sentenceSpans.map((span) => ({ displayed: span, spoken: trimSpan(text, { start: toSpokenStart(spoken, span.start), end: toSpokenEnd(spoken, span.end) }) }));
  return spoken;
}

function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The piece holding displayed offset `at` (binary search; pieces are in order and cover the text). */
function pieceAtDisplayed(spoken: SpokenText, at: number): SpokenPiece | undefined {
  const { pieces } = spoken;
  let low = 0;
  let high = pieces.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const piece = pieces[mid]!;
    if (at < piece.displayStart) high = mid - 1;
    else if (at >= piece.displayEnd) low = mid + 1;
    else return piece;
  }
  return undefined;
}

/** Where displayed offset `at` starts in the spoken text (a replaced stretch: where its replacement starts). */
export function toSpokenStart(spoken: SpokenText, at: number): number {
  const piece = pieceAtDisplayed(spoken, at);
  if (!piece) return spoken.text.length;
  return piece.same ? piece.spokenStart + (at - piece.displayStart) : piece.spokenStart;
}

/** Where displayed offset `at`, taken as an end, falls in the spoken text (a replaced stretch: its end). */
export function toSpokenEnd(spoken: SpokenText, at: number): number {
  if (at <= 0) return 0;
  const piece = pieceAtDisplayed(spoken, at - 1);
  if (!piece) return spoken.text.length;
  return piece.same ? piece.spokenStart + (at - piece.displayStart) : piece.spokenEnd;
}

/**
 * The displayed stretch a spoken stretch stands for: characters spoken as displayed map to themselves,
 * any part of a replacement to the whole of what it replaced. Null when it covers no displayed text.
 */
export function toDisplayed(spoken: SpokenText, start: number, end: number): TextSpan | null {
  let from = Infinity;
  let to = -Infinity;
  const { pieces } = spoken;
  // First piece that ends after `start` (binary search), then forward while pieces start before `end`.
  let low = 0;
  let high = pieces.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pieces[mid]!.spokenEnd <= start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < pieces.length && pieces[i]!.spokenStart < end; i++) {
    const piece = pieces[i]!;
    if (piece.spokenEnd <= start || piece.spokenEnd === piece.spokenStart) continue;
    if (piece.same) {
      from = Math.min(from, piece.displayStart + Math.max(0, start - piece.spokenStart));
      to = Math.max(to, piece.displayStart + Math.min(piece.spokenEnd, end) - piece.spokenStart);
    } else {
      from = Math.min(from, piece.displayStart);
      to = Math.max(to, piece.displayEnd);
    }
  }
  return from < to ? { start: from, end: to } : null;
}

/** The displayed text spoken as is: one piece, the displayed sentences. */
export function spokenAsDisplayed(displayed: string, lang: string | null = null): SpokenText {
  const sentences = splitSentences(displayed, lang).map((span) => ({ displayed: span, spoken: span }));
  const pieces = displayed.length > 0 ? [{ displayStart: 0, displayEnd: displayed.length, spokenStart: 0, spokenEnd: displayed.length, same: true }] : [];
  return { displayed, text: displayed, pieces, sentences };
}

/** What was changed, for people: the displayed stretches a rule skipped or replaced, with what is said instead. */
export function changedStretches(spoken: SpokenText): Array<{ start: number; end: number; rule: ChangeRule; say: string }> {
  const out: Array<{ start: number; end: number; rule: ChangeRule; say: string }> = [];
  for (const piece of spoken.pieces) {
    if (piece.same) continue;
    const say = spoken.text.slice(piece.spokenStart, piece.spokenEnd).trim();
    const previous = out.at(-1);
    // One change split at a sentence boundary is one stretch for people.
    if (previous && previous.end === piece.displayStart && previous.rule === piece.rule && say === '') previous.end = piece.displayEnd;
    else out.push({ start: piece.displayStart, end: piece.displayEnd, rule: piece.rule!, say });
  }
  return out;
}
