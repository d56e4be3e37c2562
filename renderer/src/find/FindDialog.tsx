/**
 * "Find in article": a search field and the matches as a list of buttons, each with its paragraph and
 * the words around it; choosing one reads from the match. The count is announced as it changes.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Article } from '../../../shared/article';
import { findInArticle } from '../../../shared/findInArticle';
import { Dialog } from '../components/Dialog';
import type { FindControls } from './useFind';
import './find.css';

const SHOWN = 200;

function countMessage(total: number, shown: number, query: string): string {
  if (!query.trim()) return 'Type a word or phrase to find.';
  if (total === 0) return `No match for "${query.trim()}".`;
  const matches = total === 1 ? '1 match' : `${total} matches`;
  return shown < total ? `${matches}; the first ${shown} are listed.` : `${matches}.`;
}

export function FindDialog({ find, article }: { find: FindControls; article: Article | null }) {
  return (
    <Dialog open={find.open && article !== null} title="Find in article" onClose={find.close} className="find-dialog">
      {article && <FindForm find={find} article={article} />}
    </Dialog>
  );
}

function FindForm({ find, article }: { find: FindControls; article: Article }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const { matches, total } = useMemo(() => findInArticle(article.blocks, deferred, SHOWN), [article, deferred]);
  const fieldId = useId();
  const countId = useId();
  return (
    <>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          // Enter can come before the deferred list catches up with the typing: search what is typed now.
          const first = deferred === query ? matches[0] : findInArticle(article.blocks, query, 1).matches[0];
          if (first) find.readFrom(first.blockIndex, first.charStart);
        }}
      >
        <label htmlFor={fieldId}>Find</label>
        <input id={fieldId} type="search" value={query} data-autofocus aria-describedby={countId} onChange={(event) => setQuery(event.currentTarget.value)} />
        <p id={countId} role="status" className="find-count">
          {countMessage(total, matches.length, deferred)}
        </p>
      </form>
      {matches.length > 0 && (
        <ol className="find-results" aria-label="Matches: choose one to read from there">
          {matches.map((match) => (
            <li key={`${match.blockIndex}:${match.charStart}`}>
              <button type="button" onClick={() => find.readFrom(match.blockIndex, match.charStart)}>
                <span className="find-where">Paragraph {match.blockIndex + 1}</span>
                <span className="find-context">
                  {match.before}
                  <mark>{match.match}</mark>
                  {match.after}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
