import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariableName, PALETTES, type Palette } from '../../shared/themes';

describe('contrast of every theme (WCAG 2.2 AA)', () => {
  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  describe.each(Object.entries(PALETTES) as Array<[string, Palette]>)('%s', (_name, p) => {
    it.each([
      ['text on the page', p.fg, p.bg],
      ['muted text on the page', p.muted, p.bg],
      ['text on the toolbar', p.fg, p.barBg],
      ['text in the current paragraph', p.fg, p.currentBg],
      ['the spoken sentence', p.sentenceFg, p.sentenceBg],
      ['the spoken word', p.wordFg, p.wordBg],
      ['primary button text', p.accentFg, p.accent],
      ['text already read (fade aid)', p.readFg, p.bg],
      ['text on the reading ruler', p.fg, p.rulerBg],
      ['warning text', p.fg, p.warningBg],
      ['error text', p.fg, p.errorBg],
    ])('%s has at least 4.5:1', (_what, fg, bg) => {
      expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
    });

    it.each([
      ['the focus ring against the page', p.focus, p.bg],
      ['the focus ring against the toolbar', p.focus, p.barBg],
      ['the current-paragraph bar against the page', p.accent, p.bg],
      ['the spoken word against the spoken sentence', p.wordBg, p.sentenceBg],
      // The sentence's cue beyond colour (issue 25: its background had 1.03:1 against the current paragraph's).
      ['the line marking the spoken sentence against the current paragraph', p.sentenceLine, p.currentBg],
      ['the line marking the spoken sentence against the sentence', p.sentenceLine, p.sentenceBg],
      ['the underline of the spoken word (underline style) against the current paragraph', p.wordBg, p.currentBg],
      ['control borders against the page', p.border, p.bg],
    ])('%s has at least 3:1', (_what, a, b) => {
      expect(contrastRatio(a, b)).toBeGreaterThanOrEqual(3);
    });
  });

  it('names CSS variables from palette keys', () => {
    expect(cssVariableName('sentenceBg')).toBe('--sentence-bg');
  });
});
