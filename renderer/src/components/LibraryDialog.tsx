/** The library: every article opened, searchable and sortable; open one to resume where reading stopped. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { LibraryEntry, LibrarySort } from '../../../shared/library';
import type { QueuePlacement } from '../../../shared/queue';
import type { OpenProblem } from '../article/useOpenArticle';
import { useLibraryRemoval } from '../library/useLibraryRemoval';
import '../library/library.css';
import { QueueButtons } from '../queue/QueueButtons';
import { Dialog } from './Dialog';

interface LibraryDialogProps {
  open: boolean;
  api: ArticlePlayerApi;
  currentId: string | null;
  onClose: () => void;
  onOpen: (id: string) => void;
  /** "Add to queue" / "Play next": resolves with what happened, said in the dialog's status line. */
  onQueue?: (item: { type: 'entry'; id: string }, placement: QueuePlacement) => Promise<string>;
  /** The last failed open; shown here (the page behind the modal is inert) when it was asked for here. */
  problem?: OpenProblem | null;
  onDismissProblem?: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function describe(entry: LibraryEntry): string {
  const minutes = Math.max(1, Math.round(entry.wordCount / 175));
  const where = entry.position.blockIndex > 0 ? `, at paragraph ${entry.position.blockIndex + 1} of ${entry.blockCount}` : '';
  return `${minutes} min${where}. Opened ${dateFormat.format(new Date(entry.openedAt))}`;
}

export function LibraryDialog({ open, api, currentId, onClose, onOpen, onQueue, problem, onDismissProblem }: LibraryDialogProps) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<LibrarySort>('recent');
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [message, setMessage] = useState('');
  const [confirmAll, setConfirmAll] = useState(false);

  const reload = useCallback(
    () =>
      api.invoke('listLibrary', { query, sort }).then(
        (list) => {
          setEntries(list);
          return list;
        },
        (error: unknown) => {
          setMessage(`The library could not be read: ${(error as Error).message}`);
          return [];
        },
      ),
    [api, query, sort],
  );

  useEffect(() => {
    if (open) void reload();
  }, [open, reload]);

  const removal = useLibraryRemoval({ api, entries, reload, say: setMessage });
  const { focusTarget, focusDone, forget, undoable, undo } = removal;
  const searchRef = useRef<HTMLInputElement>(null);
  /** Typing in the search after a removal: Ctrl+Z there undoes the typing, not the removal. */
  const typedSinceRemoval = useRef(false);

  useEffect(() => {
    if (!focusTarget) return;
    const target = focusTarget === 'search' ? searchRef.current : document.getElementById(`${focusTarget.entryId}-open`);
    target?.focus();
    typedSinceRemoval.current = false;
    focusDone();
  }, [focusTarget, entries, focusDone]);

  useEffect(() => {
    if (!open) forget(); // the offer belongs to this visit of the dialog
  }, [open, forget]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!undoable || event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
    const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (inField && (event.target !== searchRef.current || typedSinceRemoval.current)) return;
    event.preventDefault();
    void undo();
  };

  const shownProblem = problem?.origin === 'library' ? problem : null;
  useEffect(() => {
    if (!open && shownProblem) onDismissProblem?.(); // the message belongs to this visit of the dialog
  }, [open, shownProblem, onDismissProblem]);

  const removeAll = async () => {
    const { removed } = await api.invoke('removeLibraryEntries', { ids: 'all' });
    forget(); // everything went, confirmed first: that is not undone
    setMessage(`Removed ${removed === 1 ? '1 article' : `${removed} articles`}.`);
    setConfirmAll(false);
    await reload();
    // Focus stays in the dialog: on the search field, since the list is gone.
    searchRef.current?.focus();
  };

  return (
    <Dialog open={open} title="Library" onClose={onClose} className="library-dialog">
      {/* Ctrl+Z (Cmd+Z) anywhere in the dialog undoes the last removal, as the Undo button does. */}
      <div onKeyDown={onKeyDown}>
      <div className="library-controls">
        <div className="field">
          <label htmlFor="library-search">Search the library</label>
          <input
            ref={searchRef}
            id="library-search"
            type="search"
            value={query}
            onChange={(e) => {
              typedSinceRemoval.current = true;
              setMessage(''); // the count of what is found says more now
              setQuery(e.currentTarget.value);
            }}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="library-sort">Sort by</label>
          <select id="library-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as LibrarySort)}>
            <option value="recent">Most recently opened</option>
            <option value="title">Title</option>
          </select>
        </div>
      </div>
      <div className="library-status">
        <p role="status" className="dialog-message">
          {message || (entries ? `${entries.length} ${entries.length === 1 ? 'article' : 'articles'}${query ? ' found' : ''}.` : '')}
        </p>
        {undoable && (
          <button type="button" className="library-undo" aria-keyshortcuts="Control+Z" onClick={() => void undo()}>
            Undo
          </button>
        )}
      </div>
      {shownProblem && (
        <p role="alert" className="field-problem">
          <strong>That article could not be opened.</strong> {shownProblem.message}
        </p>
      )}
      {entries && entries.length > 0 && (
        <ul className="library-list" aria-label="Articles">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button type="button" id={`${entry.id}-open`} className="library-open" aria-describedby={`${entry.id}-details`} onClick={() => onOpen(entry.id)}>
                <span id={`${entry.id}-title`}>{entry.title}</span>
                {entry.id === currentId && <span className="visually-hidden"> (open now)</span>}
              </button>
              <p id={`${entry.id}-details`} className="hint">
                {entry.source ? `${entry.source}. ` : ''}
                {describe(entry)}
              </p>
              <button type="button" className="library-remove" aria-label={`Remove ${entry.title}`} onClick={() => void removal.remove(entry)}>
                Remove
              </button>
              {onQueue && <QueueButtons describedBy={`${entry.id}-title`} onQueue={(placement) => void onQueue({ type: 'entry', id: entry.id }, placement).then(setMessage)} />}
            </li>
          ))}
        </ul>
      )}
      {entries && entries.length > 0 && !confirmAll && (
        <button type="button" onClick={() => setConfirmAll(true)}>
          Remove all…
        </button>
      )}
      {confirmAll && (
        <div role="group" aria-label="Confirm removing every article" className="confirm">
          <p>Remove every article from the library? Reading positions are lost too.</p>
          <button type="button" onClick={() => void removeAll()}>
            Remove all articles
          </button>
          <button type="button" autoFocus onClick={() => setConfirmAll(false)}>
            Keep them
          </button>
        </div>
      )}
      </div>
    </Dialog>
  );
}
