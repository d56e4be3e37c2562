/** The app's own commands beside the playback toolbar: open, library, settings, shortcuts. */
import { ariaKeyShortcuts, type Keymap } from '../../../shared/keymap';
import { KeyboardIcon } from './icons';

interface AppMenuProps {
  keymap: Keymap;
  canExport: boolean;
  onOpen: () => void;
  onLibrary: () => void;
  onQueue: () => void;
  onExport: () => void;
  onSettings: () => void;
  onShortcuts: () => void;
}

export function AppMenu({ keymap, canExport, onOpen, onLibrary, onQueue, onExport, onSettings, onShortcuts }: AppMenuProps) {
  return (
    <nav aria-label="Article Player" className="app-menu">
      <button type="button" aria-haspopup="dialog" onClick={onOpen} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'showOpen')}>
        Open…
      </button>
      <button type="button" aria-haspopup="dialog" onClick={onLibrary} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'showLibrary')}>
        Library
      </button>
      <button type="button" aria-haspopup="dialog" onClick={onQueue} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'showQueue')}>
        Queue
      </button>
      <button type="button" aria-haspopup="dialog" onClick={onExport} disabled={!canExport} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'showExport')}>
        Export audio…
      </button>
      <button type="button" aria-haspopup="dialog" onClick={onSettings} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'showSettings')}>
        Settings
      </button>
      <button type="button" aria-haspopup="dialog" onClick={onShortcuts} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'showShortcuts')}>
        <KeyboardIcon />
        <span className="label">Keyboard shortcuts</span>
      </button>
    </nav>
  );
}
