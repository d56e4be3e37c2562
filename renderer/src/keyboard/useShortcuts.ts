/**
 * The global keys of the shared keymap, active whenever focus is not in a text field and no modal dialog
 * is open: the page behind a modal is inert, so its player must not act on keys either (even when focus
 * fell out of the dialog to the body).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { actionForKey, type Action, type Keymap } from '../../../shared/keymap';

/** Keys a focused control handles itself: a button activates on Space/Enter, a slider moves on arrows. */
function controlOwnsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('dialog[open]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    if (target.type !== 'range') return true;
    return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(key);
  }
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target.getAttribute('role') === 'button') {
    return key === ' ' || key === 'Enter';
  }
  return false;
}

function modalDialogOpen(): boolean {
  return [...document.querySelectorAll('dialog[open]')].some((dialog) => dialog.matches(':modal'));
}

export function useShortcuts(keymap: Keymap, run: (action: Action) => void): void {
  // The listener always calls the latest handler, updated before the screen is painted: a key pressed
  // as soon as the Play button shows enabled reaches the player, not a handler from before it existed.
  const latest = useRef({ keymap, run });
  useLayoutEffect(() => {
    latest.current = { keymap, run };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || controlOwnsKey(event.target, event.key) || modalDialogOpen()) return;
      const action = actionForKey(latest.current.keymap, event);
      if (!action) return;
      event.preventDefault(); // Space and arrows would otherwise scroll the page
      latest.current.run(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
