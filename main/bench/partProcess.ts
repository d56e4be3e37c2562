/**
 * Each bench part runs in a process of its own. Native code (an engine library, Chromium's driver) can
 * end a process without a word: an abort there then costs that part's figures, not the whole run, and the
 * bench says which part ended how and on what input. A fresh process per part also starts every part with
 * the same memory (extraction leaves gigabytes behind) and lets a part that overruns its limit be stopped.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set in a part's process: the part to run, and the file its notes go to. */
const PART_VARIABLE = 'BENCH_PART_PROCESS';
const NOTE_VARIABLE = 'BENCH_NOTE_FILE';

type PartMessage = { result: Record<string, unknown> } | { error: string };

/**
 * What a part is working on (the text it hands to the engine), written synchronously so that it is on
 * disk before native code can abort. Does nothing outside a part's process.
 */
export function benchNote(note: string): void {
  const file = process.env[NOTE_VARIABLE];
  if (file) writeFileSync(file, note);
}

/** In a part's process: the part's name; null in the process that runs the bench. */
export function partOfThisProcess(): string | null {
  return process.env[PART_VARIABLE] ?? null;
}

/** In a part's process: runs it, hands its result (or its error) to the bench, and ends. */
export async function servePart(run: () => Promise<Record<string, unknown>>): Promise<void> {
  let message: PartMessage;
  try {
    message = { result: await run() };
  } catch (error) {
    message = { error: (error as Error).stack ?? String(error) };
  }
  // Ends once the message is sent: engine workers and browsers must not keep the part's process alive.
  process.send!(message, () => process.exit('error' in message ? 1 : 0));
}

export interface PartOutcome {
  result: Record<string, unknown> | null;
  /** Why there is no result: the part's error, how its process ended, or its time limit. */
  failure: string | null;
  /** The last note of the part (what it was working on) when it failed. */
  lastNote: string | null;
  seconds: number;
}

/** Runs `part` in a fresh process of this same script (same Node options), with a time limit. */
export function runPartInOwnProcess(part: string, script: string, limitMs: number): Promise<PartOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'article-player-bench-part-'));
  const noteFile = join(dir, 'note.txt');
  const started = performance.now();
  // Its own process group, so that a part stopped at its limit takes its engine processes and browser with it.
  const child = fork(script, [], { env: { ...process.env, [PART_VARIABLE]: part, [NOTE_VARIABLE]: noteFile }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
  const stopGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // Ctrl+C on the bench ends the parts too (they are in their own process group and would not hear it).
  const onInterrupt = () => {
    stopGroup();
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  return new Promise((resolve) => {
    let message: PartMessage | null = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup();
    }, limitMs);
    child.on('message', (received: PartMessage) => (message = received));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', onInterrupt);
      stopGroup(); // what the part started and left behind
      let lastNote: string | null = null;
      try {
        lastNote = readFileSync(noteFile, 'utf8');
      } catch {
        // the part noted nothing
      }
      rmSync(dir, { recursive: true, force: true });
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const received = message as PartMessage | null;
      if (received && 'result' in received) return resolve({ result: received.result, failure: null, lastNote: null, seconds });
      const failure = timedOut
        ? `no result within ${Math.round(limitMs / 60_000)} min; stopped`
        : received && 'error' in received
          ? received.error
          : `its process ended ${signal ? `with signal ${signal}` : `with exit code ${code}`} and no result`;
      resolve({ result: null, failure, lastNote, seconds });
    });
  });
}
