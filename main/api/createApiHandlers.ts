/** The Node side of the API contract, independent of the host (Electron IPC or the browser host's socket). */
import { UserFacingError, type ApiHandlers, type LoadResult } from '../../shared/api.js';
import { loadRendererSource } from '../article/loadArticleSource.js';
import type { EngineDetection } from '../speech/detectEngine.js';
import { synthesizeBlock } from '../speech/synthesizeBlock.js';
import type { LibraryStore } from '../store/LibraryStore.js';
import type { SettingsStore } from '../store/SettingsStore.js';

export interface ApiContext {
  initialArticle: () => Promise<LoadResult>;
  speech: Promise<EngineDetection>;
  library: LibraryStore;
  settings: SettingsStore;
}

export function createApiHandlers(context: ApiContext): ApiHandlers {
  const { library, settings } = context;

  /** Every article that opens is kept in the library; if the library cannot be written, reading goes on. */
  const remember = async (result: LoadResult): Promise<LoadResult> => {
    if (!result.ok) return result;
    try {
      return { ...result, entry: await library.record(result.article) };
    } catch (error) {
      console.error('The library could not be updated:', error);
      return { ...result, entry: null };
    }
  };

  return {
    getInitialArticle: async () => remember(await context.initialArticle()),

    openArticle: async ({ source }) => remember(await loadRendererSource(source)),

    async getSettings() {
      const current = await settings.read();
      const problem = settings.file.problem ?? library.index.problem;
      settings.file.problem = null;
      library.index.problem = null;
      return { settings: current, problem };
    },

    updateSettings: ({ patch }) => settings.update(patch),

    listLibrary: ({ query, sort }) => library.list(query, sort),

    async openLibraryEntry({ id }) {
      const opened = await library.open(id);
      return opened ? { ok: true, ...opened } : { ok: false, message: 'This article is no longer in the library.' };
    },

    removeLibraryEntries: async ({ ids }) => ({ removed: await library.remove(ids) }),

    savePosition: async ({ id, blockIndex, sentenceIndex }) => ({ saved: await library.savePosition(id, { blockIndex, sentenceIndex }) }),

    async getSpeechInfo() {
      const detection = await context.speech;
      if (!detection.engine) return { engine: null, problem: detection.problem, voices: [], normalWordsPerMinute: 175 };
      const { engine } = detection;
      try {
        return { engine: { id: engine.id, name: engine.name }, problem: null, voices: await engine.listVoices(), normalWordsPerMinute: engine.normalWordsPerMinute };
      } catch (error) {
        return { engine: null, problem: `${engine.name} did not list its voices: ${(error as Error).message}`, voices: [], normalWordsPerMinute: engine.normalWordsPerMinute };
      }
    },

    async synthesizeBlock(params) {
      const detection = await context.speech;
      if (!detection.engine) throw new UserFacingError(detection.problem);
      try {
        return await synthesizeBlock(detection.engine, params);
      } catch (error) {
        throw new UserFacingError(`${detection.engine.name} could not speak this paragraph: ${(error as Error).message}`);
      }
    },
  };
}
