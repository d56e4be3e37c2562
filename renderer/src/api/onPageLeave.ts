/**
 * Runs `callback` when the page is about to go away (window closed, reloaded, navigated), so the
 * last changes can still be sent. Both events are used: in Electron, a message sent from `pagehide`
 * can reach main after the frame is gone, and main refuses messages from frames it cannot check;
 * `beforeunload` comes while the frame is still whole. A callback may therefore run twice; those
 * given here send only what is not yet saved, or the same thing again.
 */
export function onPageLeave(callback: () => void): () => void {
  window.addEventListener('beforeunload', callback);
  window.addEventListener('pagehide', callback);
  return () => {
    window.removeEventListener('beforeunload', callback);
    window.removeEventListener('pagehide', callback);
  };
}
