/** The Louder and Quieter keys: the volume setting a step up or down, heard at once and said. */
import type { Action } from '../../../shared/keymap';
import type { SettingsPatch } from '../../../shared/settings';
import { describeVolume, stepVolume } from '../../../shared/voiceControls';

export function volumeCommands(volume: number, update: (patch: SettingsPatch) => void, announce: (message: string) => void): Partial<Record<Action, () => void>> {
  const step = (steps: number) => () => {
    const next = stepVolume(volume, steps);
    if (next !== volume) update({ volume: next });
    announce(describeVolume(next));
  };
  return { louder: step(1), quieter: step(-1) };
}
