/** Runs `work` with os.tmpdir() pointing at a new, empty folder of its own, so a test can list the temporary folders
 * the code under test leaves without seeing those that other test files, running beside it, make and remove. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withOwnTmpdir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ap-own-tmp-'));
  const shared = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await work(dir);
  } finally {
    if (shared === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = shared;
    rmSync(dir, { recursive: true, force: true });
  }
}
