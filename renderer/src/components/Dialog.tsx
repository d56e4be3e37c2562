/**
 * A modal dialog on the native <dialog>: showModal makes the rest of the page inert (no keyboard trap
 * beyond the dialog itself), Escape closes it, and focus returns to what opened it. Opened by a key
 * with nothing focused (focus on the page body), it returns focus to the paragraph being read instead,
 * so focus is never left on the body.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/** Focus goes back to the opener; without one (or once it was re-rendered away), to the current paragraph, the title, the toolbar. */
function focusAfterClose(opener: HTMLElement | null): void {
  const candidates = [
    opener?.isConnected ? opener : null,
    document.querySelector<HTMLElement>('[data-block-index][aria-current]:not([aria-current="false"])'),
    document.querySelector<HTMLElement>('article h1'),
    document.querySelector<HTMLElement>('[role="toolbar"] button:not(:disabled)'),
  ];
  for (const target of candidates) {
    if (!target) continue;
    target.focus();
    if (document.activeElement === target) return;
  }
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
        focusAfterClose(opener);
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
