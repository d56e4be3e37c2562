/**
 * While a long document is still being read: "Reading page 40 of 506" with a progress bar, or, when
 * reading stopped part way, why (what arrived stays readable). Not a live region: the screen reader is
 * told when reading starts and ends (useArticleStream), not at every page.
 */
import { streamFailedMessage, streamLabel } from '../../../shared/articleStream';
import type { ArticleStream } from './useArticleStream';

export function StreamProgress({ stream }: { stream: ArticleStream | null }) {
  if (!stream || stream.status === 'complete') return null;
  if (stream.status === 'failed') {
    return (
      <p className="notice notice-error stream-progress" data-testid="stream-progress">
        {streamFailedMessage(stream, stream.message ?? '')}
      </p>
    );
  }
  const label = streamLabel(stream);
  return (
    <p className="stream-progress" data-testid="stream-progress">
      <progress max={stream.total} value={Math.min(stream.done, stream.total)} aria-label={label} />
      <span>{label}</span>
    </p>
  );
}
