/**
 * One running app per data folder. Chromium keeps the single-instance lock inside userData, so the
 * folder must be chosen before the lock is asked for: otherwise a test run with its own
 * ARTICLE_PLAYER_DATA_DIR would find the user's open app and quit, and two data folders would block
 * each other. A second launch hands its article over as additionalData, made absolute where it was
 * typed: Electron documents that the argv it passes on may be reordered or changed.
 */
import { absoluteSource, articleFromArgv, type CommandLineContext } from './commandLine.js';

export interface LockableApp {
  setPath(name: 'userData', path: string): void;
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean;
}

/** What a launch sends to the instance already running. */
export interface HandOver {
  /** The article to open (an absolute path or an address), or null to just show the window. */
  source: string | null;
}

/** Sets the data folder, then takes the lock for it. False: another instance has it and was handed the article. */
export function claimSingleInstance(app: LockableApp, dataDirectory: string, source: string | null): boolean {
  app.setPath('userData', dataDirectory);
  const handOver: HandOver = { source };
  return app.requestSingleInstanceLock({ ...handOver });
}

/**
 * The article a second launch asks for. Its hand-over is trusted for shape only (it is made absolute
 * again against the second launch's folder); argv is read only when there is no hand-over at all.
 */
export function sourceFromSecondInstance(additionalData: unknown, argv: readonly string[], context: CommandLineContext): string | null {
  if (additionalData && typeof additionalData === 'object' && 'source' in additionalData) {
    const { source } = additionalData as { source: unknown };
    return typeof source === 'string' && source.length > 0 && source.length < 10_000 ? absoluteSource(source, context.workingDirectory) : null;
  }
  return articleFromArgv(argv, context);
}
