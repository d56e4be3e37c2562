/**
 * While a long document is still being read: "Reading page 40 of 506" with a progress bar (while a saved
 * place is still to come, "Going to your place on page 212: reading page 40 of 506"), or, when
 * reading stopped part way, why (what arrived stays readable). Not a live region: the screen reader is
 * told when reading starts and ends (useArticleStream), not at every page.
 */
import { streamFailedMessage, streamLabel } from '../../../shared/articleStream';
import type { ReadingPosition } from '../../../shared/library';
import { goingToLabel } from '../../../shared/resumePlace';
import type { ArticleStream } from './useArticleStream';

/** `goingTo`: the saved place the reader waits for (it says so: "Going to your place on page 212: reading page 40 of 500"). */
export function StreamProgress({ stream, goingTo }: { stream: ArticleStream | null; goingTo?: ReadingPosition | null }) {
  if (!stream || stream.status === 'complete') return null;
  if (stream.status === 'failed') {
    return (
      <p className="notice notice-error stream-progress" data-testid="stream-progress">
        {streamFailedMessage(stream, stream.message ?? '')}
      </p>
    );
  }
  const label = goingTo ? goingToLabel({ ...goingTo, page: stream.place?.page }, stream) : streamLabel(stream);
  return (
    <p className="stream-progress" data-testid="stream-progress">
      <progress max={stream.total} value={Math.min(stream.done, stream.total)} aria-label={label} />
      <span>{label}</span>
    </p>
  );
}
