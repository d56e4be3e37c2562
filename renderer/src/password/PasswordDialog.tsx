/**
 * "Password needed": a modal dialog over whatever was open (the Open dialog, the reader), with a labelled
 * password field that takes focus, Open and Cancel; Escape and Close cancel; focus returns where it was.
 * A wrong password is said here (role="alert"), the field emptied and focused to try again.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import type { PasswordPrompt } from './usePasswordPrompt';

export function PasswordDialog({ prompt }: { prompt: PasswordPrompt }) {
  const { request, busy, submit, cancel } = prompt;
  // Each request (a new document, or a wrong password asked again) starts with an empty field.
  const [typed, setTyped] = useState<{ request: typeof request; value: string }>({ request: null, value: '' });
  const password = typed.request === request ? typed.value : '';
  const setPassword = (value: string) => setTyped({ request, value });
  const field = useRef<HTMLInputElement>(null);
  const problemId = useId();
  const wrong = request?.wrong ?? false;

  // A wrong password: the field, emptied, takes focus to try again.
  useEffect(() => {
    if (request) field.current?.focus();
  }, [request]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (password) submit(password);
  };

  return (
    <Dialog open={request !== null} title="Password needed" onClose={cancel} className="password-dialog">
      <form onSubmit={onSubmit} className="open-form">
        <p>{request?.name} is protected by a password. Enter it to open the PDF: it is used only to open it and is not kept.</p>
        <label htmlFor="pdf-password">Password</label>
        <input
          id="pdf-password"
          ref={field}
          data-autofocus
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          {...(wrong ? { 'aria-invalid': true, 'aria-describedby': problemId } : {})}
        />
        {wrong && (
          <p id={problemId} role="alert" className="field-problem">
            That password is not right. Try again, or Cancel.
          </p>
        )}
        <p role="status" className="dialog-message">
          {busy ? 'Opening the PDF…' : ''}
        </p>
        <div className="inline">
          <button type="submit" className="primary" disabled={!password || busy}>
            Open
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
