/** "Keyboard shortcuts" (opened with ?): every action and its keys from the one keymap table, each remappable. */
import { useState, type KeyboardEvent } from 'react';
import { ACTIONS, DEFAULT_KEYMAP, keyLabel, type Action, type Keymap } from '../../../shared/keymap';
import { keyConflict } from '../../../shared/settings';
import { Dialog } from './Dialog';

interface ShortcutsDialogProps {
  open: boolean;
  keymap: Keymap;
  onClose: () => void;
  onRemap: (action: Action, keys: string[]) => void;
  onResetAll: () => void;
}

/** Keys that cannot be given to an action: they move focus or belong to the system. */
const RESERVED = new Set(['Tab', 'Escape', 'Enter', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'F5', 'F11', 'F12']);

export function ShortcutsDialog({ open, keymap, onClose, onRemap, onResetAll }: ShortcutsDialogProps) {
  const [capturing, setCapturing] = useState<Action | null>(null);
  const [message, setMessage] = useState('');

  const capture = (action: Action) => (event: KeyboardEvent<HTMLButtonElement>) => {
    if (capturing !== action) return;
    if (event.key === 'Tab') return; // never trap focus
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') {
      setCapturing(null);
      setMessage('Change cancelled.');
      return;
    }
    if (RESERVED.has(event.key) || event.ctrlKey || event.metaKey || event.altKey) {
      setMessage(`${keyLabel(event.key)} cannot be used: it belongs to the system or moves focus. Press another key.`);
      return;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const conflict = keyConflict(keymap, action, key);
    if (conflict) {
      setMessage(`${keyLabel(key)} is already used for ${ACTIONS[conflict]}. Press another key, or Escape to cancel.`);
      return;
    }
    onRemap(action, [key]);
    setCapturing(null);
    setMessage(`${ACTIONS[action]} is now ${keyLabel(key)}.`);
  };

  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={() => { setCapturing(null); setMessage(''); onClose(); }} className="shortcuts-dialog">
      <p>These keys work whenever focus is not in a text field. To change one, choose its Change button, then press the new key.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
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
              <td>
                <button
                  type="button"
                  aria-label={capturing === action ? `Press the new key for ${ACTIONS[action]}` : `Change ${ACTIONS[action]}`}
                  aria-pressed={capturing === action}
                  onClick={() => {
                    setCapturing(action);
                    setMessage(`Press the new key for ${ACTIONS[action]}, or Escape to cancel.`);
                  }}
                  onKeyDown={capture(action)}
                  onBlur={() => capturing === action && setCapturing(null)}
                >
                  {capturing === action ? 'Press a key…' : 'Change'}
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Read from a paragraph</th>
            <td>
              Click it, or <kbd>Enter</kbd> when it has focus
            </td>
            <td />
          </tr>
          <tr>
            <th scope="row">Undo removing an article, in the Library</th>
            <td>
              <kbd>Ctrl+Z</kbd> (<kbd>Cmd+Z</kbd> on macOS), or its Undo button
            </td>
            <td />
          </tr>
        </tbody>
      </table>
      <p role="status" className="dialog-message">
        {message}
      </p>
      <button
        type="button"
        disabled={JSON.stringify(keymap) === JSON.stringify(DEFAULT_KEYMAP)}
        onClick={() => {
          onResetAll();
          setMessage('All keys are back to their defaults.');
        }}
      >
        Reset all keys
      </button>
    </Dialog>
  );
}
