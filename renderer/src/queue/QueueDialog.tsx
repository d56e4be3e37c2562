/**
 * The "Queue" dialog: the open article and what plays after it (UpNext: a listbox with Play now, Move
 * up, Move down and Remove for its selected article), clearing with a confirmation, auto-continue, and
 * adding an address, a file or pasted text straight into the queue without opening it.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { Article } from '../../../shared/article';
import { ariaKeyShortcuts, type Keymap } from '../../../shared/keymap';
import type { LibraryEntry } from '../../../shared/library';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { Dialog } from '../components/Dialog';
import { focusIsOnBody } from '../components/focusFallback';
import { ARTICLE_FILE_ACCEPT, ARTICLE_FILE_KINDS } from '../../../shared/articleFiles';
import { readArticleFile } from '../article/readArticleFile';
import { UpNext } from './UpNext';
import type { QueueController } from './useQueue';
import './queue.css';

interface QueueDialogProps {
  queue: QueueController;
  article: Article | null;
  keymap: Keymap;
  settings: Settings;
  update: (patch: SettingsPatch) => void;
}

function details(entry: LibraryEntry): string {
  const minutes = Math.max(1, Math.round(entry.wordCount / 175));
  const where = entry.position.blockIndex > 0 ? `, from paragraph ${entry.position.blockIndex + 1} of ${entry.blockCount}` : '';
  return `${minutes} min${where}`;
}

export function QueueDialog({ queue, article, keymap, settings, update }: QueueDialogProps) {
  const [confirmClear, setConfirmClear] = useState(false);
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const clearRef = useRef<HTMLButtonElement>(null);
  const addCurrentRef = useRef<HTMLButtonElement>(null);
  const { view, currentId } = queue;
  const upNext = view.upNext;
  const focusAfterEmptied = () => (addCurrentRef.current ?? document.querySelector<HTMLElement>('#queue-url'))?.focus();

  // Once added, the field is emptied and its button disables itself: focus goes back to the field
  // (ready for the next one), never to the page body.
  const urlField = useRef<HTMLInputElement>(null);
  const textField = useRef<HTMLTextAreaElement>(null);
  const emptied = (field: HTMLElement | null, submitter: EventTarget | null, clear: () => void) => () => {
    if (document.activeElement === submitter || focusIsOnBody()) field?.focus();
    clear();
  };
  const submitUrl = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!url.trim()) return;
    const after = emptied(urlField.current, (event.nativeEvent as SubmitEvent).submitter, () => setUrl(''));
    void queue.add({ type: 'source', source: { type: 'url', url: url.trim() } }, 'end').then(after);
  };
  const submitText = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) return;
    const html = /^\s*</u.test(text) && /<\/?(p|div|article|html|body)\b/iu.test(text);
    const after = emptied(textField.current, (event.nativeEvent as SubmitEvent).submitter, () => setText(''));
    void queue.add({ type: 'source', source: { type: 'text', text, html } }, 'end').then(after);
  };

  return (
    <Dialog open={queue.open} title="Queue" onClose={() => { setConfirmClear(false); queue.hide(); }} className="queue-dialog">
      <p role="status" className="dialog-message">
        {queue.message}
      </p>
      <section aria-labelledby="queue-now" className="queue-now">
        <h3 id="queue-now">Now open</h3>
        {article && currentId ? (
          <>
            <p id="queue-current-title" className="queue-title">
              {article.title}
            </p>
            <div className="queue-actions">
              <button type="button" ref={addCurrentRef} aria-describedby="queue-current-title" aria-keyshortcuts={ariaKeyShortcuts(keymap, 'addToQueue')} onClick={() => void queue.add({ type: 'entry', id: currentId }, 'end')}>
                Add to queue
              </button>
              <button type="button" aria-describedby="queue-current-title" aria-keyshortcuts={ariaKeyShortcuts(keymap, 'playNext')} onClick={() => void queue.add({ type: 'entry', id: currentId }, 'next')}>
                Play next
              </button>
            </div>
          </>
        ) : (
          <p className="hint">No article is open.</p>
        )}
        <p className="hint">
          Next article: <kbd>{ariaKeyShortcuts(keymap, 'nextArticle')}</kbd>, previous article: <kbd>{ariaKeyShortcuts(keymap, 'previousArticle')}</kbd>, or the media keys.
          {view.previous && ` Before this one: ${view.previous.title}.`}
        </p>
      </section>
      <section aria-labelledby="queue-up-next">
        <h3 id="queue-up-next">Up next</h3>
        {upNext.length === 0 ? (
          <p className="hint">The queue is empty. Add the open article, an article from the library, or an address, a file or text below.</p>
        ) : (
          <UpNext queue={queue} details={details} labelledBy="queue-up-next" onEmptied={focusAfterEmptied} />
        )}
        {upNext.length > 0 && !confirmClear && (
          <button type="button" ref={clearRef} onClick={() => setConfirmClear(true)}>
            Clear queue…
          </button>
        )}
        {confirmClear && (
          <div role="group" aria-label="Confirm clearing the queue" className="confirm">
            <p>Remove every article from the queue? They stay in the library.</p>
            <button
              type="button"
              onClick={() =>
                void queue.clear().then(() => {
                  setConfirmClear(false);
                  focusAfterEmptied();
                })
              }
            >
              Clear the queue
            </button>
            <button
              type="button"
              autoFocus
              onClick={() => {
                setConfirmClear(false);
                requestAnimationFrame(() => clearRef.current?.focus());
              }}
            >
              Keep it
            </button>
          </div>
        )}
      </section>
      <div className="field checkbox">
        <input id="queue-auto-continue" type="checkbox" checked={settings.queueAutoContinue} onChange={(e) => update({ queueAutoContinue: e.currentTarget.checked })} />
        <label htmlFor="queue-auto-continue">Play the next article in the queue when one ends</label>
      </div>
      <section aria-labelledby="queue-add" className="queue-add">
        <h3 id="queue-add">Add to the queue without opening</h3>
        <form onSubmit={submitUrl} className="open-form">
          <label htmlFor="queue-url">Address of an article to queue</label>
          <div className="inline">
            <input id="queue-url" ref={urlField} type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} autoComplete="url" />
            <button type="submit" disabled={!url.trim()}>
              Add address to queue
            </button>
          </div>
        </form>
        <div className="open-form">
          <label htmlFor="queue-file">File to queue ({ARTICLE_FILE_KINDS})</label>
          <input
            id="queue-file"
            type="file"
            accept={ARTICLE_FILE_ACCEPT}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              void readArticleFile(file)
                .then(async (read) => {
                  if (read.ok) await queue.add({ type: 'source', source: read.source }, 'end');
                  else queue.note(read.message);
                })
                .then(() => (input.value = ''));
            }}
          />
        </div>
        <form onSubmit={submitText} className="open-form">
          <label htmlFor="queue-text">Text of an article to queue</label>
          <textarea id="queue-text" ref={textField} rows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <button type="submit" disabled={!text.trim()}>
            Add text to queue
          </button>
        </form>
      </section>
    </Dialog>
  );
}
