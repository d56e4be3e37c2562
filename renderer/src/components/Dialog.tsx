/**
 * A modal dialog on the native <dialog>: showModal makes the rest of the page inert (no keyboard trap
 * beyond the dialog itself), Escape closes it, and focus returns to what opened it. Opened by a key
 * with nothing focused (focus on the page body), it returns focus to the paragraph being read instead,
 * so focus is never left on the body.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { focusReadingPlace } from './focusFallback';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ open, title, onClose, children, className }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const focused = document.activeElement;
      const opener = focused instanceof HTMLElement && focused !== document.body && focused !== document.documentElement ? focused : null;
      dialog.showModal();
      // The field a dialog is for, rather than its first button (Close): marked with data-autofocus.
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]');
      first?.focus();
      if (first instanceof HTMLInputElement) first.select();
      return () => {
        if (dialog.open) dialog.close();
        // Back to the opener; without one (or once it was re-rendered away), to the reading place.
        focusReadingPlace(opener);
      };
    }
    return undefined;
  }, [open]);

  return (
    <dialog ref={dialogRef} aria-labelledby={titleId} className={`dialog ${className ?? ''}`} onClose={onClose}>
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="dialog-close" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
