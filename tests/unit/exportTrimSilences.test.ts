/** Silence trimming in the exported audio: the app's export call with the real espeak-ng, in a fresh data folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiParams } from '../../shared/api';
import { createAppHandlers } from '../../main/api/createAppContext';
import { exportArticleAudio } from '../../main/export/exportArticleAudio';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import { parseWav, pcmDurationMs } from '../../main/speech/wav';

// Commas, a semicolon and a bracket: the engine leaves long silences at each of them.
const texts = ['First, as they say, we wait; then, after a while, we go on.', 'The second paragraph (a short one, really) has pauses too, here and there.'];

describe('exportAudio with and without silence trimming (real espeak-ng)', () => {
  const { handlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'ap-export-trim-')), async () => ({ ok: false, message: 'not used' }));
  const request: ApiParams<'exportAudio'> = { jobId: 'trim-test', title: 'Trim', texts, lang: 'en', voice: null, rate: 1, engine: 'espeak-ng', sentencePauseMs: 250, paragraphPauseMs: 400, format: 'wav' };

  it('is shorter with trimming, by less than the silences it had, and keeps the paragraph pause and one cue per paragraph', async () => {
    const plain = await handlers.exportAudio(request);
    const trimmed = await handlers.exportAudio({ ...request, trimSilences: true });
    expect(trimmed.durationMs).toBeLessThan(plain.durationMs - 200);
    expect(trimmed.durationMs).toBeGreaterThan(plain.durationMs * 0.6);
    expect(pcmDurationMs(parseWav(trimmed.audio))).toBeCloseTo(trimmed.durationMs, 3);
    const cueTimes = (vtt: string) => vtt.split('\n').filter((line) => line.includes(' --> '));
    expect(cueTimes(trimmed.cues)).toHaveLength(2);
  });

  it('is byte for byte the untrimmed export without it (absent or false), the same as the exporter without the option', async () => {
    const absent = await handlers.exportAudio(request);
    const off = await handlers.exportAudio({ ...request, trimSilences: false });
    expect(Buffer.from(off.audio).equals(Buffer.from(absent.audio))).toBe(true);
    expect(off.cues).toBe(absent.cues);
    const engine = new EspeakNgEngine();
    const direct = await exportArticleAudio(texts, (text, signal) => synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1, sentencePauseMs: 250, signal }), {
      title: 'Trim',
      format: 'wav',
      paragraphPauseMs: 400,
    });
    expect(Buffer.from(absent.audio).equals(Buffer.from(direct.audio))).toBe(true);
  });
});
