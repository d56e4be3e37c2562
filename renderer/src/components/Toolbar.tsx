/** The playback toolbar: previous, play/pause, next, hear as written, speech rate. */
import { ariaKeyShortcuts, type Action, type Keymap } from '../../../shared/keymap';
import { describeRate, formatRate, RATE_MAX, RATE_MIN, RATE_STEP, wordsPerMinute } from '../../../shared/rate';
import type { PlayerState } from '../player/Player';
import { AsWrittenIcon, NextIcon, PauseIcon, PlayIcon, PreviousIcon } from './icons';

interface ToolbarProps {
  state: PlayerState;
  keymap: Keymap;
  normalWordsPerMinute: number;
  disabled: boolean;
  /** Runs a keymap action, as its key would. */
  run: (action: Action) => void;
  onRate: (rate: number) => void;
}

export function Toolbar(props: ToolbarProps) {
  const { state, keymap, disabled } = props;
  const playing = state.status === 'playing' || state.status === 'loading';
  return (
    <div role="toolbar" aria-label="Player controls" className="toolbar">
      <button type="button" onClick={() => props.run('previousParagraph')} disabled={disabled} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'previousParagraph')} title="Previous paragraph">
        <PreviousIcon />
        <span className="label">Previous paragraph</span>
      </button>
      <button
        type="button"
        className="primary"
        onClick={() => props.run('togglePlay')}
        disabled={disabled}
        aria-keyshortcuts={ariaKeyShortcuts(keymap, 'togglePlay')}
        title={playing ? 'Pause' : 'Play'}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
        <span className="label">{playing ? 'Pause' : 'Play'}</span>
      </button>
      <button type="button" onClick={() => props.run('nextParagraph')} disabled={disabled} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'nextParagraph')} title="Next paragraph">
        <NextIcon />
        <span className="label">Next paragraph</span>
      </button>
      <button
        type="button"
        onClick={() => props.run('hearAsWritten')}
        disabled={disabled}
        aria-keyshortcuts={ariaKeyShortcuts(keymap, 'hearAsWritten')}
        title="Hear as written: this paragraph again, from the sentence being read, with no reading rule or pronunciation"
      >
        <AsWrittenIcon />
        <span className="label">Hear as written</span>
      </button>
      <div className="rate">
        <label htmlFor="speech-rate">Speech rate</label>
        <input
          id="speech-rate"
          type="range"
          min={RATE_MIN}
          max={RATE_MAX}
          step={RATE_STEP}
          value={state.rate}
          aria-valuetext={describeRate(state.rate, props.normalWordsPerMinute)}
          aria-keyshortcuts={`${ariaKeyShortcuts(keymap, 'faster')} ${ariaKeyShortcuts(keymap, 'slower')}`}
          onChange={(event) => props.onRate(Number(event.currentTarget.value))}
        />
        <output htmlFor="speech-rate" aria-hidden="true">
          {formatRate(state.rate)} <span className="wpm">{wordsPerMinute(state.rate, props.normalWordsPerMinute)} wpm</span>
        </output>
      </div>
    </div>
  );
}
