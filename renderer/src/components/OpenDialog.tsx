/**
 * Open an article: a web address, a file from the computer, or pasted text. A failed open is said here,
 * where the listener is (role="alert" inside the modal: everything behind it is inert), beside the
 * field to correct, which keeps focus; closing the dialog puts the message away with it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ArticleSource } from '../../../shared/api';
import { ARTICLE_FILE_ACCEPT, ARTICLE_FILE_KINDS } from '../../../shared/articleFiles';
import type { OpenOrigin, OpenProblem } from '../article/useOpenArticle';
import { Dialog } from './Dialog';

interface OpenDialogProps {
  open: boolean;
  onClose: () => void;
  onOpen: (source: ArticleSource, origin: OpenOrigin) => void;
  /** A chosen file: its size is checked before it is read and sent. */
  onOpenFile: (file: File, origin: OpenOrigin) => void;
  /** The last failed open; shown here when it was asked for here. */
  problem: OpenProblem | null;
  onDismissProblem: () => void;
}

type Field = 'url' | 'file' | 'text';
const PROBLEM_ID = 'open-problem';

function FieldProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p id={PROBLEM_ID} role="alert" className="field-problem">
      <strong>That article could not be opened.</strong> {problem}
    </p>
  );
}

export function OpenDialog({ open, onClose, onOpen, onOpenFile, problem, onDismissProblem }: OpenDialogProps) {
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  /** An open asked for here and not answered yet: the problem there was when it was asked. */
  const [pending, setPending] = useState<{ before: OpenProblem | null } | null>(null);
  const opening = open && pending !== null && pending.before === problem;
  const urlField = useRef<HTMLInputElement>(null);
  const fileField = useRef<HTMLInputElement>(null);
  const textField = useRef<HTMLTextAreaElement>(null);
  const shown = problem?.origin === 'open' ? problem : null;
  const field: Field | null = shown ? (shown.source === 'file' || shown.source === 'text' ? shown.source : 'url') : null;
  const message = (which: Field) => (field === which ? shown!.message : null);
  const invalid = (which: Field) => (field === which ? { 'aria-invalid': true, 'aria-describedby': PROBLEM_ID } : {});

  // The field to correct takes focus.
  useEffect(() => {
    if (!shown || !open) return;
    const kind = shown.source;
    (kind === 'file' ? fileField : kind === 'text' ? textField : urlField).current?.focus();
  }, [shown, open]);
  // The message belongs to this visit of the dialog.
  useEffect(() => {
    if (!open && shown) onDismissProblem();
  }, [open, shown, onDismissProblem]);

  const start = (source: ArticleSource) => {
    setPending({ before: problem });
    onOpen(source, 'open');
  };
  const startFile = (file: File) => {
    setPending({ before: problem });
    onOpenFile(file, 'open');
  };
  const submitUrl = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) start({ type: 'url', url: url.trim() });
  };
  const submitText = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) start({ type: 'text', text, html: /^\s*</u.test(text) && /<\/?(p|div|article|html|body)\b/iu.test(text) });
  };

  return (
    <Dialog open={open} title="Open an article" onClose={() => {
        setPending(null); // closed on success too: Dialog's close event comes for every way out
        onClose();
      }}
      className="open-dialog">
      <form onSubmit={submitUrl} className="open-form">
        <label htmlFor="open-url">Web address</label>
        <div className="inline">
          <input
            id="open-url"
            ref={urlField}
            data-autofocus
            type="url"
            inputMode="url"
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            autoComplete="url"
            {...invalid('url')}
          />
          <button type="submit" disabled={!url.trim()}>
            Open address
          </button>
        </div>
        <FieldProblem problem={message('url')} />
      </form>
      <div className="open-form">
        <label htmlFor="open-file">A file on this computer ({ARTICLE_FILE_KINDS})</label>
        <input
          id="open-file"
          ref={fileField}
          type="file"
          accept={ARTICLE_FILE_ACCEPT}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = ''; // the same file chosen again (after fixing it) is read again
            if (file) startFile(file);
          }}
          {...invalid('file')}
        />
        <FieldProblem problem={message('file')} />
      </div>
      <form onSubmit={submitText} className="open-form">
        <label htmlFor="open-text">Or paste the text of an article</label>
        <textarea id="open-text" ref={textField} rows={6} value={text} onChange={(e) => setText(e.currentTarget.value)} {...invalid('text')} />
        <FieldProblem problem={message('text')} />
        <button type="submit" disabled={!text.trim()}>
          Read pasted text
        </button>
      </form>
      <p role="status" className="dialog-message">
        {opening ? 'Opening the article…' : ''}
      </p>
      <p className="hint">You can also drop a file or a link onto the window, or paste with Ctrl+V anywhere outside a text field.</p>
    </Dialog>
  );
}
