/**
 * The article's progress as a slider: elapsed and remaining time beside it, dragged with the mouse or a
 * finger, or moved with the keys (a paragraph per arrow key, a tenth of the article per Page key). A
 * drag shows where it would go and moves the reading only when it is let go, so the engine is not asked
 * for every paragraph passed over; a key moves at once, as ArrowDown does.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PlayerState } from '../player/Player';
import type { ReadingSession } from '../player/ReadingSession';
import { describeProgress, formatClock } from './listeningTime';

interface ArticleProgressProps {
  player: ReadingSession | null;
  state: PlayerState;
  blockCount: number;
  wordsPerMinute: number;
  /** The line under the slider: "Paragraph 3 of 15 · about 4 min left · Voice: …"; empty parts are left out. */
  summary: { position: string; remaining: string; voice: string };
}

export function ArticleProgress(props: ArticleProgressProps) {
  return (
    <>
      <ProgressSlider {...props} />
      <p className="progress">
        {[
          [props.summary.position, 'position'],
          [props.summary.remaining, 'remaining'],
          [props.summary.voice && `Voice: ${props.summary.voice}`, 'engine'],
        ]
          .filter(([text]) => text)
          .map(([text, part], i) => (
            <span key={part} className={part}>
              {i > 0 && ' · '}
              {text}
            </span>
          ))}
      </p>
    </>
  );
}

function ProgressSlider({ player, state, blockCount, wordsPerMinute }: ArticleProgressProps) {
  const [dragged, setDragged] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useRef({ player, state });
  useLayoutEffect(() => {
    latest.current = { player, state };
  });

  // 'change' comes when a drag is let go, and at once for each key: the moment to move the reading.
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const onCommit = () => {
      const { player: session, state: now } = latest.current;
      setDragged(null);
      const index = Number(input.value);
      if (!session || index === now.blockIndex) return;
      session.goToBlock(index, { play: now.status === 'playing' || now.status === 'loading' });
    };
    input.addEventListener('change', onCommit);
    return () => input.removeEventListener('change', onCommit);
  }, [player, blockCount]);

  if (!player || blockCount === 0) return null;
  const totalMs = player.totalMs(wordsPerMinute);
  const remainingMs = player.remainingMs(wordsPerMinute);
  const index = dragged ?? Math.min(state.blockIndex, blockCount - 1);
  // While dragging, the times are those of the paragraph's start (the title's is the article's).
  const elapsedMs = dragged === null ? totalMs - remainingMs : (totalMs * Math.max(0, index)) / blockCount;
  const leftMs = totalMs - elapsedMs;
  return (
    <div className="article-progress">
      <span className="clock" aria-hidden="true">
        {formatClock(elapsedMs)}
      </span>
      <input
        ref={inputRef}
        type="range"
        aria-label="Position in article"
        min={player.firstIndex}
        max={Math.max(0, blockCount - 1)}
        step={1}
        value={index}
        aria-valuetext={describeProgress(index, blockCount, elapsedMs, leftMs)}
        onChange={(event) => setDragged(Number(event.currentTarget.value))}
      />
      <span className="clock" aria-hidden="true">
        -{formatClock(leftMs)}
      </span>
    </div>
  );
}
