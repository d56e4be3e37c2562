/**
 * The "Sleep timer" button (with the time left beside it while a timer runs) and its dialog: the preset
 * lengths, a custom length in minutes, the end of this paragraph or article, cancel, and whether a key in
 * the last minute gives the timer more time.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { ariaKeyShortcuts, type Keymap } from '../../../shared/keymap';
import type { SettingsPatch } from '../../../shared/settings';
import { Dialog } from '../components/Dialog';
import { CUSTOM_MAX_MINUTES, CUSTOM_MIN_MINUTES, formatClock, parseCustomMinutes, SLEEP_PRESETS } from './sleepTimer';
import type { SleepTimerControls } from './useSleepTimer';
import './sleepTimer.css';

interface SleepTimerControlProps {
  timer: SleepTimerControls;
  keymap: Keymap;
  disabled: boolean;
  extendOnKey: boolean;
  update: (patch: SettingsPatch) => void;
}

export function SleepTimerControl({ timer, keymap, disabled, extendOnKey, update }: SleepTimerControlProps) {
  const remainingId = useId();
  const customId = useId();
  const [custom, setCustom] = useState('');
  const [problem, setProblem] = useState('');
  const firstChoice = useRef<HTMLButtonElement>(null);
  const startCustom = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseCustomMinutes(custom);
    if (!parsed.ok) return setProblem(parsed.message);
    setProblem('');
    timer.start({ kind: 'minutes', minutes: parsed.minutes });
  };

  return (
    <div className="sleep-timer">
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={timer.openDialog}
        disabled={disabled}
        aria-keyshortcuts={ariaKeyShortcuts(keymap, 'sleepTimer')}
        aria-describedby={timer.active ? remainingId : undefined}
      >
        <span className="label">Sleep timer</span>
      </button>
      {timer.active && (
        <span id={remainingId} className="sleep-remaining">
          {timer.remainingMs !== null ? <span aria-hidden="true">{formatClock(timer.remainingMs)}</span> : null}
          <span className={timer.remainingMs !== null ? 'visually-hidden' : undefined}>{timer.description}</span>
        </span>
      )}
      <Dialog
        open={timer.dialogOpen}
        title="Sleep timer"
        onClose={() => {
          setProblem('');
          timer.closeDialog();
        }}
        className="sleep-timer-dialog"
      >
        {/* Not a live region: it changes every second; the announce key says it on request. */}
        <p className="dialog-message">{timer.description ?? 'No sleep timer is set.'}</p>
        {timer.active && (
          <p>
            <button
              type="button"
              onClick={() => {
                // The button goes with the timer: focus moves on to the choices, not to the page body.
                firstChoice.current?.focus();
                timer.cancel();
              }}
            >
              Cancel the sleep timer
            </button>
          </p>
        )}
        <fieldset className="sleep-choices">
          <legend>Pause playback</legend>
          <div className="sleep-buttons">
            {SLEEP_PRESETS.map((minutes, index) => (
              <button key={minutes} ref={index === 0 ? firstChoice : undefined} type="button" onClick={() => timer.start({ kind: 'minutes', minutes })}>
                In {minutes} minutes
              </button>
            ))}
            <button type="button" onClick={() => timer.start({ kind: 'paragraph' })}>
              At the end of this paragraph
            </button>
            <button type="button" onClick={() => timer.start({ kind: 'article' })}>
              At the end of this article
            </button>
          </div>
          <form className="sleep-custom" onSubmit={startCustom} noValidate>
            <label htmlFor={customId}>Custom, in minutes</label>
            <input
              id={customId}
              type="number"
              inputMode="decimal"
              min={CUSTOM_MIN_MINUTES}
              max={CUSTOM_MAX_MINUTES}
              step="any"
              value={custom}
              aria-describedby={`${customId}-hint`}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => setCustom(event.currentTarget.value)}
            />
            <button type="submit">Start</button>
            <p id={`${customId}-hint`} className="hint">
              {problem || 'Decimals work: 0.5 is thirty seconds.'}
            </p>
          </form>
        </fieldset>
        <div className="field checkbox">
          <input
            id={`${customId}-extend`}
            type="checkbox"
            checked={extendOnKey}
            aria-describedby={`${customId}-extend-hint`}
            onChange={(event) => update({ sleepTimerExtendOnKey: event.currentTarget.checked })}
          />
          <label htmlFor={`${customId}-extend`}>Any key pressed in the last minute gives the timer its time again</label>
          <p id={`${customId}-extend-hint`} className="hint">
            For a timer in minutes (in the second half of one shorter than two minutes). A timer to the end of the paragraph or the article keeps its place.
          </p>
        </div>
      </Dialog>
    </div>
  );
}
