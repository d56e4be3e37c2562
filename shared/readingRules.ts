/**
 * Reading rules: what of the displayed text is not sent to the speech engine as written. Each rule has
 * its own switch; they change only what is heard, never what is shown.
 */
import { z } from 'zod';

/** How a web address or an e-mail address is heard: shortened to its site, read in full, or skipped. */
export const ADDRESS_READINGS = ['short', 'full', 'skip'] as const;
export type AddressReading = (typeof ADDRESS_READINGS)[number];

export const readingRulesSchema = z.object({
  /** Skip citation and footnote markers: "[12]", "[a]", "[citation needed]", superscript footnote numbers. */
  skipCitations: z.boolean().catch(true),
  /** "https://www.example.com/a/b?c" read as "link to example.com" (short), as written (full), or not at all (skip). */
  urls: z.enum(ADDRESS_READINGS).catch('short'),
  /** "jane@example.com" read as "e-mail address at example.com" (short), as written (full), or not at all (skip). */
  emails: z.enum(ADDRESS_READINGS).catch('short'),
  /** Skip asides in parentheses. Off by default: an aside is part of what the author wrote. */
  skipParentheses: z.boolean().catch(false),
  /** Skip bracketed editorial notes ("[sic]", "[laughs]"). Off by default. */
  skipBrackets: z.boolean().catch(false),
  /** Apply the pronunciation list. */
  usePronunciations: z.boolean().catch(true),
});

export type ReadingRules = z.infer<typeof readingRulesSchema>;

export const DEFAULT_READING_RULES: ReadingRules = readingRulesSchema.parse({});

/** Every rule off: the text is spoken exactly as displayed (the baseline, and "read as written"). */
export const RULES_OFF: ReadingRules = { skipCitations: false, urls: 'full', emails: 'full', skipParentheses: false, skipBrackets: false, usePronunciations: false };

export const ADDRESS_READING_LABELS: Record<AddressReading, string> = {
  short: 'Say only the site ("link to example.com")',
  full: 'Read in full',
  skip: 'Skip',
};
