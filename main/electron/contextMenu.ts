/**
 * The window's right-click menu as a plain template, decided from Electron's context-menu parameters
 * alone (so it is tested without Electron): selected text in the article offers "Read Selection" (the
 * window's own Read selection command, as if R had been pressed) and Copy; a text field offers the
 * usual editing commands it allows; anywhere else there is no menu.
 */
import type { Keymap } from '../../shared/keymap.js';
import { acceleratorForKey, type MenuItemTemplate, type MenuTarget } from './appMenu.js';

/** The fields of Electron's ContextMenuParams this decision reads. */
export interface ContextMenuFacts {
  selectionText: string;
  isEditable: boolean;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export function buildContextMenuTemplate(facts: ContextMenuFacts, keymap: Keymap, platform: NodeJS.Platform, target: Pick<MenuTarget, 'send'>): MenuItemTemplate[] {
  if (facts.isEditable) {
    const { canCut, canCopy, canPaste, canSelectAll } = facts.editFlags;
    const items: MenuItemTemplate[] = [];
    if (canCut) items.push({ role: 'cut', label: 'Cut' });
    if (canCopy) items.push({ role: 'copy', label: 'Copy' });
    if (canPaste) items.push({ role: 'paste', label: 'Paste' });
    if (canSelectAll) items.push({ type: 'separator' }, { role: 'selectAll', label: 'Select All' });
    return items.filter((item, i) => !(item.type === 'separator' && i === 0));
  }
  if (!/\S/u.test(facts.selectionText)) return [];
  const read: MenuItemTemplate = { label: 'Read Selection', click: () => target.send({ type: 'action', action: 'readSelection' }) };
  // The key is shown, not registered (the window handles it), as in the application menu; macOS shows none.
  const key = keymap.readSelection.map(acceleratorForKey).find((accelerator) => accelerator !== null);
  if (key && platform !== 'darwin') Object.assign(read, { accelerator: key, registerAccelerator: false });
  return [read, { type: 'separator' }, { role: 'copy', label: 'Copy' }];
}
