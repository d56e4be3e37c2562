/**
 * Go to page: one labelled field ("iv", "12", "page 12"), the range of pages as its hint. A page that
 * does not exist is said in the dialog (role="alert", so it is announced while the modal keeps the rest
 * of the page out of reach), the field is marked invalid and keeps focus with its text selected for
 * correcting. A page found closes the dialog and reading moves there.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { pageRange } from '../../../shared/contents';
import { Dialog } from '../components/Dialog';
import type { ContentsControls } from './useContents';

export function GoToPageDialog({ controls }: { controls: ContentsControls }) {
  const open = controls.dialog === 'page';
  const bodyRef = useRef<HTMLDivElement>(null);
  // The field has focus, not the Close button (this runs after the Dialog has shown itself).
  useEffect(() => {
    if (open) bodyRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [open]);
  return (
    <Dialog open={open} title="Go to page" onClose={controls.closeDialog} className="go-to-page-dialog">
      {/* Mounted afresh for each opening: an empty field and no message from last time. */}
      <div ref={bodyRef}>{open && <GoToPageForm controls={controls} />}</div>
    </Dialog>
  );
}

function GoToPageForm({ controls }: { controls: ContentsControls }) {
  const fieldId = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const why = controls.goToPage(typed);
    setProblem(why ?? '');
    if (why) fieldRef.current?.select();
  };

  return (
    <>
      <form onSubmit={submit} noValidate className="go-to-page">
        <label htmlFor={fieldId}>Page</label>
        <input
          ref={fieldRef}
          id={fieldId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${fieldId}-problem ${fieldId}-hint`}
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        <button type="submit">Go</button>
      </form>
      <p id={`${fieldId}-problem`} role="alert" className="dialog-problem">
        {problem}
      </p>
      <p id={`${fieldId}-hint`} className="hint">
        {/* The range is in the message when there is one: said once, not twice. */}
        {problem ? 'Type the page as it is printed.' : `${pageRange(controls.pages)} Type the page as it is printed.`}
      </p>
    </>
  );
}
