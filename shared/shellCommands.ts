/**
 * What the desktop shell (application menu, tray, deep links, downloads) asks the window to do. The
 * shell only names a command; the window carries it out with the same code as its own buttons and
 * keys, so the menu, the tray and the keyboard can never disagree. The browser host sends none.
 */
import type { Action } from './keymap.js';
import type { THEMES } from './settings.js';

export const SHELL_DIALOGS = ['open', 'library', 'export', 'settings', 'shortcuts', 'bookmarklet'] as const;
export type ShellDialog = (typeof SHELL_DIALOGS)[number];

export type ShellCommand =
  /** A player action, as if its key had been pressed. */
  | { type: 'action'; action: Action }
  /** Shows one of the window's dialogs. */
  | { type: 'dialog'; dialog: ShellDialog }
  /** Text size one step up (1), down (-1), or back to normal (0). */
  | { type: 'textSize'; step: 1 | -1 | 0 }
  | { type: 'theme'; theme: (typeof THEMES)[number] }
  /** A link from outside (article-player://open?url=...) asks to open this address: the window asks first. */
  | { type: 'confirmOpenAddress'; url: string }
  /** Where an exported file went: saved (with its path), or why not. */
  | { type: 'downloadDone'; fileName: string; path: string | null; state: 'completed' | 'cancelled' | 'interrupted' | 'refused' };
