/** The settings as React state: loaded once, changed optimistically, saved through the API. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/settings';
import { onPageLeave } from '../api/onPageLeave';

export function useSettings(api: ArticlePlayerApi, report: (message: string) => void): { settings: Settings; loaded: boolean; update: (patch: SettingsPatch) => void } {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const pending = useRef<SettingsPatch>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    api
      .invoke('getSettings', {})
      .then(({ settings: saved, problem }) => {
        setSettings(saved);
        if (problem) report(problem);
      })
      .catch((error: unknown) => report(`Settings could not be loaded: ${(error as Error).message}`))
      .finally(() => setLoaded(true));
  }, [api, report]);

  const save = useCallback(() => {
    clearTimeout(timer.current);
    const toSave = pending.current;
    if (Object.keys(toSave).length === 0) return;
    pending.current = {};
    api.invoke('updateSettings', { patch: toSave }).catch((error: unknown) => report(`Settings could not be saved: ${(error as Error).message}`));
  }, [api, report]);

  const update = useCallback(
    (patch: SettingsPatch) => {
      setSettings((current) => ({
        ...current,
        ...patch,
        voiceByLanguage: { ...current.voiceByLanguage, ...patch.voiceByLanguage },
        keymap: { ...current.keymap, ...patch.keymap },
      }));
      // Sliders and repeated keys send many changes: save them together shortly after.
      pending.current = {
        ...pending.current,
        ...patch,
        ...(patch.voiceByLanguage && { voiceByLanguage: { ...pending.current.voiceByLanguage, ...patch.voiceByLanguage } }),
        ...(patch.keymap && { keymap: { ...pending.current.keymap, ...patch.keymap } }),
      };
      clearTimeout(timer.current);
      timer.current = setTimeout(save, 300);
    },
    [save],
  );

  // Closing or reloading the window within those 300 ms must not lose the change.
  useEffect(() => {
    return onPageLeave(save);
  }, [save]);

  return { settings, loaded, update };
}
