/**
 * Broken engines, for real: small shell scripts stand in for a broken espeak-ng (and text2wave) and
 * the adapters run them as they would run the real program. Each failure must be reported clearly and
 * leave no process behind. Every script starts a `sleep` with a unique duration as a marker child, so
 * a survivor can be found by its command line.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import { FestivalEngine } from '../../main/speech/festival';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import { withOwnTmpdir } from '../helpers/ownTmpdir';

const dir = mkdtempSync(join(tmpdir(), 'ap-broken-engines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let markerSeq = 0;

/** A script acting as a broken engine; returns its path and the marker its child sleeps with. */
function brokenEngine(body: (marker: string) => string): { path: string; marker: string } {
  const marker = `${9000 + process.pid % 500}.${++markerSeq}${Date.now() % 1000}`;
  const path = join(dir, `engine-${markerSeq}`);
  writeFileSync(path, `#!/bin/sh\n${body(marker)}\n`);
  chmodSync(path, 0o755);
  return { path, marker };
}

function survivors(marker: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `sleep ${marker}`]).toString().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

const options = { voice: 'en-us', lang: null, wordsPerMinute: 175 };

describe('broken engines are reported clearly and leave no process behind', () => {
  it('hanging: stopped at the time limit with its children', async () => {
    const { path, marker } = brokenEngine((m) => `cat >/dev/null; sleep ${m} & echo "warming up" >&2; wait`);
    const started = Date.now();
    await expect(new EspeakNgEngine(path, 800, null).synthesize('Hello.', options)).rejects.toThrow(/did not finish within 800 ms/);
    expect(Date.now() - started).toBeLessThan(4000);
    await sleep(150);
    expect(survivors(marker)).toEqual([]);
  });

  it('killed mid-synthesis (SIGKILL after part of the audio): reported at once, its child ended', async () => {
    const { path, marker } = brokenEngine(
      (m) => `cat >/dev/null; sleep ${m} & espeak-ng -b 1 --stdout "half a sentence" | head -c 3000; kill -9 $$`,
    );
    const started = Date.now();
    await expect(new EspeakNgEngine(path, 20_000, null).synthesize('Hello.', options)).rejects.toThrow(/was stopped by SIGKILL/);
    expect(Date.now() - started).toBeLessThan(5000); // not held until the time limit by the child's open stdout
    await sleep(150);
    expect(survivors(marker)).toEqual([]);
  });

  it('garbage on stderr and exit 1: the error carries the engine’s stderr', async () => {
    const { path, marker } = brokenEngine((m) => `cat >/dev/null; sleep ${m} & printf 'ALSA lib pcm.c:8526: \\001\\377 garbage\\nsegfault in phoneme table\\n' >&2; exit 1`);
    await expect(new EspeakNgEngine(path, null, null).synthesize('Hello.', options)).rejects.toThrow(/exited with code 1: .*garbage segfault in phoneme table/);
    await sleep(150);
    expect(survivors(marker)).toEqual([]);
  });

  it('no output and exit 0: "produced no audio"', async () => {
    const { path } = brokenEngine(() => `cat >/dev/null; echo "nothing to say" >&2`);
    await expect(new EspeakNgEngine(path, null, null).synthesize('Hello.', options)).rejects.toThrow(/espeak-ng produced no audio: nothing to say/);
  });

  it('garbage on stdout and exit 0: not taken for audio', async () => {
    const { path } = brokenEngine(() => `cat >/dev/null; echo "<html>proxy error</html>"`);
    await expect(new EspeakNgEngine(path, null, null).synthesize('Hello.', options)).rejects.toThrow(/not usable audio \(not a RIFF\/WAVE file\)/);
  });

  it('missing from PATH: names the package to install', async () => {
    await expect(new EspeakNgEngine(join(dir, 'no-espeak-ng'), null, null).synthesize('Hello.', options)).rejects.toThrow(
      /not installed or not on PATH: install the espeak-ng package \(for example: sudo apt install espeak-ng\)/,
    );
  });

  it('a missing voice in the real engine is named', async () => {
    await expect(new EspeakNgEngine().synthesize('Hello.', { ...options, voice: 'zz-nowhere' })).rejects.toThrow(/voice does not exist/);
  });

  it('a broken engine fails the whole block with its message, and a cancelled block leaves nothing running', async () => {
    const { path, marker } = brokenEngine((m) => `cat >/dev/null; sleep ${m} & wait`);
    const engine = new EspeakNgEngine(path, 30_000, null);
    const controller = new AbortController();
    const block = synthesizeBlock(engine, { text: 'One. Two. Three. Four.', lang: null, voice: 'en-us', rate: 1, signal: controller.signal });
    await sleep(300);
    expect(survivors(marker).length).toBeGreaterThanOrEqual(3); // three sentences at a time
    controller.abort();
    await expect(block).rejects.toThrow(/cancelled/);
    await sleep(150);
    expect(survivors(marker)).toEqual([]);
  });

  it('a hanging text2wave leaves no temp folder and no process', async () => {
    const { path, marker } = brokenEngine((m) => `cat >/dev/null; sleep ${m} & wait`);
    const engine = new FestivalEngine(path);
    // A temp folder of this test's own: the festival tests running beside it make and remove theirs in the shared one.
    await withOwnTmpdir(async (ownTmp) => {
      const signal = AbortSignal.timeout(600);
      await expect(engine.synthesize('Hello.', { voice: null, lang: null, wordsPerMinute: 175, signal })).rejects.toThrow(/cancelled/);
      await sleep(150);
      expect(survivors(marker)).toEqual([]);
      expect(readdirSync(ownTmp)).toEqual([]);
    });
  });
});
