/** The window's side of the desktop features: settings they use, and the small decisions in renderer/src/desktop. */
import { describe, expect, it } from 'vitest';
import { GLOBAL_ACCELERATOR, normalizeSettings, settingsPatchSchema, DEFAULT_SETTINGS } from '../../shared/settings';
import { acceleratorFromKeyPress } from '../../renderer/src/desktop/acceleratorFromKeyPress';
import { steppedFontScale } from '../../renderer/src/desktop/textSize';

const press = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers });

describe('the clipboard shortcut', () => {
  it('is off unless the user sets one', () => {
    expect(DEFAULT_SETTINGS.clipboardShortcut).toBe('');
    expect(normalizeSettings({ clipboardShortcut: 'Space' }).clipboardShortcut).toBe(''); // a bare key would be taken from every program
  });

  it('takes accelerators with a modifier and refuses anything else', () => {
    expect(settingsPatchSchema.safeParse({ clipboardShortcut: 'CommandOrControl+Shift+R' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ clipboardShortcut: '' }).success).toBe(true);
    for (const bad of ['R', 'Shift', 'Ctrl+', 'Ctrl+Shift+Whatever', 'Ctrl+R; rm -rf']) expect(GLOBAL_ACCELERATOR.test(bad), bad).toBe(false);
  });

  it('is recorded from the keys pressed, as Electron spells it', () => {
    expect(acceleratorFromKeyPress(press('r', { ctrlKey: true, shiftKey: true }), false)).toBe('CommandOrControl+Shift+R');
    expect(acceleratorFromKeyPress(press('r', { metaKey: true, altKey: true }), true)).toBe('CommandOrControl+Alt+R');
    expect(acceleratorFromKeyPress(press(' ', { ctrlKey: true, altKey: true }), false)).toBe('CommandOrControl+Alt+Space');
    expect(acceleratorFromKeyPress(press('Shift', { shiftKey: true }), false)).toBeNull();
    expect(GLOBAL_ACCELERATOR.test(acceleratorFromKeyPress(press('k'), false)!)).toBe(false);
  });
});

describe('View > text size', () => {
  it('steps by 10% within the setting’s range, and 0 resets', () => {
    expect(steppedFontScale(1, 1)).toBe(1.1);
    expect(steppedFontScale(0.8, -1)).toBe(0.75);
    expect(steppedFontScale(2.95, 1)).toBe(3);
    expect(steppedFontScale(1.7, 0)).toBe(1);
  });
});
