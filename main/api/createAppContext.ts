/** Everything the API handlers need, made once per host from a data folder and an initial source. */
import type { LoadResult } from '../../shared/api.js';
import type { EngineChoice } from '../../shared/settings.js';
import { detectEngine, type EngineDetection } from '../speech/detectEngine.js';
import { LibraryStore } from '../store/LibraryStore.js';
import { QueueStore } from '../store/QueueStore.js';
import { SettingsStore } from '../store/SettingsStore.js';
import { PronunciationStore } from '../pronunciations/PronunciationStore.js';
import { loadArticleSource, readingOptionsOf, type ReadingOptions } from '../article/loadArticleSource.js';
import { createApiHandlers, rememberInLibrary, type ApiContext } from './createApiHandlers.js';
import { ProtectedDocuments } from './protectedDocuments.js';

/** Engine detection once per choice: it looks at PATH and spawns nothing, but need not run per paragraph. */
export function memoizedSpeech(detect: (choice: EngineChoice) => Promise<EngineDetection> = (choice) => detectEngine({ preferred: choice === 'auto' ? null : choice })) {
  const found = new Map<EngineChoice, Promise<EngineDetection>>();
  return (choice: EngineChoice) => {
    let detection = found.get(choice);
    if (!detection) found.set(choice, (detection = detect(choice)));
    return detection;
  };
}

export function createAppHandlers(dataDirectory: string, initialArticle: (options?: ReadingOptions) => Promise<LoadResult>, speech = memoizedSpeech()) {
  const library = new LibraryStore(dataDirectory);
  const context: ApiContext = {
    initialArticle,
    speech,
    library,
    queue: new QueueStore(dataDirectory, library),
    settings: new SettingsStore(dataDirectory),
    pronunciations: new PronunciationStore(dataDirectory),
    protectedDocuments: new ProtectedDocuments(),
    emit: () => undefined,
  };
  /** An article handed in from outside the window (a second launch, Open File, the OS): into the library like any other. */
  const openFromOutside = async (source: string | null) => {
    const settings = await context.settings.read();
    const options = { ...readingOptionsOf(settings), onPasswordNeeded: context.protectedDocuments!.requestFor };
    return rememberInLibrary(context.library, await loadArticleSource(source, options), settings.notePlacement);
  };
  return { handlers: createApiHandlers(context), context, openFromOutside };
}
