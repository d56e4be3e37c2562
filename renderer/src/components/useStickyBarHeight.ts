/**
 * Keeps `--bar-height` on the root at the sticky bar's real height, so scroll padding keeps a focused or
 * scrolled-to paragraph out from under the bar whatever its wrapping, zoom and text size (WCAG 2.4.11).
 */
import { useEffect } from 'react';

export function useStickyBarHeight(selector: string): void {
  useEffect(() => {
    const bar = document.querySelector<HTMLElement>(selector);
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--bar-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`));
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--bar-height');
    };
  }, [selector]);
}
