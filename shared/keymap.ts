/**
 * Every keyboard shortcut in one table (Readest's shortcuts.ts pattern). Keys are KeyboardEvent.key
 * values; they act only when focus is not in a text field.
 */

export const ACTIONS = {
  togglePlay: 'Play or pause',
  nextParagraph: 'Next paragraph',
  previousParagraph: 'Previous paragraph',
  nextSentence: 'Next sentence',
  previousSentence: 'Previous sentence',
  firstParagraph: 'Beginning',
  lastParagraph: 'Last paragraph',
  nextChapter: 'Next chapter',
  previousChapter: 'Previous chapter',
  showContents: 'Contents',
  goToPage: 'Go to page',
  nextArticle: 'Next article in the queue',
  previousArticle: 'Previous article in the queue',
  showQueue: 'Queue',
  addToQueue: 'Add to queue',
  playNext: 'Play next',
  faster: 'Faster',
  slower: 'Slower',
  normalRate: 'Normal speed',
  louder: 'Louder',
  quieter: 'Quieter',
  hearAsWritten: 'Hear as written',
  announceProgress: 'Say where I am and the time left',
  sleepTimer: 'Sleep timer',
  announceSleepTimer: 'Say the time left on the sleep timer',
  readSelection: 'Read selection',
  find: 'Find in the article',
  showOpen: 'Open an article',
  showLibrary: 'Library',
  showSettings: 'Settings',
  showExport: 'Export audio',
  showShortcuts: 'Show keyboard shortcuts',
} as const;

export type Action = keyof typeof ACTIONS;
export type Keymap = Record<Action, readonly string[]>;

export const DEFAULT_KEYMAP: Keymap = {
  togglePlay: [' ', 'k'],
  nextParagraph: ['ArrowDown', 'l'],
  previousParagraph: ['ArrowUp', 'j'],
  // The letter keys work where a screen reader keeps the arrow keys for itself.
  nextSentence: ['ArrowRight', '.'],
  previousSentence: ['ArrowLeft', ','],
  firstParagraph: ['Home'],
  lastParagraph: ['End'],
  // By chapter where the document has chapters, else by heading (shared/contents.ts).
  nextChapter: [']'],
  previousChapter: ['['],
  showContents: ['c'],
  goToPage: ['g'],
  // Media keys reach the queue through the Media Session; these are for the keyboard.
  nextArticle: ['n'],
  previousArticle: ['b'],
  showQueue: ['q'],
  // The open article, at the end of the queue or first in it (the Queue dialog's two buttons).
  addToQueue: ['a'],
  playNext: ['u'],
  faster: ['+', '='],
  slower: ['-'],
  normalRate: ['0'],
  // Beside the speed keys in meaning: > and < (Shift with . and , on many keyboards, which stay the sentence keys).
  louder: ['>'],
  quieter: ['<'],
  // The paragraph again from the sentence being read, every reading rule and pronunciation off.
  hearAsWritten: ['w'],
  announceProgress: ['p'],
  sleepTimer: ['t'],
  announceSleepTimer: ['z'],
  readSelection: ['r'],
  // Ctrl+F (Cmd+F) opens it too (renderer/src/find/useFind.ts): modified keys are not in this table.
  find: ['/'],
  // The app's dialogs; the desktop menu has Ctrl/Cmd shortcuts for them as well.
  showOpen: ['o'],
  showLibrary: ['i'],
  showSettings: ['s'],
  showExport: ['e'],
  showShortcuts: ['?'],
};

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The action bound to a key press, ignoring presses with Ctrl, Cmd or Alt (those belong to the OS and browser). */
export function actionForKey(keymap: Keymap, press: KeyPress): Action | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  for (const action of Object.keys(keymap) as Action[]) {
    if (keymap[action].some((bound) => bound.toLowerCase() === key.toLowerCase())) return action;
  }
  return null;
}

const KEY_NAMES: Record<string, string> = { ' ': 'Space', ArrowDown: 'Down Arrow', ArrowUp: 'Up Arrow', ArrowLeft: 'Left Arrow', ArrowRight: 'Right Arrow' };

/** How a key is written for people: "Space", "Down Arrow", "K". */
export function keyLabel(key: string): string {
  return KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** The aria-keyshortcuts value for an action (ARIA uses "Space" and key names, case-sensitive letters upper-cased). */
export function ariaKeyShortcuts(keymap: Keymap, action: Action): string {
  return keymap[action].map((key) => (key === ' ' ? 'Space' : key === '+' ? 'Plus' : key.length === 1 ? key.toUpperCase() : key)).join(' ');
}
