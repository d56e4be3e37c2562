/**
 * One row of the queue's "Up next" list. Memoised on plain values (id, title, details, place) with
 * callbacks that never change, so moving an entry re-renders only the rows whose place changed, and a
 * refreshed list with the same content re-renders none. Every row stays in the DOM (no virtualization):
 * all of them are reachable by Tab and by a screen reader's list navigation.
 */
import { memo } from 'react';

export type QueueRowCommand = 'play' | 'up' | 'down' | 'remove';

interface QueueRowProps {
  id: string;
  title: string;
  details: string;
  index: number;
  first: boolean;
  last: boolean;
  /** Stable across renders: the dialog reads the current list when it is called. */
  onCommand: (command: QueueRowCommand, id: string, index: number) => void;
}

export const QueueRow = memo(function QueueRow({ id, title, details, index, first, last, onCommand }: QueueRowProps) {
  const titleId = `queue-${id}-title`;
  return (
    <li data-queue-id={id}>
      <span id={titleId} className="queue-title">
        {title}
      </span>
      <span className="hint">{details}</span>
      <span className="queue-actions">
        <button type="button" data-command="play" aria-describedby={titleId} onClick={() => onCommand('play', id, index)}>
          Play now
        </button>
        <button type="button" data-command="up" aria-describedby={titleId} aria-disabled={first} onClick={() => onCommand('up', id, index)}>
          Move up
        </button>
        <button type="button" data-command="down" aria-describedby={titleId} aria-disabled={last} onClick={() => onCommand('down', id, index)}>
          Move down
        </button>
        <button type="button" data-command="remove" aria-describedby={titleId} onClick={() => onCommand('remove', id, index)}>
          Remove
        </button>
      </span>
    </li>
  );
});
