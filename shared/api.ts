/**
 * The one API contract between the renderer and the Node side (Thorium's api table pattern): every
 * method with its parameter schema and result type, every event with its payload type. The Electron
 * IPC bridge and the browser host's WebSocket both carry exactly this, so the renderer cannot tell
 * which host it runs in, and main validates every call against the same schemas.
 */
import { z } from 'zod';
import type { Article } from './article.js';
import type { ArticleStreamEvent, StreamState } from './articleStream.js';
import { MAX_FILE_BYTES } from './articleFiles.js';
import type { API_EVENTS } from './apiChannels.js';
import type { LibraryEntry } from './library.js';
import { QUEUE_LIMIT, type AddOutcome, type QueueView } from './queue.js';
import { ENGINE_CHOICES, settingsPatchSchema, type Settings } from './settings.js';
import type { ShellCommand } from './shellCommands.js';
import type { Timeline } from './timeline.js';
import { MAX_PRONUNCIATIONS_FILE_BYTES, type Pronunciation } from './pronunciations.js';
import { PITCH_MAX, PITCH_MIN, VOLUME_MAX, VOLUME_MIN } from './voiceControls.js';

export const MAX_BLOCK_CHARS = 100_000;
/** Largest article source accepted from the renderer (a dropped or picked file, pasted text). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export const articleSource = z.discriminatedUnion('type', [
  /** An http(s) address, typed, pasted or dropped. */
  z.object({ type: z.literal('url'), url: z.string().min(1).max(8192) }).strict(),
  /** Pasted text or HTML. */
  z.object({ type: z.literal('text'), text: z.string().min(1).max(MAX_SOURCE_BYTES), html: z.boolean() }).strict(),
  /** A file picked or dropped in the window: its name and bytes (the renderer never sees a path); each kind's own limit is the loader's (a PDF up to 300 MB). */
  z.object({ type: z.literal('file'), name: z.string().min(1).max(1000), bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_FILE_BYTES, 'file too large') }).strict(),
]);
export type ArticleSource = z.infer<typeof articleSource>;

const libraryId = z.string().regex(/^[0-9a-f]{20}$/u);
/** A protected document kept on the Node side while its password is asked for (PasswordRequest.ticket). */
const protectedTicket = z.string().regex(/^[0-9a-f]{32}$/u);
/** The open article's library id (the queue skips it and moves it into the history), or null. */
const currentId = libraryId.nullable();
const queueDirection = z.enum(['next', 'previous']);
/** What to put in the queue: a library entry, or a source loaded and kept in the library without opening it. */
const queueItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entry'), id: libraryId }).strict(),
  z.object({ type: z.literal('source'), source: articleSource }).strict(),
]);

/** What to say and how: a block's text, its language, the voice, the rate and the engine. */
const speechRequest = {
  text: z.string().min(1).max(MAX_BLOCK_CHARS),
  lang: z.string().max(35).nullable(),
  voice: z.string().max(200).nullable(),
  rate: z.number().min(0.1).max(10),
  engine: z.enum(ENGINE_CHOICES).optional(),
  /** Percent above or below the voice's pitch (shared/voiceControls.ts); absent: the voice's own. */
  pitch: z.number().int().min(PITCH_MIN).max(PITCH_MAX).optional(),
};

export const apiParams = {
  /** The article the host was started with (the welcome article unless a source was given). */
  /** `language`: the page's (navigator.language), which an article without one is read in (shared/synthesisRequest.ts). */
  getInitialArticle: z.object({ language: z.string().max(35).optional() }).strict(),
  /** Opens an article from a URL, pasted text or a file's bytes. */
  openArticle: z.object({ source: articleSource }).strict(),
  /** The saved settings, and a problem met reading them (a damaged file set aside). */
  getSettings: z.object({}).strict(),
  /** Changes some settings; other windows' changes to other settings are kept. */
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
  /** The library, newest first or by title, filtered by words of the query. */
  listLibrary: z.object({ query: z.string().max(200), sort: z.enum(['recent', 'title']) }).strict(),
  /**
   * Opens a document that asked for its password (a LoadResult with `password`), kept on the Node side
   * since: a wrong password answers with `password` again (`wrong`), to try again. The password is used
   * for this one extraction and is never stored or logged.
   */
  openWithPassword: z.object({ ticket: protectedTicket, password: z.string().max(1024) }).strict(),
  /** The listener cancelled the password dialog: the kept document is let go. */
  forgetProtectedDocument: z.object({ ticket: protectedTicket }).strict(),
  /** Opens a saved article (offline), at its saved position. */
  openLibraryEntry: z.object({ id: libraryId }).strict(),
  /** Removes entries (and takes them out of the queue); the last removal of chosen entries can be undone. */
  removeLibraryEntries: z.object({ ids: z.union([z.array(libraryId).max(10_000), z.literal('all')]) }).strict(),
  /** Undoes the last removal of these entries: back in the library (text, place) and in the queue where they stood. */
  restoreLibraryEntries: z.object({ ids: z.array(libraryId).min(1).max(10_000) }).strict(),
  /** Brings text that extraction left out back into the saved article, at its place on the page. */
  restoreHiddenBlock: z
    .object({ id: libraryId, hiddenIndex: z.number().int().min(0), blockIndex: z.number().int().min(0), sentenceIndex: z.number().int().min(0) })
    .strict(),
  /** Where reading is now, saved as it advances so a crash loses only seconds. */
  savePosition: z.object({ id: libraryId, blockIndex: z.number().int().min(0), sentenceIndex: z.number().int().min(0) }).strict(),
  /** Which speech engine is in use (the chosen one if it is installed), its voices, or why there is none. */
  getSpeechInfo: z.object({ engine: z.enum(ENGINE_CHOICES).optional() }).strict(),
  /** The whole article as one audio file with a cue per block; progress arrives as exportProgress events. */
  exportAudio: z
    .object({
      jobId: z.string().regex(/^[\w-]{1,40}$/u),
      title: z.string().max(2000),
      texts: z.array(z.string().min(1).max(MAX_BLOCK_CHARS)).min(1).max(20_000),
      lang: z.string().max(35).nullable(),
      voice: z.string().max(200).nullable(),
      rate: z.number().min(0.1).max(10),
      engine: z.enum(ENGINE_CHOICES).optional(),
      pitch: z.number().int().min(PITCH_MIN).max(PITCH_MAX).optional(),
      sentencePauseMs: z.number().int().min(0).max(2000),
      paragraphPauseMs: z.number().int().min(0).max(5000),
      format: z.enum(['wav', 'mp3']),
      /** Shorten long silences inside sentences, as the player does with the setting on. */
      trimSilences: z.boolean().optional(),
      /** The author, for the MP3's tag. */
      byline: z.string().max(2000).nullable().optional(),
      /** The article's chapters by their first block (shared/contents.ts): one cue and one MP3 chapter each. */
      chapters: z
        .array(z.object({ title: z.string().min(1).max(2000), blockIndex: z.number().int().min(0).max(20_000) }).strict())
        .max(20_000)
        .optional(),
    })
    .strict(),
  cancelExport: z.object({ jobId: z.string().regex(/^[\w-]{1,40}$/u) }).strict(),
  /** Speaks text through a direct-speech engine (speech-dispatcher), the reading rules and pronunciations applied unless `asWritten`; resolves when it has been spoken or stopped. */
  speakDirect: z.object({ ...speechRequest, asWritten: z.boolean().optional(), volume: z.number().min(VOLUME_MIN).max(VOLUME_MAX).optional() }).strict(),
  /** Stops what speakDirect is saying. */
  stopDirect: z.object({}).strict(),
  /**
   * Audio of one block with the timeline of its sentences and words (in the displayed text's offsets).
   * The reading rules and pronunciations apply unless `asWritten` (to hear what they skipped or changed).
   */
  synthesizeBlock: z.object({ ...speechRequest, sentencePauseMs: z.number().int().min(0).max(2000).optional(), asWritten: z.boolean().optional(), trimSilences: z.boolean().optional() }).strict(),
  /** The pronunciation list, and a problem met reading it (a damaged file set aside). */
  getPronunciations: z.object({}).strict(),
  /** Adds an entry (index null) or replaces one; refused with the reason when the entry or its pattern is bad. */
  savePronunciation: z.object({ index: z.number().int().min(0).nullable(), entry: z.unknown() }).strict(),
  removePronunciation: z.object({ index: z.number().int().min(0) }).strict(),
  /** A pronunciation file's text, replacing the list or added to it; refused whole when any part is bad. */
  importPronunciations: z.object({ text: z.string().max(MAX_PRONUNCIATIONS_FILE_BYTES + 1), mode: z.enum(['replace', 'add']) }).strict(),
  /** The list as a file's text (version 1). */
  exportPronunciations: z.object({}).strict(),
  /** The queue, joined with the library. */
  getQueue: z.object({ currentId }).strict(),
  /** Appends ("Add to queue") or puts first ("Play next"). */
  addToQueue: z.object({ item: queueItem, placement: z.enum(['end', 'next']), currentId }).strict(),
  moveInQueue: z.object({ id: libraryId, toIndex: z.number().int().min(0).max(QUEUE_LIMIT), currentId }).strict(),
  removeFromQueue: z.object({ ids: z.array(libraryId).min(1).max(QUEUE_LIMIT), currentId }).strict(),
  clearQueue: z.object({ currentId }).strict(),
  /** The article after (or before) the open one, read without changing anything: for prefetching. */
  peekQueue: z.object({ currentId, direction: queueDirection }).strict(),
  /** Opens `toId` as the next (or previous) article and updates the queue and its history. */
  stepQueue: z.object({ currentId, toId: libraryId, direction: queueDirection }).strict(),
  /** The article that was being read, offered when the app starts with no article given; null otherwise. */
  getContinueListening: z.object({}).strict(),
} as const;

export type ApiMethod = keyof typeof apiParams;
export type ApiParams<M extends ApiMethod> = z.infer<(typeof apiParams)[M]>;

/** A document that needs its password (a protected PDF), kept on the Node side under `ticket` until it is opened or forgotten. */
export interface PasswordRequest {
  ticket: string;
  /** The file's name, for the dialog. */
  name: string;
  /** A password was given and it was not right. */
  wrong: boolean;
}

/**
 * An opened article, with its library entry (null where there is no library, as in the CLI). With `stream`,
 * it is the first part of a long document: the rest arrives as `articleStream` events, and the entry with the end.
 * A protected PDF's failure asks for its password (`password`).
 */
export type LoadResult = { ok: true; article: Article; entry?: LibraryEntry | null; stream?: StreamState } | { ok: false; message: string; password?: PasswordRequest };

export interface Voice {
  id: string;
  name: string;
  lang: string;
}

export interface EngineSummary {
  id: string;
  name: string;
  /** 'direct' engines speak through the speakers themselves and cannot be used by this player. */
  kind: 'synthesize' | 'direct';
}

export interface SpeechInfo {
  engine: { id: string; name: string } | null;
  /** Every engine found on this computer, best first. */
  engines: EngineSummary[];
  /** Why the chosen engine is not the one in use, or null. */
  notice: string | null;
  /** Set when no engine can give audio but one can speak directly: the player then speaks through it. */
  direct: { id: string; name: string } | null;
  /** Why speech is unavailable, naming what to install; null when an engine works. */
  problem: string | null;
  voices: Voice[];
  /** Words per minute at rate 1. */
  normalWordsPerMinute: number;
}

export interface SynthesizedBlock {
  audio: Uint8Array;
  mimeType: string;
  timeline: Timeline;
  /** Exactly what the engine was given, sentence by sentence (the text after the reading rules and pronunciations). */
  spoken?: string;
  /**
   * Passages the engine could not say (it crashed or hung on them, even simplified), in the block's
   * text: left out of the audio, a short silence in their place that the timeline's words pass over.
   */
  skipped?: Array<{ charStart: number; charEnd: number }>;
}

/** A change to the pronunciation list: the list as it now is, or why nothing changed. */
export type PronunciationsChange = { ok: true; entries: Pronunciation[] } | { ok: false; message: string };

export interface ExportedAudio {
  audio: Uint8Array;
  mimeType: string;
  extension: 'wav' | 'mp3';
  /** WebVTT chapter list, one cue per block. */
  cues: string;
  durationMs: number;
}

export interface ApiResults {
  getInitialArticle: LoadResult;
  openArticle: LoadResult;
  openWithPassword: LoadResult;
  forgetProtectedDocument: { forgotten: boolean };
  getSettings: { settings: Settings; problem: string | null };
  updateSettings: Settings;
  listLibrary: LibraryEntry[];
  openLibraryEntry: LoadResult;
  removeLibraryEntries: { removed: number };
  /** The entries brought back (none when there was nothing to undo). */
  restoreLibraryEntries: { restored: LibraryEntry[] };
  savePosition: { saved: boolean };
  restoreHiddenBlock: LoadResult;
  getSpeechInfo: SpeechInfo;
  synthesizeBlock: SynthesizedBlock;
  getPronunciations: { entries: Pronunciation[]; problem: string | null };
  savePronunciation: PronunciationsChange;
  removePronunciation: PronunciationsChange;
  importPronunciations: PronunciationsChange;
  exportPronunciations: { text: string };
  exportAudio: ExportedAudio;
  cancelExport: { cancelled: boolean };
  speakDirect: { completed: boolean };
  stopDirect: { stopped: boolean };
  getQueue: QueueView;
  addToQueue: { ok: true; queue: QueueView; entry: LibraryEntry; outcome: AddOutcome } | { ok: false; message: string };
  moveInQueue: QueueView;
  removeFromQueue: QueueView;
  clearQueue: QueueView;
  peekQueue: LoadResult | null;
  stepQueue: { result: LoadResult; queue: QueueView };
  getContinueListening: { entry: LibraryEntry | null };
}

export interface ApiEvents {
  /** Another article was opened from outside the window (a second launch, the command line). */
  articleOpened: LoadResult;
  /** A long document's reading going on after its first part opened (shared/articleStream.ts). */
  articleStream: ArticleStreamEvent;
  /** How far an export has got, 0 to 1. */
  exportProgress: { jobId: string; fraction: number };
  /** The desktop shell's menu, tray, links and downloads (never sent by the browser host). */
  shellCommand: ShellCommand;
}
export type ApiEvent = (typeof API_EVENTS)[number];

/** What the renderer sees, whichever host carries it. */
export interface ArticlePlayerApi {
  invoke<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResults[M]>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** Handlers implemented on the Node side, one per method. */
export type ApiHandlers = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResults[M]> };

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiParams, name);
}

/** An error whose message is meant for the user (shown in the status region). */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}
