import { describe, expect, it } from 'vitest';
import { ApiCallRejected, dispatchApiCall, errorMessageForRenderer } from '../../main/api/dispatchApiCall';
import { UserFacingError, type ApiHandlers } from '../../shared/api';

const calls: unknown[] = [];
const unused = async (): Promise<never> => {
  throw new Error('not used in this test');
};
const handlers: ApiHandlers = {
  getSettings: unused,
  updateSettings: unused,
  listLibrary: unused,
  openLibraryEntry: unused,
  removeLibraryEntries: unused,
  restoreLibraryEntries: unused,
  savePosition: unused,
  restoreHiddenBlock: unused,
  getInitialArticle: async () => ({ ok: false, message: 'none' }),
  openArticle: async () => ({ ok: false, message: 'none' }),
  openWithPassword: async () => ({ ok: false, message: 'none' }),
  forgetProtectedDocument: async () => ({ forgotten: false }),
  getSpeechInfo: async () => ({ engine: null, engines: [], notice: null, direct: null, problem: 'x', voices: [], normalWordsPerMinute: 175 }),
  exportAudio: unused,
  speakDirect: unused,
  stopDirect: unused,
  cancelExport: unused,
  getPronunciations: unused,
  savePronunciation: unused,
  removePronunciation: unused,
  importPronunciations: unused,
  exportPronunciations: unused,
  getQueue: unused,
  addToQueue: unused,
  moveInQueue: unused,
  removeFromQueue: unused,
  clearQueue: unused,
  peekQueue: unused,
  stepQueue: unused,
  getContinueListening: unused,
  synthesizeBlock: async (params) => {
    calls.push(params);
    throw new UserFacingError('engine down');
  },
};

describe('dispatchApiCall: the one choke point', () => {
  it('refuses unknown methods, including prototype names', async () => {
    await expect(dispatchApiCall(handlers, 'readFile', {})).rejects.toBeInstanceOf(ApiCallRejected);
    await expect(dispatchApiCall(handlers, 'constructor', {})).rejects.toThrow(/Unknown API method/);
    await expect(dispatchApiCall(handlers, '__proto__', {})).rejects.toThrow(/Unknown API method/);
  });

  it('refuses malformed or extra parameters before any handler runs', async () => {
    await expect(dispatchApiCall(handlers, 'synthesizeBlock', { text: 'hi', lang: null, voice: null, rate: 'fast' })).rejects.toThrow(/Invalid parameters/);
    await expect(dispatchApiCall(handlers, 'synthesizeBlock', { text: 'hi', lang: null, voice: null, rate: 1, path: '/etc/passwd' })).rejects.toThrow(/Invalid/);
    await expect(dispatchApiCall(handlers, 'synthesizeBlock', { text: 'x'.repeat(100_001), lang: null, voice: null, rate: 1 })).rejects.toThrow(/Invalid/);
    expect(calls).toEqual([]);
  });

  it('refuses an article source of an unknown type (a path from the renderer is never read)', async () => {
    await expect(dispatchApiCall(handlers, 'openArticle', { source: { type: 'path', path: '/etc/passwd' } })).rejects.toThrow(/Invalid parameters/);
    await expect(dispatchApiCall(handlers, 'openArticle', { source: { type: 'file', name: 'a.txt', bytes: 'not bytes' } })).rejects.toThrow(/Invalid/);
  });

  it('refuses settings outside their ranges and library ids that are not ids', async () => {
    await expect(dispatchApiCall(handlers, 'updateSettings', { patch: { rate: 99 } })).rejects.toThrow(/Invalid parameters/);
    await expect(dispatchApiCall(handlers, 'updateSettings', { patch: { theme: 'neon' } })).rejects.toThrow(/Invalid/);
    await expect(dispatchApiCall(handlers, 'updateSettings', { patch: { unknownSetting: 1 } })).rejects.toThrow(/Invalid/);
    await expect(dispatchApiCall(handlers, 'openLibraryEntry', { id: '../../etc/passwd' })).rejects.toThrow(/Invalid/);
  });

  it('passes valid calls through and keeps user-facing messages', async () => {
    const error = await dispatchApiCall(handlers, 'synthesizeBlock', { text: 'hi', lang: 'en', voice: null, rate: 1.5 }).catch((e: unknown) => e);
    expect(calls).toEqual([{ text: 'hi', lang: 'en', voice: null, rate: 1.5 }]);
    expect(errorMessageForRenderer(error, 'synthesizeBlock')).toBe('engine down');
    expect(await dispatchApiCall(handlers, 'getInitialArticle', undefined)).toEqual({ ok: false, message: 'none' });
  });

  it('hides internals of unexpected errors from the renderer', () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(errorMessageForRenderer(new Error('ENOENT /home/secret/path'), 'x')).not.toContain('secret');
    } finally {
      console.error = original;
    }
  });
});
