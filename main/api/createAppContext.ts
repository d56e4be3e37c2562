/** Everything the API handlers need, made once per host from a data folder and an initial source. */
import type { LoadResult } from '../../shared/api.js';
import type { EngineChoice } from '../../shared/settings.js';
import { detectEngine, type EngineDetection } from '../speech/detectEngine.js';
import { LibraryStore } from '../store/LibraryStore.js';
import { QueueStore } from '../store/QueueStore.js';
import { SettingsStore } from '../store/SettingsStore.js';
import { PronunciationStore } from '../pronunciations/PronunciationStore.js';
import { loadArticleSource, readingOptionsOf, type StreamingOptions } from '../article/loadArticleSource.js';
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

export function createAppHandlers(dataDirectory: string, initialArticle: (options?: StreamingOptions) => Promise<LoadResult>, speech = memoizedSpeech()) {
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
    const result = await rememberInLibrary(context.library, await loadArticleSource(source, options), settings.notePlacement);
    // Its opening sentence is made now, before the window has it (as for every open: shared/synthesisRequest.ts).
    context.prepareOpening?.(result);
    return result;
  };
  const handlers = createApiHandlers(context);
  /**
   * Starts the speech engine before the page asks for anything (its voices, espeak-ng's library process,
   * the pronunciation list): called once at app start, so the first Play waits for none of it.
   */
  const warmUpSpeech = async () => {
    const { engine } = await context.settings.read();
    await handlers.synthesizeBlock({ text: 'Ready.', lang: null, voice: null, rate: 1, engine }).catch(() => undefined);
  };
  /**
   * For a host whose first article is fixed at start (the browser host): the article is read and its
   * opening sentence synthesized now, while the page loads, and the page's first getInitialArticle is
   * answered with it: a long document as its stream stands when the page asks (what arrived meanwhile
   * included). Later calls (a reload) read it again.
   */
  const loadInitialArticleNow = () => {
    const ask = handlers.getInitialArticle;
    let early: Promise<LoadResult> | null = ask({});
    early.catch(() => undefined);
    handlers.getInitialArticle = (params) => {
      const taken = early;
      early = null;
      return taken ? taken.then((result) => context.latestOfStream?.(result) ?? result) : ask(params);
    };
  };
  return { handlers, context, openFromOutside, warmUpSpeech, loadInitialArticleNow };
}
