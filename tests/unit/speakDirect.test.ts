/**
 * Direct speech (speech-dispatcher) gets the same spoken text as synthesized audio: the reading rules
 * and the pronunciation list, or the text as written when asked. The engine here records what it is
 * given instead of speaking it: the real one speaks to the sound card, which this machine has not,
 * and what is under test is what main hands it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../main/api/createApiHandlers';
import { PronunciationStore } from '../../main/pronunciations/PronunciationStore';
import type { DirectSpeechEngine } from '../../main/speech/SpeechEngine';
import { LibraryStore } from '../../main/store/LibraryStore';
import { QueueStore } from '../../main/store/QueueStore';
import { SettingsStore } from '../../main/store/SettingsStore';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ap-direct-'));
  const heard: string[] = [];
  const direct: DirectSpeechEngine = {
    id: 'speech-dispatcher',
    name: 'Speech Dispatcher',
    kind: 'direct',
    normalWordsPerMinute: 160,
    listVoices: async () => [],
    speak: (text) => {
      heard.push(text);
      return { done: Promise.resolve(), stop: () => undefined };
    },
  };
  const library = new LibraryStore(dir);
  const pronunciations = new PronunciationStore(dir);
  const handlers = createApiHandlers({
    initialArticle: async () => ({ ok: false, message: 'none' }) as never,
    speech: async () => ({ engine: null, problem: 'no engine gives audio', direct, available: [], notice: null }),
    library,
    queue: new QueueStore(dir, library),
    settings: new SettingsStore(dir),
    pronunciations,
    emit: () => undefined,
  });
  return { handlers, heard, pronunciations };
}

const text = 'Rows live in SQL, see https://www.example.com/docs for more.[3]';

describe('speakDirect', () => {
  it('speaks the text with the reading rules and the pronunciation list, or as written when asked', async () => {
    const { handlers, heard, pronunciations } = setup();
    await pronunciations.save(null, { match: 'SQL', say: 'sequel', caseSensitive: true });
    const request = { text, lang: 'en', voice: null, rate: 1 };
    expect(await handlers.speakDirect(request)).toEqual({ completed: true });
    expect(await handlers.speakDirect({ ...request, asWritten: true })).toEqual({ completed: true });
    expect(heard).toEqual(['Rows live in sequel, see link to example.com for more.', text]);
  });

  it('does not start a paragraph stopped while its spoken text was being made', async () => {
    const { handlers, heard } = setup();
    const speaking = handlers.speakDirect({ text, lang: 'en', voice: null, rate: 1 });
    await handlers.stopDirect({});
    expect(await speaking).toEqual({ completed: false });
    expect(heard).toEqual([]);
  });
});

describe('pitch and volume for direct speech (issue 25)', () => {
  it('go to speech-dispatcher with each utterance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-direct-'));
    const given: Array<{ pitch?: number; volume?: number }> = [];
    const direct: DirectSpeechEngine = {
      id: 'speech-dispatcher',
      name: 'Speech Dispatcher',
      kind: 'direct',
      normalWordsPerMinute: 160,
      listVoices: async () => [],
      speak: (_text, options) => {
        given.push({ pitch: options.pitch, volume: options.volume });
        return { done: Promise.resolve(), stop: () => undefined };
      },
    };
    const library = new LibraryStore(dir);
    const handlers = createApiHandlers({
      initialArticle: async () => ({ ok: false, message: 'none' }) as never,
      speech: async () => ({ engine: null, problem: 'no engine gives audio', direct, available: [], notice: null }),
      library,
      queue: new QueueStore(dir, library),
      settings: new SettingsStore(dir),
      pronunciations: new PronunciationStore(dir),
      emit: () => undefined,
    });
    await handlers.speakDirect({ text: 'One.', lang: 'en', voice: null, rate: 1, pitch: 25, volume: 0.6 });
    await handlers.speakDirect({ text: 'Two.', lang: 'en', voice: null, rate: 1 });
    expect(given).toEqual([{ pitch: 25, volume: 0.6 }, { pitch: 0, volume: undefined }]);
  });
});
