/** Voices per language (issue 25): a passage in another language gets that language's chosen voice; the preview's sample. */
import { describe, expect, it } from 'vitest';
import { voiceForBlock } from '../../shared/synthesisRequest';
import { previewSample } from '../../renderer/src/settings/useVoicePreview';

describe('voiceForBlock', () => {
  const article = { lang: 'en-GB', voice: 'en-gb-x-rp' };

  it('keeps the article’s voice for its own language, whatever the region', () => {
    expect(voiceForBlock(undefined, article, { de: 'de' })).toEqual({ lang: 'en-GB', voice: 'en-gb-x-rp' });
    expect(voiceForBlock('en-US', article, { en: 'en-us' })).toEqual({ lang: 'en-GB', voice: 'en-gb-x-rp' });
  });

  it('uses the voice chosen for a passage’s language', () => {
    expect(voiceForBlock('de-AT', article, { de: 'German (Standard)' })).toEqual({ lang: 'de-AT', voice: 'German (Standard)' });
  });

  it('leaves it to the engine (null) when no voice was chosen for that language', () => {
    expect(voiceForBlock('fr', article, { de: 'de' })).toEqual({ lang: 'fr', voice: null });
    expect(voiceForBlock('fr', article)).toEqual({ lang: 'fr', voice: null });
  });
});

describe('previewSample', () => {
  it('is a sentence in the language where one is known, else in English with the language kept', () => {
    expect(previewSample('de')).toEqual({ text: 'So klingen Ihre Artikel mit dieser Stimme.', lang: 'de' });
    expect(previewSample('fi')).toEqual({ text: 'This is how your articles will sound with this voice.', lang: 'fi' });
  });
});
