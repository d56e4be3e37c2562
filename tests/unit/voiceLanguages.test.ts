/** The languages Settings offers a voice for (issue 25): the open article's first, then the library's, then the voices'. */
import { describe, expect, it } from 'vitest';
import { languageName, primarySubtag, voiceLanguages, voicesFor } from '../../renderer/src/settings/voiceLanguages';

const voices = [
  { id: 'en-gb', name: 'English (Great Britain)', lang: 'en-gb' },
  { id: 'en-us', name: 'English (America)', lang: 'en-us' },
  { id: 'de', name: 'German', lang: 'de' },
  { id: 'fr-fr', name: 'French (France)', lang: 'fr-fr' },
  { id: 'cmn', name: 'Chinese (Mandarin)', lang: 'cmn' },
  { id: 'x', name: 'No language', lang: 'und' },
];
const name = (code: string) => languageName(code, 'en');

describe('voiceLanguages', () => {
  it('puts the article\'s language first, the library\'s next, then the rest by name, once each', () => {
    const list = voiceLanguages({ articleLanguage: 'fr', libraryLanguages: ['de-DE', 'fr', null, 'pt-BR', 'en'], voices, name });
    expect(list.map((l) => [l.code, l.source])).toEqual([
      ['fr', 'article'],
      ['en', 'library'],
      ['de', 'library'],
      ['pt', 'library'],
      ['cmn', 'voices'],
    ]);
    expect(list.find((l) => l.code === 'en')).toMatchObject({ name: 'English', voiceCount: 2 });
    // A library language no voice speaks is still offered (Automatic: the engine's own voice for it).
    expect(list.find((l) => l.code === 'pt')).toMatchObject({ name: 'Portuguese', voiceCount: 0 });
  });

  it('leaves out "und" and tags that are not languages', () => {
    const list = voiceLanguages({ articleLanguage: 'en', libraryLanguages: ['und', '', 'zz-top-secret-long'], voices: [{ id: 'a', name: 'A', lang: 'und' }], name });
    expect(list.map((l) => l.code)).toEqual(['en', 'zz']);
  });

  it('finds the voices of a language by its primary subtag', () => {
    expect(voicesFor(voices, 'en').map((v) => v.id)).toEqual(['en-gb', 'en-us']);
    expect(primarySubtag('PT_br')).toBe('pt');
  });
});
