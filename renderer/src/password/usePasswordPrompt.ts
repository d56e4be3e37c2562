/**
 * A protected PDF's password, asked for wherever the PDF was opened (the Open dialog, a drop, the command
 * line): a failed open that carries a PasswordRequest waits here, the dialog's answer is tried on the Node
 * side (openWithPassword), a wrong one asks again, and the outcome goes on to where the open came from.
 * Cancel lets the document go and says nothing was opened. The password lives only in the dialog's field
 * and the one call that uses it.
 */
import { useCallback, useRef, useState } from 'react';
import type { ArticlePlayerApi, LoadResult, PasswordRequest } from '../../../shared/api';

export interface PasswordPrompt {
  /** The document waiting for its password, or null when nothing is asked. */
  request: PasswordRequest | null;
  /** A password is being tried. */
  busy: boolean;
  /** Where a load result goes: on to `then`, or first through the dialog when it asks for a password. */
  settle: (result: LoadResult, then: (result: LoadResult) => void) => void;
  submit: (password: string) => void;
  cancel: () => void;
}

/** What Cancel leaves behind, said where a failed open is said. */
export function cancelledMessage(name: string): string {
  return `Nothing was opened: ${name} needs its password.`;
}

export function usePasswordPrompt(api: ArticlePlayerApi): PasswordPrompt {
  const [request, setRequest] = useState<PasswordRequest | null>(null);
  const [busy, setBusy] = useState(false);
  /** Where the outcome goes (the open that asked). */
  const then = useRef<((result: LoadResult) => void) | null>(null);

  const settle = useCallback(
    (result: LoadResult, next: (result: LoadResult) => void) => {
      if (result.ok || !result.password) return next(result);
      // A second protected file while one is asked: the first is let go, the newest asked for.
      if (request && request.ticket !== result.password.ticket) void api.invoke('forgetProtectedDocument', { ticket: request.ticket }).catch(() => undefined);
      then.current = next;
      setRequest(result.password);
    },
    [api, request],
  );

  const submit = useCallback(
    (password: string) => {
      if (!request || busy) return;
      setBusy(true);
      api
        .invoke('openWithPassword', { ticket: request.ticket, password })
        .catch((error: unknown): LoadResult => ({ ok: false, message: (error as Error).message }))
        .then((result) => {
          setBusy(false);
          if (!result.ok && result.password) return setRequest(result.password); // wrong: asked again
          setRequest(null);
          then.current?.(result);
          then.current = null;
        });
    },
    [api, request, busy],
  );

  const cancel = useCallback(() => {
    if (!request) return;
    void api.invoke('forgetProtectedDocument', { ticket: request.ticket }).catch(() => undefined);
    setRequest(null);
    setBusy(false);
    then.current?.({ ok: false, message: cancelledMessage(request.name) });
    then.current = null;
  }, [api, request]);

  return { request, busy, settle, submit, cancel };
}
