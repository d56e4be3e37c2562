/**
 * Find in the article: opened by its key ("/") or Ctrl+F (Cmd+F on macOS), which in the browser host
 * would otherwise open the browser's own find bar, which cannot start the reading at a match.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReadingSession } from '../player/ReadingSession';

export interface FindControls {
  open: boolean;
  show: () => void;
  close: () => void;
  /** Reads from a match and closes. */
  readFrom: (blockIndex: number, charStart: number) => void;
  commands: { find: () => void };
}

export function useFind({ player, hasArticle }: { player: ReadingSession | null; hasArticle: boolean }): FindControls {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => {
    if (hasArticle) setOpen(true);
  }, [hasArticle]);
  const close = useCallback(() => setOpen(false), []);
  const readFrom = useCallback(
    (blockIndex: number, charStart: number) => {
      setOpen(false);
      player?.playFromChar(blockIndex, charStart);
    },
    [player],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f') return;
      if (document.querySelector('dialog[open]')) return; // a dialog's own text field keeps the browser's find
      event.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [show]);

  const commands = useMemo(() => ({ find: show }), [show]);
  return { open, show, close, readFrom, commands };
}
