/**
 * Synthesized blocks kept in main, least recently used dropped first, bounded by total bytes, so
 * going back and forth between paragraphs does not run the engine again. Concurrent requests for
 * the same block (prefetch, then play) share one synthesis.
 */
import type { SynthesizedBlock } from '../../shared/api.js';
import type { SpeechEngine } from './SpeechEngine.js';
import { synthesizeBlock, type BlockRequest } from './synthesizeBlock.js';

export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/** A byte-bounded LRU map (a Map keeps insertion order: re-inserting on use makes the first entry the oldest). */
export class ByteLruCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` unless it alone is larger than the whole cache; evicts the oldest entries to fit. */
  set(key: string, value: V): boolean {
    const bytes = this.sizeOf(value);
    this.delete(key);
    if (bytes > this.maxBytes) return false;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

/** Memory a block holds: its audio plus a rough figure for its timeline. */
export function blockBytes(block: SynthesizedBlock): number {
  const words = block.timeline.sentences.reduce((sum, sentence) => sum + sentence.words.length, 0);
  return block.audio.byteLength + 200 + block.timeline.sentences.length * 80 + words * 64;
}

/**
 * Everything that changes the audio or its timeline: engine, voice, language, rate, pitch, pause, silence
 * trimming, the text, and what is spoken for it (the reading rules' and pronunciations' result with its
 * map), so a changed rule or entry never replays stale audio.
 */
export function blockCacheKey(engineId: string, request: BlockRequest): string {
  const spoken = request.spoken ? [request.spoken.text, request.spoken.pieces.map((p) => [p.displayStart, p.displayEnd, p.spokenStart, p.spokenEnd])] : null;
  return JSON.stringify([engineId, request.voice, request.lang, request.rate, request.pitch || 0, request.sentencePauseMs ?? null, request.trimSilences ?? false, request.text, spoken]);
}

export interface CachedSynthesizer {
  (request: BlockRequest): Promise<SynthesizedBlock>;
  readonly cache: ByteLruCache<SynthesizedBlock>;
}

export function createCachedSynthesizer(
  engine: SpeechEngine,
  options: { maxBytes?: number; synthesize?: typeof synthesizeBlock } = {},
): CachedSynthesizer {
  const cache = new ByteLruCache<SynthesizedBlock>(options.maxBytes ?? DEFAULT_CACHE_BYTES, blockBytes);
  const run = options.synthesize ?? synthesizeBlock;
  const inFlight = new Map<string, Promise<SynthesizedBlock>>();
  const synthesize = (request: BlockRequest): Promise<SynthesizedBlock> => {
    const key = blockCacheKey(engine.id, request);
    const cached = cache.get(key);
    if (cached) return Promise.resolve(cached);
    // A request that can be cancelled gets its own run, so cancelling it fails no one else.
    if (request.signal) return run(engine, request).then((block) => (cache.set(key, block), block));
    let pending = inFlight.get(key);
    if (!pending) {
      pending = run(engine, request)
        .then((block) => {
          cache.set(key, block);
          return block;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
  return Object.assign(synthesize, { cache });
}
