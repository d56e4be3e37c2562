/** The Node side of the API contract, independent of the host (Electron IPC or the browser host's socket). */
import { UserFacingError, type PronunciationsChange, type ApiEvent, type ApiEvents, type ApiHandlers, type LoadResult, type SpeechInfo } from '../../shared/api.js';
import type { EngineChoice } from '../../shared/settings.js';
import { loadRendererSource, readingOptionsOf, type ReadingOptions, type StreamingOptions } from '../article/loadArticleSource.js';
import { exportArticleAudio } from '../export/exportArticleAudio.js';
import type { EngineDetection } from '../speech/detectEngine.js';
import { createLibraryRemoval } from './libraryRemoval.js';
import { createQueueHandlers } from './queueHandlers.js';
import { openingRequest } from './openingRequest.js';
import { rememberInLibrary } from './rememberInLibrary.js';
import { ArticleStreams } from './articleStreams.js';
import { placeNotes } from '../../shared/notes.js';
import { ProtectedDocuments } from './protectedDocuments.js';
import { articleFromBytes } from '../article/loadArticleFile.js';
import { createCachedSynthesizer, type CachedSynthesizer } from '../speech/synthesisCache.js';
import type { SpeechEngine } from '../speech/SpeechEngine.js';
import type { LibraryStore } from '../store/LibraryStore.js';
import type { QueueStore } from '../store/QueueStore.js';
import type { SettingsStore } from '../store/SettingsStore.js';
import type { PronunciationStore } from '../pronunciations/PronunciationStore.js';
import { spokenTextMaker } from '../pronunciations/spokenTextFor.js';
import { formatPronunciationFile, type Checked, type Pronunciation } from '../../shared/pronunciations.js';
import { pitchFor } from '../../shared/voiceControls.js';

export interface ApiContext {
  /**
   * The article the host was started with, read with the listener's reading options (notes, image
   * descriptions); a long PDF or book streams through `hooks`, as from the Open dialog.
   */
  initialArticle: (options?: StreamingOptions) => Promise<LoadResult>;
  /** The engine for a choice ('auto' or an id); memoized by the caller's factory. */
  speech: (choice: EngineChoice) => Promise<EngineDetection>;
  library: LibraryStore;
  queue: QueueStore;
  settings: SettingsStore;
  pronunciations: PronunciationStore;
  /** Protected PDFs waiting for their password (one store per host, shared with opens from outside the window). */
  protectedDocuments?: ProtectedDocuments;
  /** The language an article without one is read in until the page says its own (getInitialArticle): the system's. */
  defaultLanguage?: string;
  /** Set by the host: sends an event to the renderer(s). */
  emit: <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;
  /** Set by createApiHandlers: a streamed first part answered earlier, as its stream stands now (ArticleStreams.latest). */
  latestOfStream?: (result: LoadResult) => LoadResult;
  /** Set by the handlers: starts the synthesis of an article's opening sentence (for an article opened from outside the window). */
  prepareOpening?: (result: LoadResult) => void;
}

export { rememberInLibrary };

function changeResult(checked: Checked<Pronunciation[]>): PronunciationsChange {
  return checked.ok ? { ok: true, entries: checked.value } : checked;
}

export function createApiHandlers(context: ApiContext): ApiHandlers {
  const { library, settings, pronunciations } = context;
  /** Displayed text to what the engine is given: the settings' reading rules and the pronunciation list. */
  const spokenFor = spokenTextMaker({
    rules: async () => (await settings.read()).readingRules,
    pronunciations: () => pronunciations.compiledList(),
  });
  /** One synthesis cache per engine, so moving back and forth in an article never synthesizes twice. */
  const synthesizers = new Map<SpeechEngine, CachedSynthesizer>();
  const exports = new Map<string, AbortController>();
  /** What a direct-speech engine is saying now: one at a time, as from a speaker. */
  let speaking: { stop(): void } | null = null;
  /** Counts speakDirect requests and stops, so one overtaken while its spoken text is made never starts. */
  let directRequests = 0;

  const engineFor = async (choice: EngineChoice | undefined): Promise<{ engine: SpeechEngine; synthesize: CachedSynthesizer }> => {
    const detection = await context.speech(choice ?? 'auto');
    if (!detection.engine) throw new UserFacingError(detection.problem);
    const { engine } = detection;
    let synthesize = synthesizers.get(engine);
    if (!synthesize) synthesizers.set(engine, (synthesize = createCachedSynthesizer(engine)));
    return { engine, synthesize };
  };

  const notePlacement = async () => (await settings.read()).notePlacement;
  const remember = async (result: LoadResult) => rememberInLibrary(library, result, await notePlacement());
  const protectedDocuments = context.protectedDocuments ?? new ProtectedDocuments();
  const readingOptions = async (): Promise<ReadingOptions> => ({ ...readingOptionsOf(await settings.read()), onPasswordNeeded: protectedDocuments.requestFor });
  // Adding to the queue opens nothing, so it asks for no password: a protected PDF is said to need one.
  const queue = createQueueHandlers(library, context.queue, notePlacement, async () => readingOptionsOf(await settings.read()));
  /** The long document being read into the open reader: opening anything else stops it. */
  const streams = new ArticleStreams({ emit: (event) => context.emit('articleStream', event), remember, savedPlace: (first) => library.savedPlaceOf(first) });
  context.latestOfStream = (result) => streams.latest(result);

  /** The page's language (it says it in getInitialArticle), else the system's: an article without one is read in it. */
  let pageLanguage = context.defaultLanguage ?? (Intl.DateTimeFormat().resolvedOptions().locale || 'en');
  /**
   * The opening sentence of an article main has just read, synthesized at once, before the page has it:
   * the Player asks for the same request first (shared/synthesisRequest.ts), and finds it made or being made.
   */
  const prepareOpening = async (result: LoadResult) => {
    const request = openingRequest(result, await settings.read(), pageLanguage);
    if (request) await handlers.synthesizeBlock(request).catch(() => undefined);
  };
  /** Gives the result on, its opening sentence being synthesized. */
  context.prepareOpening = (result) => void prepareOpening(result);
  const prepared = (result: LoadResult): LoadResult => {
    void prepareOpening(result);
    return result;
  };

  const handlers: ApiHandlers = {
    ...queue.handlers,

    // The article named at start (command line, Electron's launch) streams as an Open does: a long PDF's first page at once.
    getInitialArticle: async ({ language }) => {
      if (language) pageLanguage = language;
      const [options, placement] = [await readingOptions(), await notePlacement()];
      const result = await streams.open(
        (hooks, signal) => context.initialArticle({ ...options, hooks, signal }),
        (article) => placeNotes(article, placement),
      );
      return prepared(queue.noteInitialArticle(result));
    },

    async openArticle({ source }) {
      const [options, placement] = [await readingOptions(), await notePlacement()];
      const result = await streams.open(
        (hooks, signal) => loadRendererSource(source, { ...options, hooks, signal }),
        (article) => placeNotes(article, placement),
      );
      return prepared(result);
    },

    async openWithPassword({ ticket, password }) {
      const document = protectedDocuments.get(ticket);
      if (!document) return { ok: false, message: 'That PDF is no longer waiting for its password. Open it again.' };
      const { bytes, name, source } = document;
      // A wrong password asks again under the same ticket; any other outcome lets the document go.
      const again = (_: unknown, wrong: boolean) => ({ ticket, name, wrong });
      const [options, placement] = [await readingOptions(), await notePlacement()];
      // A long PDF streams into the reader as any other open does.
      const result = await streams.open(
        (hooks, signal) => articleFromBytes(bytes, name, source, { ...options, password, onPasswordNeeded: again, hooks, signal }),
        (article) => placeNotes(article, placement),
      );
      if (result.ok || !result.password) protectedDocuments.forget(ticket);
      return prepared(result);
    },

    forgetProtectedDocument: async ({ ticket }) => ({ forgotten: protectedDocuments.forget(ticket) }),

    async getSettings() {
      const current = await settings.read();
      const problem = settings.file.problem ?? library.index.problem ?? context.queue.file.problem;
      settings.file.problem = null;
      library.index.problem = null;
      context.queue.file.problem = null;
      return { settings: current, problem };
    },

    updateSettings: ({ patch }) => settings.update(patch),

    listLibrary: ({ query, sort }) => library.list(query, sort),

    async openLibraryEntry({ id }) {
      streams.cancel();
      const opened = await library.open(id);
      return opened ? prepared({ ok: true, ...opened }) : { ok: false, message: 'This article is no longer in the library.' };
    },

    ...createLibraryRemoval(library, context.queue),

    savePosition: async ({ id, blockIndex, sentenceIndex }) => ({ saved: await library.savePosition(id, { blockIndex, sentenceIndex }) }),

    async restoreHiddenBlock({ id, hiddenIndex, blockIndex, sentenceIndex }) {
      const restored = await library.restoreHidden(id, hiddenIndex, { blockIndex, sentenceIndex });
      return restored ? { ok: true, ...restored } : { ok: false, message: 'That text could not be brought back: the article is no longer in the library.' };
    },

    async getSpeechInfo({ engine: choice }) {
      const detection = await context.speech(choice ?? 'auto');
      const engines = detection.available.map(({ id, name, kind }) => ({ id, name, kind }));
      const base: Omit<SpeechInfo, 'engine' | 'problem' | 'voices'> = { engines, notice: detection.notice, direct: null, normalWordsPerMinute: 175 };
      if (!detection.engine && detection.direct) {
        // No engine gives audio, but one can speak: the player reads through it, a paragraph at a time.
        const { direct } = detection;
        const voices = await direct.listVoices().catch(() => []);
        const notice = `${direct.name} speaks directly, so only the paragraph being read is highlighted, and a change of speed starts the sentence again. ${detection.problem}`;
        return { ...base, notice, direct: { id: direct.id, name: direct.name }, engine: null, problem: null, voices, normalWordsPerMinute: direct.normalWordsPerMinute };
      }
      if (!detection.engine) return { ...base, engine: null, problem: detection.problem, voices: [] };
      const { engine } = detection;
      try {
        return { ...base, engine: { id: engine.id, name: engine.name }, problem: null, voices: await engine.listVoices(), normalWordsPerMinute: engine.normalWordsPerMinute };
      } catch (error) {
        return { ...base, engine: null, problem: `${engine.name} did not list its voices: ${(error as Error).message}`, voices: [] };
      }
    },

    async synthesizeBlock({ engine: choice, asWritten, pitch, ...request }) {
      const { engine, synthesize } = await engineFor(choice);
      try {
        const spoken = await spokenFor(request.text, request.lang, asWritten ?? false);
        // An engine that cannot change pitch is asked for the voice's own (ENGINE_PITCH): one cache entry, not one per setting.
        const pitched = pitchFor(engine.id, pitch);
        return { ...(await synthesize({ ...request, ...(pitched ? { pitch: pitched } : {}), spoken })), spoken: spoken.text };
      } catch (error) {
        throw new UserFacingError(`${engine.name} could not speak this paragraph: ${(error as Error).message}`);
      }
    },

    async exportAudio({ jobId, title, byline, chapters, texts, lang, voice, rate, pitch, engine: choice, sentencePauseMs, paragraphPauseMs, format, trimSilences }) {
      // Registered before anything is awaited, so a cancel that follows at once finds it.
      const controller = new AbortController();
      exports.get(jobId)?.abort();
      exports.set(jobId, controller);
      const { engine, synthesize } = await engineFor(choice).catch((error: unknown) => {
        exports.delete(jobId);
        throw error;
      });
      try {
        const exported = await exportArticleAudio(texts, async (text, signal) => synthesize({ text, spoken: await spokenFor(text, lang), lang, voice, rate, pitch: pitchFor(engine.id, pitch), sentencePauseMs, ...(trimSilences ? { trimSilences } : {}), signal }), {
          title,
          byline,
          chapters,
          format,
          paragraphPauseMs,
          signal: controller.signal,
          onProgress: (fraction) => context.emit('exportProgress', { jobId, fraction }),
        });
        const { audio, mimeType, extension, cues, durationMs } = exported;
        return { audio, mimeType, extension, cues, durationMs };
      } catch (error) {
        if (controller.signal.aborted) throw new UserFacingError('The export was cancelled.');
        throw new UserFacingError(`${engine.name} could not export the article: ${(error as Error).message}`);
      } finally {
        if (exports.get(jobId) === controller) exports.delete(jobId);
      }
    },

    async speakDirect({ text, lang, voice, rate, pitch, volume, engine: choice, asWritten }) {
      const request = ++directRequests;
      const detection = await context.speech(choice ?? 'auto');
      const direct = detection.engine ? null : detection.direct;
      if (!direct) throw new UserFacingError(detection.problem ?? 'No engine here speaks directly.');
      const spoken = await spokenFor(text, lang, asWritten ?? false);
      // Stopped, or another paragraph asked for, while the engine was found or the spoken text made.
      if (request !== directRequests) return { completed: false };
      speaking?.stop();
      let stopped = false;
      const speech = direct.speak(spoken.text, { voice, lang, wordsPerMinute: direct.normalWordsPerMinute * rate, pitch: pitchFor(direct.id, pitch), ...(volume === undefined ? {} : { volume }) });
      const current = { stop: () => ((stopped = true), speech.stop()) };
      speaking = current;
      try {
        await speech.done;
        return { completed: !stopped };
      } catch (error) {
        if (stopped) return { completed: false };
        throw new UserFacingError(`${direct.name} could not speak this paragraph: ${(error as Error).message}`);
      } finally {
        if (speaking === current) speaking = null;
      }
    },

    async stopDirect() {
      directRequests++;
      const was = speaking;
      speaking?.stop();
      speaking = null;
      return { stopped: was !== null };
    },

    async getPronunciations() {
      const entries = await pronunciations.list();
      const { problem } = pronunciations.file;
      pronunciations.file.problem = null;
      return { entries, problem };
    },

    savePronunciation: async ({ index, entry }) => changeResult(await pronunciations.save(index, entry)),

    removePronunciation: async ({ index }) => ({ ok: true, entries: await pronunciations.remove(index) }),

    importPronunciations: async ({ text, mode }) => changeResult(await pronunciations.import(text, mode)),

    exportPronunciations: async () => ({ text: formatPronunciationFile(await pronunciations.list()) }),

    async cancelExport({ jobId }) {
      const controller = exports.get(jobId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
  return handlers;
}
