/**
 * Brings the block being read into view without laying out the rest of the article. Off-screen
 * blocks have only an estimated height (content-visibility: auto) until they come near the window, so
 * a far jump scrolls at once (a smooth scroll would aim at the estimate and stop short) and is then
 * checked on the frames that follow: the browser lays out the chunks near the new place a frame or two
 * after the jump (later on a busy machine), and their real heights move the block. The check goes on
 * until the block has stood in view, in the same place, for two frames in a row (at most
 * SETTLE_FRAMES); a newer move ends it.
 */
const SETTLE_FRAMES = 30;

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function inView(rect: DOMRect): boolean {
  return rect.top >= 0 && rect.bottom <= window.innerHeight;
}

/** In view, or taller than the window and filling it. */
function shown(rect: DOMRect): boolean {
  return inView(rect) || (rect.height > window.innerHeight && rect.top <= 0 && rect.bottom > 0);
}

let latestMove = 0;

function keepInViewWhileLayoutSettles(element: HTMLElement, block: ScrollLogicalPosition, move: number): void {
  let framesLeft = SETTLE_FRAMES;
  let steadyFrames = 0;
  let lastTop = Number.NaN;
  const check = () => {
    if (move !== latestMove || !element.isConnected) return;
    const rect = element.getBoundingClientRect();
    if (!shown(rect)) {
      element.scrollIntoView({ block, behavior: 'instant' });
      steadyFrames = 0;
    } else steadyFrames = rect.top === lastTop ? steadyFrames + 1 : 0;
    lastTop = element.getBoundingClientRect().top;
    if (steadyFrames < 2 && --framesLeft > 0) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** `instant`: jump, as for moves back to back (a held arrow key), where a smooth scroll would animate every frame. */
export function scrollToBlock(element: HTMLElement, instant = false): void {
  const move = ++latestMove;
  const rect = element.getBoundingClientRect();
  if (inView(rect)) return;
  const block = rect.height > window.innerHeight ? 'start' : 'center';
  const far = rect.bottom < -window.innerHeight || rect.top > 2 * window.innerHeight;
  element.scrollIntoView({ block, behavior: instant || far || prefersReducedMotion() ? 'instant' : 'smooth' });
  if (far) keepInViewWhileLayoutSettles(element, block, move);
}
