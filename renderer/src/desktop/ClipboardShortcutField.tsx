/**
 * The system-wide "read the clipboard" shortcut (desktop app only), off unless set. The field records
 * the keys pressed in it, so nobody has to know how Electron spells accelerators; Backspace turns it off.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { GLOBAL_ACCELERATOR } from '../../../shared/settings';
import { acceleratorFromKeyPress } from './acceleratorFromKeyPress';

export function ClipboardShortcutField({ value, onChange }: { value: string; onChange: (accelerator: string) => void }) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const mac = navigator.platform.startsWith('Mac');

  const record = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Tab' || event.key === 'Escape') return; // leave the field as usual
    event.preventDefault();
    if ((event.key === 'Backspace' || event.key === 'Delete') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      setProblem(null);
      return onChange('');
    }
    const accelerator = acceleratorFromKeyPress(event, mac);
    if (!accelerator) return;
    if (!GLOBAL_ACCELERATOR.test(accelerator)) return setProblem('Use Ctrl, Alt or Cmd with a letter, digit or function key: a single key would be taken from every other program.');
    setProblem(null);
    onChange(accelerator);
  };

  return (
    <div className="field">
      <label htmlFor={id}>Shortcut anywhere on the computer: read the copied text</label>
      <input id={id} value={value || 'Off'} readOnly onKeyDown={record} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">
        {problem ?? 'Press the keys for it here, or Backspace to turn it off. Copy text in any program, press the shortcut, and it opens here as a new article.'}
      </p>
    </div>
  );
}
