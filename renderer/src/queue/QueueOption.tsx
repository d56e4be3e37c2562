/**
 * One article of the "Up next" listbox: its place, title and length. Memoised on plain values with a
 * callback that never changes, so a move re-renders only the options whose place changed and a
 * refreshed list with the same content re-renders none. Selection follows focus (a single-select
 * listbox); only the selected option is in the Tab order (roving tabindex).
 */
import { memo } from 'react';

interface QueueOptionProps {
  id: string;
  title: string;
  details: string;
  index: number;
  selected: boolean;
  /** Stable across renders. */
  onSelect: (id: string) => void;
}

/** The id of an option's title: the actions below the list are described by the selected one's. */
export const optionTitleId = (id: string) => `queue-${id}-title`;

export const QueueOption = memo(function QueueOption({ id, title, details, index, selected, onSelect }: QueueOptionProps) {
  return (
    <div role="option" id={`queue-${id}`} data-queue-id={id} className="queue-row" aria-selected={selected} tabIndex={selected ? 0 : -1} onFocus={() => onSelect(id)} onClick={() => onSelect(id)}>
      {/* The place, for the eye: a screen reader says "3 of 1,000" from the listbox itself. */}
      <span className="queue-place" aria-hidden="true">
        {index + 1}.
      </span>
      <span id={optionTitleId(id)} className="queue-title">
        {title}
      </span>
      <span className="hint">{details}</span>
    </div>
  );
});
