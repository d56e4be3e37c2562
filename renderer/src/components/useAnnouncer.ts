/** Polite announcements for screen readers through one role="status" region. */
import { useCallback, useState } from 'react';

export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  // Screen readers ignore a region whose text did not change; alternate a trailing no-break space so a repeat is read.
  const announce = useCallback((next: string) => setMessage((previous) => (previous === next ? `${next}\u00a0` : next)), []);
  return [message, announce];
}
