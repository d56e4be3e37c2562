/**
 * The playback toolbar: previous, play/pause, next, hear as written, speech rate. A real toolbar (WAI-ARIA
 * APG): its buttons are one Tab stop with a roving tabindex, Left/Right Arrow move between them (wrapping),
 * Home/End go to the first/last; the rate slider is the next Tab stop, since its arrows change the rate.
 * The reading keys (arrows for sentences, Home/End for paragraphs) act when focus is in the article.
 */
import { useState, type KeyboardEvent } from 'react';
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

/** The button to move to for a key, or null when the key is not the toolbar's. */
export function rovingTarget(key: string, from: number, count: number): number | null {
  if (key === 'ArrowRight') return (from + 1) % count;
  if (key === 'ArrowLeft') return (from - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

function useRovingButtons() {
  const [active, setActive] = useState(0);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>(':scope > button')];
    const from = buttons.indexOf(event.target as HTMLButtonElement);
    if (from < 0) return; // the slider keeps its arrows
    const to = rovingTarget(event.key, from, buttons.length);
    if (to === null) return;
    event.preventDefault(); // the key moves focus here: it is not a reading key
    buttons[to]!.focus();
  };
  return {
    onKeyDown,
    /** Tab comes back to the button last used. */
    item: (index: number) => ({ tabIndex: index === active ? 0 : -1, onFocus: () => setActive(index) }),
  };
}

export function Toolbar(props: ToolbarProps) {
  const { state, keymap, disabled } = props;
  const playing = state.status === 'playing' || state.status === 'loading';
  const roving = useRovingButtons();
  return (
    <div role="toolbar" aria-label="Player controls" className="toolbar" onKeyDown={roving.onKeyDown}>
      <button type="button" {...roving.item(0)} onClick={() => props.run('previousParagraph')} disabled={disabled} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'previousParagraph')} title="Previous paragraph">
        <PreviousIcon />
        <span className="label">Previous paragraph</span>
      </button>
      <button
        type="button"
        {...roving.item(1)}
        className="primary"
        onClick={() => props.run('togglePlay')}
        disabled={disabled}
        aria-keyshortcuts={ariaKeyShortcuts(keymap, 'togglePlay')}
        title={playing ? 'Pause' : 'Play'}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
        <span className="label">{playing ? 'Pause' : 'Play'}</span>
      </button>
      <button type="button" {...roving.item(2)} onClick={() => props.run('nextParagraph')} disabled={disabled} aria-keyshortcuts={ariaKeyShortcuts(keymap, 'nextParagraph')} title="Next paragraph">
        <NextIcon />
        <span className="label">Next paragraph</span>
      </button>
      <button
        type="button"
        {...roving.item(3)}
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
