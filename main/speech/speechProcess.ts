/**
 * A process of its own for native speech code, so that an abort, a segfault or a hang in it costs one
 * request and never the app. One request at a time (the native library keeps global state); each has a
 * time limit, after which the process is killed. When the process ends while saying something, that
 * request is answered with a SpeechProcessLost error at once, and the process is started again: at once
 * the first time, then after a growing pause. A crash the caller excuses (the same text also failed in
 * the engine's command: the text's fault, not the library's) costs the restart only. After
 * `maxStrikes` crashes or hangs in a row that were not excused, with nothing said in between, the
 * process is given up for good: `ready()` then gives the reason, and the caller speaks another way.
 */
import { speechProcessLauncher, type SpeechChild, type SpeechProcessLauncher } from './speechProcessLauncher.js';
import type { SpeechChildMessage } from './speechProcessChild.js';

/** The process ended (crash, kill, hang) while this request was in it or waiting for it. */
export class SpeechProcessLost extends Error {
  override name = 'SpeechProcessLost';
  constructor(
    message: string,
    readonly reason: 'crash' | 'timeout',
  ) {
    super(message);
  }
}

export interface SpeechProcessOptions {
  /** Names the process in messages: "the espeak-ng library". */
  name: string;
  /** The entry script's path, or null when it cannot be found (the process is then unusable). */
  script: () => Promise<string | null>;
  args?: readonly string[];
  launcher?: SpeechProcessLauncher;
  maxStrikes?: number;
  /** The pause before restart `strike` (1-based). */
  backoffMs?: (strike: number) => number;
  /** How long loading may take. */
  startTimeoutMs?: number;
}

export interface SpeechRequestOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Settles true when a crash on this request is the text's fault (not counted toward giving up). */
  excusedIf?: Promise<boolean>;
}

interface Pending {
  id: number;
  payload: unknown;
  options: SpeechRequestOptions;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export const DEFAULT_MAX_STRIKES = 4;
/** No pause for the first restart (one crash is the common case: one bad text), then 100 ms doubling up to 2 s. */
export const defaultBackoffMs = (strike: number) => (strike <= 1 ? 0 : Math.min(2000, 100 * 2 ** (strike - 2)));

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : Object.assign(new Error('The synthesis was aborted.'), { name: 'AbortError' });
}

export class SpeechProcess<Request, Result> {
  private child: SpeechChild | null = null;
  private starting: Promise<string | null> | null = null;
  private unusable: string | null = null;
  private readonly queue: Pending[] = [];
  private current: { pending: Pending; timer: NodeJS.Timeout; timedOut: boolean } | null = null;
  private nextId = 1;
  private strikes = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Processes started so far (the first start and every restart). */
  starts = 0;

  constructor(private readonly options: SpeechProcessOptions) {}

  /** The running process's id (for tests that kill it), or undefined. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Whether a request is in the process now. */
  get busy(): boolean {
    return this.current !== null;
  }

  /** Null when the process is running (starting it if needed), else why it cannot be used. */
  ready(): Promise<string | null> {
    if (this.unusable) return Promise.resolve(this.unusable);
    if (this.child && !this.starting) return Promise.resolve(null);
    if (this.restartTimer) return new Promise((resolve) => setTimeout(resolve, 20)).then(() => this.ready());
    return (this.starting ??= this.start());
  }

  request(payload: Request, options: SpeechRequestOptions): Promise<Result> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.unusable) return Promise.reject(new Error(`${this.options.name} cannot be used: ${this.unusable}`));
    this.closed = false;
    return new Promise<Result>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(pending);
        if (index >= 0) this.queue.splice(index, 1);
        // One being said finishes in the process (a sentence takes milliseconds); its answer is dropped.
        reject(abortError(signal!));
      };
      // The listener goes when the request is answered: a block's many requests share one signal.
      const settle = <T,>(finish: (value: T) => void) => (value: T) => {
        signal?.removeEventListener('abort', onAbort);
        finish(value);
      };
      const pending: Pending = { id: this.nextId++, payload, options, resolve: settle(resolve as (result: unknown) => void), reject: settle(reject) };
      this.queue.push(pending);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pump();
    });
  }

  /** Ends the process; a later request starts a new one. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    this.child = null;
    this.starting = null;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.onExit(() => resolve());
      // An idle child is unreferenced; held until its exit is seen, or a caller awaiting close() with
      // nothing else to do would see its process end first (the bench's word-timing part did).
      child.hold(true);
      child.kill();
    });
  }

  private async start(): Promise<string | null> {
    this.closed = false;
    const script = await this.options.script();
    if (!script) return this.giveUp(`the ${this.options.name} process's file is missing`);
    let child: SpeechChild;
    try {
      child = (this.options.launcher ?? speechProcessLauncher())(script, this.options.args ?? []);
    } catch (error) {
      return this.giveUp(`its process could not start (${(error as Error).message.split('\n')[0]})`);
    }
    this.starts++;
    this.child = child;
    const outcome = await new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => {
        resolve(`it did not load within ${this.options.startTimeoutMs ?? 10_000} ms`);
        child.kill();
      }, this.options.startTimeoutMs ?? 10_000);
      let loaded = false;
      child.onMessage((raw) => {
        const message = raw as SpeechChildMessage;
        if (message.type === 'ready' || message.type === 'failed') {
          clearTimeout(timer);
          loaded = message.type === 'ready';
          resolve(message.type === 'ready' ? null : message.reason);
          return;
        }
        this.answer(child, message);
      });
      child.onExit((how, stderr) => {
        clearTimeout(timer);
        if (!loaded) resolve(`its process stopped while loading (${how}${stderr ? `: ${stderr}` : ''})`);
        else this.lost(child, how, stderr);
      });
    });
    if (this.child !== child) return this.unusable ?? outcome;
    this.starting = null;
    if (outcome) {
      child.kill();
      return this.giveUp(outcome);
    }
    child.hold(this.current !== null || this.queue.length > 0);
    this.pump();
    return null;
  }

  private giveUp(reason: string): string {
    this.unusable = reason;
    this.child = null;
    this.starting = null;
    for (const pending of this.queue.splice(0)) pending.reject(new Error(`${this.options.name} cannot be used: ${reason}`));
    return reason;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0 || this.unusable) return;
    const child = this.child;
    if (!child || this.starting) {
      if (this.restartTimer) this.restartTimer.ref();
      else void this.ready();
      return;
    }
    const pending = this.queue.shift()!;
    const timer = setTimeout(() => {
      // A hang: the process is killed, and its exit answers the request and restarts it.
      if (this.current?.pending === pending) this.current.timedOut = true;
      child.kill();
    }, pending.options.timeoutMs);
    this.current = { pending, timer, timedOut: false };
    child.hold(true);
    child.send({ id: pending.id, payload: pending.payload });
  }

  private answer(child: SpeechChild, message: Extract<SpeechChildMessage, { type: 'answer' | 'error' }>): void {
    const current = this.current;
    if (child !== this.child || !current || current.pending.id !== message.id) return;
    clearTimeout(current.timer);
    this.current = null;
    this.strikes = 0;
    if (message.type === 'answer') current.pending.resolve(message.result);
    else current.pending.reject(new Error(message.message));
    if (this.queue.length === 0) child.hold(false);
    this.pump();
  }

  /** The process ended on its own or was killed: what it was saying fails now, and it is started again. */
  private lost(child: SpeechChild, how: string, stderr: string): void {
    if (child !== this.child) return;
    this.child = null;
    this.starting = null;
    const current = this.current;
    this.current = null;
    if (this.closed) return;
    let excused: Promise<boolean> = Promise.resolve(false);
    if (current) {
      clearTimeout(current.timer);
      const { timeoutMs } = current.pending.options;
      current.pending.reject(
        current.timedOut
          ? new SpeechProcessLost(`${this.options.name} did not finish within ${timeoutMs} ms`, 'timeout')
          : new SpeechProcessLost(`${this.options.name}'s process stopped (${how}${stderr ? `: ${stderr}` : ''})`, 'crash'),
      );
      excused = current.pending.options.excusedIf?.catch(() => false) ?? excused;
    }
    void excused.then((isExcused) => {
      if (!isExcused) this.strikes++;
      const limit = this.options.maxStrikes ?? DEFAULT_MAX_STRIKES;
      if (this.strikes >= limit) {
        this.giveUp(`its process stopped ${this.strikes} times in a row (last: ${how}${stderr ? `: ${stderr}` : ''})`);
        return;
      }
      const delay = (this.options.backoffMs ?? defaultBackoffMs)(Math.max(1, this.strikes));
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (this.closed || this.unusable) return;
        void this.ready();
      }, delay);
      // A restart pending with nothing asked must not keep the app alive.
      if (this.queue.length === 0) this.restartTimer.unref();
    });
  }
}
