/** The Node side of the API contract, independent of the host (Electron IPC or the browser host's socket). */
import { UserFacingError, type ApiHandlers, type LoadResult } from '../../shared/api.js';
import { loadRendererSource } from '../article/loadArticleSource.js';
import type { EngineDetection } from '../speech/detectEngine.js';
import { synthesizeBlock } from '../speech/synthesizeBlock.js';

export interface ApiContext {
  initialArticle: () => Promise<LoadResult>;
  speech: Promise<EngineDetection>;
}

export function createApiHandlers(context: ApiContext): ApiHandlers {
  return {
    getInitialArticle: () => context.initialArticle(),

    openArticle: ({ source }) => loadRendererSource(source),

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
