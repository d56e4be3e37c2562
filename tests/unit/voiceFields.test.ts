/**
 * Settings' voice fields as rendered (issue 25): the Pitch slider is disabled with the engine's reason
 * said beside it where the engine cannot change pitch, and enabled where it can; both sliders say their
 * values in words. Rendered to HTML by React itself (no effects run: the library is not asked).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ArticlePlayerApi, SpeechInfo } from '../../shared/api';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { VoiceFields } from '../../renderer/src/settings/VoiceFields';

const api = { invoke: () => new Promise(() => undefined) } as unknown as ArticlePlayerApi;
const speech = (id: string, name: string): SpeechInfo => ({
  engine: { id, name },
  engines: [],
  notice: null,
  direct: null,
  problem: null,
  voices: [
    { id: 'en-gb', name: 'English (Great Britain)', lang: 'en-gb' },
    { id: 'de', name: 'German', lang: 'de' },
  ],
  normalWordsPerMinute: 175,
});

function render(engine: SpeechInfo, settings = DEFAULT_SETTINGS): Document {
  const html = renderToStaticMarkup(createElement(VoiceFields, { open: true, settings, update: () => undefined, speech: engine, articleLanguage: 'en', api, pausePlayer: () => undefined }));
  return new JSDOM(`<body>${html}</body>`).window.document;
}

const slider = (doc: Document, label: string) => {
  const forId = [...doc.querySelectorAll('label')].find((element) => element.textContent === label)!.htmlFor;
  return doc.getElementById(forId) as HTMLInputElement;
};

describe('the voice fields', () => {
  it('disable Pitch with the reason where the engine cannot change it', () => {
    const doc = render(speech('sapi', 'Windows speech (SAPI)'));
    const pitch = slider(doc, 'Pitch');
    expect(pitch.disabled).toBe(true);
    expect(doc.getElementById(pitch.getAttribute('aria-describedby')!)!.textContent).toBe('Windows speech (SAPI) cannot change pitch in this version.');
    expect(slider(doc, 'Volume').disabled).toBe(false);
  });

  it('enable it where the engine can, with both values in words', () => {
    const doc = render(speech('espeak-ng', 'eSpeak NG'), { ...DEFAULT_SETTINGS, pitch: -20, volume: 0.55 });
    const pitch = slider(doc, 'Pitch');
    expect(pitch.disabled).toBe(false);
    expect(pitch.getAttribute('aria-valuetext')).toBe('20 percent lower');
    expect(pitch.getAttribute('step')).toBe('5');
    expect(slider(doc, 'Volume').getAttribute('aria-valuetext')).toBe('55 percent volume');
    // The language picker starts on the article's language, and the voice list is that language's.
    const language = slider(doc, 'Language') as unknown as HTMLSelectElement;
    expect([...language.options].map((option) => option.value)).toEqual(['en', 'de']);
    expect(doc.querySelector('label + select[aria-describedby]') !== null).toBe(true);
    const voices = slider(doc, 'Voice for English') as unknown as HTMLSelectElement;
    expect([...voices.options].map((option) => option.value)).toEqual(['', 'en-gb']);
  });
});
