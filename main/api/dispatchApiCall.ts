/**
 * The one choke point for calls from a renderer (VS Code's validatedIpcMain idea): unknown methods
 * and malformed parameters are refused before any handler runs, whichever host carried the call.
 */
import { apiParams, isApiMethod, UserFacingError, type ApiHandlers, type ApiMethod } from '../../shared/api.js';

export class ApiCallRejected extends Error {
  override name = 'ApiCallRejected';
}

export async function dispatchApiCall(handlers: ApiHandlers, method: unknown, params: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new ApiCallRejected(`Unknown API method: ${String(method).slice(0, 80)}`);
  const parsed = apiParams[method].safeParse(params ?? {});
  if (!parsed.success) throw new ApiCallRejected(`Invalid parameters for ${method}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  const handler = handlers[method] as (p: unknown) => Promise<unknown>;
  return handler(parsed.data);
}

/** The message a renderer may see: ours verbatim, anything unexpected summarised without internals. */
export function errorMessageForRenderer(error: unknown, method: ApiMethod | string): string {
  if (error instanceof UserFacingError || error instanceof ApiCallRejected) return error.message;
  console.error(`API call ${String(method)} failed:`, error);
  return 'Something went wrong in Article Player. Your place in the article is kept; try again.';
}
