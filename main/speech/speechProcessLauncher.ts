/**
 * How the app starts a process for native speech code (libespeak-ng through koffi): Node's
 * `child_process.fork` in the browser host and the CLI, Electron's `utilityProcess.fork` in the desktop
 * app (its main process cannot fork Node: the runAsNode fuse is off). Both are put behind one small
 * interface, so the supervisor (speechProcess.ts) and its tests never know which one runs.
 * The desktop shell calls `useUtilityProcess(utilityProcess)` once at start; everything else gets fork.
 */
import { fork } from 'node:child_process';

/** One running speech process, as the supervisor sees it. */
export interface SpeechChild {
  readonly pid: number | undefined;
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when the process has ended; `how` says how ("code 1", "SIGABRT"), `stderr` its last lines. */
  onExit(listener: (how: string, stderr: string) => void): void;
  kill(): void;
  /** Whether the process keeps the app's event loop alive (Node only: an idle speech process must not keep the CLI running). */
  hold(held: boolean): void;
}

export type SpeechProcessLauncher = (script: string, args: readonly string[]) => SpeechChild;

/** What this module uses of Electron's `utilityProcess` (typed here, so the module never imports electron). */
export interface UtilityProcessLike {
  fork(modulePath: string, args?: string[], options?: { serviceName?: string; stdio?: Array<'ignore' | 'pipe' | 'inherit'> }): UtilityChildLike;
}
/** The part of a stream this module reads (Node's Readable and Electron's stderr both have it). */
interface TextStream {
  setEncoding(encoding: 'utf8'): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
}
export interface UtilityChildLike {
  readonly pid: number | undefined;
  readonly stderr: TextStream | null;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** The last few lines a process wrote to stderr (an abort's "*** stack smashing detected ***"), kept small. */
function stderrTail(stream: TextStream | null | undefined): () => string {
  let tail = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-2000);
  });
  return () => tail.trim().split('\n').slice(-3).join(' ');
}

// glibc writes its fatal messages (stack smashing, buffer overflow) to the terminal unless told to use stderr.
const CHILD_ENV = { ...process.env, LIBC_FATAL_STDERR_: '1' };

export const forkNodeProcess: SpeechProcessLauncher = (script, args) => {
  // execArgv empty: a loader or inspector flag of the app (tsx, vitest) is not the child's business.
  const child = fork(script, [...args], { execArgv: [], env: CHILD_ENV, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
  const tail = stderrTail(child.stderr);
  let exited: ((how: string, stderr: string) => void) | null = null;
  let told = false;
  const tell = (how: string) => {
    if (told) return;
    told = true;
    setImmediate(() => exited?.(how, tail()));
  };
  child.once('exit', (code, signal) => tell(signal ?? `code ${code}`));
  // A process that could not start has no exit; a message sent as it dies fails with EPIPE, and its exit follows.
  // Either way an unheard 'error' event would end the app.
  child.on('error', (error) => {
    if (child.pid === undefined) tell(`could not start: ${error.message}`);
  });
  return {
    pid: child.pid,
    send: (message) => {
      if (child.connected) child.send(message as object, () => undefined);
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => {
      exited = listener;
    },
    kill: () => void child.kill('SIGKILL'),
    hold(held) {
      const handles = [child, child.channel, child.stderr] as Array<{ ref?(): void; unref?(): void } | null | undefined>;
      for (const handle of handles) (held ? handle?.ref : handle?.unref)?.call(handle);
    },
  };
};

export function utilityProcessLauncher(utilityProcess: UtilityProcessLike): SpeechProcessLauncher {
  return (script, args) => {
    const child = utilityProcess.fork(script, [...args], { serviceName: 'Article Player speech', stdio: ['ignore', 'ignore', 'pipe'] });
    const tail = stderrTail(child.stderr);
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => void child.on('message', listener),
      onExit(listener) {
        let told = false;
        child.on('exit', (code) => {
          if (told) return;
          told = true;
          setImmediate(() => listener(`code ${code}`, tail()));
        });
      },
      kill: () => void child.kill(),
      // Electron's utility processes end with the app.
      hold: () => undefined,
    };
  };
}

/** The launcher for this app: Electron's utility process when the shell gave one, else Node's fork. */
export function chooseSpeechProcessLauncher(electron: { utilityProcess?: UtilityProcessLike } = {}): SpeechProcessLauncher {
  return electron.utilityProcess ? utilityProcessLauncher(electron.utilityProcess) : forkNodeProcess;
}

let appLauncher: SpeechProcessLauncher = forkNodeProcess;

/** Called by the desktop shell before any speech: native speech then runs in Electron utility processes. */
export function useUtilityProcess(utilityProcess: UtilityProcessLike): void {
  appLauncher = chooseSpeechProcessLauncher({ utilityProcess });
}

export function speechProcessLauncher(): SpeechProcessLauncher {
  return appLauncher;
}
