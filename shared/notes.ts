/**
 * Footnotes and endnotes of documents (PDF, EPUB): extractors give their bodies apart from the reading,
 * tied to the block that references them; the listener's rule decides where they are read. Markers in the
 * text ("word¹", "[3]") are removed by the extractors; this module only places the bodies.
 */
import type { Article, Block, HiddenBlock } from './article.js';

export const NOTE_PLACEMENTS = ['skip', 'after-paragraph', 'end'] as const;
export type NotePlacement = (typeof NOTE_PLACEMENTS)[number];
export const NOTE_PLACEMENT_LABELS: Record<NotePlacement, string> = {
  skip: 'Skip them (shown as left out)',
  'after-paragraph': 'Read after the paragraph that refers to them',
  end: 'Read at the end',
};
export const DEFAULT_NOTE_PLACEMENT: NotePlacement = 'end';

export interface NoteBody {
  /** The note's text without its number or back-link. */
  text: string;
  /** Its number or symbol as printed ("3", "*"), said before the text: "Note 3: ...". */
  label: string | null;
  /** Index in `blocks` of the first block that references it; null when nothing in the reading does. */
  referencedBy: number | null;
  page?: string;
  chapter?: string;
}

/** An article as extracted, before its notes are placed. */
export interface ArticleWithNotes extends Article {
  notes?: NoteBody[];
}

function noteBlock(note: NoteBody): Block {
  const block: Block = { kind: 'note', text: note.label ? `Note ${note.label}: ${note.text}` : `Note: ${note.text}` };
  if (note.page !== undefined) block.page = note.page;
  if (note.chapter !== undefined) block.chapter = note.chapter;
  return block;
}

/**
 * The article with its note bodies placed by the listener's rule: left out (hidden, at the place of the
 * block referring to them), read after that block, or read after the last block. Hidden blocks' positions
 * move with the blocks inserted before them. Without notes the article is returned as it is.
 */
export function placeNotes(article: ArticleWithNotes, placement: NotePlacement): Article {
  const { notes, ...rest } = article;
  if (!notes || notes.length === 0) return rest;
  const count = rest.blocks.length;
  const anchor = (note: NoteBody) => (note.referencedBy === null || note.referencedBy >= count ? count - 1 : note.referencedBy);
  if (placement === 'skip') {
    const hiddenNotes: HiddenBlock[] = notes.map((note) => ({ ...noteBlock(note), position: anchor(note) + 1, reason: 'note' }));
    const hidden = [...(rest.hidden ?? []), ...hiddenNotes].sort((a, b) => a.position - b.position);
    return { ...rest, hidden };
  }
  const after = new Map<number, Block[]>();
  for (const note of notes) {
    const at = placement === 'end' ? count - 1 : anchor(note);
    after.set(at, [...(after.get(at) ?? []), noteBlock(note)]);
  }
  const blocks: Block[] = [];
  /** newIndex[i]: where old position i (a hidden block's "before block i") lands. */
  const newIndex: number[] = [];
  rest.blocks.forEach((block, i) => {
    newIndex[i] = blocks.length;
    blocks.push(block, ...(after.get(i) ?? []));
  });
  newIndex[count] = blocks.length;
  const hidden = rest.hidden?.map((block) => ({ ...block, position: newIndex[Math.min(Math.max(block.position, 0), count)]! }));
  return hidden ? { ...rest, blocks, hidden } : { ...rest, blocks };
}
