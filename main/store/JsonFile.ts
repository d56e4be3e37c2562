/**
 * One JSON document on disk, safe to share between windows and processes:
 * - writes are atomic (temporary file, fsync, rename), so a crash or kill -9 leaves the old or the new
 *   file, never half of one;
 * - updates re-read the file under a lock file and apply a change to what is on disk, so two windows
 *   changing different things keep both changes;
 * - a corrupt file, or one written by a newer version, is set aside (renamed, never deleted) and the
 *   defaults are used, with a message for the user.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface JsonFileOptions<T> {
  path: string;
  version: number;
  defaults: () => T;
  /** Turns the stored data (already known to be this version) into a valid T; throws if it cannot. */
  normalize: (data: unknown) => T;
  /** What the user calls this file in messages ("settings", "library"). */
  label: string;
}

interface Envelope {
  version: number;
  data: unknown;
}

const LOCK_STALE_MS = 10_000;

async function holderAlive(lock: string): Promise<boolean> {
  const pid = Number(await readFile(lock, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return true; // being written right now: wait
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
const LOCK_WAIT_MS = 15_000;

/** Every update not yet on disk, in any JsonFile of this process. */
const writesInFlight = new Set<Promise<unknown>>();

/**
 * Resolves once every update started so far is on disk (or has failed), at most `limitMs` later:
 * what a process waits for before it exits, so a change sent as a window closed is not lost.
 */
export async function whenAllWritten(limitMs = 5000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)));
  // A finished write can lead to another (an article's text, then the library index): look again
  // after the callbacks waiting on it have run.
  const quiet = () => new Promise<void>((resolve) => setImmediate(resolve)).then(() => writesInFlight.size === 0);
  while (!(await quiet())) {
    const settled = Promise.allSettled([...writesInFlight]).then(() => 'done' as const);
    if ((await Promise.race([settled, limit.then(() => 'late' as const)])) === 'late') break;
  }
  clearTimeout(timer);
}

export class JsonFile<T> {
  /** The last problem met reading the file (set aside as corrupt), for the UI to show once. */
  problem: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JsonFileOptions<T>) {}

  get path(): string {
    return this.options.path;
  }

  /**
   * The contents once every update this object has started is on disk: a read right after a change
   * (a reload just after a setting changed) sees that change, not the file as it was.
   */
  async read(): Promise<T> {
    await this.queue;
    return this.readStored();
  }

  private async readStored(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.options.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.options.defaults();
      throw error;
    }
    let envelope: Envelope;
    let data: T;
    try {
      envelope = JSON.parse(text) as Envelope;
      if (typeof envelope !== 'object' || envelope === null || typeof envelope.version !== 'number') throw new Error('no version');
      if (envelope.version > this.options.version) {
        return this.setAside(`was written by a newer version of Article Player (format ${envelope.version})`);
      }
      data = this.options.normalize(envelope.data);
    } catch {
      return this.setAside('could not be read (it is damaged)');
    }
    return data;
  }

  /** Applies `change` to the current contents on disk and writes the result atomically. */
  update(change: (current: T) => T): Promise<T> {
    const run = this.queue.then(() => this.withLock(async () => {
      const next = change(await this.readStored());
      await this.write(next);
      return next;
    }));
    this.queue = run.catch(() => undefined);
    writesInFlight.add(run);
    void run.catch(() => undefined).finally(() => writesInFlight.delete(run));
    return run;
  }

  private async write(data: T): Promise<void> {
    const { path, version } = this.options;
    await mkdir(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify({ version, data } satisfies Envelope));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  private async setAside(reason: string): Promise<T> {
    const aside = `${this.options.path}.set-aside-${new Date().toISOString().replace(/[:.]/gu, '-')}`;
    await rename(this.options.path, aside).catch(() => undefined);
    this.problem = `Your ${this.options.label} file ${reason}. It was kept as ${aside}, and Article Player started with defaults.`;
    return this.options.defaults();
  }

  private async withLock<R>(task: () => Promise<R>): Promise<R> {
    const lock = `${this.options.path}.lock`;
    await mkdir(dirname(lock), { recursive: true });
    const started = Date.now();
    for (;;) {
      try {
        const handle = await open(lock, 'wx');
        await handle.writeFile(String(process.pid));
        await handle.close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const age = await stat(lock).then((s) => Date.now() - s.mtimeMs).catch(() => 0);
        // Left by a process that died (killed during a save): its pid is gone, or it is very old.
        if (age > LOCK_STALE_MS || (age > 50 && !(await holderAlive(lock)))) await rm(lock, { force: true });
        else if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`The ${this.options.label} file is locked by another Article Player window.`);
        else await sleep(5 + Math.random() * 20);
      }
    }
    try {
      return await task();
    } finally {
      await rm(lock, { force: true });
    }
  }
}
