/** Applies the theme, font and spacing settings to the document as CSS custom properties. */
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { cssVariableName, PALETTES, type Palette, type ThemeName } from '../../../shared/themes';

const FONT_STACKS: Record<Settings['font'], string> = {
  serif: "Georgia, 'Iowan Old Style', 'Noto Serif', 'DejaVu Serif', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
  atkinson: "'Atkinson Hyperlegible', system-ui, sans-serif",
  opendyslexic: "'OpenDyslexic', system-ui, sans-serif",
};

function usePrefersDark(): boolean {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setDark(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return dark;
}

export function useAppearance(settings: Settings): ThemeName {
  const prefersDark = usePrefersDark();
  const theme: ThemeName = settings.theme === 'system' ? (prefersDark ? 'dark' : 'light') : settings.theme;
  useEffect(() => {
    const root = document.documentElement;
    const palette: Palette = PALETTES[theme];
    for (const key of Object.keys(palette) as Array<keyof Palette>) root.style.setProperty(cssVariableName(key), palette[key]);
    root.style.setProperty('color-scheme', theme === 'light' || theme === 'sepia' ? 'light' : 'dark');
    root.dataset.theme = theme;
    root.style.setProperty('--font-reading', FONT_STACKS[settings.font]);
    root.style.setProperty('--reading-size', `${1.25 * settings.fontScale}rem`);
    root.style.setProperty('--line-height', String(settings.lineHeight));
    root.style.setProperty('--letter-spacing', `${settings.letterSpacingEm}em`);
    root.style.setProperty('--word-spacing', `${settings.wordSpacingEm}em`);
    root.style.setProperty('--line-width', `${settings.lineWidthEm}em`);
    root.dataset.readingAid = settings.readingAid;
  }, [theme, settings.font, settings.fontScale, settings.lineHeight, settings.letterSpacingEm, settings.wordSpacingEm, settings.lineWidthEm, settings.readingAid]);
  return theme;
}
