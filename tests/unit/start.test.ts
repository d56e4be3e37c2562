import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseStartArgs } from '../../main/cli/parseArgs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_START, requireBuild, ROOT } from '../helpers/built';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** Runs `npm start`'s entry point until it prints the address line (or exits), returning everything it printed. */
function startUntilAddress(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ lines: string[]; code: number | null }> {
  return new Promise((resolve) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'ap-start-')); // never the user's library
    const child = spawn(process.execPath, [BUILT_START, ...args], { env: { ...env, ARTICLE_PLAYER_DATA_DIR: dataDirectory }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const done = (code: number | null) => resolve({ lines: output.split('\n').filter(Boolean), code });
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=/mu.test(output) && output.includes('Ctrl+C')) done(null);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', done);
  });
}

describe('npm start (built)', () => {
  beforeAll(requireBuild);

  it('without the Electron runtime, says so in one line and serves the player in the browser', async (context) => {
    const electronAvailable = await import('node:fs').then((fs) => fs.existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt')));
    if (electronAvailable) {
      console.log('Skipped: the Electron runtime is installed here, so npm start opens the desktop app.');
      context.skip();
    }
    const { lines } = await startUntilAddress(['--no-open']);
    const notices = lines.filter((line) => /Electron runtime is not available/.test(line));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/opening the player in your browser instead\.$/);
    expect(lines.some((line) => /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/.test(line))).toBe(true);
  }, 60_000);

  it('--browser prints the address on a line of its own', async () => {
    const { lines } = await startUntilAddress(['--browser', '--no-open', 'tests/fixtures/short.txt']);
    expect(lines.filter((line) => line.startsWith('http://127.0.0.1:'))).toHaveLength(1);
    expect(lines.some((line) => line.includes('Electron'))).toBe(false);
  });

  it('names the package to install when no speech engine is found, and still serves', async () => {
    const { lines } = await startUntilAddress(['--browser', '--no-open'], { ...process.env, PATH: '/nonexistent' });
    expect(lines.some((line) => line.includes('Install espeak-ng'))).toBe(true);
    expect(lines.some((line) => line.startsWith('http://127.0.0.1:'))).toBe(true);
  });

  it('refuses a bad port with usage and exit code 2', async () => {
    const { lines, code } = await startUntilAddress(['--browser', '--port', 'abc']);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/--port must be a number/);
    expect(lines.some((line) => line.startsWith('Usage: npm start'))).toBe(true);
  });
});

describe('parseStartArgs', () => {
  it('reads the documented options', () => {
    expect(parseStartArgs(['--browser', '--port', '8123', '--no-open', 'a.html'])).toEqual({ browser: true, port: 8123, open: false, source: 'a.html', help: false });
    expect(parseStartArgs([])).toEqual({ browser: false, port: 0, open: true, source: null, help: false });
    expect(() => parseStartArgs(['a', 'b'])).toThrow(/one article at a time/);
    expect(() => parseStartArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseStartArgs(['--bogus'])).toThrow();
  });
});
