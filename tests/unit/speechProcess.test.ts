/**
 * The process boundary for native speech: libespeak-ng runs in a process of its own (fork here, as in
 * the browser host and the CLI); a crash or hang there answers the request with an error and restarts
 * the process, never touching this one; after a limit the espeak-ng command is used instead.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { splitWords } from '../../shared/segment';
import { EspeakLibraryProcess } from '../../main/speech/espeakLibraryProcess';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import { defaultBackoffMs, SpeechProcess, SpeechProcessLost } from '../../main/speech/speechProcess';
import { chooseSpeechProcessLauncher, forkNodeProcess, type UtilityProcessLike } from '../../main/speech/speechProcessLauncher';
import { LETTER_RUN, REPEATED_LETTER_DOTS, WORD_WITH_SUFFIX_RUN } from '../fixtures/speech/espeakCrashes';

const say = (text: string) => ({ text, voice: null, wordsPerMinute: 175 });
const limit = { timeoutMs: 10_000 };

/** A child script speaking the protocol without native code, for hangs and crashes on demand. */
function fakeChild(onRequest: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ap-speech-process-')), 'child.mjs');
  writeFileSync(
    path,
    `process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
process.on('message', ({ id, payload }) => { ${onRequest} });
`,
  );
  return path;
}

describe('the launcher', () => {
  it('uses Electron\'s utilityProcess when the shell gives one, with messages both ways', async () => {
    const child = Object.assign(new EventEmitter(), { pid: 4242, stderr: null, postMessage: vi.fn(), kill: vi.fn(() => true) });
    const utilityProcess: UtilityProcessLike = { fork: vi.fn(() => child) };
    const launch = chooseSpeechProcessLauncher({ utilityProcess });
    const launched = launch('/app/out/main/espeakProcess.js', ['libespeak-ng.so.1']);
    expect(utilityProcess.fork).toHaveBeenCalledWith('/app/out/main/espeakProcess.js', ['libespeak-ng.so.1'], expect.objectContaining({ stdio: ['ignore', 'ignore', 'pipe'] }));
    expect(launched.pid).toBe(4242);
    launched.send({ id: 1 });
    expect(child.postMessage).toHaveBeenCalledWith({ id: 1 });
    const messages: unknown[] = [];
    launched.onMessage((message) => messages.push(message));
    child.emit('message', { type: 'ready' });
    expect(messages).toEqual([{ type: 'ready' }]);
    const exited = new Promise((resolve) => launched.onExit(resolve));
    child.emit('exit', 134);
    expect(await exited).toBe('code 134');
    launched.kill();
    expect(child.kill).toHaveBeenCalled();
  });

  it('forks Node without Electron', () => {
    expect(chooseSpeechProcessLauncher()).toBe(forkNodeProcess);
    expect(chooseSpeechProcessLauncher({})).toBe(forkNodeProcess);
  });

  it('the build emits the child\'s entry beside the module that finds it (out/main/espeakProcess.js)', async () => {
    const config = (await import('../../electron.vite.config')).default as unknown as { main: { build: { rollupOptions: { input: Record<string, string> } } } };
    expect(config.main.build.rollupOptions.input.espeakProcess).toBe(join(process.cwd(), 'main', 'speech', 'espeakProcess.ts'));
  });

  it('restarts at once after one crash, then waits longer, up to 2 s', () => {
    expect([1, 2, 3, 4, 8].map(defaultBackoffMs)).toEqual([0, 100, 200, 400, 2000]);
  });
});

describe('libespeak-ng in its own process (real library)', () => {
  const library = new EspeakLibraryProcess('libespeak-ng.so.1');
  afterAll(() => library.close());

  it('loads in a process that is not this one', async () => {
    expect(await library.ready()).toBeNull();
    expect(library.process.pid).toBeGreaterThan(0);
    expect(library.process.pid).not.toBe(process.pid);
    const said = await library.say(say('Hello there, my friend.'), limit);
    expect(said.words).toHaveLength(4);
    expect(said.sampleCount).toBeGreaterThan(said.sampleRate / 2);
  });

  it.each([
    ['a run of one letter and dots', REPEATED_LETTER_DOTS, /stack smashing/],
    ['a word and a run of \'s', WORD_WITH_SUFFIX_RUN, /buffer overflow/],
    ['a run of single letters and dots', LETTER_RUN, /stack smashing/],
  ])('a text that aborts the library (%s) ends its process only: the request fails, the next is said by a new one', async (_name, text, message) => {
    const before = library.process.pid;
    await expect(library.say(say(text), limit)).rejects.toThrow(message);
    await expect(library.say(say(text), limit)).rejects.toBeInstanceOf(SpeechProcessLost);
    const said = await library.say(say('Still here.'), limit);
    expect(said.words).toHaveLength(2);
    expect(library.process.pid).not.toBe(before);
    expect(await library.ready()).toBeNull(); // two crashes then a success: not given up
  });

  it('SIGKILL mid-request: answered with an error at once, a new process within a second', async () => {
    expect(await library.ready()).toBeNull();
    const killed = library.process.pid!;
    const long = say('This is a long sentence that takes the library a little while to say, word after word, clause after clause. '.repeat(30));
    const pending = library.say(long, limit);
    const started = performance.now();
    process.kill(killed, 'SIGKILL');
    await expect(pending).rejects.toThrow(/SIGKILL/);
    expect(performance.now() - started).toBeLessThan(1000);
    await expect.poll(() => library.process.pid !== undefined && library.process.pid !== killed, { timeout: 1000, interval: 20 }).toBe(true);
    expect((await library.say(say('Back again.'), limit)).words).toHaveLength(2);
  });
});

describe('the supervisor', () => {
  it('a request sent just as the process is killed (EPIPE) is answered, and this process goes on', async () => {
    const script = fakeChild(`process.send({ type: 'answer', id, result: payload });`);
    const child = new SpeechProcess<string, string>({ name: 'the test engine', script: async () => script });
    try {
      expect(await child.request('first', { timeoutMs: 5000 })).toBe('first');
      for (let i = 0; i < 5; i++) {
        process.kill(child.pid!, 'SIGKILL');
        // This thread does not look at its events for a moment: the process is dead, but Node does not know yet.
        const until = Date.now() + 100;
        while (Date.now() < until);
        const outcome = await child.request('at once', { timeoutMs: 5000 }).catch((error: Error) => error.message);
        expect(outcome).toMatch(/^at once$|SIGKILL/);
        expect(await child.request('after', { timeoutMs: 5000 })).toBe('after');
      }
    } finally {
      await child.close();
    }
  });

  it('a hang is cut off at its time limit, and the next request is answered', async () => {
    const script = fakeChild(`if (payload === 'hang') for (;;) {} else process.send({ type: 'answer', id, result: payload });`);
    const child = new SpeechProcess<string, string>({ name: 'the test engine', script: async () => script });
    try {
      const started = performance.now();
      await expect(child.request('hang', { timeoutMs: 300 })).rejects.toThrow(/did not finish within 300 ms/);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(await child.request('after', { timeoutMs: 5000 })).toBe('after');
    } finally {
      await child.close();
    }
  });

  it('gives up after crashes in a row, answering what waits; excused crashes do not count', async () => {
    const script = fakeChild(`if (payload === 'crash') process.abort(); process.send({ type: 'answer', id, result: payload });`);
    const child = new SpeechProcess<string, string>({ name: 'the test engine', script: async () => script, maxStrikes: 3, backoffMs: () => 10 });
    try {
      for (let i = 0; i < 5; i++) await expect(child.request('crash', { timeoutMs: 5000, excusedIf: Promise.resolve(true) })).rejects.toThrow(/SIGABRT/);
      expect(await child.request('fine', { timeoutMs: 5000 })).toBe('fine');
      const crashes = [1, 2, 3].map(() => child.request('crash', { timeoutMs: 5000 }).catch((error: Error) => error.message));
      const waiting = child.request('fine', { timeoutMs: 5000 }).catch((error: Error) => error.message);
      expect(await Promise.all(crashes)).toEqual([expect.stringMatching(/SIGABRT/), expect.stringMatching(/SIGABRT/), expect.stringMatching(/SIGABRT|cannot be used/)]);
      expect(await waiting).toMatch(/cannot be used: its process stopped 3 times in a row/);
      expect(await child.ready()).toMatch(/stopped 3 times in a row/);
    } finally {
      await child.close();
    }
  });

  it('an idle process does not keep Node running', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = fakeChild(`process.send({ type: 'answer', id, result: payload });`);
    const launcher = new URL('../../main/speech/speechProcess.ts', import.meta.url).pathname;
    const program = `import { SpeechProcess } from ${JSON.stringify(launcher)};
const p = new SpeechProcess({ name: 'idle', script: async () => ${JSON.stringify(script)} });
console.log(await p.request('said', { timeoutMs: 5000 }));`;
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim()).toBe('said');
    expect(run.status).toBe(0);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('the espeak-ng engine over the boundary', () => {
  it('a library that keeps crashing is given up for the command, said once, and speech goes on', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const script = fakeChild(`process.abort();`);
    const engine = new EspeakNgEngine('espeak-ng', null, null, new EspeakLibraryProcess('unused', { script: async () => script, maxStrikes: 2 }));
    try {
      expect(await engine.backend()).toEqual({ kind: 'library' });
      for (const text of ['One.', 'Two.', 'Three.']) {
        const said = await engine.synthesize(text, { voice: null, lang: 'en', wordsPerMinute: 175 });
        expect(said.samples.length).toBeGreaterThan(0);
      }
      expect(await engine.backend()).toMatchObject({ kind: 'command', reason: expect.stringMatching(/stopped 2 times in a row/) });
      await engine.backend();
      expect(logged.mock.calls.filter((call) => String(call[0]).includes('espeak-ng library is not used'))).toHaveLength(1);
    } finally {
      logged.mockRestore();
      await engine.close();
    }
  });

  it('a library process killed while saying a sentence: the sentence still gets its word marks (asked again)', async () => {
    const engine = new EspeakNgEngine();
    try {
      expect(await engine.backend()).toEqual({ kind: 'library' });
      const process_ = (engine.library as EspeakLibraryProcess).process;
      const text = 'A sentence of some length, so that the kill lands while it is being said by the library.';
      const said = engine.synthesize(text, { voice: null, lang: 'en', wordsPerMinute: 175 });
      await expect.poll(() => process_.busy, { interval: 1 }).toBe(true);
      const killed = process_.pid!;
      process.kill(killed, 'SIGKILL');
      expect((await said).wordMarks).toHaveLength(splitWords(text, 'en').length);
      expect(process_.pid).not.toBe(killed);
    } finally {
      await engine.close();
    }
  });
});
