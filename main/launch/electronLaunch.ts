/**
 * Decisions `npm start` takes around the Electron process it starts: the environment it gets, and
 * whether an early exit was Chromium's sandbox refusing to start (Ubuntu 24.04 and later restrict
 * unprivileged user namespaces through AppArmor, and Electron from node_modules has no root-owned
 * chrome-sandbox to fall back on), in which case the player opens in the browser instead. The sandbox
 * is never turned off to get round it.
 */

/** The environment for Electron: without ELECTRON_RUN_AS_NODE (some terminals and IDEs set it), which would start plain Node. */
export function electronEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  delete clean.ELECTRON_RUN_AS_NODE;
  return clean;
}

export interface ElectronExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last part of what Electron wrote on stderr. */
  stderr: string;
  platform: NodeJS.Platform;
}

// Chromium's messages when neither the user-namespace sandbox nor the setuid helper can be used.
const SANDBOX_ABORT = [
  /The SUID sandbox helper binary was found, but is not configured correctly/u,
  /No usable sandbox!/u,
  /Failed to move to new namespace/u,
  /setuid_sandbox_host\.cc/u,
  /zygote_host_impl_linux\.cc.*(sandbox|namespace)/u,
];

/** Why Electron could not start because of the Linux sandbox, in one sentence for the user, or null. */
export function sandboxAbortReason(exit: ElectronExit): string | null {
  if (exit.platform !== 'linux' || (exit.code === 0 && exit.signal === null)) return null;
  if (!SANDBOX_ABORT.some((pattern) => pattern.test(exit.stderr))) return null;
  return (
    "Chromium's security sandbox cannot run here: this system restricts unprivileged user namespaces (AppArmor, as on Ubuntu 24.04 and later) " +
    'and the Electron in node_modules has no root-owned chrome-sandbox helper; the .deb package installs an AppArmor profile that allows it'
  );
}

/** Keeps the end of a stream (what explains a crash is at the end), bounded in memory. */
export class OutputTail {
  private text = '';
  constructor(private readonly limit = 16_384) {}
  add(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}
