/** The queue's settings in the Settings dialog: auto-continue and the pause between articles. */
import type { Settings, SettingsPatch } from '../../../shared/settings';

export function QueueSettingsFields({ settings, update }: { settings: Settings; update: (patch: SettingsPatch) => void }) {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    <fieldset>
      <legend>Queue</legend>
      <div className="field checkbox">
        <input id="settings-queue-auto-continue" type="checkbox" checked={settings.queueAutoContinue} onChange={(e) => update({ queueAutoContinue: e.currentTarget.checked })} />
        <label htmlFor="settings-queue-auto-continue">Play the next article in the queue when one ends</label>
      </div>
      <div className="field">
        <label htmlFor="settings-queue-pause">Pause between articles</label>
        <span className="range-field">
          <input
            id="settings-queue-pause"
            type="range"
            min={0}
            max={10_000}
            step={250}
            value={settings.queuePauseMs}
            aria-valuetext={seconds(settings.queuePauseMs)}
            aria-describedby="settings-queue-pause-hint"
            onChange={(e) => update({ queuePauseMs: Number(e.currentTarget.value) })}
          />
          <output htmlFor="settings-queue-pause" aria-hidden="true">
            {seconds(settings.queuePauseMs)}
          </output>
        </span>
        <p id="settings-queue-pause-hint" className="hint">
          Time to hear “Next:” and the title before the next article starts.
        </p>
      </div>
    </fieldset>
  );
}
