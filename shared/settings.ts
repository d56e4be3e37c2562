/**
 * Everything the user can set, with defaults and a schema. The schema is the one place that decides
 * what a stored or submitted settings object may contain; unknown or invalid fields fall back to defaults.
 */
import { z } from 'zod';
import { ACTIONS, DEFAULT_KEYMAP, type Action, type Keymap } from './keymap.js';
import { RATE_DEFAULT, RATE_MAX, RATE_MIN } from './rate.js';
import { SENTENCE_HIGHLIGHTS, WORD_HIGHLIGHTS } from './highlightStyles.js';
import { DEFAULT_NOTE_PLACEMENT, NOTE_PLACEMENTS } from './notes.js';
import { DEFAULT_READING_RULES, readingRulesSchema } from './readingRules.js';
import { PITCH_DEFAULT, PITCH_MAX, PITCH_MIN, VOLUME_DEFAULT, VOLUME_MAX, VOLUME_MIN } from './voiceControls.js';

export const THEMES = ['system', 'light', 'dark', 'sepia', 'contrast'] as const;
/** Speech engines by id; 'auto' picks the best one installed. */
export const ENGINE_CHOICES = ['auto', 'espeak-ng', 'festival', 'speech-dispatcher', 'say', 'sapi'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];
export const FONTS = ['serif', 'sans', 'atkinson', 'opendyslexic'] as const;
export const READING_AIDS = ['none', 'fade-read', 'ruler'] as const;

export const FONT_LABELS: Record<(typeof FONTS)[number], string> = {
  serif: 'Serif',
  sans: 'Sans serif',
  atkinson: 'Atkinson Hyperlegible',
  opendyslexic: 'OpenDyslexic',
};
export const THEME_LABELS: Record<(typeof THEMES)[number], string> = {
  system: 'Follow the system',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia',
  contrast: 'High contrast',
};
export const READING_AID_LABELS: Record<(typeof READING_AIDS)[number], string> = {
  none: 'None',
  'fade-read': 'Fade text already read',
  ruler: 'Reading ruler on the current line',
};

/**
 * A system-wide shortcut as Electron writes accelerators ("CommandOrControl+Shift+Space"). At least one
 * modifier: a bare key registered system-wide would be taken from every other program.
 */
export const GLOBAL_ACCELERATOR =
  /^(?:(?:CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+(?:[A-Z0-9]|F(?:[1-9]|1\d|2[0-4])|Space|Plus|Insert|Delete|Home|End|PageUp|PageDown|Up|Down|Left|Right|[-=,./;'`[\]\\])$/u;

const keymapSchema = z
  .object(Object.fromEntries((Object.keys(ACTIONS) as Action[]).map((action) => [action, z.array(z.string().min(1).max(20)).max(4)])) as Record<Action, z.ZodArray<z.ZodString>>)
  .partial();

export const settingsSchema = z.object({
  engine: z.enum(ENGINE_CHOICES).catch('auto'),
  rate: z.number().min(RATE_MIN).max(RATE_MAX).catch(RATE_DEFAULT),
  /** Chosen voice per language (primary subtag, e.g. "en"); absent means the best match for the article. */
  voiceByLanguage: z.record(z.string().max(35), z.string().max(200)).catch({}),
  /** Percent above or below the voice's own pitch (shared/voiceControls.ts); engines that cannot change pitch ignore it. */
  pitch: z.number().int().min(PITCH_MIN).max(PITCH_MAX).catch(PITCH_DEFAULT),
  /** Fraction of full loudness, applied by the player at once (not by the engine, except speech-dispatcher's). */
  volume: z.number().min(VOLUME_MIN).max(VOLUME_MAX).catch(VOLUME_DEFAULT),
  sentencePauseMs: z.number().int().min(0).max(2000).catch(250),
  paragraphPauseMs: z.number().int().min(0).max(2000).catch(500),
  theme: z.enum(THEMES).catch('system'),
  font: z.enum(FONTS).catch('serif'),
  /** Multiplier of the base reading size. */
  fontScale: z.number().min(0.75).max(3).catch(1),
  lineHeight: z.number().min(1.2).max(2.5).catch(1.7),
  letterSpacingEm: z.number().min(0).max(0.3).catch(0),
  wordSpacingEm: z.number().min(0).max(0.5).catch(0),
  /** Maximum line length in characters (em-based). */
  lineWidthEm: z.number().min(20).max(80).catch(40),
  readingAid: z.enum(READING_AIDS).catch('none'),
  /** How the spoken sentence and word are marked (shared/highlightStyles.ts); either can be turned off. */
  sentenceHighlight: z.enum(SENTENCE_HIGHLIGHTS).catch('background'),
  wordHighlight: z.enum(WORD_HIGHLIGHTS).catch('fill'),
  /** Move keyboard focus to the paragraph being read (off: a screen reader's focus is left where the user put it). */
  focusFollowsReading: z.boolean().catch(false),
  /** When an article ends, the next one in the queue opens and plays after an announced pause. */
  queueAutoContinue: z.boolean().catch(true),
  /** The pause between two articles of the queue, long enough to hear "Next: <title>". */
  queuePauseMs: z.number().int().min(0).max(10_000).catch(1500),
  /** Only the actions the user remapped; the rest use DEFAULT_KEYMAP. */
  keymap: keymapSchema.catch({}),
  /** A key pressed in the sleep timer's last minute gives it its time again. */
  sleepTimerExtendOnKey: z.boolean().catch(true),
  /** Shorten long silences inside the engine's speech (not the configured pauses), for fast listening. */
  trimSilences: z.boolean().catch(false),
  /** Desktop app: a system-wide shortcut that reads the clipboard's text as a new article; empty (off) unless the user sets one. */
  clipboardShortcut: z.union([z.literal(''), z.string().max(80).regex(GLOBAL_ACCELERATOR)]).catch(''),
  /** What is not read as written (shared/readingRules.ts): each rule on or off. */
  readingRules: readingRulesSchema.catch(structuredClone(DEFAULT_READING_RULES)),
  /** Where the footnotes and endnotes of a PDF or EPUB are read (shared/notes.ts). */
  notePlacement: z.enum(NOTE_PLACEMENTS).catch(DEFAULT_NOTE_PLACEMENT),
  /** The byline read after the title, before the first paragraph (the title itself is always read). */
  readByline: z.boolean().catch(false),
  /** A book's image descriptions (alt text) read as paragraphs of their own; off: kept among the text left out. */
  readImageDescriptions: z.boolean().catch(true),
});

export type Settings = z.infer<typeof settingsSchema>;

/** A change submitted by the UI: strict, so an invalid value is refused rather than silently reset. */
export const settingsPatchSchema = z
  .object(
    Object.fromEntries(Object.entries(settingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
      [K in keyof typeof settingsSchema.shape]: z.ZodOptional<ReturnType<(typeof settingsSchema.shape)[K]['unwrap']>>;
    },
  )
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** A stored or submitted object to valid settings, field by field: one bad field does not lose the others. */
export function normalizeSettings(input: unknown): Settings {
  return settingsSchema.parse(input && typeof input === 'object' ? input : {});
}

export function effectiveKeymap(settings: Pick<Settings, 'keymap'>): Keymap {
  return { ...DEFAULT_KEYMAP, ...settings.keymap } as Keymap;
}

/** Which other action already uses `key`, if any: remapping refuses conflicts. */
export function keyConflict(keymap: Keymap, action: Action, key: string): Action | null {
  const wanted = key.length === 1 ? key.toLowerCase() : key;
  for (const other of Object.keys(keymap) as Action[]) {
    if (other === action) continue;
    if (keymap[other].some((bound) => (bound.length === 1 ? bound.toLowerCase() : bound) === wanted)) return other;
  }
  return null;
}
