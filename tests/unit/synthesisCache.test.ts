import { describe, expect, it } from 'vitest';
import type { SynthesizedBlock } from '../../shared/api';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import type { SpeechEngine } from '../../main/speech/SpeechEngine';
import { blockBytes, blockCacheKey, ByteLruCache, createCachedSynthesizer } from '../../main/speech/synthesisCache';

const sized = (bytes: number) => ({ bytes });

describe('ByteLruCache', () => {
  it('evicts the least recently used entries once the total passes the byte limit', () => {
    const cache = new ByteLruCache<{ bytes: number }>(100, (v) => v.bytes);
    cache.set('a', sized(40));
    cache.set('b', sized(40));
    expect(cache.get('a')).toEqual(sized(40)); // a is now more recent than b
    cache.set('c', sized(40)); // 120 > 100: b goes
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.bytes).toBe(80);
    cache.set('d', sized(90)); // needs both a and c gone
    expect([cache.has('a'), cache.has('c'), cache.has('d')]).toEqual([false, false, true]);
    expect(cache.bytes).toBe(90);
  });

  it('does not store an entry larger than the whole cache, and replacing a key updates the total', () => {
    const cache = new ByteLruCache<{ bytes: number }>(100, (v) => v.bytes);
    cache.set('a', sized(30));
    expect(cache.set('huge', sized(101))).toBe(false);
    expect(cache.has('a')).toBe(true);
    cache.set('a', sized(50));
    expect(cache.bytes).toBe(50);
    expect(cache.size).toBe(1);
  });
});

describe('cached synthesis', () => {
  const real = new EspeakNgEngine();
  /** The real espeak-ng, counting how often it is asked to speak. */
  function counting(): SpeechEngine & { calls: number } {
    const engine = {
      id: real.id,
      name: real.name,
      normalWordsPerMinute: real.normalWordsPerMinute,
      calls: 0,
      listVoices: () => real.listVoices(),
      synthesize: (text: string, options: Parameters<SpeechEngine['synthesize']>[1]) => {
        engine.calls++;
        return real.synthesize(text, options);
      },
    };
    return engine;
  }
  const request = { text: 'Back and forth. Then back again.', lang: 'en', voice: null, rate: 1 };

  it('does not run the engine again for a block it has', async () => {
    const engine = counting();
    const synthesize = createCachedSynthesizer(engine);
    const first = await synthesize(request);
    expect(engine.calls).toBe(2); // two sentences
    const again = await synthesize({ ...request });
    expect(engine.calls).toBe(2);
    expect(again).toBe(first);
    await synthesize({ ...request, rate: 1.5 }); // another rate is another block
    expect(engine.calls).toBe(4);
  });

  it('shares one synthesis between concurrent requests (prefetch, then play)', async () => {
    const engine = counting();
    const synthesize = createCachedSynthesizer(engine);
    const [a, b] = await Promise.all([synthesize(request), synthesize(request)]);
    expect(a).toBe(b);
    expect(engine.calls).toBe(2);
  });

  it('evicts by bytes: with room for one block, going back re-synthesizes', async () => {
    const engine = counting();
    const probe = await createCachedSynthesizer(real)(request);
    const synthesize = createCachedSynthesizer(engine, { maxBytes: Math.ceil(blockBytes(probe) * 1.5) });
    await synthesize(request);
    await synthesize({ ...request, text: 'Another paragraph. With two sentences too.' });
    expect(synthesize.cache.size).toBe(1);
    const before = engine.calls;
    await synthesize(request);
    expect(engine.calls).toBe(before + 2);
  });

  it('does not cache failures', async () => {
    let attempts = 0;
    const flaky = async (): Promise<SynthesizedBlock> => {
      attempts++;
      if (attempts === 1) throw new Error('engine crashed');
      return { audio: new Uint8Array(10), mimeType: 'audio/wav', timeline: { durationMs: 1, sentences: [] } };
    };
    const synthesize = createCachedSynthesizer(real, { synthesize: flaky });
    await expect(synthesize(request)).rejects.toThrow('engine crashed');
    await expect(synthesize(request)).resolves.toMatchObject({ mimeType: 'audio/wav' });
    expect(attempts).toBe(2);
  });

  it('keys on engine, voice, language, rate, pause and text', () => {
    const base = { text: 'x', lang: 'en', voice: null, rate: 1, sentencePauseMs: 250 };
    const keys = new Set([
      blockCacheKey('espeak-ng', base),
      blockCacheKey('festival', base),
      blockCacheKey('espeak-ng', { ...base, voice: 'en-gb' }),
      blockCacheKey('espeak-ng', { ...base, lang: 'de' }),
      blockCacheKey('espeak-ng', { ...base, rate: 1.25 }),
      blockCacheKey('espeak-ng', { ...base, sentencePauseMs: 600 }),
      blockCacheKey('espeak-ng', { ...base, text: 'y' }),
    ]);
    expect(keys.size).toBe(7);
  });
});
