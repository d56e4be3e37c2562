/**
 * The "Read selection" button, shown while text is selected in the reader, and "Back to normal reading"
 * while a selection is being read. Pressing the mouse on them keeps the selection (a button would
 * otherwise take it away before its click). A button that goes away while focused hands focus on
 * (to "Back to normal reading", or to the current paragraph), so focus never falls to the page.
 */
import { useEffect, useRef } from 'react';
import { ariaKeyShortcuts, type Keymap } from '../../../shared/keymap';
import { focusReadingPlace } from '../components/focusFallback';
import type { ReadSelectionControls } from './useReadSelection';


export function ReadSelectionBar({ selection, keymap, disabled }: { selection: ReadSelectionControls; keymap: Keymap; disabled: boolean }) {
  const backRef = useRef<HTMLButtonElement>(null);
  const handOver = useRef<'back' | 'paragraph' | null>(null);
  const { reading } = selection;
  useEffect(() => {
    if (handOver.current === 'back' && reading) backRef.current?.focus();
    else if (handOver.current === 'paragraph' && !reading) focusReadingPlace(); // the paragraph being read, or the title
    handOver.current = null;
  }, [reading]);

  if (!selection.hasSelection && !reading) return null;
  const focused = (event: { currentTarget: HTMLElement }) => document.activeElement === event.currentTarget;
  return (
    <div className="selection-actions">
      {selection.hasSelection && (
        <button
          type="button"
          disabled={disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => {
            if (focused(event)) handOver.current = 'back';
            selection.readSelection();
          }}
          aria-keyshortcuts={ariaKeyShortcuts(keymap, 'readSelection')}
        >
          Read selection
        </button>
      )}
      {reading && (
        <button
          ref={backRef}
          type="button"
          onClick={(event) => {
            if (focused(event)) handOver.current = 'paragraph';
            selection.backToNormalReading();
          }}
          aria-keyshortcuts="Escape"
        >
          Back to normal reading
        </button>
      )}
    </div>
  );
}
