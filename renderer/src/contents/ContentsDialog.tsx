/**
 * Contents: the chapters (or the headings) as a list of buttons, one Tab stop (roving tabindex): Up and
 * Down Arrow, Home, End, Page Up and Page Down move, Enter or Space reads from the chapter, Escape
 * closes and focus goes back to what opened the dialog. The chapter being read is marked with
 * aria-current (and visibly), and has focus when the dialog opens. Where the article has page numbers,
 * each entry shows the page it starts on, as a printed table of contents does.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { pageAt } from '../../../shared/contents';
import { Dialog } from '../components/Dialog';
import type { ContentsControls } from './useContents';

const PAGE_STEP = 10;

export function ContentsDialog({ controls }: { controls: ContentsControls }) {
  const open = controls.dialog === 'contents';
  const bodyRef = useRef<HTMLDivElement>(null);
  // On opening, the chapter being read has focus. This runs after the Dialog has shown itself (a child's
  // effect runs first) and after the list, mounted afresh for each opening, has rendered.
  useEffect(() => {
    if (open) bodyRef.current?.querySelector<HTMLButtonElement>('.contents-list button[tabindex="0"]')?.focus();
  }, [open]);
  return (
    <Dialog open={open} title="Contents" onClose={controls.closeDialog} className="contents-dialog">
      <div ref={bodyRef}>{open && <ContentsList controls={controls} />}</div>
    </Dialog>
  );
}

function ContentsList({ controls }: { controls: ContentsControls }) {
  const { contents, pages, current, readFrom } = controls;
  const listRef = useRef<HTMLOListElement>(null);
  const hintId = useId();
  const [focused, setFocused] = useState(() => Math.max(0, current));
  const count = contents.entries.length;

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: focused + 1,
      ArrowUp: focused - 1,
      Home: 0,
      End: count - 1,
      PageDown: focused + PAGE_STEP,
      PageUp: focused - PAGE_STEP,
    };
    if (!(event.key in moves) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(count - 1, moves[event.key]!));
    setFocused(next);
    listRef.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <>
      <p id={hintId} className="hint">
        Choose a {controls.noun.toLowerCase()} to read from it. Up and Down Arrow move through the list.
      </p>
      <ol ref={listRef} className="contents-list" aria-label={contents.kind === 'chapters' ? 'Chapters' : 'Headings'} aria-describedby={hintId} onKeyDown={onKeyDown}>
        {contents.entries.map((entry, index) => {
          const page = pages.length ? pageAt(pages, entry.blockIndex) : null;
          return (
            <li key={entry.blockIndex}>
              <button type="button" tabIndex={index === focused ? 0 : -1} aria-current={index === current ? 'true' : undefined} onFocus={() => setFocused(index)} onClick={() => readFrom(index)}>
                <span className="contents-title">{entry.title}</span>
                {index === current && (
                  <span className="contents-reading" aria-hidden="true">
                    reading now
                  </span>
                )}
                {page !== null && (
                  <span className="contents-page">
                    <span className="visually-hidden">, page </span>
                    {page}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}
