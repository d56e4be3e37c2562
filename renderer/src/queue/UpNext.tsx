/**
 * "Up next": the queue's listbox and the buttons that act on its selected article (Play now, Move up,
 * Move down, Remove). A move shows at once; focus stays where the listener is: on the button pressed
 * (it never moves), or on the moved article when it was moved with Alt+Up / Alt+Down in the list.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { LibraryEntry } from '../../../shared/library';
import { optionTitleId } from './QueueOption';
import { optionElement, QueueList, type QueueCommand } from './QueueList';
import { useQueueSelection } from './useQueueSelection';
import type { QueueController } from './useQueue';

interface UpNextProps {
  queue: QueueController;
  details: (entry: LibraryEntry) => string;
  labelledBy: string;
  /** Where focus goes when the last article leaves the list (the buttons go with it). */
  onEmptied: () => void;
}

const KEYS_HINT_ID = 'queue-list-keys';

export function UpNext({ queue, details, labelledBy, onEmptied }: UpNextProps) {
  const entries = queue.view.upNext;
  const selection = useQueueSelection(entries);
  const listRef = useRef<HTMLDivElement>(null);
  const focusInList = () => Boolean(listRef.current?.contains(document.activeElement));

  // Where focus (or the scroll) goes once the list on screen has changed: React has put the moved
  // article in its place, or taken the removed one out (its node, with focus, is gone).
  const pending = useRef<{ kind: 'moved'; id: string; focus: boolean } | { kind: 'removed'; id: string } | null>(null);
  useLayoutEffect(() => {
    const wanted = pending.current;
    if (!wanted) return;
    const present = entries.some((queued) => queued.id === wanted.id);
    if (wanted.kind === 'removed' && present) return; // not yet: main has not answered
    pending.current = null;
    const id = wanted.kind === 'moved' ? wanted.id : selection.entry?.id;
    const target = optionElement(listRef.current, id);
    if (wanted.kind === 'removed' || wanted.focus || document.activeElement === document.body) target?.focus();
    else target?.scrollIntoView({ block: 'nearest' });
  }, [entries, selection.entry]);

  const run = (command: QueueCommand) => {
    const { entry, index } = selection;
    if (!entry) return;
    if (command === 'play') {
      void queue.step('next', { toId: entry.id }).then(queue.hide);
      return;
    }
    if (command === 'remove') {
      // From the list, focus goes to the article that takes its place; from the Remove button it stays there.
      if (focusInList()) pending.current = { kind: 'removed', id: entry.id };
      void queue.remove(entry).then(() => {
        if (entries.length <= 1) onEmptied();
      });
      return;
    }
    const by = command === 'up' ? -1 : 1;
    const to = index + by;
    // At either end the button stays where it is (aria-disabled, still focusable) and says why.
    if (to < 0 || to >= entries.length) return queue.note(`${entry.title} is already ${by < 0 ? 'first' : 'last'}.`);
    // Moved with Alt+Up/Down in the list, focus follows the article (its node may be a new one); moved
    // with a button, focus stays on the button and the article is scrolled into view.
    pending.current = { kind: 'moved', id: entry.id, focus: focusInList() };
    void queue.move(entry.id, to);
  };
  // The list gets one callback that never changes; it runs the latest command with the latest selection.
  const latestRun = useRef(run);
  useLayoutEffect(() => {
    latestRun.current = run;
  });
  const onCommand = useCallback((command: QueueCommand) => latestRun.current(command), []);

  const { entry, index } = selection;
  const describedBy = entry ? optionTitleId(entry.id) : undefined;
  return (
    <>
      <QueueList ref={listRef} entries={entries} details={details} selectedIndex={index} labelledBy={labelledBy} describedBy={KEYS_HINT_ID} onSelect={selection.select} onCommand={onCommand} />
      <p id={KEYS_HINT_ID} className="hint">
        Arrow keys choose an article; Alt+Up and Alt+Down move it, Delete removes it, Enter plays it.
      </p>
      <div role="group" aria-label="Selected article" className="queue-actions">
        <button type="button" data-command="play" aria-describedby={describedBy} onClick={() => run('play')}>
          Play now
        </button>
        <button type="button" data-command="up" aria-describedby={describedBy} aria-disabled={index === 0} onClick={() => run('up')}>
          Move up
        </button>
        <button type="button" data-command="down" aria-describedby={describedBy} aria-disabled={index === entries.length - 1} onClick={() => run('down')}>
          Move down
        </button>
        <button type="button" data-command="remove" aria-describedby={describedBy} onClick={() => run('remove')}>
          Remove
        </button>
      </div>
    </>
  );
}
