/**
 * Refuses a pronunciation pattern that could take too long on some text (catastrophic backtracking),
 * when it is entered or imported, never at play time. redos-detector walks the pattern's possible
 * paths and scores how many ways one input could match; a pattern it cannot finish checking within
 * the time limit, or cannot check at all, is refused too (never tried on text to see: a bad pattern
 * run once can hang the process).
 *
 * The pattern is checked as one match attempt, anchored at its start (`^(?:pattern)`). Unanchored,
 * the checker counts every start position in the text as another way to match, so it refuses any
 * pattern with a repeat (`\d+ km`, `colou?rs*`, `cha[a-z]*ing`): nearly every useful one. What that
 * refusal guards against is a cost linear in the text per start, quadratic at worst over one block (a
 * paragraph, a few thousand characters); what stays refused is backtracking inside one attempt
 * (`(a+)+b`, `(a|a)*b`, `a*a*a*b`), exponential or polynomial in the text, which is what hangs.
 */
import { isSafePattern, type IsSafePatternConfig } from 'redos-detector';
import type { PatternCheck } from '../../shared/pronunciations.js';

/** Long enough for ordinary patterns on a busy machine; a pattern that needs longer is refused. */
const CHECK_MS = 1000;
/** Verdicts by pattern and flags: the stored list is read (and checked) again whenever it is used. */
const verdicts = new Map<string, string | null>();
const TOO_LONG = 'could take too long on some text (a repeated part inside a repeated part can match the same letters many ways); write it without nested repeats';

/** The checker does not take case-insensitive and unicode together: each is checked apart, and both must pass. */
function configurations(flags: string): IsSafePatternConfig[] {
  const unicode = flags.includes('u');
  const caseInsensitive = flags.includes('i');
  if (!(unicode && caseInsensitive)) return [{ timeout: CHECK_MS, unicode, caseInsensitive }];
  return [
    { timeout: CHECK_MS, unicode: true, caseInsensitive: false },
    { timeout: CHECK_MS, unicode: false, caseInsensitive: true },
  ];
}

export const checkPatternSafety: PatternCheck = (pattern, flags) => {
  const key = `${flags}/${pattern}`;
  if (verdicts.has(key)) return verdicts.get(key)!;
  const verdict = check(pattern, flags);
  if (verdicts.size > 10_000) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
};

function check(pattern: string, flags: string): string | null {
  let checked = 0;
  for (const config of configurations(flags)) {
    let result;
    try {
      result = isSafePattern(`^(?:${pattern})`, config);
    } catch {
      continue; // this pattern cannot be read without the unicode flag (\p{L}): the other check decides
    }
    checked++;
    if (!result.safe) return `"${pattern}" ${TOO_LONG}`;
  }
  return checked > 0 ? null : `"${pattern}" could not be checked for speed; write it more simply`;
}
