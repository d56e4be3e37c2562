/**
 * `npm start`: the desktop app when the Electron runtime is there; otherwise one line saying why,
 * then the same player through the browser host. `--browser` goes straight to the browser host.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppHandlers, memoizedSpeech } from './api/createAppContext.js';
import { loadArticleSource, resolveUserPath } from './article/loadArticleSource.js';
import { parseStartArgs, type StartOptions } from './cli/parseArgs.js';
import { startBrowserHost } from './hosts/browserHost.js';
import { electronEnvironment, OutputTail, sandboxAbortReason } from './launch/electronLaunch.js';
import { runProcess } from './process/runProcess.js';
import { defaultDataDirectory } from './store/dataDirectory.js';
import { whenAllWritten } from './store/JsonFile.js';
import { keepExtractionWarm } from './article/extractInWorker.js';

const here = dirname(fileURLToPath(import.meta.url));
const PROJECT_DIR = join(here, '..', '..');
const RENDERER_DIR = join(here, '..', 'renderer');

const USAGE = `Usage: npm start -- [--browser [--port N] [--no-open]] [path-or-url]
  (no options)   the desktop app with the welcome article, or the browser player if Electron is unavailable
  --browser      serve the player on 127.0.0.1 and print its address (token included)
  --port N       port for the browser player (default: any free port)
  --no-open      do not open a web browser, only print the address`;

/** Asks the electron package for its binary in a child process, so a failed download cannot take this one down. */
async function findElectronBinary(): Promise<{ path: string } | { reason: string }> {
  try {
    const { stdout } = await runProcess(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
      timeoutMs: 5 * 60_000, // the first run may download the runtime
      env: electronEnvironment(process.env),
    });
    const path = stdout.toString().trim();
    return existsSync(path) ? { path } : { reason: `the Electron runtime is missing at ${path}` };
  } catch (error) {
    const detail = (error as Error).message.split('\n').find((line) => /Error|failed|cannot|not/iu.test(line)) ?? 'it could not be found or downloaded';
    return { reason: detail.replace(/^.*?:\s*/u, '').slice(0, 160) };
  }
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['explorer.exe', [url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true, shell: false });
  child.on('error', () => console.log('Could not open a web browser: open the address above yourself.'));
  child.unref();
}

async function runBrowserHost(options: StartOptions): Promise<void> {
  const speech = memoizedSpeech();
  const source = options.source;
  const dataDirectory = defaultDataDirectory();
  const { handlers, context, warmUpSpeech, loadInitialArticleNow } = createAppHandlers(dataDirectory, (options) => loadArticleSource(source, options), speech);
  // The engine starts and the article is read before the page asks: Play and the text are there sooner.
  void warmUpSpeech();
  loadInitialArticleNow();
  const host = await startBrowserHost({ handlers, rendererDir: RENDERER_DIR, port: options.port });
  context.emit = host.emit;
  const detection = await speech('auto');
  console.log('Article Player is running in your browser. Open this address (it works only on this computer):');
  console.log(host.url);
  if (detection.problem) console.log(detection.problem);
  console.log(`Library and settings: ${dataDirectory}`);
  console.log('Press Ctrl+C to stop.');
  if (options.open) openInBrowser(host.url);
  // A spare extraction worker with pdf.js loaded, so a long document's first pages show at once.
  void keepExtractionWarm();
  // Changes that arrived just before the stop (a closing page sends its position) reach the disk first.
  const stop = () => void host.close().then(() => whenAllWritten()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function runElectron(options: StartOptions): Promise<void> {
  const found = await findElectronBinary();
  if ('reason' in found) {
    console.log(`The Electron runtime is not available (${found.reason}); opening the player in your browser instead.`);
    await runBrowserHost({ ...options, browser: true });
    return;
  }
  const args = [PROJECT_DIR, ...(options.source ? [resolveUserPath(options.source)] : [])];
  // stderr passes through, and its end is kept to tell a sandbox refusal from any other exit.
  const child = spawn(found.path, args, { stdio: ['inherit', 'inherit', 'pipe'], env: electronEnvironment(process.env), shell: false });
  const stderr = new OutputTail();
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.add(chunk);
    process.stderr.write(chunk);
  });
  let fellBack = false;
  const fallBack = (why: string) => {
    if (fellBack) return;
    fellBack = true;
    console.log(`The desktop app could not start (${why}); opening the player in your browser instead.`);
    runBrowserHost({ ...options, browser: true }).catch((error: unknown) => {
      console.error(`Article Player could not start: ${(error as Error).message}`);
      process.exit(1);
    });
  };
  child.on('error', (error) => fallBack(error.message));
  child.on('exit', (code, signal) => {
    const reason = sandboxAbortReason({ code, signal, stderr: stderr.toString(), platform: process.platform });
    if (reason) fallBack(reason);
    else if (!fellBack) process.exit(code ?? (signal ? 1 : 0));
  });
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseStartArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  await (options.browser ? runBrowserHost(options) : runElectron(options));
}

main().catch((error: unknown) => {
  console.error(`Article Player could not start: ${(error as Error).message}`);
  process.exit(1);
});
