/**
 * `npm start` around the Electron process: the environment it gets, its arguments, and what happens
 * when Chromium's sandbox refuses to start. The real runtime cannot be downloaded here, so a stand-in
 * executable takes its place through ELECTRON_OVERRIDE_DIST_PATH, which the electron package honours.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { electronEnvironment, OutputTail, sandboxAbortReason } from '../../main/launch/electronLaunch';
import { BUILT_START, requireBuild, ROOT } from '../helpers/built';

// What Electron 45 prints on Ubuntu 24.04 when AppArmor refuses user namespaces, before SIGTRAP.
const UBUNTU_ABORT =
  '[12345:0101/120000.000000:FATAL:sandbox/linux/suid/client/setuid_sandbox_host.cc:166] The SUID sandbox helper binary was found, but is not configured correctly. ' +
  "Rather than run without sandboxing I'm aborting now. You need to make sure that /home/ana/article-player/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.";

describe('sandboxAbortReason', () => {
  it('recognizes the Ubuntu AppArmor abort and explains it', () => {
    const reason = sandboxAbortReason({ code: null, signal: 'SIGTRAP', stderr: `some log\n${UBUNTU_ABORT}\n`, platform: 'linux' });
    expect(reason).toMatch(/user namespaces \(AppArmor, as on Ubuntu 24\.04/);
    expect(sandboxAbortReason({ code: 133, signal: null, stderr: 'No usable sandbox! Update your kernel', platform: 'linux' })).not.toBeNull();
  });

  it('leaves every other exit alone', () => {
    expect(sandboxAbortReason({ code: 0, signal: null, stderr: UBUNTU_ABORT, platform: 'linux' })).toBeNull(); // it did run
    expect(sandboxAbortReason({ code: 1, signal: null, stderr: 'TypeError: x is not a function', platform: 'linux' })).toBeNull();
    expect(sandboxAbortReason({ code: null, signal: 'SIGTRAP', stderr: UBUNTU_ABORT, platform: 'darwin' })).toBeNull();
  });

  it('keeps only the end of a long stderr', () => {
    const tail = new OutputTail(10);
    tail.add('0123456789');
    tail.add(Buffer.from('abc'));
    expect(tail.toString()).toBe('3456789abc');
  });

  it('Electron never gets ELECTRON_RUN_AS_NODE, which would make it plain Node', () => {
    const env = electronEnvironment({ ELECTRON_RUN_AS_NODE: '1', PATH: '/usr/bin' });
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect('ELECTRON_RUN_AS_NODE' in env).toBe(false);
  });
});

/** A stand-in Electron: a shell script where the electron package will look for the binary. */
function fakeElectron(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ap-fake-electron-'));
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  const binary = join(dir, existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron');
  mkdirSync(dirname(binary), { recursive: true });
  writeFileSync(binary, `#!/bin/sh\n${script}\n`);
  chmodSync(binary, 0o755);
  return dir;
}

function runStart(args: string[], env: NodeJS.ProcessEnv): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'ap-start-'));
    const child = spawn(process.execPath, [BUILT_START, ...args], { env: { ...process.env, ARTICLE_PLAYER_DATA_DIR: dataDirectory, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=/mu.test(output) && output.includes('Ctrl+C')) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ output, code }));
  });
}

describe.skipIf(process.platform === 'win32')('npm start with a stand-in Electron (built)', () => {
  beforeAll(requireBuild);

  it('starts it without ELECTRON_RUN_AS_NODE, with the project and the absolute article path, and passes its exit code on', async () => {
    const record = join(mkdtempSync(join(tmpdir(), 'ap-record-')), 'seen.txt');
    const dist = fakeElectron(`printf '%s\\n' "\${ELECTRON_RUN_AS_NODE-unset}" "$@" > '${record}'; exit 3`);
    const { code } = await runStart(['tests/fixtures/short.txt'], { ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1', INIT_CWD: ROOT });
    expect(code).toBe(3);
    expect(readFileSync(record, 'utf8').split('\n').filter(Boolean)).toEqual(['unset', ROOT, join(ROOT, 'tests', 'fixtures', 'short.txt')]);
  }, 60_000);

  it.runIf(process.platform === 'linux')('when the sandbox aborts at start, says why in one line and opens the browser player', async () => {
    const dist = fakeElectron(`echo "${UBUNTU_ABORT.replace(/"/gu, '\\"')}" >&2; kill -TRAP $$`);
    const { output } = await runStart(['--no-open'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    const lines = output.split('\n');
    const notice = lines.filter((line) => line.startsWith('The desktop app could not start'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(/AppArmor.*opening the player in your browser instead\.$/);
    expect(lines.some((line) => /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/.test(line))).toBe(true);
    expect(output).toContain('setuid_sandbox_host'); // Electron's own message still reaches the terminal
  }, 60_000);
});
