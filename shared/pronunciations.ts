/**
 * The pronunciation list: entries of what to match in the displayed text and what to say instead.
 * The file format (version 1) is public (README, `extract --spoken --lexicon FILE`):
 *   {"version": 1, "entries": [{"match": "SQL", "say": "sequel", "wholeWord": true, "caseSensitive": true, "regex": false, "lang": null}]}
 * Fields other than these are allowed and ignored. Checking is strict and says what is wrong and where,
 * so an import never half-replaces the list: it is taken whole or refused whole.
 */
import { z } from 'zod';

export const PRONUNCIATIONS_VERSION = 1;
export const MAX_PRONUNCIATIONS = 5000;
export const MAX_MATCH_CHARS = 200;
export const MAX_SAY_CHARS = 500;
/** A file larger than this is not a pronunciation list. */
export const MAX_PRONUNCIATIONS_FILE_BYTES = 2 * 1024 * 1024;

const LANG_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/u;

export const pronunciationSchema = z.object({
  match: z.string().min(1, 'is empty: say what to match').max(MAX_MATCH_CHARS, `is longer than ${MAX_MATCH_CHARS} characters`),
  say: z.string().max(MAX_SAY_CHARS, `is longer than ${MAX_SAY_CHARS} characters`),
  wholeWord: z.boolean().default(true),
  caseSensitive: z.boolean().default(false),
  regex: z.boolean().default(false),
  /** A language tag ("en", "de-CH"): the entry applies to articles in that language only; null: every language. */
  lang: z.string().regex(LANG_TAG, 'is not a language tag such as "en" or "pt-BR"').nullable().default(null),
});
export type Pronunciation = z.infer<typeof pronunciationSchema>;

export const pronunciationFileSchema = z.object({
  version: z.literal(PRONUNCIATIONS_VERSION),
  entries: z.array(pronunciationSchema).max(MAX_PRONUNCIATIONS, `has more than ${MAX_PRONUNCIATIONS} entries`),
});

/** Checks a pattern beyond its syntax (main passes a ReDoS check); returns why it is refused, or null. */
export type PatternCheck = (pattern: string, flags: string) => string | null;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('').replace(/^entries\[(\d+)\]/u, (_, n: string) => `entry ${Number(n) + 1}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const place = where(issue.path);
  if (issue.code === 'invalid_type') return `${place}: expected ${issue.expected}${issue.input === undefined ? ', but it is missing' : ''}`;
  return `${place}: ${issue.message}`;
}

/** The flags an entry's pattern runs with. */
export function patternFlags(entry: Pick<Pronunciation, 'caseSensitive'>): string {
  return entry.caseSensitive ? 'gu' : 'giu';
}

/** An entry's problems beyond its shape: a pattern that does not compile or could take too long. */
export function entryProblem(entry: Pronunciation, check: PatternCheck | null): string | null {
  if (!entry.regex) return null;
  try {
    new RegExp(entry.match, patternFlags(entry));
  } catch (error) {
    return `"${entry.match}" is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /u, '')}`;
  }
  if (new RegExp(`^(?:${entry.match})$`, patternFlags(entry).replace('g', '')).test('')) {
    return `"${entry.match}" matches empty text, so it would match everywhere`;
  }
  return check ? check(entry.match, patternFlags(entry)) : null;
}

/** One entry as submitted by the UI or an import: valid and safe, or the reason it is not. */
export function checkPronunciation(input: unknown, check: PatternCheck | null): Checked<Pronunciation> {
  const parsed = pronunciationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: describeIssue(parsed.error.issues[0]!).replace(/^the file: /u, '') };
  const problem = entryProblem(parsed.data, check);
  return problem ? { ok: false, message: problem } : { ok: true, value: parsed.data };
}

/**
 * A pronunciation file's text to its entries, or one message naming what is wrong and where (the first
 * problem, then how many more). Nothing is taken from a file that is refused.
 */
export function parsePronunciationFile(text: string, check: PatternCheck | null): Checked<Pronunciation[]> {
  if (text.length > MAX_PRONUNCIATIONS_FILE_BYTES) return { ok: false, message: 'This file is too large to be a pronunciation list.' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    return { ok: false, message: `This is not a JSON file: ${(error as Error).message}.` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, message: 'This is not a pronunciation list: expected {"version": 1, "entries": [...]}.' };
  if (!('version' in data)) return { ok: false, message: 'This is not a pronunciation list: it has no "version" (expected {"version": 1, "entries": [...]}).' };
  const { version } = data as { version: unknown };
  if (version !== PRONUNCIATIONS_VERSION) return { ok: false, message: `This pronunciation list was not imported: version ${JSON.stringify(version)} is not one this Article Player reads (it reads version ${PRONUNCIATIONS_VERSION}).` };
  const parsed = pronunciationFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    return { ok: false, message: `This pronunciation list was not imported: ${describeIssue(issues[0]!)}${more}.` };
  }
  for (const [i, entry] of parsed.data.entries.entries()) {
    const problem = entryProblem(entry, check);
    if (problem) return { ok: false, message: `This pronunciation list was not imported: entry ${i + 1}: ${problem}.` };
  }
  return { ok: true, value: parsed.data.entries };
}

/** The list as a file (what export writes and import reads). */
export function formatPronunciationFile(entries: readonly Pronunciation[]): string {
  return `${JSON.stringify({ version: PRONUNCIATIONS_VERSION, entries }, null, 2)}\n`;
}

/** A place in the displayed text where an entry applies. */
export interface PronunciationMatch {
  start: number;
  end: number;
  say: string;
  /** The entry's place in the list: an earlier entry wins where two match the same text. */
  entry: number;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const WORD_RUN = /[\p{L}\p{N}\p{M}_]+/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&');
}

function primaryLanguage(lang: string | null): string | null {
  return lang ? lang.split('-')[0]!.toLowerCase() : null;
}

/** "$1" and "$&" in what a pattern entry says are the groups it matched ("$$" is a dollar sign). */
function expandGroups(say: string, match: RegExpExecArray): string {
  return say.replace(/\$(\$|&|\d{1,2})/gu, (whole, ref: string) => (ref === '$' ? '$' : ref === '&' ? match[0] : (match[Number(ref)] ?? '')));
}

interface LiteralWord {
  entry: number;
  match: string;
  lower: string;
  say: string;
  caseSensitive: boolean;
}

/**
 * The list made ready to match, once per change of the list: whole-word literal entries (the common
 * case) are indexed by their first word so a block is scanned once whatever the list's size; the rest
 * are compiled to one regular expression each.
 */
export class CompiledPronunciations {
  private readonly regexEntries = new Set<number>();
  private readonly byFirstWord = new Map<string, LiteralWord[]>();
  private readonly patterns: Array<{ entry: number; pattern: RegExp; say: string }> = [];
  /** The language the entry is for, by entry index (null: every language). */
  private readonly langs: Array<string | null>;

  constructor(readonly entries: readonly Pronunciation[]) {
    this.langs = entries.map((entry) => primaryLanguage(entry.lang));
    entries.forEach((entry, index) => {
      const first = entry.match.match(/^[\p{L}\p{N}\p{M}_]+/u)?.[0];
      const endsInWord = WORD_CHAR.test(entry.match.at(-1) ?? '');
      if (!entry.regex && entry.wholeWord && first && endsInWord) {
        const key = first.toLowerCase();
        const list = this.byFirstWord.get(key) ?? [];
        list.push({ entry: index, match: entry.match, lower: entry.match.toLowerCase(), say: entry.say, caseSensitive: entry.caseSensitive });
        this.byFirstWord.set(key, list);
        return;
      }
      if (entry.regex) this.regexEntries.add(index);
      let source = entry.regex ? entry.match : escapeRegExp(entry.match);
      if (entry.wholeWord) source = `(?<![\\p{L}\\p{N}\\p{M}_])(?:${source})(?![\\p{L}\\p{N}\\p{M}_])`;
      try {
        this.patterns.push({ entry: index, pattern: new RegExp(source, patternFlags(entry)), say: entry.say });
      } catch {
        // Entries are checked when entered and when a file is read; one that still fails is left out, never thrown at play time.
      }
    });
  }

  get size(): number {
    return this.entries.length;
  }

  private applies(entry: number, lang: string | null): boolean {
    const wanted = this.langs[entry];
    return wanted === null || wanted === undefined || wanted === lang;
  }

  /** Every place an entry matches in `text`, in no particular order (overlaps are settled by the caller). */
  matches(text: string, lang: string | null): PronunciationMatch[] {
    const found: PronunciationMatch[] = [];
    const language = primaryLanguage(lang);
    if (this.byFirstWord.size > 0) {
      WORD_RUN.lastIndex = 0;
      for (let run = WORD_RUN.exec(text); run; run = WORD_RUN.exec(text)) {
        const candidates = this.byFirstWord.get(run[0].toLowerCase());
        if (!candidates) continue;
        for (const candidate of candidates) {
          if (!this.applies(candidate.entry, language)) continue;
          const end = run.index + candidate.match.length;
          if (end > text.length || WORD_CHAR.test(text[end] ?? '')) continue;
          const slice = text.slice(run.index, end);
          if (candidate.caseSensitive ? slice !== candidate.match : slice.toLowerCase() !== candidate.lower) continue;
          found.push({ start: run.index, end, say: candidate.say, entry: candidate.entry });
        }
      }
    }
    for (const { entry, pattern, say } of this.patterns) {
      if (!this.applies(entry, language)) continue;
      pattern.lastIndex = 0;
      // Bounded: a pattern that matches at every character of a long block cannot take the block's time.
      for (let count = 0, m = pattern.exec(text); m && count < 10_000; m = pattern.exec(text), count++) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        found.push({ start: m.index, end: m.index + m[0].length, say: this.regexEntries.has(entry) ? expandGroups(say, m) : say, entry });
      }
    }
    return found;
  }
}
