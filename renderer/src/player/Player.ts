/**
 * The reading session (Firefox Narrator's job): which block, sentence and word is being spoken, the
 * <audio> element that speaks it, prefetching of neighbouring blocks, navigation and rate. It knows
 * nothing of React; the UI subscribes to its state.
 */
import type { ArticlePlayerApi } from '../../../shared/api';
import type { Block } from '../../../shared/article';
import type { ReadingPosition } from '../../../shared/library';
import { clampRate, RATE_DEFAULT } from '../../../shared/rate';
import { openingSentence } from '../../../shared/openingSentence';
import { splitSentences } from '../../../shared/segment';
import type { EngineChoice } from '../../../shared/settings';
import { locateInTimeline, type Timeline } from '../../../shared/timeline';
import { endMsAtChar, startMsAtChar } from '../../../shared/timelineRange';
import { seekSecondsFor } from './mediaTime';
import type { PlaybackStop, ReadingSession } from './ReadingSession';
import { startingPlace } from '../../../shared/resumePlace';
import { initialPlayerState, SessionState } from './SessionState';
import { SkippedPassages } from './skippedPassages';
import { synthesisRequest } from '../../../shared/synthesisRequest';
import { WordCounts } from './WordCounts';

export type PlayerStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'error';

export interface PlayerState {
  status: PlayerStatus;
  blockIndex: number;
  /** -1 when no sentence is being spoken yet. */
  sentenceIndex: number;
  wordIndex: number;
  rate: number;
  /** The timeline of the block at blockIndex once its audio is ready. */
  timeline: Timeline | null;
  error: string | null;
  /** A saved place not yet arrived (a long document still being read): reading goes there when it does. */
  goingTo?: ReadingPosition | null;
}

/** What the user can change while a session runs (from the settings). */
export interface SpeechPreferences {
  engine: EngineChoice;
  voice: string | null;
  /** Silence between paragraphs. */
  paragraphPauseMs: number;
  /** Silence between sentences, joined into the block's audio by main. */
  sentencePauseMs: number;
  /** Changes when what is spoken for the text changes (reading rules, pronunciation list): blocks are synthesized again. */
  spokenTextKey?: string;
  /** Long silences inside the engine's speech shortened by main (fast listening). */
  trimSilences?: boolean;
  /** The voice chosen per language (Settings), for passages in another language than the article's. */
  voiceByLanguage?: Readonly<Record<string, string>>;
  /** Percent above or below the voice's pitch (the engine's: blocks are synthesized again when it changes). */
  pitch?: number;
  /** Fraction of full loudness, applied to the audio playing at once (times a sleep timer's fade). */
  volume?: number;
}

export interface PlayerOptions extends SpeechPreferences {
  lang: string | null;
  /** The title unit, read before block 0 at index -1 (shared/spokenTitle.ts); absent: reading starts at block 0. */
  lead?: Block | null;
  /** Something worth announcing to screen readers (not article text). */
  announce: (message: string) => void;
  /** Where reading starts: a saved position. */
  start?: { blockIndex: number; sentenceIndex: number };
  /** More blocks are still being read (a long document): a saved place beyond them is gone to when it arrives. */
  moreComing?: boolean;
}

interface BlockAudio {
  url: string;
  timeline: Timeline;
  /** Passages main left out (the engine could not say them). */
  skipped?: readonly unknown[];
  /** The rate the engine spoke at; playbackRate covers the difference to the current rate. */
  synthesizedRate: number;
  /** Only the block's opening sentence (said alone so the first Play starts at once); the block goes on from its second. */
  opening?: true;
}

/** "Previous" within this time of a paragraph's start goes to the previous one (Firefox's rule). */
const RESTART_THRESHOLD_MS = 2000;
const PREFETCH_AHEAD = 1;
/**
 * Moves closer together than this are a held key (key repeat sends them 30-50 ms apart): the position
 * moves at once, but the block is loaded, played and its neighbours prefetched only once the moves stop
 * this long, so holding Down asks the engine for the paragraph it lands on, not for every one it passes.
 */
const SETTLE_MS = 150;
/** No block: nothing loaded on the element, no block read as written (-1 is the title's index). */
const NONE = Number.MIN_SAFE_INTEGER;

/** The media time of a stop in its block's timeline. */
function stopMsIn(timeline: Timeline, stop: PlaybackStop): number {
  return stop.charEnd === undefined ? timeline.durationMs : endMsAtChar(timeline, stop.charEnd);
}

export class Player extends SessionState implements ReadingSession {
  private readonly cache = new Map<number, Promise<BlockAudio>>();
  /** Increases whenever the position changes, so late results of an earlier request are ignored. */
  private generation = 0;
  private frame = 0;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private loadedBlock = NONE;
  private loadedAudio: BlockAudio | null = null;
  private disposed = false;
  /**
   * The sentence to start from once the block's timeline is known: a saved position, or where
   * navigation asked to go while the block's audio was still loading (so quick presses add up).
   */
  private pendingSentence = 0;
  private preferences: SpeechPreferences;
  /** A sleep timer's fade (0..1), times the volume setting. */
  private fade = 1;
  /** How long the audio element takes from play() to sound (moving average), taken off the paragraph pause. */
  private startLatencyMs = 20;
  /** Where playback pauses by itself, by who asked (the end of a selection, a sleep timer's paragraph). */
  private readonly stops = new Map<string, PlaybackStop>();
  /** The block being read as written (Hear as written), or NONE: its cached audio is the as-written one. */
  private asWrittenBlock = NONE;
  private wordCounts: WordCounts;
  /** More blocks are still being read (a long document streamed in); and playback reached the last one that came. */
  private moreComing = false;
  private waitingForMore = false;
  private readonly skippedPassages: SkippedPassages;
  private lastMoveAt = Number.NEGATIVE_INFINITY;
  /**
   * The opening sentence of the block reading starts from, asked for alone before the whole block when
   * the article opens (main has usually made it already: openingRequest). Played when Play comes before
   * the whole block is ready.
   */
  private opening: { index: number; audio: Promise<BlockAudio> } | null = null;
  /** Block audio that has arrived (a whole block, not its opening). */
  private readonly arrived = new WeakSet<Promise<BlockAudio>>();

  constructor(
    private readonly api: ArticlePlayerApi,
    private readonly audio: HTMLAudioElement,
    private blocks: readonly Block[],
    private readonly options: PlayerOptions,
    initialRate = RATE_DEFAULT,
  ) {
    const firstIndex = options.lead && blocks.length > 0 ? -1 : 0;
    const { start, pending } = startingPlace(options.start, blocks.length, Boolean(options.moreComing));
    super({ ...initialPlayerState(blocks.length, start, initialRate, -1, firstIndex), goingTo: pending }, blocks.length, options.announce, firstIndex);
    this.moreComing = Boolean(options.moreComing);
    this.wordCounts = new WordCounts(blocks);
    this.skippedPassages = new SkippedPassages(options.announce);
    const startBlock = this.state.blockIndex;
    this.pendingSentence = start?.sentenceIndex ?? 0;
    this.preferences = {
      engine: options.engine,
      voice: options.voice,
      paragraphPauseMs: options.paragraphPauseMs,
      sentencePauseMs: options.sentencePauseMs,
      spokenTextKey: options.spokenTextKey,
      trimSilences: options.trimSilences,
      voiceByLanguage: options.voiceByLanguage,
      pitch: options.pitch,
      volume: options.volume,
    };
    audio.preservesPitch = true;
    this.applyVolume();
    audio.addEventListener('ended', this.onEnded);
    audio.addEventListener('error', this.onAudioError);
    audio.addEventListener('pause', this.onPauseEvent);
    // Speak the first blocks before anyone presses Play and make the element ready, so Play starts at once.
    if (blocks.length > 0) void this.prepare(startBlock).catch(() => undefined);
  }

  /** How far into the current block's audio playback is, in media milliseconds. */
  get positionMs(): number {
    return this.loadedBlock === this.state.blockIndex ? this.audio.currentTime * 1000 : 0;
  }

  grow(blocks: readonly Block[], moreComing: boolean): void {
    this.moreComing = moreComing;
    const before = this.blocks.length;
    if (blocks !== this.blocks) {
      const kept = SessionState.keptOf(this.blocks, blocks);
      for (const index of [...this.cache.keys()]) if (index >= kept) this.cache.delete(index);
      if (this.opening && this.opening.index >= kept) this.dropOpening();
      if (this.loadedBlock >= kept && this.state.status !== 'playing') this.loadedBlock = NONE;
      this.blocks = blocks;
      this.wordCounts = new WordCounts(blocks);
      this.resize(blocks.length);
      if (this.state.blockIndex >= blocks.length) this.update({ blockIndex: Math.max(0, blocks.length - 1), sentenceIndex: 0, wordIndex: -1 });
    }
    if (this.state.goingTo) return this.goToPlaceIfArrived(blocks.length, moreComing, (index) => this.blocks[index]?.page);
    if (!this.waitingForMore) return;
    if (blocks.length > before) {
      // Playback had caught up with the reading: it goes on with the first block that arrived.
      this.waitingForMore = false;
      void this.startBlock(before, 0, true);
    } else if (!moreComing) {
      this.waitingForMore = false;
      this.update({ status: 'ended', sentenceIndex: -1, wordIndex: -1 });
      this.options.announce('End of article');
    }
  }

  // ---- commands ----------------------------------------------------------------------------

  play(): void {
    if (this.blocks.length === 0) return;
    if (this.state.status === 'playing' || this.state.status === 'loading') return;
    if (this.playWhenPlaceArrives()) return;
    if (this.state.status === 'ended') {
      void this.startBlock(this.firstIndex, 0, true);
      return;
    }
    if (this.loadedBlock === this.state.blockIndex && this.loadedAudio && this.pendingSentence === 0 && (this.state.status === 'paused' || this.state.status === 'idle')) {
      void this.resume();
      return;
    }
    void this.startBlock(this.state.blockIndex, Math.max(this.state.sentenceIndex, this.pendingSentence, 0), true);
  }

  pause(): void {
    clearTimeout(this.gapTimer);
    this.waitingForMore = false;
    this.playOnArrival = false;
    this.generation++; // a block still loading must not start playing after a pause
    this.audio.pause();
    this.stopClock();
    if (this.state.status === 'playing' || this.state.status === 'loading') {
      this.update({ status: 'paused' });
      this.options.announce('Paused');
    }
  }

  /** Read from a block: start it (playing), or move there and stay paused. */
  goToBlock(index: number, options: { play?: boolean; announce?: boolean; sentence?: number } = {}): void {
    if (this.blocks.length === 0) return;
    this.cancelPlace();
    const target = this.landOn(index, options.announce !== false);
    const play = options.play ?? this.isActive();
    const now = performance.now();
    const backToBack = now - this.lastMoveAt < SETTLE_MS;
    this.lastMoveAt = now;
    void this.startBlock(target, options.sentence ?? 0, play, undefined, backToBack);
  }

  previousBlock(): void {
    this.cancelPlace();
    if (this.positionMs > RESTART_THRESHOLD_MS || this.state.blockIndex <= this.firstIndex) this.goToBlock(this.state.blockIndex);
    else this.goToBlock(this.state.blockIndex - 1);
  }

  nextSentence(): void {
    this.cancelPlace();
    const timeline = this.currentTimeline();
    const next = this.sentenceNow() + 1;
    if (timeline?.sentences[next]) void this.seekWithinBlock(timeline.sentences[next].startMs, next);
    else if ((!timeline || this.loadedAudio?.opening) && next < this.sentenceCount(this.state.blockIndex)) void this.startBlock(this.state.blockIndex, next, this.isActive());
    else this.nextBlock();
  }

  previousSentence(): void {
    this.cancelPlace();
    const timeline = this.currentTimeline();
    const index = this.sentenceNow();
    const current = timeline?.sentences[index];
    if (timeline && current && this.positionMs - current.startMs > RESTART_THRESHOLD_MS / 2) {
      void this.seekWithinBlock(current.startMs, index);
    } else if (index > 0) {
      if (timeline) void this.seekWithinBlock(timeline.sentences[index - 1]!.startMs, index - 1);
      else void this.startBlock(this.state.blockIndex, index - 1, this.isActive());
    } else if (this.state.blockIndex > this.firstIndex) {
      const previous = this.state.blockIndex - 1;
      void this.startBlock(previous, this.sentenceCount(previous) - 1, this.isActive());
    } else {
      this.goToBlock(this.firstIndex, { announce: false });
    }
  }

  /** The sentence being read, or the one reading will start from while the block's audio loads. */
  private sentenceNow(): number {
    return this.currentTimeline() ? Math.max(0, this.state.sentenceIndex) : this.pendingSentence;
  }

  /** Sentences of a block, counted by the same segmentation main uses, so it is known before the audio is. */
  private sentenceCount(index: number): number {
    const block = this.blockAt(index);
    return block ? Math.max(1, splitSentences(block.text, this.options.lang).length) : 0;
  }

  /** Reads from the word containing character `char` of a block (the start of a selection). */
  playFromChar(blockIndex: number, char: number): void {
    if (this.blocks.length === 0) return;
    this.cancelPlace();
    const target = this.landOn(blockIndex, false);
    const spans = splitSentences(this.blockAt(target)!.text, this.options.lang);
    const sentence = Math.max(0, spans.findIndex((span) => char < span.end));
    void this.startBlock(target, sentence, true, char);
  }

  setStop(owner: string, stop: PlaybackStop | null): void {
    if (stop) this.stops.set(owner, stop);
    else this.stops.delete(owner);
  }

  untilStopMs(owner: string): number | null {
    const stop = this.stops.get(owner);
    const timeline = this.currentTimeline();
    if (!stop || !timeline || stop.blockIndex !== this.state.blockIndex) return null;
    return Math.max(0, stopMsIn(timeline, stop) - this.positionMs) / (this.audio.playbackRate || 1);
  }

  /** The volume of the audio element (0..1): a sleep timer fades it out and puts it back. */
  setVolume(volume: number): void {
    this.fade = Math.min(1, Math.max(0, Number.isFinite(volume) ? volume : 1));
    this.applyVolume();
  }

  private applyVolume(): void {
    const setting = this.preferences.volume ?? 1;
    this.audio.volume = Math.min(1, Math.max(0, this.fade * (Number.isFinite(setting) ? setting : 1)));
  }

  setRate(rate: number): void {
    const next = clampRate(rate);
    if (next === this.state.rate) return;
    this.update({ rate: next });
    // Heard at once: the current audio speeds up with pitch preserved.
    if (this.loadedAudio) this.audio.playbackRate = next / this.loadedAudio.synthesizedRate;
    // Blocks not yet playing are spoken again by the engine at the new rate, which sounds better than stretching.
    for (const index of [...this.cache.keys()]) if (index !== this.state.blockIndex) this.forget(index);
    this.prefetchAround(this.state.blockIndex);
    this.options.announce(`Speed ${next.toFixed(1)} times`);
  }

  hearAsWritten(): void {
    if (this.blocks.length === 0) return;
    this.cancelPlace();
    const index = Math.min(this.state.blockIndex, this.blocks.length - 1);
    const sentence = Math.max(0, this.state.sentenceIndex);
    // Where the sentence starts in the displayed text: the as-written timeline may split it otherwise.
    const fromChar = this.currentTimeline()?.sentences[sentence]?.charStart;
    this.forget(index);
    this.dropOpening();
    this.asWrittenBlock = index;
    this.options.announce('This paragraph as written');
    void this.startBlock(index, fromChar === undefined ? sentence : 0, true, fromChar);
  }

  /** New voice or pauses from the settings: blocks not yet playing are spoken again with them. */
  configure(preferences: SpeechPreferences): void {
    const resynthesize =
      preferences.engine !== this.preferences.engine ||
      preferences.voice !== this.preferences.voice ||
      JSON.stringify(preferences.voiceByLanguage ?? {}) !== JSON.stringify(this.preferences.voiceByLanguage ?? {}) ||
      preferences.sentencePauseMs !== this.preferences.sentencePauseMs ||
      preferences.spokenTextKey !== this.preferences.spokenTextKey ||
      Boolean(preferences.trimSilences) !== Boolean(this.preferences.trimSilences) ||
      (preferences.pitch ?? 0) !== (this.preferences.pitch ?? 0);
    this.preferences = { ...preferences };
    // Heard at once, as a change of speed is: the element playing is turned up or down.
    this.applyVolume();
    if (!resynthesize) return;
    if (!this.isActive() || !this.loadedAudio?.opening) this.dropOpening();
    for (const index of [...this.cache.keys()]) if (index !== this.loadedBlock || !this.isActive()) this.forget(index);
    if (!this.isActive()) {
      this.loadedBlock = NONE;
      this.loadedAudio = null;
    }
    this.prefetchAround(this.state.blockIndex);
  }

  /** Time left at the current rate, from the words not yet read (the current block counted from its position). */
  remainingMs(wordsPerMinute: number): number {
    let words = this.wordCounts.from(this.state.blockIndex + 1);
    const timeline = this.currentTimeline();
    const fractionLeft = timeline && timeline.durationMs > 0 ? Math.max(0, 1 - this.positionMs / timeline.durationMs) : 1;
    words += this.wordCounts.in(this.state.blockIndex) * fractionLeft;
    return (words / (wordsPerMinute * this.state.rate)) * 60_000;
  }

  totalMs(wordsPerMinute: number): number {
    return (this.wordCounts.from(0) / (wordsPerMinute * this.state.rate)) * 60_000;
  }

  dispose(): void {
    this.disposed = true;
    this.pause();
    this.audio.removeEventListener('ended', this.onEnded);
    this.audio.removeEventListener('error', this.onAudioError);
    this.audio.removeEventListener('pause', this.onPauseEvent);
    for (const index of [...this.cache.keys()]) this.forget(index);
    this.dropOpening();
    this.audio.removeAttribute('src');
    this.audio.load();
  }

  // ---- internals ---------------------------------------------------------------------------

  /** A block, or the title unit at -1. */
  private blockAt(index: number): Block | undefined {
    return index === -1 && this.firstIndex === -1 ? (this.options.lead ?? undefined) : this.blocks[index];
  }

  private currentTimeline(): Timeline | null {
    return this.loadedBlock === this.state.blockIndex ? (this.loadedAudio?.timeline ?? null) : null;
  }

  /** Asks main for the audio of `text`, block `index`'s text or the start of it. */
  private synthesize(index: number, text: string): Promise<BlockAudio> {
    const rate = this.state.rate;
    const block = this.blockAt(index)!;
    // The same request main makes for the opening sentence when it has the article (shared/synthesisRequest.ts).
    const request = synthesisRequest(
      { text, blockLang: block.lang, article: { lang: this.options.lang, voice: this.preferences.voice }, rate, asWritten: index === this.asWrittenBlock },
      this.preferences,
    );
    return this.api
      .invoke('synthesizeBlock', request)
      .then((result) => ({
        url: URL.createObjectURL(new Blob([result.audio as Uint8Array<ArrayBuffer>], { type: result.mimeType })),
        timeline: result.timeline,
        synthesizedRate: rate,
        ...(result.skipped ? { skipped: result.skipped } : {}),
      }));
  }

  private load(index: number): Promise<BlockAudio> {
    let entry = this.cache.get(index);
    if (!entry) {
      const made = this.synthesize(index, this.blockAt(index)!.text);
      entry = made;
      made.then(() => this.arrived.add(made)).catch(() => this.cache.delete(index)); // a failure is not cached: the next try asks again
      this.cache.set(index, entry);
    }
    return entry;
  }

  /** Asks for the opening sentence of block `index` alone, before the whole block (nothing for a one-sentence block). */
  private askOpening(index: number): void {
    const text = openingSentence(this.blockAt(index)!.text, this.options.lang);
    if (!text) return;
    const audio = this.synthesize(index, text).then((made): BlockAudio => ({ ...made, opening: true }));
    audio.catch(() => undefined);
    this.opening = { index, audio };
  }

  /**
   * The audio to start block `index` with: the whole block, or its opening sentence while the whole
   * block has not arrived and reading starts at the top (whichever of the two comes first).
   */
  private audioFor(index: number, sentence: number, startChar: number | undefined): Promise<BlockAudio> {
    const whole = this.load(index);
    const opening = this.opening;
    if (!opening || opening.index !== index || sentence !== 0 || startChar !== undefined || this.arrived.has(whole)) return whole;
    return Promise.race([whole, opening.audio.catch(() => whole)]);
  }

  /** The opening sentence has been heard, or is no longer wanted: its audio is let go. */
  private dropOpening(): void {
    const opening = this.opening;
    this.opening = null;
    void opening?.audio.then((audio) => audio !== this.loadedAudio && URL.revokeObjectURL(audio.url)).catch(() => undefined);
  }

  private forget(index: number): void {
    const entry = this.cache.get(index);
    this.cache.delete(index);
    if (index === this.loadedBlock) return; // the element still plays it; released when replaced
    void entry?.then((audio) => URL.revokeObjectURL(audio.url)).catch(() => undefined);
  }

  private prefetchAround(index: number): void {
    for (let next = index + 1; next <= index + PREFETCH_AHEAD && next < this.blocks.length; next++) void this.load(next).catch(() => undefined);
    if (index > this.firstIndex) void this.load(index - 1).catch(() => undefined);
    // Keep memory bounded: only the neighbourhood stays cached.
    for (const cached of [...this.cache.keys()]) if (cached < index - 1 || cached > index + PREFETCH_AHEAD) this.forget(cached);
  }

  /**
   * At article open: the block at the reading position is synthesized, put on the audio element and
   * positioned, and the element's output started once, muted (the first play of an element starts the
   * browser's audio output, which is most of a cold Play's delay), so Play itself only has to play.
   * Nothing happens if the listener acted first.
   */
  private async prepare(index: number): Promise<void> {
    const opened = this.generation;
    if (this.pendingSentence === 0) this.askOpening(index);
    // The opening sentence first, alone: the whole block and its neighbours would share the engine with it.
    await this.opening?.audio.catch(() => undefined);
    if (this.disposed) return;
    if (opened === this.generation) {
      void this.load(index).catch(() => undefined);
      this.prefetchAround(index);
    }
    await this.audioFor(index, this.pendingSentence, undefined);
    if (opened !== this.generation || this.disposed || this.state.status !== 'idle' || this.loadedBlock !== NONE) return;
    const shown = { sentenceIndex: this.state.sentenceIndex, wordIndex: this.state.wordIndex };
    await this.startBlock(index, this.pendingSentence, false);
    const prepared = this.generation;
    if (this.disposed || this.loadedBlock !== index || this.state.status !== 'idle') return;
    // Nothing is highlighted before anything is said: the highlight starts with Play.
    this.update(shown);
    const startAt = this.audio.currentTime;
    this.audio.muted = true;
    try {
      await this.audio.play();
    } catch {
      // Refused (a browser that wants a gesture first) or interrupted: Play starts the output itself.
    } finally {
      if (prepared === this.generation && !this.disposed) {
        this.audio.pause();
        this.audio.currentTime = startAt;
      }
      this.audio.muted = false;
    }
  }

  /**
   * Loads block `index` and positions it at the start of a sentence, playing or not. `settle`: a move
   * back to back with the one before; the block waits until the moves stop.
   */
  private async startBlock(index: number, sentence: number, play: boolean, startChar?: number, settle = false): Promise<void> {
    const generation = ++this.generation;
    this.pendingSentence = Math.max(0, sentence);
    clearTimeout(this.gapTimer);
    if (this.asWrittenBlock !== NONE && index !== this.asWrittenBlock) {
      // Leaving the paragraph heard as written: it is read with the rules again when it comes back.
      this.forget(this.asWrittenBlock);
      this.asWrittenBlock = NONE;
    }
    this.stopClock();
    this.audio.pause();
    const sameBlock = index === this.loadedBlock && this.loadedAudio;
    this.update({
      blockIndex: index,
      sentenceIndex: sentence > 0 ? sentence : -1,
      wordIndex: -1,
      timeline: sameBlock ? this.loadedAudio!.timeline : null,
      status: play ? 'loading' : this.state.status === 'ended' || this.state.status === 'error' ? 'idle' : this.state.status === 'playing' || this.state.status === 'loading' ? 'paused' : this.state.status,
      error: null,
    });
    if (settle) {
      // Nothing is loaded, played or prefetched for a block passed on the way.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      if (generation !== this.generation || this.disposed) return;
    }
    let blockAudio: BlockAudio;
    try {
      blockAudio = await this.audioFor(index, sentence, startChar);
    } catch (error) {
      if (generation === this.generation) this.fail((error as Error).message);
      return;
    }
    if (generation !== this.generation || this.disposed) return;
    if (this.loadedAudio && this.loadedAudio !== blockAudio && (this.loadedAudio.opening || !this.cache.has(this.loadedBlock))) URL.revokeObjectURL(this.loadedAudio.url);
    if (this.opening && (!blockAudio.opening || index !== this.opening.index)) this.dropOpening();
    if (this.audio.getAttribute('src') !== blockAudio.url) this.audio.src = blockAudio.url;
    this.loadedBlock = index;
    this.loadedAudio = blockAudio;
    this.audio.playbackRate = this.state.rate / blockAudio.synthesizedRate;
    const startMs = startChar !== undefined ? startMsAtChar(blockAudio.timeline, startChar) : (blockAudio.timeline.sentences[sentence]?.startMs ?? 0);
    this.pendingSentence = 0;
    this.audio.currentTime = seekSecondsFor(startMs);
    this.update({ timeline: blockAudio.timeline });
    this.syncPosition();
    this.prefetchAround(index);
    if (play) await this.resume(generation);
  }

  private async resume(generation = ++this.generation): Promise<void> {
    this.update({ status: 'loading', error: null });
    try {
      if (this.loadedAudio) this.audio.playbackRate = this.state.rate / this.loadedAudio.synthesizedRate;
      this.measureStartLatency();
      await this.audio.play();
    } catch (error) {
      if (generation === this.generation && (error as DOMException).name !== 'AbortError') this.fail(`The audio could not be played: ${(error as Error).message}`);
      return;
    }
    if (generation !== this.generation) return;
    this.update({ status: 'playing' });
    this.skippedPassages.tell(this.loadedBlock, this.loadedAudio?.skipped);
    this.startClock();
  }

  /** Learns how long the element takes to start sounding, so the pause between paragraphs is what the settings say. */
  private measureStartLatency(): void {
    const requested = performance.now();
    const startAt = this.audio.currentTime;
    const check = () => {
      if (this.audio.paused) return;
      if (this.audio.currentTime > startAt) {
        const latency = performance.now() - requested;
        if (latency < 500) this.startLatencyMs = this.startLatencyMs * 0.7 + latency * 0.3;
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }

  private async seekWithinBlock(ms: number, sentenceIndex: number): Promise<void> {
    this.audio.currentTime = seekSecondsFor(ms);
    this.update({ sentenceIndex, wordIndex: -1 });
    this.syncPosition();
  }

  private fail(message: string): void {
    this.audio.pause();
    this.stopClock();
    this.update({ status: 'error', error: message });
    this.options.announce(message);
  }

  /** Highlighting follows currentTime every frame; timeupdate (4 Hz) is too coarse for words. */
  private startClock(): void {
    this.stopClock();
    const tick = () => {
      this.syncPosition();
      const reached = this.state.status === 'playing' ? this.stopsReached(false) : [];
      if (reached.length > 0) return this.reachStop(false, reached);
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private stopClock(): void {
    cancelAnimationFrame(this.frame);
  }

  private syncPosition(): void {
    const timeline = this.currentTimeline();
    if (!timeline) return;
    const { sentenceIndex, wordIndex } = locateInTimeline(timeline, this.audio.currentTime * 1000);
    this.update({ sentenceIndex, wordIndex });
  }

  /** The stops playback has passed inside the block (those with a character end; a block's end is met in onEnded). */
  private stopsReached(atBlockEnd: boolean): Array<[string, PlaybackStop]> {
    const timeline = this.currentTimeline();
    if (!timeline) return [];
    const nowMs = this.audio.currentTime * 1000;
    return [...this.stops].filter(([, stop]) => stop.blockIndex === this.state.blockIndex && (atBlockEnd || (stop.charEnd !== undefined && nowMs >= stopMsIn(timeline, stop))));
  }

  /** Pauses at a stop; at the end of a block the position moves to the next one, so Play goes on from there. */
  private reachStop(atBlockEnd: boolean, reached: Array<[string, PlaybackStop]>): void {
    for (const [owner] of reached) this.stops.delete(owner);
    const next = this.state.blockIndex + 1;
    if (atBlockEnd && next < this.blocks.length) void this.startBlock(next, 0, false);
    else if (atBlockEnd) {
      this.audio.currentTime = 0;
      this.update({ status: 'paused', sentenceIndex: 0, wordIndex: -1 });
    } else {
      this.generation++;
      this.audio.pause();
      this.stopClock();
      // Rest on the stop: the last word before it stays highlighted, and Play goes on right after it.
      const timeline = this.currentTimeline()!;
      const stopMs = Math.min(...reached.map(([, stop]) => stopMsIn(timeline, stop)));
      this.audio.currentTime = stopMs / 1000;
      this.update({ status: 'paused', ...locateInTimeline(timeline, Math.max(0, stopMs - 1)) });
    }
    for (const [, stop] of reached) stop.onReached();
  }

  private readonly onEnded = (): void => {
    this.stopClock();
    if (this.loadedAudio?.opening) {
      // The opening sentence, said alone so Play could start at once: the block goes on from its second.
      const generation = this.generation;
      this.gapTimer = setTimeout(() => {
        if (generation === this.generation) void this.startBlock(this.state.blockIndex, 1, true);
      }, Math.max(0, this.preferences.sentencePauseMs - this.startLatencyMs));
      return;
    }
    const reached = this.stopsReached(true);
    if (reached.length > 0) return this.reachStop(true, reached);
    const next = this.state.blockIndex + 1;
    if (next >= this.blocks.length && this.moreComing) {
      // The end of what has been read so far: wait for the next pages, then go on.
      this.waitingForMore = true;
      this.update({ status: 'loading', sentenceIndex: -1, wordIndex: -1 });
      this.options.announce('Waiting for the next pages');
      return;
    }
    if (next >= this.blocks.length) {
      this.update({ status: 'ended', sentenceIndex: -1, wordIndex: -1 });
      this.options.announce('End of article');
      return;
    }
    const generation = this.generation;
    // The next block's audio is usually prefetched already; the configured pause is the only gap.
    this.gapTimer = setTimeout(() => {
      if (generation === this.generation) void this.startBlock(next, 0, true);
    }, Math.max(0, this.preferences.paragraphPauseMs - this.startLatencyMs));
  };

  private readonly onAudioError = (): void => {
    if (!this.audio.getAttribute('src')) return;
    this.fail('The audio for this paragraph could not be decoded.');
  };

  /** The OS or browser paused the element (headset unplugged, media key): reflect it. */
  private readonly onPauseEvent = (): void => {
    if (this.state.status === 'playing' && this.audio.paused && !this.audio.ended) {
      this.stopClock();
      this.update({ status: 'paused' });
    }
  };
}
