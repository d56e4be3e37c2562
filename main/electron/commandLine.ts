/**
 * What Electron's command line asks the app to open. Electron's argv holds more than the user's
 * arguments: the executable, Chromium and Node switches (Playwright adds --inspect=0 and
 * --remote-debugging-port=0, the OS may add -psn_... on macOS), and, when run as `electron <folder>`
 * (process.defaultApp), the app's own folder. None of these may ever be taken for the article.
 */
import { isAbsolute, resolve } from 'node:path';
import { PROTOCOL_SCHEME } from './deepLink.js';

export interface CommandLineContext {
  /** process.defaultApp: started as `electron <app folder> ...`, so one positional is the app itself. */
  defaultApp: boolean;
  /** app.getAppPath(): the folder (or app.asar) the app was loaded from. */
  appPath: string;
  /** Where the command was typed, for relative paths. */
  workingDirectory: string;
}

/** Node switches whose value is the next argument (Chromium's switches always use --name=value). */
const SWITCHES_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader']);
const ADDRESS = /^[a-z][a-z0-9+.-]*:\/\//iu;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/iu;

function sameFile(a: string, b: string): boolean {
  const normalize = (path: string) => resolve(path).replace(/[\\/]+$/u, '');
  return process.platform === 'win32' || process.platform === 'darwin' ? normalize(a).toLowerCase() === normalize(b).toLowerCase() : normalize(a) === normalize(b);
}

/** The user's positional arguments: switches, their values and (for `electron <folder>`) the app folder removed. */
export function userArguments(argv: readonly string[], context: CommandLineContext): string[] {
  const positionals: string[] = [];
  let appFolderSkipped = !context.defaultApp;
  let onlyPositionals = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!onlyPositionals && arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (!onlyPositionals && arg.startsWith('-')) {
      if (SWITCHES_WITH_VALUE.has(arg)) i++;
      continue;
    }
    // Electron's own rule: with `electron <folder>`, the first positional is the app. Any argument naming
    // the app's folder is the app too (never an article).
    if (!appFolderSkipped) {
      appFolderSkipped = true;
      continue;
    }
    if (!ADDRESS.test(arg) && sameFile(resolve(context.workingDirectory, arg), context.appPath)) continue;
    positionals.push(arg);
  }
  return positionals;
}

/** An address (http(s) or article-player://) as it is, a path made absolute against where it was typed. */
export function absoluteSource(arg: string, workingDirectory: string): string {
  if (ADDRESS.test(arg) || arg.startsWith(`${PROTOCOL_SCHEME}:`)) return arg;
  return isAbsolute(arg) || WINDOWS_DRIVE.test(arg) ? arg : resolve(workingDirectory, arg);
}

/** The article named on the command line, made absolute, or null for the welcome article. */
export function articleFromArgv(argv: readonly string[], context: CommandLineContext): string | null {
  const [first] = userArguments(argv, context);
  return first === undefined ? null : absoluteSource(first, context.workingDirectory);
}
