/**
 * Runs an external program the safe way: an argument array and never a shell, input on stdin and
 * never in argv, a time limit, an output limit, and the whole process group killed on timeout or
 * cancel so no orphan keeps speaking.
 */
import { spawn } from 'node:child_process';

export interface RunOptions {
  stdin?: string | Uint8Array;
  timeoutMs: number;
  maxOutputBytes?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

export class ProcessError extends Error {
  override name = 'ProcessError';
  constructor(
    message: string,
    readonly reason: 'missing' | 'timeout' | 'exit' | 'output-limit' | 'cancelled' | 'spawn',
    readonly stderr = '',
    /** The signal that ended the program (an abort is SIGABRT), when one did. */
    readonly signal: NodeJS.Signals | null = null,
  ) {
    super(message);
  }
}

const isWindows = process.platform === 'win32';

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (isWindows) spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    else process.kill(-pid, 'SIGKILL'); // negative pid: the process group created by detached: true
  } catch {
    // already gone
  }
}

export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const maxOutput = options.maxOutputBytes ?? 512 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new ProcessError(`${command} was cancelled`, 'cancelled'));
      return;
    }
    const child = spawn(command, args, {
      shell: false,
      detached: !isWindows,
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let settled = false;

    const finish = (error: ProcessError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        killTree(child.pid);
        reject(error);
      } else {
        resolve({ stdout: Buffer.concat(stdout), stderr });
      }
    };
    const onAbort = () => finish(new ProcessError(`${command} was cancelled`, 'cancelled', stderr));
    const timer = setTimeout(
      () => finish(new ProcessError(`${command} did not finish within ${options.timeoutMs} ms`, 'timeout', stderr)),
      options.timeoutMs,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxOutput) finish(new ProcessError(`${command} produced more than ${maxOutput} bytes`, 'output-limit', stderr));
      else stdout.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 8192) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(
        error.code === 'ENOENT'
          ? new ProcessError(`${command} is not installed or not on PATH`, 'missing')
          : new ProcessError(`${command} could not start: ${error.message}`, 'spawn'),
      );
    });
    // When the program itself has ended, anything it left running in its group is an orphan: end it
    // now, or a child holding stdout open would keep 'close' from firing until the time limit.
    child.on('exit', () => killTree(child.pid));
    child.on('close', (code, signal) => {
      if (code === 0) finish(null);
      else {
        const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
        const detail = stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : '';
        finish(new ProcessError(`${command} ${how}${detail}`, 'exit', stderr, signal));
      }
    });
    // A program that exits without reading stdin makes the write fail with EPIPE; the exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
  });
}

/** Finds an executable on PATH without running a shell. */
export async function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const { access, constants } = await import('node:fs/promises');
  const { delimiter, join } = await import('node:path');
  const extensions = isWindows ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // keep looking
      }
    }
  }
  return null;
}
