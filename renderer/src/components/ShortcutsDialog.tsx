/** "Keyboard shortcuts" (opened with ?): every action and its keys, from the one keymap table. */
import { useEffect, useRef } from 'react';
import { ACTIONS, keyLabel, type Action, type Keymap } from '../../../shared/keymap';

interface ShortcutsDialogProps {
  open: boolean;
  keymap: Keymap;
  onClose: () => void;
}

export function ShortcutsDialog({ open, keymap, onClose }: ShortcutsDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // showModal makes the rest of the page inert and returns focus to the opener when closed.
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={dialogRef} aria-labelledby="shortcuts-title" className="dialog" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p>These keys work whenever focus is not in a text field.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(ACTIONS) as Action[]).map((action) => (
            <tr key={action}>
              <th scope="row">{ACTIONS[action]}</th>
              <td>
                {keymap[action].map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' or '}
                    <kbd>{keyLabel(key)}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Read from a paragraph</th>
            <td>
              Click it, or <kbd>Enter</kbd> when it has focus
            </td>
          </tr>
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
