import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { findExecutable, ProcessError, runProcess } from '../../main/process/runProcess';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('runProcess', () => {
  it('passes stdin through and returns stdout', async () => {
    const { stdout } = await runProcess('cat', [], { stdin: 'héllo $(whoami) `id`', timeoutMs: 5000 });
    expect(stdout.toString()).toBe('héllo $(whoami) `id`'); // no shell: nothing was expanded
  });

  it('kills the whole process group on timeout, leaving no orphan', async () => {
    // The shell prints the pid of a grandchild, then waits: both must die at the timeout.
    const started = Date.now();
    const error = await runProcess('sh', ['-c', 'sleep 30 & echo $!; wait'], { timeoutMs: 400 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcessError);
    expect((error as ProcessError).reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
    // The grandchild's pid is not returned on timeout, so find it by its command line.
    await sleep(200);
    const { stdout } = await runProcess('pgrep', ['-f', '^sleep 30$'], { timeoutMs: 2000 }).catch(() => ({ stdout: Buffer.from('') }));
    const survivors = stdout.toString().split('\n').filter(Boolean).map(Number).filter(isAlive);
    expect(survivors).toEqual([]);
  });

  it('ends children a program left behind when it exits, without waiting for their open stdout', async () => {
    const started = Date.now();
    const { stdout } = await runProcess('sh', ['-c', 'sleep 31 & echo finished'], { timeoutMs: 10_000 });
    expect(stdout.toString()).toBe('finished\n');
    expect(Date.now() - started).toBeLessThan(3000);
    await sleep(200);
    const { stdout: found } = await runProcess('pgrep', ['-f', '^sleep 31$'], { timeoutMs: 2000 }).catch(() => ({ stdout: Buffer.from('') }));
    expect(found.toString().split('\n').filter(Boolean).map(Number).filter(isAlive)).toEqual([]);
  });

  it('reports a missing program by name', async () => {
    const error = (await runProcess('no-such-engine-xyz', [], { timeoutMs: 1000 }).catch((e: unknown) => e)) as ProcessError;
    expect(error.reason).toBe('missing');
    expect(error.message).toContain('no-such-engine-xyz');
  });

  it('carries stderr in the error of a failing program', async () => {
    const error = (await runProcess('sh', ['-c', 'echo broken voice >&2; exit 3'], { timeoutMs: 2000 }).catch((e: unknown) => e)) as ProcessError;
    expect(error.reason).toBe('exit');
    expect(error.message).toMatch(/code 3: broken voice/);
  });

  it('stops at the output limit', async () => {
    const error = (await runProcess('head', ['-c', '100000', '/dev/zero'], { timeoutMs: 2000, maxOutputBytes: 1000 }).catch((e: unknown) => e)) as ProcessError;
    expect(error.reason).toBe('output-limit');
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const running = runProcess('sleep', ['10'], { timeoutMs: 20_000, signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ reason: 'cancelled' });
  });

  it('finds executables on PATH without a shell', async () => {
    const found = await findExecutable('sh');
    expect(found && existsSync(found)).toBe(true);
    expect(await findExecutable('sh', { PATH: '/nonexistent' })).toBeNull();
  });
});
