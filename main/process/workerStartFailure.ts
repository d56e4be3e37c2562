/**
 * Whether a worker thread failed to start its code at all (its file or an import could not be
 * loaded: a path inside app.asar, ESM in a worker, a missing chunk) rather than failed at its work.
 * Worker threads and ESM inside asar archives have regressed in Electron releases before; when that
 * happens the work can still be done in the calling thread, only without the worker's time limit.
 * A timeout, running out of memory or a stack overflow are the work failing and never count.
 */
const LOAD_FAILURE_CODES = new Set([
  'ERR_WORKER_PATH',
  'ERR_WORKER_INIT_FAILED',
  'ERR_WORKER_UNSUPPORTED_OPERATION',
  'ERR_MODULE_NOT_FOUND',
  'MODULE_NOT_FOUND',
  'ERR_UNKNOWN_FILE_EXTENSION',
  'ERR_UNSUPPORTED_ESM_URL_SCHEME',
  'ERR_UNSUPPORTED_DIR_IMPORT',
  'ERR_REQUIRE_ESM',
  'ERR_INVALID_URL',
  'ERR_INVALID_PACKAGE_CONFIG',
  'ERR_PACKAGE_PATH_NOT_EXPORTED',
  'ENOENT',
  'ENOTDIR',
  'EACCES',
]);

export function isWorkerStartFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && LOAD_FAILURE_CODES.has(code)) return true;
  // A worker's own load errors can arrive without a code, only with Node's message.
  return /Cannot find (module|package)|Unknown file extension|Only URLs with a scheme in: file|is not a valid path/u.test(error.message);
}
