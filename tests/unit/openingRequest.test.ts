import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../shared/api';
import type { Block } from '../../shared/article';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { openingRequest } from '../../main/api/openingRequest';

const PARAGRAPH = 'The lantern was lit early. Then the harbour grew quiet.';
const result = (blocks: Block[], lang: string | null = 'en-GB'): LoadResult => ({
  ok: true,
  article: { title: '', byline: null, source: null, lang, blocks }, // no title: reading starts at block 0
});

describe('openingRequest: what main synthesizes for the page before it asks', () => {
  it('is the opening sentence with the voice, rate and pauses the settings give the player', () => {
    const settings = { ...DEFAULT_SETTINGS, rate: 1.5, sentencePauseMs: 300, voiceByLanguage: { en: 'en-gb' }, engine: 'espeak-ng' as const };
    expect(openingRequest(result([{ kind: 'paragraph', text: PARAGRAPH }]), settings, 'en')).toEqual({
      text: 'The lantern was lit early.',
      lang: 'en-GB',
      voice: 'en-gb',
      rate: 1.5,
      sentencePauseMs: 300,
      engine: 'espeak-ng',
    });
    expect(openingRequest(result([{ kind: 'paragraph', text: PARAGRAPH }]), { ...settings, trimSilences: true }, 'en')?.trimSilences).toBe(true);
    // The pitch too (issue 25), as the Player sends it: only when it is not the voice's own.
    expect(openingRequest(result([{ kind: 'paragraph', text: PARAGRAPH }]), { ...settings, pitch: -15 }, 'en')?.pitch).toBe(-15);
    expect(openingRequest(result([{ kind: 'paragraph', text: PARAGRAPH }]), settings, 'en')).not.toHaveProperty('pitch');
  });

  it('starts where reading starts, and is nothing where the player would not ask for an opening', () => {
    const blocks = [
      { kind: 'paragraph' as const, text: 'One sentence only.' },
      { kind: 'paragraph' as const, text: PARAGRAPH },
    ];
    expect(openingRequest(result(blocks), DEFAULT_SETTINGS, 'en')).toBeNull(); // one sentence: short already
    const at = (blockIndex: number, sentenceIndex: number): LoadResult => ({ ...(result(blocks) as LoadResult & { ok: true }), entry: { position: { blockIndex, sentenceIndex } } as never });
    expect(openingRequest(at(1, 0), DEFAULT_SETTINGS, 'en')?.text).toBe('The lantern was lit early.');
    expect(openingRequest(at(1, 1), DEFAULT_SETTINGS, 'en')).toBeNull(); // reading starts inside the block
    expect(openingRequest(result([{ kind: 'paragraph', text: PARAGRAPH, lang: 'fr' }]), DEFAULT_SETTINGS, 'en')).toBeNull(); // another language
    expect(openingRequest({ ok: false, message: 'no' }, DEFAULT_SETTINGS, 'en')).toBeNull();
  });

  it('at the top of an article with a title, is the title, which is read first (issue 25)', () => {
    const titled = (title: string, byline: string | null = null): LoadResult => ({ ok: true, article: { title, byline, source: null, lang: 'en', blocks: [{ kind: 'paragraph', text: PARAGRAPH }] } });
    expect(openingRequest(titled('The Harbour'), DEFAULT_SETTINGS, 'en')?.text).toBe('The Harbour');
    expect(openingRequest(titled('The Harbour', 'Ann Author'), { ...DEFAULT_SETTINGS, readByline: true }, 'en')?.text).toBe('The Harbour.');
    const further: LoadResult = { ...(titled('The Harbour') as LoadResult & { ok: true }), entry: { position: { blockIndex: 0, sentenceIndex: 1 } } as never };
    expect(openingRequest(further, DEFAULT_SETTINGS, 'en')).toBeNull();
  });
});
