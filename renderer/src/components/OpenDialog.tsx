/** Open an article: a web address, a file from the computer, or pasted text. */
import { useState, type FormEvent } from 'react';
import type { ArticleSource } from '../../../shared/api';
import { Dialog } from './Dialog';

interface OpenDialogProps {
  open: boolean;
  onClose: () => void;
  onOpen: (source: ArticleSource) => void;
}

export async function fileSource(file: File): Promise<ArticleSource> {
  return { type: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function OpenDialog({ open, onClose, onOpen }: OpenDialogProps) {
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');

  const submitUrl = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) onOpen({ type: 'url', url: url.trim() });
  };
  const submitText = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onOpen({ type: 'text', text, html: /^\s*</u.test(text) && /<\/?(p|div|article|html|body)\b/iu.test(text) });
  };

  return (
    <Dialog open={open} title="Open an article" onClose={onClose} className="open-dialog">
      <form onSubmit={submitUrl} className="open-form">
        <label htmlFor="open-url">Web address</label>
        <div className="inline">
          <input id="open-url" type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} autoComplete="url" />
          <button type="submit" disabled={!url.trim()}>
            Open address
          </button>
        </div>
      </form>
      <div className="open-form">
        <label htmlFor="open-file">A file on this computer (HTML, text or Markdown)</label>
        <input
          id="open-file"
          type="file"
          accept=".html,.htm,.xhtml,.txt,.text,.md,.markdown,.epub,text/html,text/plain,text/markdown,application/epub+zip"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void fileSource(file).then(onOpen);
          }}
        />
      </div>
      <form onSubmit={submitText} className="open-form">
        <label htmlFor="open-text">Or paste the text of an article</label>
        <textarea id="open-text" rows={6} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <button type="submit" disabled={!text.trim()}>
          Read pasted text
        </button>
      </form>
      <p className="hint">You can also drop a file or a link onto the window, or paste with Ctrl+V anywhere outside a text field.</p>
    </Dialog>
  );
}
