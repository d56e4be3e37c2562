/**
 * Colour themes as data, so their contrast is computed in a test (WCAG 2.2: 4.5:1 for text, 3:1 for
 * highlights and focus indicators against what surrounds them). The renderer applies a palette as CSS
 * custom properties; forced-colors mode replaces all of them with system colours in CSS.
 */

export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  barBg: string;
  border: string;
  accent: string;
  accentFg: string;
  currentBg: string;
  sentenceBg: string;
  sentenceFg: string;
  /** The line under (or around) the spoken sentence: its cue beyond colour, 3:1 against the current paragraph and the sentence. */
  sentenceLine: string;
  wordBg: string;
  wordFg: string;
  focus: string;
  warningBg: string;
  errorBg: string;
  /** Text already read, when the "fade" reading aid is on. */
  readFg: string;
  rulerBg: string;
}

export const PALETTES = {
  light: {
    bg: '#fdfdfb',
    fg: '#1a1a1a',
    muted: '#4a4a4a',
    barBg: '#f1f1ee',
    border: '#767676',
    accent: '#0b57d0',
    accentFg: '#ffffff',
    currentBg: '#eef3fc',
    sentenceBg: '#fff1a8',
    sentenceFg: '#1a1a1a',
    sentenceLine: '#8a6a00',
    wordBg: '#0b57d0',
    wordFg: '#ffffff',
    focus: '#0b57d0',
    warningBg: '#fff4e5',
    errorBg: '#fdecea',
    readFg: '#595959',
    rulerBg: '#e3ecfb',
  },
  dark: {
    bg: '#1b1b1f',
    fg: '#e8e8ea',
    muted: '#c4c4c8',
    barBg: '#26262b',
    border: '#8e8e96',
    accent: '#a8c7fa',
    accentFg: '#0b1a33',
    currentBg: '#252c3a',
    sentenceBg: '#4a4420',
    sentenceFg: '#f5f5f5',
    sentenceLine: '#e0c45c',
    wordBg: '#a8c7fa',
    wordFg: '#0b1a33',
    focus: '#a8c7fa',
    warningBg: '#3a2e14',
    errorBg: '#3d1f1f',
    readFg: '#a9a9b0',
    rulerBg: '#2c3446',
  },
  sepia: {
    bg: '#f4ecd8',
    fg: '#3b2f1e',
    muted: '#5c4a33',
    barBg: '#eadfc6',
    border: '#7d6a52',
    accent: '#8a4b08',
    accentFg: '#ffffff',
    currentBg: '#ecdfc0',
    sentenceBg: '#f7d98b',
    sentenceFg: '#2e2416',
    sentenceLine: '#805000',
    wordBg: '#8a4b08',
    wordFg: '#ffffff',
    focus: '#8a4b08',
    warningBg: '#f3dfb5',
    errorBg: '#f2d4c8',
    readFg: '#6b5a44',
    rulerBg: '#e6d6b0',
  },
  contrast: {
    bg: '#000000',
    fg: '#ffffff',
    muted: '#ffffff',
    barBg: '#000000',
    border: '#ffffff',
    accent: '#ffff00',
    accentFg: '#000000',
    currentBg: '#000000',
    sentenceBg: '#003a8c',
    sentenceFg: '#ffffff',
    sentenceLine: '#00ffff',
    wordBg: '#ffff00',
    wordFg: '#000000',
    focus: '#00ffff',
    warningBg: '#000000',
    errorBg: '#000000',
    readFg: '#d0d0d0',
    rulerBg: '#1a1a4d',
  },
} as const satisfies Record<string, Palette>;

export type ThemeName = keyof typeof PALETTES;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => channel(parseInt(part, 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** "--sentence-bg" from "sentenceBg". */
export function cssVariableName(key: keyof Palette): string {
  return `--${key.replace(/[A-Z]/gu, (letter) => `-${letter.toLowerCase()}`)}`;
}
