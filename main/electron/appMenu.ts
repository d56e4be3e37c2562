/**
 * The application menu and the tray menu as plain templates (Electron's MenuItemConstructorOptions
 * shape), built from the keymap so the accelerators shown are the keys that work. Player keys have no
 * modifier and belong to the window, which ignores them in text fields: they are shown in the menu but
 * not registered with it (registerAccelerator: false), or a menu would take Space from a text field. macOS
 * cannot show an accelerator without registering it, so there the keys are in the Keyboard shortcuts
 * dialog only. Commands with a modifier (Ctrl/Cmd+O, ...) are real menu accelerators.
 */
import { ACTIONS, type Action, type Keymap } from '../../shared/keymap.js';
import type { ShellCommand } from '../../shared/shellCommands.js';
import { THEME_LABELS, THEMES } from '../../shared/settings.js';

/** The subset of Electron's MenuItemConstructorOptions used here. */
export interface MenuItemTemplate {
  label?: string;
  role?: 'about' | 'quit' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'editMenu' | 'windowMenu' | 'appMenu' | 'hide' | 'hideOthers' | 'unhide' | 'services' | 'minimize' | 'close' | 'togglefullscreen';
  type?: 'separator' | 'submenu' | 'normal';
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

/** What a menu item does outside the window. */
export type ShellAction = 'openFile' | 'showWindow' | 'about' | 'quit';

export interface MenuTarget {
  /** A command the window carries out. */
  send: (command: ShellCommand) => void;
  /** A command for the shell itself (native file dialog, window, about box, quit). */
  shell: (action: ShellAction) => void;
}

const ELECTRON_KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowDown: 'Down',
  ArrowUp: 'Up',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  '+': 'Plus',
};

/** A KeyboardEvent.key as an Electron accelerator ("Space", "K", "Down", "Plus"), or null when it has none. */
export function acceleratorForKey(key: string): string | null {
  if (ELECTRON_KEY_NAMES[key]) return ELECTRON_KEY_NAMES[key];
  if (/^[a-z0-9]$/iu.test(key)) return key.toUpperCase();
  if (/^F([1-9]|1[0-9]|2[0-4])$/u.test(key)) return key;
  if (/^[-=,./;'`[\]\\?]$/u.test(key)) return key;
  return null;
}

/** A player action's menu item: its first key as the accelerator, shown but left to the window. */
function actionItem(keymap: Keymap, action: Action, platform: NodeJS.Platform, target: MenuTarget, label: string = ACTIONS[action]): MenuItemTemplate {
  const key = keymap[action].map(acceleratorForKey).find((accelerator) => accelerator !== null);
  const item: MenuItemTemplate = { label, click: () => target.send({ type: 'action', action }) };
  if (key && platform !== 'darwin') Object.assign(item, { accelerator: key, registerAccelerator: false });
  return item;
}

const separator: MenuItemTemplate = { type: 'separator' };

export function buildMenuTemplate(keymap: Keymap, platform: NodeJS.Platform, target: MenuTarget): MenuItemTemplate[] {
  const dialog = (label: string, name: Extract<ShellCommand, { type: 'dialog' }>['dialog'], accelerator?: string): MenuItemTemplate => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => target.send({ type: 'dialog', dialog: name }),
  });
  const action = (name: Action, label?: string) => actionItem(keymap, name, platform, target, label);
  const mac = platform === 'darwin';
  // Alt+letter mnemonics on Windows and Linux; macOS menus have none and would show the "&".
  const top = (label: string) => (mac ? label.replace('&', '') : label);

  const file: MenuItemTemplate = {
    label: top('&File'),
    submenu: [
      { label: 'Open File…', accelerator: 'CmdOrCtrl+O', click: () => target.shell('openFile') },
      dialog('Open Address or Text…', 'open', 'CmdOrCtrl+L'),
      dialog('Library', 'library', 'CmdOrCtrl+Shift+L'),
      separator,
      dialog('Export Audio…', 'export', 'CmdOrCtrl+E'),
      separator,
      dialog('Listen in Article Player: Bookmarklet…', 'bookmarklet'),
      ...(mac ? [] : [separator, dialog('Settings', 'settings', 'CmdOrCtrl+,'), separator, { role: 'quit' as const, label: 'Quit', accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };
  const playback: MenuItemTemplate = {
    label: top('&Playback'),
    submenu: [
      action('togglePlay', 'Play or Pause'),
      separator,
      action('nextParagraph'),
      action('previousParagraph'),
      action('nextSentence'),
      action('previousSentence'),
      action('firstParagraph'),
      action('lastParagraph'),
      separator,
      action('showQueue', 'Queue…'),
      action('nextArticle'),
      action('previousArticle'),
      separator,
      action('faster'),
      action('slower'),
      action('normalRate'),
      separator,
      action('announceProgress'),
    ],
  };
  const view: MenuItemTemplate = {
    label: top('&View'),
    submenu: [
      { label: 'Larger Text', accelerator: 'CmdOrCtrl+Plus', click: () => target.send({ type: 'textSize', step: 1 }) },
      { label: 'Smaller Text', accelerator: 'CmdOrCtrl+-', click: () => target.send({ type: 'textSize', step: -1 }) },
      { label: 'Normal Text Size', accelerator: 'CmdOrCtrl+0', click: () => target.send({ type: 'textSize', step: 0 }) },
      separator,
      { label: 'Theme', submenu: THEMES.map((theme) => ({ label: THEME_LABELS[theme], click: () => target.send({ type: 'theme', theme }) })) },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemTemplate = {
    label: top('&Help'),
    submenu: [action('showShortcuts', 'Keyboard Shortcuts'), ...(mac ? [] : [separator, { label: 'About Article Player', click: () => target.shell('about') }])],
  };
  const appMenu: MenuItemTemplate = {
    label: 'Article Player',
    submenu: [
      { role: 'about' },
      separator,
      dialog('Settings…', 'settings', 'Cmd+,'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  // macOS: the app menu first, and Edit (copy and paste in text fields) and Window menus are expected.
  return mac ? [appMenu, file, { role: 'editMenu' }, playback, view, { role: 'windowMenu' }, help] : [file, playback, view, help];
}

/** The tray (menu bar on macOS) menu: the playback basics and a way back to the window. */
export function buildTrayTemplate(target: MenuTarget): MenuItemTemplate[] {
  const send = (action: Action) => () => target.send({ type: 'action', action });
  return [
    { label: 'Play or Pause', click: send('togglePlay') },
    { label: 'Next Paragraph', click: send('nextParagraph') },
    { label: 'Previous Paragraph', click: send('previousParagraph') },
    separator,
    { label: 'Show Window', click: () => target.shell('showWindow') },
    { label: 'Quit Article Player', click: () => target.shell('quit') },
  ];
}
