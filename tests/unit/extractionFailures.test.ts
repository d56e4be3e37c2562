/**
 * Whatever fails inside extraction (the worker, its limits, its time) ends in one line and, in the CLI, an
 * exit code: never a stack trace, never an uncaught exception that takes the process down.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractWithTimeLimit } from '../../main/article/extractInWorker';
import { BUILT_CLI, requireBuild } from '../helpers/built';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'ap-extraction-failures-'));
const input = { text: '<p>x</p>', format: 'html' as const, fallbackTitle: 'x', source: null };

function workerFile(name: string, code: string): URL {
  const path = join(dir, name);
  writeFileSync(path, code);
  return pathToFileURL(path);
}

const oneLine = (message: string) => expect(message).not.toMatch(/\n|^\s+at |\bat .+:\d+:\d+/u);

describe('the extraction worker fails', () => {
  it('a worker that replies and then throws: the reply stands and nothing is left uncaught', async () => {
    const url = workerFile(
      'late-errors.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.postMessage({ ok: true, article: { title: 't', byline: null, source: null, lang: null, blocks: [{ kind: 'paragraph', text: 'fine' }] } });
       setTimeout(() => { throw new Error('late one'); }, 0);
       setTimeout(() => { throw new Error('late two'); }, 5);
       setInterval(() => {}, 1000);`,
    );
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const outcome = await extractWithTimeLimit(input, { workerUrl: url });
      expect(outcome).toMatchObject({ ok: true, article: { blocks: [{ text: 'fine' }] } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('a worker that exits without a reply', async () => {
    const outcome = await extractWithTimeLimit(input, { workerUrl: workerFile('exits.mjs', 'process.exit(7);\n') });
    expect(outcome).toEqual({ ok: false, message: 'The page could not be read (the reader stopped with code 7).' });
  });

  it('a worker that prints a stack trace and throws: one line, the trace stays out', async () => {
    const url = workerFile('noisy.mjs', 'console.error(new Error("inner").stack);\nfunction deep() { throw new TypeError("Cannot read properties of undefined"); }\ndeep();\n');
    const outcome = await extractWithTimeLimit(input, { workerUrl: url });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.message).toBe('The page could not be read (Cannot read properties of undefined).');
      oneLine(outcome.message);
    }
  });

  it('a worker that runs out of time', async () => {
    const outcome = await extractWithTimeLimit(input, { workerUrl: workerFile('slow.mjs', 'for (;;) {}\n'), timeoutMs: 200 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) oneLine(outcome.message);
  });
});

describe('npm run cli -- extract, when reading fails (built)', () => {
  beforeAll(requireBuild);

  it.each([
    ['binary data', 'binary.html', Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0, 0, 0])],
    ['an empty page', 'empty.html', Buffer.from('<html><body>   </body></html>')],
  ])('%s: one line on stderr, exit code 1', async (_label, name, bytes) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const failure = await run(process.execPath, [BUILT_CLI, 'extract', path, '--json']).then(
      () => null,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure).not.toBeNull();
    expect(failure!.code).toBe(1);
    expect(failure!.stdout).toBe('');
    expect(failure!.stderr.trim().split('\n')).toHaveLength(1);
    oneLine(failure!.stderr.trim());
  });
});
