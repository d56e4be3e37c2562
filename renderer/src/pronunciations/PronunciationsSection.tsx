/**
 * "Pronunciations" in Settings: the list of what to say instead of what is written, with add, edit,
 * remove, "Hear it", and import and export of the list as a JSON file. Everything from the keyboard;
 * focus stays on a control after every change (never lost to the body when the control it was on goes).
 */
import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { Pronunciation } from '../../../shared/pronunciations';
import { downloadFile } from '../components/downloadFile';
import { usePronunciations } from './usePronunciations';

interface PronunciationsSectionProps {
  api: ArticlePlayerApi;
  /** Whether Settings is open (the list is loaded then). */
  active: boolean;
  /** How "Hear it" speaks: the player's voice, rate and engine for the article's language. */
  speech: { lang: string | null; voice: string | null; rate: number; engine: string };
}

const EMPTY: Pronunciation = { match: '', say: '', wholeWord: true, caseSensitive: false, regex: false, lang: null };

function describe(entry: Pronunciation): string {
  const how = [entry.regex ? 'pattern' : entry.wholeWord ? 'whole word' : 'anywhere', entry.caseSensitive ? 'case-sensitive' : null, entry.lang ? `language ${entry.lang}` : null].filter(Boolean).join(', ');
  return `${entry.match} → ${entry.say === '' ? '(skipped)' : entry.say} (${how})`;
}

export function PronunciationsSection({ api, active, speech }: PronunciationsSectionProps) {
  const id = useId();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const report = useCallback((text: string) => setMessage({ text, error: true }), []);
  const list = usePronunciations(api, active, report);
  const [draft, setDraft] = useState<Pronunciation>(EMPTY);
  const [editing, setEditing] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [importMode, setImportMode] = useState<'add' | 'replace'>('add');
  const matchInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const editButtons = useRef(new Map<number, HTMLButtonElement>());

  const say = (text: string) => setMessage({ text, error: false });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const entry = { ...draft, lang: draft.lang?.trim() ? draft.lang.trim() : null };
    const problem = await list.save(editing, entry);
    if (problem) {
      setFormError(problem);
      matchInput.current?.focus();
      return;
    }
    setFormError(null);
    say(editing === null ? `Added: ${describe(entry)}.` : `Saved: ${describe(entry)}.`);
    setDraft(EMPTY);
    setEditing(null);
    matchInput.current?.focus();
  };

  const startEditing = (index: number) => {
    setEditing(index);
    setDraft(list.entries[index]!);
    setFormError(null);
    matchInput.current?.focus();
  };

  const cancelEditing = () => {
    const index = editing;
    setEditing(null);
    setDraft(EMPTY);
    setFormError(null);
    if (index !== null) editButtons.current.get(index)?.focus();
  };

  const remove = async (index: number) => {
    const removed = list.entries[index]!;
    const problem = await list.remove(index);
    if (problem) return report(problem);
    say(`Removed: ${describe(removed)}.`);
    if (editing !== null) cancelEditing();
    // Focus goes to the entry now in its place, or the one before, or the form when the list is empty.
    requestAnimationFrame(() => (editButtons.current.get(index) ?? editButtons.current.get(index - 1) ?? matchInput.current)?.focus());
  };

  const importChosen = async (file: File | undefined) => {
    if (!file) return;
    const problem = await list.importFile(await file.text(), importMode);
    if (fileInput.current) fileInput.current.value = '';
    importButton.current?.focus();
    if (problem) return report(`${file.name}: ${problem} Your list is as it was.`);
    say(`Imported ${file.name}.`);
  };

  const exportList = async () => {
    try {
      downloadFile(await list.exportFile(), 'application/json', 'pronunciations.json');
      say(`Exported ${list.entries.length} ${list.entries.length === 1 ? 'entry' : 'entries'} as pronunciations.json.`);
    } catch (error) {
      report(`The list could not be exported: ${(error as Error).message}`);
    }
  };

  const hear = async (entry: Pronunciation) => {
    const problem = await list.hear(entry, speech);
    if (problem) report(problem);
  };

  const field = (name: string) => `${id}-${name}`;
  return (
    <section className="pronunciations" aria-labelledby={field('title')}>
      <h3 id={field('title')}>Pronunciations</h3>
      <p className="hint" id={field('about')}>
        What to say instead of what is written, for words the voice gets wrong. The text shown does not change, and the highlight stays on it.
      </p>
      {list.entries.length === 0 ? (
        <p>{list.loaded ? 'The list is empty.' : 'Loading the list…'}</p>
      ) : (
        <ul className="pronunciation-list" aria-label="Pronunciation list">
          {list.entries.map((entry, index) => (
            <li key={`${index}-${entry.match}`}>
              <span id={field(`entry-${index}`)}>{describe(entry)}</span>
              <span className="entry-actions">
                <button type="button" aria-describedby={field(`entry-${index}`)} onClick={() => void hear(entry)}>
                  Hear it
                </button>
                <button
                  type="button"
                  aria-describedby={field(`entry-${index}`)}
                  ref={(button) => {
                    if (button) editButtons.current.set(index, button);
                    else editButtons.current.delete(index);
                  }}
                  onClick={() => startEditing(index)}
                >
                  Edit
                </button>
                <button type="button" aria-describedby={field(`entry-${index}`)} onClick={() => void remove(index)}>
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form className="pronunciation-form" aria-label={editing === null ? 'Add a pronunciation' : `Edit the pronunciation of ${list.entries[editing]?.match ?? ''}`} onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={field('match')}>Match</label>
          <input
            id={field('match')}
            ref={matchInput}
            value={draft.match}
            required
            maxLength={200}
            aria-invalid={formError ? true : undefined}
            aria-describedby={formError ? field('error') : undefined}
            onChange={(e) => setDraft({ ...draft, match: e.currentTarget.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={field('say')}>Say</label>
          <input id={field('say')} value={draft.say} maxLength={500} aria-describedby={field('say-hint')} onChange={(e) => setDraft({ ...draft, say: e.currentTarget.value })} />
          <p className="hint" id={field('say-hint')}>
            Leave it empty to skip the text. With a pattern, $1 is what its first group matched.
          </p>
        </div>
        <div className="field checkbox">
          <input id={field('whole')} type="checkbox" checked={draft.wholeWord} onChange={(e) => setDraft({ ...draft, wholeWord: e.currentTarget.checked })} />
          <label htmlFor={field('whole')}>Whole word only</label>
        </div>
        <div className="field checkbox">
          <input id={field('case')} type="checkbox" checked={draft.caseSensitive} onChange={(e) => setDraft({ ...draft, caseSensitive: e.currentTarget.checked })} />
          <label htmlFor={field('case')}>Case-sensitive</label>
        </div>
        <div className="field checkbox">
          <input id={field('regex')} type="checkbox" checked={draft.regex} onChange={(e) => setDraft({ ...draft, regex: e.currentTarget.checked })} />
          <label htmlFor={field('regex')}>Regular expression</label>
        </div>
        <div className="field">
          <label htmlFor={field('lang')}>Language</label>
          <input id={field('lang')} value={draft.lang ?? ''} maxLength={35} placeholder="every language" aria-describedby={field('lang-hint')} onChange={(e) => setDraft({ ...draft, lang: e.currentTarget.value })} />
          <p className="hint" id={field('lang-hint')}>
            A language code such as en or de for articles in that language only; empty for every language.
          </p>
        </div>
        {formError && (
          <p className="error" id={field('error')} role="alert">
            {formError}
          </p>
        )}
        <div className="actions">
          <button type="submit">{editing === null ? 'Add' : 'Save changes'}</button>
          {editing !== null && (
            <button type="button" onClick={cancelEditing}>
              Cancel
            </button>
          )}
        </div>
      </form>
      <div className="pronunciation-files">
        <div className="field">
          <label htmlFor={field('mode')}>When importing</label>
          <select id={field('mode')} value={importMode} onChange={(e) => setImportMode(e.currentTarget.value as 'add' | 'replace')}>
            <option value="add">Add to the list</option>
            <option value="replace">Replace the list</option>
          </select>
        </div>
        <button type="button" ref={importButton} onClick={() => fileInput.current?.click()}>
          Import a list…
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="Pronunciation list file" onChange={(e) => void importChosen(e.currentTarget.files?.[0])} />
        <button type="button" onClick={() => void exportList()}>
          Export the list
        </button>
      </div>
      <p className="hint" role="status">
        {message && !message.error ? message.text : ''}
      </p>
      {message?.error && (
        <p className="error" role="alert">
          {message.text}
        </p>
      )}
    </section>
  );
}
