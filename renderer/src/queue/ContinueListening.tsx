/**
 * "Continue listening": when the app starts with no article given, the article that was being read is
 * offered at its saved position, one key away: the button takes focus (so Enter or Space continues) and
 * says where reading stopped. The welcome article stays on screen below it; the offer goes away once
 * something else is read or the listener says "Not now" (focus then goes to the article, never the body).
 */
import { useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi } from '../../../shared/api';
import type { LibraryEntry } from '../../../shared/library';
import type { PlayerStatus } from '../player/Player';
import type { QueueController } from './useQueue';

interface ContinueListeningProps {
  api: ArticlePlayerApi;
  queue: Pick<QueueController, 'openAndPlay' | 'currentId'>;
  /** Asked once the first article is on screen (the offer depends on what the host opened with). */
  ready: boolean;
  status: PlayerStatus;
}

export function ContinueListening({ api, queue, ready, status }: ContinueListeningProps) {
  const [offer, setOffer] = useState<LibraryEntry | null>(null);
  const [done, setDone] = useState(false);
  const asked = useRef(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const firstShown = useRef<string | null>(null);

  useEffect(() => {
    if (!ready || asked.current) return;
    asked.current = true;
    firstShown.current = queue.currentId;
    api.invoke('getContinueListening', {}).then(({ entry }) => setOffer(entry), () => undefined);
  }, [api, ready, queue.currentId]);

  // Reading something else (another article, or playing the one on screen) ends the offer.
  useEffect(() => {
    if (offer && (queue.currentId !== firstShown.current || status === 'playing')) setDone(true);
  }, [offer, queue.currentId, status]);

  const visible = offer !== null && !done;
  useEffect(() => {
    if (visible) buttonRef.current?.focus();
  }, [visible]);
  if (!visible) return null;

  const where = `Paragraph ${Math.min(offer.position.blockIndex + 1, offer.blockCount)} of ${offer.blockCount}`;
  return (
    <section aria-labelledby="continue-heading" className="continue-listening">
      <h2 id="continue-heading" className="visually-hidden">
        Continue listening
      </h2>
      <button
        type="button"
        ref={buttonRef}
        className="primary"
        aria-describedby="continue-where"
        onClick={() => {
          document.querySelector<HTMLElement>('article h1')?.focus(); // the button goes away: focus stays in the article
          setDone(true);
          void queue.openAndPlay(offer.id);
        }}
      >
        Continue: {offer.title}
      </button>
      <button
        type="button"
        onClick={() => {
          setDone(true);
          document.querySelector<HTMLElement>('article h1')?.focus();
        }}
      >
        Not now
      </button>
      <p id="continue-where" className="hint">
        {where}, where you stopped. The welcome article is below.
      </p>
    </section>
  );
}
