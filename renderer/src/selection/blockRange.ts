/**
 * A DOM selection in the reader as reading positions: (block index, character offset) for its start
 * and its end, found through the data-block-index elements. Each block element holds its text as is
 * (text nodes only, highlighting is done without touching the DOM), so the number of characters from
 * the element's start to a point is that point's offset in the block's text.
 */

export interface BlockPoint {
  blockIndex: number;
  char: number;
}

export interface BlockRange {
  start: BlockPoint;
  /** Exclusive: the character after the last one selected. */
  end: BlockPoint;
}

const BLOCK = '[data-block-index]';

function blockOf(node: Node, root: Element): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>(BLOCK) ?? null;
  return block && root.contains(block) ? block : null;
}

function offsetIn(block: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(block);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The first block starting at or after a point (for a selection starting outside any block), or the last one before it. */
function blockAfter(blocks: HTMLElement[], node: Node, offset: number): HTMLElement | null {
  const point = document.createRange();
  point.setStart(node, offset);
  return blocks.find((block) => point.comparePoint(block, 0) >= 0) ?? null;
}

function blockBefore(blocks: HTMLElement[], node: Node, offset: number): HTMLElement | null {
  const point = document.createRange();
  point.setStart(node, offset);
  return [...blocks].reverse().find((block) => point.comparePoint(block, block.childNodes.length) <= 0) ?? null;
}

const indexOf = (block: HTMLElement) => Number(block.getAttribute('data-block-index'));

/** The blocks and characters a selection covers inside `root` (the reader's article), or null when it covers no readable text. */
export function blockRangeOf(range: Range, root: Element): BlockRange | null {
  if (range.collapsed) return null;
  const blocks = [...root.querySelectorAll<HTMLElement>(BLOCK)];
  if (blocks.length === 0) return null;
  let start: BlockPoint | null = null;
  const startBlock = blockOf(range.startContainer, root);
  if (startBlock) start = { blockIndex: indexOf(startBlock), char: offsetIn(startBlock, range.startContainer, range.startOffset) };
  else {
    const after = blockAfter(blocks, range.startContainer, range.startOffset);
    if (after) start = { blockIndex: indexOf(after), char: 0 };
  }
  let end: BlockPoint | null = null;
  const endBlock = blockOf(range.endContainer, root);
  if (endBlock) end = { blockIndex: indexOf(endBlock), char: offsetIn(endBlock, range.endContainer, range.endOffset) };
  else {
    const before = blockBefore(blocks, range.endContainer, range.endOffset);
    if (before) end = { blockIndex: indexOf(before), char: before.textContent?.length ?? 0 };
  }
  if (!start || !end) return null;
  // A selection that starts after the last character of a block starts with the next one.
  const startLength = blocks.find((block) => indexOf(block) === start!.blockIndex)?.textContent?.trimEnd().length ?? 0;
  if (start.char >= startLength && start.blockIndex < end.blockIndex) start = { blockIndex: start.blockIndex + 1, char: 0 };
  // A selection that ends at the very start of a block covers nothing of it: end at the block before.
  if (end.char === 0 && end.blockIndex > start.blockIndex) {
    const previous = blocks.find((block) => indexOf(block) === end!.blockIndex - 1);
    end = { blockIndex: end.blockIndex - 1, char: previous?.textContent?.length ?? 0 };
  }
  if (start.blockIndex > end.blockIndex || (start.blockIndex === end.blockIndex && start.char >= end.char)) return null;
  return { start, end };
}

/** The current document selection as a block range inside `root`, if it has one there. */
export function selectedBlockRange(root: Element | null): BlockRange | null {
  const selection = document.getSelection();
  if (!root || !selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return null;
  return blockRangeOf(range, root);
}
