/**
 * Words per block, counted once per article with running sums, so the time left (asked on every
 * render while playing) costs the same in a 2,000-paragraph article as in a short one.
 */
import type { Block } from '../../../shared/article';

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

export class WordCounts {
  private counts: number[] | null = null;
  /** fromHere[i]: the words in blocks i to the end. */
  private fromHere: number[] = [];

  constructor(private readonly blocks: readonly Block[]) {}

  private ensure(): number[] {
    if (!this.counts) {
      this.counts = this.blocks.map((block) => countWords(block.text));
      this.fromHere = new Array<number>(this.counts.length + 1).fill(0);
      for (let i = this.counts.length - 1; i >= 0; i--) this.fromHere[i] = this.fromHere[i + 1]! + this.counts[i]!;
    }
    return this.counts;
  }

  /** Words in block `index`. */
  in(index: number): number {
    return this.ensure()[index] ?? 0;
  }

  /** Words in the blocks from `index` to the end. */
  from(index: number): number {
    this.ensure();
    return this.fromHere[Math.max(0, Math.min(index, this.fromHere.length - 1))] ?? 0;
  }
}
