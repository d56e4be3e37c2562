/**
 * Hidden-block bookkeeping, for every format: what extraction leaves out is kept (`Article.hidden`) with where
 * it stood and why, so the user can see it and bring it back ("Show the text left out").
 *
 * - `HiddenList`: an article's left-out blocks within the limits (repeats dropped, at most 200 blocks and
 *   100,000 characters), used by every extractor.
 * - `hiddenFromPage`: when a reading was made by something other than the block walk (Readability, for
 *   HTML), the walk's blocks are matched against what is read, in order, which gives every other block
 *   its position.
 */
import type { Block, HiddenBlock } from '../../shared/article.js';

export const MAX_HIDDEN_BLOCKS = 200;
export const MAX_HIDDEN_CHARS = 100_000;

/** An article's left-out blocks within the limits: repeats dropped, at most MAX_HIDDEN_BLOCKS and MAX_HIDDEN_CHARS. */
export class HiddenList {
  readonly blocks: HiddenBlock[] = [];
  private readonly seen = new Set<string>();
  private chars = 0;

  get full(): boolean {
    return this.blocks.length >= MAX_HIDDEN_BLOCKS;
  }

  /** Adds the block unless the list is full, has its text already, or would pass the character limit. */
  add(block: HiddenBlock): boolean {
    if (this.full || this.seen.has(block.text) || this.chars + block.text.length > MAX_HIDDEN_CHARS) return false;
    this.seen.add(block.text);
    this.chars += block.text.length;
    this.blocks.push(block);
    return true;
  }

  /** The `hidden` field of an Article: absent when nothing was left out. */
  field(): { hidden?: HiddenBlock[] } {
    return this.blocks.length > 0 ? { hidden: this.blocks } : {};
  }
}

/** A block a format's walk found, with the reason it would be left out when something about it says so. */
export interface CandidateBlock extends Block {
  reason: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;

function tokensOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function shinglesOf(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return out;
}

/**
 * The page blocks that are not read, each placed before the kept block that follows it in the page.
 * `alsoKept` is text shown elsewhere (the title, the byline), not hidden either.
 */
export function hiddenFromPage(page: CandidateBlock[], kept: Block[], alsoKept: string[]): HiddenBlock[] {
  const exact = new Map<string, number[]>();
  kept.forEach((block, index) => {
    const list = exact.get(block.text);
    if (list) list.push(index);
    else exact.set(block.text, [index]);
  });
  const extra = new Set(alsoKept.filter(Boolean));
  // Offsets of each kept block in the joined text, to find which block holds a piece of it.
  const offsets: number[] = [];
  let joined = '';
  for (const block of kept) {
    offsets.push(joined.length);
    joined += `${block.text}\n`;
  }
  // Words and 3-word shingles of the kept text, built on first need (most page blocks match exactly).
  let keptWords: Set<string> | null = null;
  let keptShingles: Map<string, number> | null = null;
  const wordIndex = () => {
    if (keptWords) return keptWords;
    keptWords = new Set<string>();
    for (const block of kept) for (const token of tokensOf(block.text)) keptWords.add(token);
    return keptWords;
  };
  const shingleIndex = () => {
    if (keptShingles) return keptShingles;
    keptShingles = new Map<string, number>();
    kept.forEach((block, at) => {
      for (const shingle of shinglesOf(tokensOf(block.text))) if (!keptShingles!.has(shingle)) keptShingles!.set(shingle, at);
    });
    return keptShingles;
  };
  const blockAt = (offset: number) => {
    let low = 0;
    let high = offsets.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (offsets[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  const hidden = new HiddenList();
  let cursor = 0; // index of the next kept block not yet met in the page
  for (const block of page) {
    if (hidden.full) break;
    const { text } = block;
    const indices = exact.get(text);
    if (indices) {
      const next = indices.find((index) => index >= cursor);
      if (next !== undefined) cursor = next + 1;
      continue;
    }
    if (extra.has(text)) continue;
    const tokens = tokensOf(text);
    const words = wordIndex();
    let known = 0;
    for (const token of tokens) if (words.has(token)) known++;
    // A piece of a kept block (the page splits what the reader joined): every word of it is read.
    if (known === tokens.length) {
      let at = joined.indexOf(text, offsets[Math.min(cursor, offsets.length - 1)] ?? 0);
      if (at < 0 && cursor > 0) at = joined.indexOf(text);
      if (at >= 0) {
        cursor = Math.max(cursor, blockAt(at) + 1);
        continue;
      }
    }
    // Mostly read text (the reader's copy lost or split a part of it).
    if (tokens.length >= 3 && known >= tokens.length * 0.6) {
      const own = shinglesOf(tokens);
      const shingleAt = shingleIndex();
      let shared = 0;
      let last = -1;
      for (const shingle of own) {
        const at = shingleAt.get(shingle);
        if (at === undefined) continue;
        shared++;
        if (at >= cursor && at < cursor + 50) last = Math.max(last, at);
      }
      if (shared >= own.length * 0.5) {
        if (last >= 0) cursor = last + 1;
        continue;
      }
    }
    if (!/\p{L}/u.test(text)) continue;
    hidden.add({ kind: block.kind, text, position: Math.min(cursor, kept.length), reason: block.reason ?? 'not part of the article' });
  }
  return hidden.blocks;
}
