/**
 * The pronunciation list, in pronunciations.json in the data folder (its own file, so a damaged list
 * never costs the settings, and the reverse). Written atomically through JsonFile; a damaged file is
 * set aside with a message and the list starts empty. The compiled form is kept until the list changes.
 */
import { join } from 'node:path';
import { checkPronunciation, CompiledPronunciations, MAX_PRONUNCIATIONS, parsePronunciationFile, type Checked, type Pronunciation } from '../../shared/pronunciations.js';
import { JsonFile } from '../store/JsonFile.js';
import { checkPatternSafety } from './regexSafety.js';

interface StoredList {
  entries: Pronunciation[];
}

/** Entries read back from disk: each checked again (the file may have been edited by hand); bad ones are dropped, the rest kept. */
function normalizeStored(data: unknown): StoredList {
  if (!data || typeof data !== 'object' || !Array.isArray((data as StoredList).entries)) throw new Error('not a pronunciation list');
  const entries: Pronunciation[] = [];
  for (const entry of (data as StoredList).entries.slice(0, MAX_PRONUNCIATIONS)) {
    const checked = checkPronunciation(entry, checkPatternSafety);
    if (checked.ok) entries.push(checked.value);
  }
  return { entries };
}

export class PronunciationStore {
  readonly file: JsonFile<StoredList>;
  private compiled: { key: string; value: CompiledPronunciations } | null = null;

  constructor(dataDirectory: string) {
    this.file = new JsonFile<StoredList>({
      path: join(dataDirectory, 'pronunciations.json'),
      version: 1,
      label: 'pronunciation list',
      defaults: () => ({ entries: [] }),
      normalize: normalizeStored,
    });
  }

  async list(): Promise<Pronunciation[]> {
    return (await this.file.read()).entries;
  }

  /** The list ready to match; compiled again only when it changed (another window may have changed it). */
  async compiledList(): Promise<CompiledPronunciations> {
    const entries = await this.list();
    const key = JSON.stringify(entries);
    if (this.compiled?.key !== key) this.compiled = { key, value: new CompiledPronunciations(entries) };
    return this.compiled.value;
  }

  /** Adds an entry (index null) or replaces entry `index`; a bad entry is refused with the reason and nothing changes. */
  async save(index: number | null, input: unknown): Promise<Checked<Pronunciation[]>> {
    const checked = checkPronunciation(input, checkPatternSafety);
    if (!checked.ok) return checked;
    try {
      const next = await this.file.update(({ entries }) => {
        if (index === null || index >= entries.length) {
          if (entries.length >= MAX_PRONUNCIATIONS) throw new Error(`The list is full (${MAX_PRONUNCIATIONS} entries).`);
          return { entries: [...entries, checked.value] };
        }
        return { entries: entries.map((entry, i) => (i === index ? checked.value : entry)) };
      });
      return { ok: true, value: next.entries };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }

  async remove(index: number): Promise<Pronunciation[]> {
    return (await this.file.update(({ entries }) => ({ entries: entries.filter((_, i) => i !== index) }))).entries;
  }

  /** A file's text: replaces the list, or is added to its end; refused whole (with what is wrong and where) when any part is bad. */
  async import(text: string, mode: 'replace' | 'add'): Promise<Checked<Pronunciation[]>> {
    const parsed = parsePronunciationFile(text, checkPatternSafety);
    if (!parsed.ok) return parsed;
    try {
      const next = await this.file.update(({ entries }) => {
        const combined = mode === 'replace' ? parsed.value : [...entries, ...parsed.value];
        if (combined.length > MAX_PRONUNCIATIONS) throw new Error(`Together they would make more than ${MAX_PRONUNCIATIONS} entries; nothing was imported.`);
        return { entries: combined };
      });
      return { ok: true, value: next.entries };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }
}
