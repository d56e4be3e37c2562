/**
 * Where focus goes when the control that had it disappears (a dismissed notice, a closed dialog whose
 * opener is gone, a button that hides itself): the paragraph being read, then the article's heading,
 * then the toolbar, never the page body, where a keyboard or screen reader user would have to start over.
 */
export function focusReadingPlace(preferred: HTMLElement | null = null): void {
  const candidates = [
    preferred?.isConnected ? preferred : null,
    // The paragraph being read, or the title while it is read (before the first paragraph).
    document.querySelector<HTMLElement>('[data-block-index][aria-current]:not([aria-current="false"]), article h1[aria-current]:not([aria-current="false"])'),
    document.querySelector<HTMLElement>('article h1'),
    document.querySelector<HTMLElement>('[role="toolbar"] button:not(:disabled)'),
  ];
  for (const target of candidates) {
    if (!target) continue;
    target.focus();
    if (document.activeElement === target) return;
  }
}

/** Focus is about to be lost when the element holding it leaves the page. */
export function focusIsOnBody(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === document.documentElement;
}
