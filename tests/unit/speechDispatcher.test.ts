import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { canSynthesize } from '../../main/speech/SpeechEngine';
import { parseSpdVoices, SpeechDispatcherEngine, spdRate, spdSayArguments, spdText } from '../../main/speech/speechDispatcher';

/** spd-say processes started by this adapter (the -N article-player connection name is in their argv). */
function ourSpdSayProcesses(): number[] {
  try {
    return execFileSync('pgrep', ['-f', 'spd-say -e -w -N article-player']).toString().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

describe('speech-dispatcher adapter', () => {
  it('is a direct-speech engine, not a synthesizer', () => {
    const engine = new SpeechDispatcherEngine();
    expect(engine.kind).toBe('direct');
    expect(canSynthesize(engine)).toBe(false);
  });

  it('builds spd-say arguments with the text on stdin, never in argv', () => {
    const args = spdSayArguments({ wordsPerMinute: 175, voice: 'English (America)+Alex', lang: 'en-US', module: 'espeak-ng' });
    expect(args).toEqual(['-e', '-w', '-N', 'article-player', '-r', '0', '-o', 'espeak-ng', '-l', 'en-us', '-y', 'English (America)+Alex']);
    expect(spdSayArguments({ wordsPerMinute: 175, voice: null, lang: null, module: null })).toEqual(['-e', '-w', '-N', 'article-player', '-r', '0']);
    expect(spdText('-C first line\n\n  second line')).toBe('-C first line second line\n');
  });

  it('maps words per minute onto -100..100', () => {
    expect(spdRate(175)).toBe(0);
    expect(spdRate(525)).toBe(100);
    expect(spdRate(5000)).toBe(100);
    expect(spdRate(87.5)).toBe(-100);
    expect(spdRate(10)).toBe(-100);
    expect(spdRate(350)).toBe(63);
    expect(spdRate(Number.NaN)).toBe(0);
  });

  // Recorded from `spd-say -L -o espeak-ng` on this machine (an excerpt of its 13,363 lines). Not run
  // live: after a speak request that cannot reach an audio device, the daemon stops answering for a while.
  it('parses spd-say -L (recorded), names with spaces included, variants left out', () => {
    const voices = parseSpdVoices(readFileSync(new URL('../fixtures/engines/spd-say-L-espeak-ng.txt', import.meta.url), 'utf8') + 'garbage\n');
    expect(voices).toEqual([
      { id: 'Afrikaans', lang: 'af', name: 'Afrikaans' },
      { id: 'Chinese (Mandarin, latin as English)', lang: 'cmn', name: 'Chinese (Mandarin, latin as English)' },
      { id: 'German', lang: 'de', name: 'German' },
      { id: 'English (Great Britain)', lang: 'en-GB', name: 'English (Great Britain)' },
      { id: 'English (America)', lang: 'en-US', name: 'English (America)' },
      { id: 'Japanese', lang: 'ja', name: 'Japanese' },
    ]);
  });

  // This machine has no audio device: the real daemon accepts the connection and never finishes
  // speaking, so spd-say -w would wait forever. The adapter must give up with a clear message.
  it('reports a daemon that never finishes (no audio device) and leaves no spd-say behind', async () => {
    const engine = new SpeechDispatcherEngine({ graceMs: 1500 });
    const started = Date.now();
    const speech = engine.speak('Hello from the fallback engine.', { voice: null, lang: 'en', wordsPerMinute: 175 });
    await expect(speech.done).rejects.toThrow(/spd-say did not finish speaking in time; speech-dispatcher may have no audio output/);
    expect(Date.now() - started).toBeLessThan(8000);
    await sleep(100);
    expect(ourSpdSayProcesses()).toEqual([]);
  });

  it('stops at once: done resolves and no spd-say is left', async () => {
    const engine = new SpeechDispatcherEngine({ graceMs: 30_000 });
    const speech = engine.speak('A long paragraph that the user stops.', { voice: null, lang: 'en', wordsPerMinute: 175 });
    await sleep(300);
    expect(ourSpdSayProcesses().length).toBe(1);
    speech.stop();
    await expect(speech.done).resolves.toBeUndefined();
    await sleep(100);
    expect(ourSpdSayProcesses()).toEqual([]);
  });

  it('names the package to install when spd-say is missing', async () => {
    const engine = new SpeechDispatcherEngine({ command: '/nonexistent/spd-say' });
    await expect(engine.speak('Hello.', { voice: null, lang: null, wordsPerMinute: 175 }).done).rejects.toThrow(/sudo apt install speech-dispatcher/);
    await expect(engine.listVoices()).rejects.toThrow(/install speech-dispatcher/);
  });
});
