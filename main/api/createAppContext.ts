/** Everything the API handlers need, made once per host from a data folder and an initial source. */
import type { LoadResult } from '../../shared/api.js';
import { detectEngine } from '../speech/detectEngine.js';
import { LibraryStore } from '../store/LibraryStore.js';
import { SettingsStore } from '../store/SettingsStore.js';
import { createApiHandlers, type ApiContext } from './createApiHandlers.js';

export function createAppHandlers(dataDirectory: string, initialArticle: () => Promise<LoadResult>, speech = detectEngine()) {
  const context: ApiContext = { initialArticle, speech, library: new LibraryStore(dataDirectory), settings: new SettingsStore(dataDirectory) };
  return { handlers: createApiHandlers(context), context };
}
