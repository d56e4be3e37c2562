import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEngine, listAvailableEngines, missingEngineMessage } from '../../main/speech/detectEngine';

// Each test builds a PATH holding only the engines it wants: links to the real programs installed here,
// or (for macOS and Windows, which cannot exist here) executable stand-ins that are never run.
const root = mkdtempSync(join(tmpdir(), 'ap-detect-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pathWith(...programs: string[]): NodeJS.ProcessEnv {
  const dir = join(root, programs.join('+') || 'empty');
  mkdirSync(dir, { recursive: true });
  for (const program of programs) {
    if (program === 'say' || program === 'powershell') {
      writeFileSync(join(dir, program), '#!/bin/sh\nexit 1\n');
      chmodSync(join(dir, program), 0o755);
    } else {
      symlinkSync(`/usr/bin/${program}`, join(dir, program));
    }
  }
  return { PATH: dir };
}

describe('detectEngine', () => {
  it('prefers espeak-ng on Linux and lists every engine found, best first', async () => {
    const detection = await detectEngine({ env: pathWith('espeak-ng', 'festival', 'text2wave', 'spd-say'), platform: 'linux' });
    expect(detection.engine?.id).toBe('espeak-ng');
    expect(detection.problem).toBeNull();
    expect(detection.available.map((a) => [a.id, a.kind])).toEqual([
      ['espeak-ng', 'synthesize'],
      ['festival', 'synthesize'],
      ['speech-dispatcher', 'direct'],
    ]);
    expect(detection.direct?.id).toBe('speech-dispatcher');
  });

  it('falls back to festival without espeak-ng, and it really speaks', async () => {
    const detection = await detectEngine({ env: pathWith('festival', 'text2wave'), platform: 'linux' });
    expect(detection.engine?.id).toBe('festival');
    const pcm = await detection.engine!.synthesize('Found by detection.', { voice: null, lang: 'en', wordsPerMinute: 175 });
    expect(pcm.samples.length).toBeGreaterThan(1000);
  });

  it('does not count festival without text2wave', async () => {
    const detection = await detectEngine({ env: pathWith('festival'), platform: 'linux' });
    expect(detection.engine).toBeNull();
  });

  it('offers speech-dispatcher only as direct speech, saying what to install', async () => {
    const detection = await detectEngine({ env: pathWith('spd-say'), platform: 'linux' });
    expect(detection.engine).toBeNull();
    expect(detection.direct?.kind).toBe('direct');
    expect(detection.problem).toMatch(/Speech Dispatcher was found, but it cannot give audio.*sudo apt install espeak-ng/);
  });

  it('explains what to install when nothing is found, per OS', async () => {
    const linux = await detectEngine({ env: pathWith(), platform: 'linux' });
    expect(linux).toMatchObject({ engine: null, direct: null, available: [] });
    expect(linux.problem).toBe(missingEngineMessage('linux'));
    expect(linux.problem).toMatch(/Install espeak-ng \(for example: sudo apt install espeak-ng\)/);
    expect(missingEngineMessage('darwin')).toMatch(/"say" command is missing.*\/usr\/bin/);
    expect(missingEngineMessage('win32')).toMatch(/Windows PowerShell \(powershell\.exe\)/);
    expect(missingEngineMessage('freebsd')).toMatch(/on freebsd.*Install espeak-ng/);
  });

  it('follows ARTICLE_PLAYER_ENGINE, and the preferred option over it', async () => {
    const env = { ...pathWith('espeak-ng', 'festival', 'text2wave'), ARTICLE_PLAYER_ENGINE: 'festival' };
    expect((await detectEngine({ env, platform: 'linux' })).engine?.id).toBe('festival');
    expect((await detectEngine({ env, platform: 'linux', preferred: 'espeak-ng' })).engine?.id).toBe('espeak-ng');
  });

  it('explains an override it cannot follow and uses the default', async () => {
    const env = pathWith('espeak-ng');
    const missing = await detectEngine({ env, platform: 'linux', preferred: 'festival' });
    expect(missing.engine?.id).toBe('espeak-ng');
    expect(missing.notice).toMatch(/"festival" is not available.*sudo apt install festival/);
    const unknown = await detectEngine({ env: { ...env, ARTICLE_PLAYER_ENGINE: 'sam' }, platform: 'linux' });
    expect(unknown.engine?.id).toBe('espeak-ng');
    expect(unknown.notice).toMatch(/Unknown speech engine "sam" \(known: espeak-ng, festival, speech-dispatcher, say, sapi\)/);
  });

  it('when speech-dispatcher is chosen, returns it as direct speech and says why there is no audio', async () => {
    const detection = await detectEngine({ env: pathWith('espeak-ng', 'spd-say'), platform: 'linux', preferred: 'speech-dispatcher' });
    expect(detection.engine).toBeNull();
    expect(detection.direct?.id).toBe('speech-dispatcher');
    expect(detection.problem).toMatch(/speaks directly/);
  });

  it('picks say on macOS and SAPI on Windows (stand-in executables: these engines cannot run here)', async () => {
    expect((await detectEngine({ env: pathWith('say', 'espeak-ng'), platform: 'darwin' })).engine?.id).toBe('say');
    expect((await detectEngine({ env: pathWith('powershell', 'espeak-ng'), platform: 'win32' })).engine?.id).toBe('sapi');
    // a program called "say" on Linux is not macOS say
    expect((await listAvailableEngines({ env: pathWith('say'), platform: 'linux' })).map((a) => a.id)).toEqual([]);
  });

  it('finds espeak-ng on this machine with the defaults', async () => {
    const detection = await detectEngine();
    expect(detection.engine?.id).toBe(process.env.ARTICLE_PLAYER_ENGINE ?? 'espeak-ng');
  });
});
