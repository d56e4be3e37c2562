/**
 * Reading through an engine that speaks directly (speech-dispatcher), the fallback when no engine can
 * give audio: main speaks a paragraph (from a sentence) and answers when it is done. Only the paragraph
 * is highlighted; pause stops the speech and resume starts the sentence again, since the engine cannot
 * pause; a new rate applies from the sentence being read.
 */
import type { ArticlePlayerApi } from '../../../shared/api';
import type { Block } from '../../../shared/article';
import { clampRate, RATE_DEFAULT } from '../../../shared/rate';
import { splitSentences } from '../../../shared/segment';
import type { PlayerOptions, SpeechPreferences } from './Player';
import type { PlaybackStop, ReadingSession } from './ReadingSession';
import { startingPlace } from '../../../shared/resumePlace';
import { initialPlayerState, SessionState } from './SessionState';
import { WordCounts } from './WordCounts';

const RESTART_THRESHOLD_MS = 2000;

export class DirectPlayer extends SessionState implements ReadingSession {
  private generation = 0;
  /** More blocks are still being read (a long document streamed in); and speech reached the last one that came. */
  private moreComing = false;
  private waitingForMore = false;
  private startedAt = 0;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private preferences: SpeechPreferences;
  /** Direct speech cannot stop inside a paragraph it is speaking, so every stop is met at its block's end. */
  private readonly stops = new Map<string, PlaybackStop>();
  private wordCountsMade: WordCounts | null = null;
  private get wordCounts(): WordCounts {
    return (this.wordCountsMade ??= new WordCounts(this.blocks));
  }

  constructor(
    private readonly api: ArticlePlayerApi,
    private blocks: readonly Block[],
    private readonly options: PlayerOptions,
    initialRate = RATE_DEFAULT,
  ) {
    const { start, pending } = startingPlace(options.start, blocks.length, Boolean(options.moreComing));
    super({ ...initialPlayerState(blocks.length, start, initialRate, start?.sentenceIndex ?? -1), goingTo: pending }, blocks.length, options.announce);
    this.moreComing = Boolean(options.moreComing);
    this.preferences = { engine: options.engine, voice: options.voice, paragraphPauseMs: options.paragraphPauseMs, sentencePauseMs: options.sentencePauseMs, pitch: options.pitch, volume: options.volume };
  }

  /**
   * The article grew (a long document streamed in). Speech that reached the end of what had arrived while
   * more was coming waited (status playing, nothing said): it goes on with the first block that came.
   */
  grow(blocks: readonly Block[], moreComing: boolean): void {
    this.moreComing = moreComing;
    const before = this.blocks.length;
    if (blocks !== this.blocks) {
      this.blocks = blocks;
      this.wordCountsMade = null;
      this.resize(blocks.length);
      if (this.state.blockIndex >= blocks.length) this.update({ blockIndex: Math.max(0, blocks.length - 1), sentenceIndex: 0 });
    }
    if (this.state.goingTo) return this.goToPlaceIfArrived(blocks.length, moreComing, (index) => this.blocks[index]?.page);
    if (!this.waitingForMore) return;
    if (blocks.length > before) {
      this.waitingForMore = false;
      void this.speakFrom(before, 0);
    } else if (!moreComing) {
      this.waitingForMore = false;
      this.endOfArticle();
    }
  }

  private endOfArticle(): void {
    this.update({ status: 'ended', sentenceIndex: -1 });
    this.options.announce('End of article');
  }

  get positionMs(): number {
    return this.state.status === 'playing' ? performance.now() - this.startedAt : 0;
  }

  play(): void {
    if (this.blocks.length === 0 || this.isActive()) return;
    if (this.playWhenPlaceArrives()) return;
    if (this.state.status === 'ended') void this.speakFrom(0, 0);
    else void this.speakFrom(this.state.blockIndex, Math.max(0, this.state.sentenceIndex));
  }

  pause(): void {
    this.stopSpeaking();
    this.playOnArrival = false;
    if (this.isActive()) {
      this.update({ status: 'paused' });
      this.options.announce('Paused');
    }
  }

  goToBlock(index: number, options: { play?: boolean; announce?: boolean; sentence?: number } = {}): void {
    if (this.blocks.length === 0) return;
    this.cancelPlace();
    const target = this.landOn(index, options.announce !== false);
    this.moveTo(target, options.sentence ?? 0, options.play ?? this.isActive());
  }

  previousBlock(): void {
    this.cancelPlace();
    if (this.positionMs > RESTART_THRESHOLD_MS || this.state.blockIndex === 0) this.goToBlock(this.state.blockIndex);
    else this.goToBlock(this.state.blockIndex - 1);
  }

  nextSentence(): void {
    this.cancelPlace();
    const next = Math.max(0, this.state.sentenceIndex) + 1;
    if (next < this.sentences(this.state.blockIndex).length) this.moveTo(this.state.blockIndex, next, this.isActive());
    else this.nextBlock();
  }

  previousSentence(): void {
    this.cancelPlace();
    const current = Math.max(0, this.state.sentenceIndex);
    if (current > 0) this.moveTo(this.state.blockIndex, current - 1, this.isActive());
    else if (this.state.blockIndex > 0) this.moveTo(this.state.blockIndex - 1, this.sentences(this.state.blockIndex - 1).length - 1, this.isActive());
  }

  setRate(rate: number): void {
    const next = clampRate(rate);
    if (next === this.state.rate) return;
    this.update({ rate: next });
    this.options.announce(`Speed ${next.toFixed(1)} times`);
    if (this.isActive()) void this.speakFrom(this.state.blockIndex, Math.max(0, this.state.sentenceIndex));
  }

  hearAsWritten(): void {
    if (this.blocks.length === 0) return;
    this.cancelPlace();
    this.options.announce('This paragraph as written');
    void this.speakFrom(this.state.blockIndex, Math.max(0, this.state.sentenceIndex), true);
  }

  configure(preferences: SpeechPreferences): void {
    this.preferences = { ...preferences };
  }

  playFromChar(blockIndex: number, char: number): void {
    this.cancelPlace();
    const index = this.landOn(blockIndex, false);
    void this.speakFrom(index, Math.max(0, this.sentences(index).findIndex((span) => char < span.end)));
  }

  setStop(owner: string, stop: PlaybackStop | null): void {
    if (stop) this.stops.set(owner, stop);
    else this.stops.delete(owner);
  }

  untilStopMs(): number | null {
    return null; // the engine gives no times
  }

  setVolume(): void {
    // The sleep timer's fade: the engine speaks through the system's own output, which the page cannot
    // fade while it speaks (the volume setting is sent with each paragraph instead).
  }

  remainingMs(wordsPerMinute: number): number {
    const words = this.wordCounts.from(this.state.blockIndex);
    return (words / (wordsPerMinute * this.state.rate)) * 60_000;
  }

  totalMs(wordsPerMinute: number): number {
    return (this.wordCounts.from(0) / (wordsPerMinute * this.state.rate)) * 60_000;
  }

  dispose(): void {
    this.stopSpeaking();
    this.stopListening();
  }

  private sentences(index: number) {
    const block = this.blocks[index];
    return block ? splitSentences(block.text, this.options.lang) : [];
  }

  private moveTo(index: number, sentence: number, play: boolean): void {
    if (play) void this.speakFrom(index, sentence);
    else {
      this.stopSpeaking();
      this.update({ blockIndex: index, sentenceIndex: sentence, status: this.state.status === 'ended' || this.state.status === 'error' ? 'idle' : this.isActive() ? 'paused' : this.state.status, error: null });
    }
  }

  private stopSpeaking(): void {
    this.generation++;
    this.waitingForMore = false;
    clearTimeout(this.gapTimer);
    void this.api.invoke('stopDirect', {}).catch(() => undefined);
  }

  private async speakFrom(index: number, sentence: number, asWritten = false): Promise<void> {
    const generation = ++this.generation;
    this.waitingForMore = false;
    clearTimeout(this.gapTimer);
    const block = this.blocks[index]!;
    const from = this.sentences(index)[sentence]?.start ?? 0;
    this.startedAt = performance.now();
    this.update({ status: 'playing', blockIndex: index, sentenceIndex: sentence, wordIndex: -1, error: null });
    try {
      const { completed } = await this.api.invoke('speakDirect', {
        text: block.text.slice(from),
        lang: this.options.lang,
        voice: this.preferences.voice,
        rate: this.state.rate,
        engine: this.preferences.engine,
        // Per utterance: speech-dispatcher is told the pitch and volume with each paragraph.
        ...(this.preferences.pitch ? { pitch: this.preferences.pitch } : {}),
        ...(this.preferences.volume !== undefined && this.preferences.volume < 1 ? { volume: this.preferences.volume } : {}),
        ...(asWritten ? { asWritten: true } : {}),
      });
      if (!completed || generation !== this.generation) return;
      const reached = [...this.stops].filter(([, stop]) => stop.blockIndex === index);
      if (reached.length > 0) {
        for (const [owner] of reached) this.stops.delete(owner);
        this.update({ status: 'paused', blockIndex: Math.min(index + 1, this.blocks.length - 1), sentenceIndex: 0 });
        for (const [, stop] of reached) stop.onReached();
        return;
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.update({ status: 'error', error: (error as Error).message });
      this.options.announce((error as Error).message);
      return;
    }
    if (index + 1 >= this.blocks.length) {
      // The end of what has arrived, with more of the document coming: speech waits for it (grow goes on).
      if (this.moreComing) this.waitingForMore = true;
      else this.endOfArticle();
      return;
    }
    this.gapTimer = setTimeout(() => {
      if (generation === this.generation) void this.speakFrom(index + 1, 0);
    }, this.preferences.paragraphPauseMs);
  }
}
