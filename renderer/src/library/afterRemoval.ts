/** Where focus goes in a list when an entry leaves it, so it is never dropped on the page or sent back to the top. */

/**
 * The entry to focus after `removedId` left the list: the next one (the one that takes its place), or
 * the previous one when it was the last; null when the list is empty (the caller picks the field above it).
 */
export function entryToFocusAfterRemoval(before: readonly string[], removedId: string, after: readonly string[]): string | null {
  if (after.length === 0) return null;
  const remaining = new Set(after);
  const at = before.indexOf(removedId);
  if (at < 0) return after[0]!;
  for (let i = at + 1; i < before.length; i++) if (remaining.has(before[i]!)) return before[i]!;
  for (let i = at - 1; i >= 0; i--) if (remaining.has(before[i]!)) return before[i]!;
  return after[Math.min(at, after.length - 1)]!;
}
