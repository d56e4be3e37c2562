/**
 * Brings the block being read into view without laying out the rest of the article. Off-screen
 * blocks have only an estimated height (content-visibility: auto) until they come near the window, so
 * a far jump scrolls at once (a smooth scroll would aim at the estimate and stop short) and is checked
 * again on the next frame, when the blocks around it have their real heights.
 */
function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function inView(rect: DOMRect): boolean {
  return rect.top >= 0 && rect.bottom <= window.innerHeight;
}

/** `instant`: jump, as for moves back to back (a held arrow key), where a smooth scroll would animate every frame. */
export function scrollToBlock(element: HTMLElement, instant = false): void {
  const rect = element.getBoundingClientRect();
  if (inView(rect)) return;
  const block = rect.height > window.innerHeight ? 'start' : 'center';
  const far = rect.bottom < -window.innerHeight || rect.top > 2 * window.innerHeight;
  element.scrollIntoView({ block, behavior: instant || far || prefersReducedMotion() ? 'instant' : 'smooth' });
  if (!far) return;
  requestAnimationFrame(() => {
    if (!element.isConnected) return;
    const settled = element.getBoundingClientRect();
    if (!inView(settled) && !(settled.height > window.innerHeight && settled.top <= 0 && settled.bottom > 0)) element.scrollIntoView({ block, behavior: 'instant' });
  });
}
