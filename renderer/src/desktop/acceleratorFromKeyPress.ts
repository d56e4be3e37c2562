/** A key press as an Electron accelerator, for the system-wide shortcut field (ClipboardShortcutField). */
import type { KeyboardEvent } from 'react';

const KEY_NAMES: Record<string, string> = { ' ': 'Space', '+': 'Plus', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right' };
const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS']);

/** A key press as an Electron accelerator ("CommandOrControl+Shift+R"), or null while only modifiers are down. */
export function acceleratorFromKeyPress(press: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, mac: boolean): string | null {
  if (MODIFIER_KEYS.has(press.key)) return null;
  const key = KEY_NAMES[press.key] ?? (press.key.length === 1 ? press.key.toUpperCase() : press.key);
  const modifiers = [
    (mac ? press.metaKey : press.ctrlKey) && 'CommandOrControl',
    mac && press.ctrlKey && 'Control',
    !mac && press.metaKey && 'Super',
    press.altKey && 'Alt',
    press.shiftKey && 'Shift',
  ].filter(Boolean);
  return [...modifiers, key].join('+');
}
