/**
 * Commands from the desktop shell (application menu, tray, article-player:// links) carried out with
 * the window's own actions, so the menu and the keys always do the same thing. The browser host sends
 * none, so this does nothing there.
 */
import { useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { Action } from '../../../shared/keymap';
import type { THEMES } from '../../../shared/settings';
import type { ShellDialog } from '../../../shared/shellCommands';

export interface ShellCommandHandlers {
  run: (action: Action) => void;
  openDialog: (dialog: Exclude<ShellDialog, 'bookmarklet'>) => void;
  textSize: (step: 1 | -1 | 0) => void;
  theme: (theme: (typeof THEMES)[number]) => void;
}

/** The desktop dialogs' state: the bookmarklet help, and an address a link asks to open (asked about first). */
export function useShellCommands(api: ArticlePlayerApi, handlers: ShellCommandHandlers) {
  const [addressToConfirm, setAddressToConfirm] = useState<string | null>(null);
  const [bookmarkletOpen, setBookmarkletOpen] = useState(false);
  // The latest handlers, without re-subscribing on every render.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(
    () =>
      api.on('shellCommand', (command) => {
        const current = latest.current;
        switch (command.type) {
          case 'action':
            return current.run(command.action);
          case 'dialog':
            return command.dialog === 'bookmarklet' ? setBookmarkletOpen(true) : current.openDialog(command.dialog);
          case 'textSize':
            return current.textSize(command.step);
          case 'theme':
            return current.theme(command.theme);
          case 'confirmOpenAddress':
            return setAddressToConfirm(command.url);
          case 'downloadDone':
            return undefined; // the export dialog reports it
        }
      }),
    [api],
  );

  return { addressToConfirm, dismissAddress: () => setAddressToConfirm(null), bookmarkletOpen, closeBookmarklet: () => setBookmarkletOpen(false) };
}
