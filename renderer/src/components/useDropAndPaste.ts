/** Articles arrive by dropping a file or link on the window, or pasting outside a text field. */
import { useEffect } from 'react';
import type { ArticleSource } from '../../../shared/api';

const URL_ONLY = /^https?:\/\/\S+$/iu;

function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, dialog[open]') !== null);
}

/** `openFile` takes a dropped file (its size checked before it is read and sent), `open` a dropped link or pasted text. */
export function useDropAndPaste(open: (source: ArticleSource) => void, openFile: (file: File) => void): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer && [...event.dataTransfer.types].some((type) => type === 'Files' || type === 'text/uri-list' || type === 'text/plain')) {
        event.preventDefault(); // allows the drop (and stops the browser from navigating to the file)
        event.dataTransfer.dropEffect = 'copy';
      }
    };
    const onDrop = (event: DragEvent) => {
      const data = event.dataTransfer;
      if (!data) return;
      event.preventDefault();
      const file = data.files[0];
      if (file) {
        openFile(file);
        return;
      }
      const link = data.getData('text/uri-list').split('\n').find((line) => line && !line.startsWith('#')) ?? data.getData('text/plain');
      if (link.trim()) open(URL_ONLY.test(link.trim()) ? { type: 'url', url: link.trim() } : { type: 'text', text: link, html: false });
    };
    const onPaste = (event: ClipboardEvent) => {
      if (inTextField(event.target) || !event.clipboardData) return;
      const html = event.clipboardData.getData('text/html');
      const text = event.clipboardData.getData('text/plain');
      if (!html.trim() && !text.trim()) return;
      event.preventDefault();
      if (URL_ONLY.test(text.trim())) open({ type: 'url', url: text.trim() });
      else if (html.trim()) open({ type: 'text', text: html, html: true });
      else open({ type: 'text', text, html: false });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, [open, openFile]);
}
