/** The user's settings, persisted in settings.json in the data folder. */
import { join } from 'node:path';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../../shared/settings.js';
import { JsonFile } from './JsonFile.js';

export class SettingsStore {
  readonly file: JsonFile<Settings>;

  constructor(dataDirectory: string) {
    this.file = new JsonFile<Settings>({
      path: join(dataDirectory, 'settings.json'),
      version: 1,
      label: 'settings',
      defaults: () => structuredClone(DEFAULT_SETTINGS),
      normalize: normalizeSettings,
    });
  }

  read(): Promise<Settings> {
    return this.file.read();
  }

  /** Merges a partial change into what is on disk now (another window may have changed other settings). */
  update(patch: Partial<Settings>): Promise<Settings> {
    return this.file.update((current) =>
      normalizeSettings({
        ...current,
        ...patch,
        voiceByLanguage: patch.voiceByLanguage ? { ...current.voiceByLanguage, ...patch.voiceByLanguage } : current.voiceByLanguage,
        keymap: patch.keymap ? { ...current.keymap, ...patch.keymap } : current.keymap,
      }),
    );
  }
}
