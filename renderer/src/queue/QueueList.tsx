/**
 * The "Up next" listbox. Every article is in the DOM (found by a screen reader's search, by find in page,
 * reached by the arrow keys; no virtualization), in groups of options that the browser skips while they
 * are out of view: each group has `content-visibility: auto`, so a group off screen costs one box, with
 * no style, layout or paint for its options until it scrolls into view or takes focus. A 1,000-entry
 * queue opens with the style and layout of the groups on screen only.
 *
 * One Tab stop for the whole list (a thousand articles are not a thousand Tab stops): the arrow keys,
 * Home, End, Page Up and Page Down move the selection; Alt+Up and Alt+Down move the selected article,
 * Delete removes it, Enter plays it. The same commands are buttons below the list (UpNext).
 * The groups are plain <div>s with no role, so assistive technology sees the options as the listbox's
 * own and counts them as one list.
 */
import { forwardRef, type CSSProperties, type KeyboardEvent } from 'react';
import type { LibraryEntry } from '../../../shared/library';
import { QueueOption } from './QueueOption';

/** Options per group: a group on screen is styled whole, so small enough to be cheap, large enough to keep the groups few. */
export const OPTIONS_PER_GROUP = 10;
const PAGE = 10;

export type QueueCommand = 'play' | 'up' | 'down' | 'remove';

interface QueueListProps {
  entries: readonly LibraryEntry[];
  details: (entry: LibraryEntry) => string;
  selectedIndex: number;
  labelledBy: string;
  describedBy: string;
  /** Stable across renders. */
  onSelect: (id: string) => void;
  onCommand: (command: QueueCommand) => void;
}

/** The option of an article in the list, if it is there. */
export function optionElement(list: HTMLElement | null, id: string | undefined): HTMLElement | null {
  return list && id ? list.querySelector<HTMLElement>(`[data-queue-id="${CSS.escape(id)}"]`) : null;
}

const COMMAND_KEYS: Record<string, QueueCommand> = { 'Alt+ArrowUp': 'up', 'Alt+ArrowDown': 'down', Delete: 'remove', Enter: 'play' };

export const QueueList = forwardRef<HTMLDivElement, QueueListProps>(function QueueList({ entries, details, selectedIndex, labelledBy, describedBy, onSelect, onCommand }, ref) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    const command = COMMAND_KEYS[`${event.altKey ? 'Alt+' : ''}${event.key}`];
    if (command) {
      event.preventDefault();
      return onCommand(command);
    }
    if (event.altKey) return;
    const last = entries.length - 1;
    const targets: Record<string, number> = { ArrowDown: selectedIndex + 1, ArrowUp: selectedIndex - 1, Home: 0, End: last, PageDown: selectedIndex + PAGE, PageUp: selectedIndex - PAGE };
    if (!(event.key in targets)) return;
    event.preventDefault();
    // Selection follows focus; an option in a group out of view is scrolled to and laid out.
    optionElement(event.currentTarget, entries[Math.max(0, Math.min(last, targets[event.key]!))]?.id)?.focus();
  };

  const groups: LibraryEntry[][] = [];
  for (let start = 0; start < entries.length; start += OPTIONS_PER_GROUP) groups.push(entries.slice(start, start + OPTIONS_PER_GROUP));
  return (
    <div role="listbox" className="queue-list" ref={ref} aria-labelledby={labelledBy} aria-describedby={describedBy} aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Delete Enter" onKeyDown={onKeyDown}>
      {groups.map((group, groupIndex) => (
        // The placeholder height of a group not yet laid out: its options times an option's usual height.
        <div key={groupIndex} className="queue-group" style={{ '--rows': group.length } as CSSProperties}>
          {group.map((entry, indexInGroup) => {
            const index = groupIndex * OPTIONS_PER_GROUP + indexInGroup;
            return <QueueOption key={entry.id} id={entry.id} title={entry.title} details={details(entry)} index={index} selected={index === selectedIndex} onSelect={onSelect} />;
          })}
        </div>
      ))}
    </div>
  );
});
