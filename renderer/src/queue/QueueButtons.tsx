/** "Add to queue" and "Play next" for one article of a list; their description names the article. */
import type { QueuePlacement } from '../../../shared/queue';

export function QueueButtons({ describedBy, onQueue }: { describedBy: string; onQueue: (placement: QueuePlacement) => void }) {
  return (
    <span className="queue-actions library-queue">
      <button type="button" aria-describedby={describedBy} onClick={() => onQueue('end')}>
        Add to queue
      </button>
      <button type="button" aria-describedby={describedBy} onClick={() => onQueue('next')}>
        Play next
      </button>
    </span>
  );
}
