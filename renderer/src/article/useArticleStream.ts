/**
 * The rest of a long document arriving after its first part opened (issue 23, 5): progress, growth of
 * the article on screen, the end (the whole article with its library entry) or a failure (what arrived
 * stays). Events of any other stream (an earlier document, replaced by another open) are ignored, so two
 * documents never mix. The screen reader is told when reading starts and when it ends, politely.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePlayerApi, LoadResult } from '../../../shared/api';
import { streamCompleteMessage, streamFailedMessage, streamLabel, type ArticleStreamEvent, type StreamState } from '../../../shared/articleStream';
import { goingToLabel } from '../../../shared/resumePlace';
import { growArticle, markStillReading } from './articleGrowth';

export interface ArticleStream extends StreamState {
  status: 'reading' | 'complete' | 'failed';
  message?: string;
}

type SetLoaded = (update: (previous: LoadResult | null) => LoadResult | null) => void;

/** A result grown by a stream event; the same result when the event does not concern it. */
export function applyStreamEvent(previous: LoadResult | null, event: ArticleStreamEvent): LoadResult | null {
  if (!previous?.ok) return previous;
  const { article } = previous;
  if (event.complete) {
    const { article: whole, entry } = event.complete;
    const keep = event.keep ?? 0;
    return { ok: true, article: growArticle(article, keep, whole.blocks.slice(keep), whole), entry };
  }
  if (event.error) return { ...previous, article: growArticle(article, article.blocks.length, [], undefined, true) };
  if (event.blocks) return { ...previous, article: growArticle(article, event.keep ?? 0, event.blocks) };
  return previous;
}

export function useArticleStream(api: ArticlePlayerApi, setLoaded: SetLoaded, announce: (message: string) => void) {
  const [stream, setStream] = useState<ArticleStream | null>(null);
  const current = useRef<string | null>(null);

  /** A result is shown: its stream (if it is a first part) becomes the one followed; any other stops being followed. */
  const follow = useCallback((result: LoadResult | null): LoadResult | null => {
    const started = result?.ok ? result.stream : undefined;
    current.current = started?.id ?? null;
    setStream(started ? { ...started, status: 'reading' } : null);
    if (started && result?.ok) markStillReading(result.article);
    return result;
  }, []);

  useEffect(
    () =>
      api.on('articleStream', (event) => {
        if (event.streamId !== current.current) return;
        const { done, total, unit } = event;
        setLoaded((previous) => applyStreamEvent(previous, event));
        if (event.complete || event.error) current.current = null;
        if (event.complete) announce(streamCompleteMessage(event));
        else if (event.error) announce(streamFailedMessage(event, event.error));
        setStream((previous) => previous && { ...previous, done, total, unit, status: event.complete ? 'complete' : event.error ? 'failed' : 'reading', message: event.error });
      }),
    [api, setLoaded, announce],
  );

  return { stream, follow };
}

/**
 * What the open says of a streamed document ("Reading page 2 of 500"; "Going to your place on page 212:
 * reading page 2 of 500" when its saved place is still to come), or null for one read whole.
 */
export function startedMessage(result: LoadResult): string | null {
  if (!result.ok || !result.stream) return null;
  const { place } = result.stream;
  return place ? goingToLabel(place, result.stream) : streamLabel(result.stream);
}
