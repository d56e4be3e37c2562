/** The playback toolbar: previous, play/pause, next, speech rate, shortcuts. */
import { ariaKeyShortcuts, type Keymap } from '../../../shared/keymap';
import { describeRate, formatRate, RATE_MAX, RATE_MIN, RATE_STEP, wordsPerMinute } from '../../../shared/rate';
import type { PlayerState } from '../player/Player';
import { NextIcon, PauseIcon, PlayIcon, PreviousIcon } from './icons';

interface ToolbarProps {
  state: PlayerState;
  keymap: Keymap;
  normalWordsPerMinute: number;
  disabled: boolean;
  onTogglePlay: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onRate: (rate: number) => void;
}

export function Toolbar(props: ToolbarProps) {
  const { state, keymap, disabled } = props;
  const playing = state.status === 'playing' || state.status === 'loading';
  return (
    <div role="toolbar" aria-label="Player controls" className="toolbar">
      <button type="button" onClick={props.onPrevious} disabled={disabled} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'previousParagraph')}>
        <PreviousIcon />
        <span className="label">Previous paragraph</span>
      </button>
      <button type="button" className="primary" onClick={props.onTogglePlay} disabled={disabled} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'togglePlay')}>
        {playing ? <PauseIcon /> : <PlayIcon />}
        <span className="label">{playing ? 'Pause' : 'Play'}</span>
      </button>
      <button type="button" onClick={props.onNext} disabled={disabled} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'nextParagraph')}>
        <NextIcon />
        <span className="label">Next paragraph</span>
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
