/** The Contents and Go to page buttons (Go to page only where the article has page numbers) and their dialogs. */
import { ariaKeyShortcuts, type Keymap } from '../../../shared/keymap';
import { ContentsDialog } from './ContentsDialog';
import { GoToPageDialog } from './GoToPageDialog';
import type { ContentsControls as Controls } from './useContents';
import './contents.css';

export function ContentsControls({ controls, keymap, disabled }: { controls: Controls; keymap: Keymap; disabled: boolean }) {
  return (
    <div className="contents-controls">
      <button
        type="button"
        aria-haspopup="dialog"
        disabled={disabled || controls.contents.kind === 'none'}
        onClick={() => controls.openDialog('contents')}
        aria-keyshortcuts={ariaKeyShortcuts(keymap, 'showContents')}
      >
        Contents
      </button>
      {controls.pages.length > 0 && (
        <button type="button" aria-haspopup="dialog" disabled={disabled} onClick={() => controls.openDialog('page')} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'goToPage')}>
          Go to page…
        </button>
      )}
      <ContentsDialog controls={controls} />
      <GoToPageDialog controls={controls} />
    </div>
  );
}
