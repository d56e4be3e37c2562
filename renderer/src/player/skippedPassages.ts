/**
 * Main leaves out a passage the speech engine cannot say (it crashed or hung on it) and says so in the
 * block's `skipped`; the listener is told once per paragraph, in words, when that paragraph plays.
 */
export function skippedPassageMessage(blockIndex: number, passages: number): string {
  const where = blockIndex < 0 ? 'the title' : `paragraph ${blockIndex + 1}`;
  return passages === 1 ? `A passage in ${where} could not be spoken` : `${passages} passages in ${where} could not be spoken`;
}

export class SkippedPassages {
  private readonly told = new Set<number>();

  constructor(private readonly announce: (message: string) => void) {}

  /** Announces the block's left-out passages, unless this block's were told already. */
  tell(blockIndex: number, skipped: readonly unknown[] | undefined): void {
    if (!skipped?.length || this.told.has(blockIndex)) return;
    this.told.add(blockIndex);
    this.announce(skippedPassageMessage(blockIndex, skipped.length));
  }
}
