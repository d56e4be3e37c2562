/** Listening times as a clock ("1:02:03") and in words ("1 hour 2 minutes"), for the progress bar. */

/** "0:42", "12:05", "1:02:03". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** "1 hour 2 minutes", "4 minutes 10 seconds", "35 seconds": seconds only under ten minutes, where they matter. */
export function describeDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return minutes > 0 ? `${plural(hours, 'hour')} ${plural(minutes, 'minute')}` : plural(hours, 'hour');
  if (minutes >= 10) return plural(minutes, 'minute');
  if (minutes > 0) return seconds > 0 ? `${plural(minutes, 'minute')} ${plural(seconds, 'second')}` : plural(minutes, 'minute');
  return plural(seconds, 'second');
}

/** Where reading is: "Title" while the title is read (block -1), else "Paragraph 3 of 12". */
export function paragraphLabel(blockIndex: number, blockCount: number): string {
  return blockIndex < 0 ? 'Title' : `Paragraph ${Math.min(blockIndex + 1, blockCount)} of ${blockCount}`;
}

/** The progress slider's aria-valuetext: where, how far in, how much is left. */
export function describeProgress(blockIndex: number, blockCount: number, elapsedMs: number, remainingMs: number): string {
  return `${paragraphLabel(blockIndex, blockCount)}, ${describeDuration(elapsedMs)} in, about ${describeDuration(remainingMs)} left`;
}
