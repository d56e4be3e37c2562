import { describe, expect, it } from 'vitest';
import { ACTIONS, actionForKey, ariaKeyShortcuts, DEFAULT_KEYMAP, keyLabel, type Action } from '../../shared/keymap';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('default keymap', () => {
  it('binds the keys of the design reference', () => {
    const expected: Array<[string, Action]> = [
      [' ', 'togglePlay'],
      ['k', 'togglePlay'],
      ['K', 'togglePlay'],
      ['ArrowDown', 'nextParagraph'],
      ['l', 'nextParagraph'],
      ['ArrowUp', 'previousParagraph'],
      ['j', 'previousParagraph'],
      ['ArrowRight', 'nextSentence'],
      ['ArrowLeft', 'previousSentence'],
      ['.', 'nextSentence'],
      [',', 'previousSentence'],
      ['p', 'announceProgress'],
      ['t', 'sleepTimer'],
      ['T', 'sleepTimer'],
      ['z', 'announceSleepTimer'],
      ['r', 'readSelection'],
      ['Home', 'firstParagraph'],
      ['End', 'lastParagraph'],
      [']', 'nextChapter'],
      ['[', 'previousChapter'],
      ['c', 'showContents'],
      ['g', 'goToPage'],
      ['+', 'faster'],
      ['=', 'faster'],
      ['-', 'slower'],
      ['0', 'normalRate'],
      ['?', 'showShortcuts'],
    ];
    for (const [key, action] of expected) expect(actionForKey(DEFAULT_KEYMAP, press(key)), key).toBe(action);
  });

  it('binds no key to two actions', () => {
    const keys = Object.values(DEFAULT_KEYMAP).flat().map((key) => key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(DEFAULT_KEYMAP).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it('leaves key presses with Ctrl, Cmd or Alt to the system', () => {
    expect(actionForKey(DEFAULT_KEYMAP, press('k', { ctrlKey: true }))).toBeNull();
    expect(actionForKey(DEFAULT_KEYMAP, press('ArrowDown', { altKey: true }))).toBeNull();
    expect(actionForKey(DEFAULT_KEYMAP, press('x'))).toBeNull();
  });

  it('writes keys for people and for aria-keyshortcuts', () => {
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('k')).toBe('K');
    expect(ariaKeyShortcuts(DEFAULT_KEYMAP, 'togglePlay')).toBe('Space K');
    expect(ariaKeyShortcuts(DEFAULT_KEYMAP, 'faster')).toBe('Plus =');
  });
});
