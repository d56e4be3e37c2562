/**
 * A modal dialog on the native <dialog>: showModal makes the rest of the page inert (no keyboard trap
 * beyond the dialog itself), Escape closes it, and focus returns to what opened it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

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
      // Opened by a key with nothing focused, the opener is the body: focus then goes to the paragraph being read.
      const active = document.activeElement;
      const opener = active instanceof HTMLElement && active !== document.body ? active : null;
      dialog.showModal();
      return () => {
        if (dialog.open) dialog.close();
        // The opener may have been re-rendered away: fall back to the current paragraph, the article, or the toolbar, so focus is never lost.
        const target = opener?.isConnected
          ? opener
          : (document.querySelector<HTMLElement>('[data-block-index][aria-current]') ??
            document.querySelector<HTMLElement>('article h1') ??
            document.querySelector<HTMLElement>('[role="toolbar"] button'));
        target?.focus();
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
