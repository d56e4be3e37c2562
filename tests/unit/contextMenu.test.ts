/** The window's right-click menu, decided without Electron (main/electron/contextMenu.ts). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP } from '../../shared/keymap';
import type { ShellCommand } from '../../shared/shellCommands';
import { buildContextMenuTemplate, type ContextMenuFacts } from '../../main/electron/contextMenu';

const noEdits = { canCut: false, canCopy: false, canPaste: false, canSelectAll: false };
const facts = (overrides: Partial<ContextMenuFacts>): ContextMenuFacts => ({ selectionText: '', isEditable: false, editFlags: noEdits, ...overrides });

function menuFor(overrides: Partial<ContextMenuFacts>, platform: NodeJS.Platform = 'linux', keymap = DEFAULT_KEYMAP) {
  const sent: ShellCommand[] = [];
  const template = buildContextMenuTemplate(facts(overrides), keymap, platform, { send: (command) => sent.push(command) });
  return { template, sent };
}

describe('context menu', () => {
  it('offers Read Selection on selected article text; choosing it runs the window\'s Read selection command', () => {
    const { template, sent } = menuFor({ selectionText: 'the second paragraph', editFlags: { ...noEdits, canCopy: true } });
    expect(template.map((item) => item.label ?? item.type)).toEqual(['Read Selection', 'separator', 'Copy']);
    template[0]!.click!();
    expect(sent).toEqual([{ type: 'action', action: 'readSelection' }]);
  });

  it('shows the Read selection key without taking it from the window, follows a remapped key, and shows none on macOS', () => {
    expect(menuFor({ selectionText: 'words' }).template[0]).toMatchObject({ accelerator: 'R', registerAccelerator: false });
    expect(menuFor({ selectionText: 'words' }, 'linux', { ...DEFAULT_KEYMAP, readSelection: ['g'] }).template[0]).toMatchObject({ accelerator: 'G' });
    expect(menuFor({ selectionText: 'words' }, 'darwin').template[0]!.accelerator).toBeUndefined();
  });

  it('offers no menu with nothing (or only white space) selected outside a text field', () => {
    expect(menuFor({}).template).toEqual([]);
    expect(menuFor({ selectionText: ' \n\t ' }).template).toEqual([]);
  });

  it('in a text field, offers the editing commands it allows and never Read Selection', () => {
    const all = menuFor({ isEditable: true, selectionText: 'typed text', editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true } }).template;
    expect(all.map((item) => item.role ?? item.type)).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll']);
    const pasteOnly = menuFor({ isEditable: true, editFlags: { ...noEdits, canPaste: true } }).template;
    expect(pasteOnly.map((item) => item.role)).toEqual(['paste']);
    const selectAllOnly = menuFor({ isEditable: true, editFlags: { ...noEdits, canSelectAll: true } }).template;
    expect(selectAllOnly.map((item) => item.role ?? item.type)).toEqual(['selectAll']);
  });
});
