/**
 * A count of changes to the pronunciation list made in this window, so the player can drop audio
 * synthesized with the old list (main's cache key already tells the lists apart; the player's own
 * prefetched blocks would otherwise still play the old one).
 */
import { useSyncExternalStore } from 'react';

let revision = 0;
const listeners = new Set<() => void>();

export function pronunciationsChanged(): void {
  revision++;
  for (const listener of listeners) listener();
}

export function usePronunciationsRevision(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => revision,
  );
}
