/**
 * Marks the block being read (aria-current, in the tab order) and those already read (the `read`
 * class) on the rendered elements directly, so a step to the next paragraph touches the old and the
 * new current element only, whatever the article's length; the blocks themselves render once.
 * `rendered` changes whenever the block elements are rendered anew (another article, hidden text shown).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

function mark(element: HTMLElement, index: number, current: number): void {
  if (index === current) {
    element.setAttribute('aria-current', 'location');
    element.tabIndex = 0;
  } else if (element.hasAttribute('aria-current')) {
    element.removeAttribute('aria-current');
    element.tabIndex = -1;
  }
  if (element.classList.contains('read') !== index < current) element.classList.toggle('read', index < current);
}

export function useReadingMarks(containerRef: RefObject<HTMLElement | null>, blockIndex: number, rendered: unknown): void {
  const applied = useRef<{ rendered: unknown; blockIndex: number; elements: HTMLElement[] } | null>(null);
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const last = applied.current;
    if (!last || last.rendered !== rendered || !last.elements[0]?.isConnected) {
      // Elements in block order: data-block-index i is the i-th (hidden text carries none).
      const elements = [...container.querySelectorAll<HTMLElement>('[data-block-index]')];
      elements.forEach((element, index) => mark(element, index, blockIndex));
      applied.current = { rendered, blockIndex, elements };
      return;
    }
    if (last.blockIndex === blockIndex) return;
    const from = Math.max(0, Math.min(last.blockIndex, blockIndex));
    const to = Math.min(last.elements.length - 1, Math.max(last.blockIndex, blockIndex));
    for (let index = from; index <= to; index++) mark(last.elements[index]!, index, blockIndex);
    last.blockIndex = blockIndex;
  }, [containerRef, blockIndex, rendered]);
}
