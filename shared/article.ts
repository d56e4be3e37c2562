/** The article model: what was extracted from a source and what is read aloud. */

export const BLOCK_KINDS = ['heading', 'paragraph', 'quote', 'list-item', 'code', 'table', 'note'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface Block {
  kind: BlockKind;
  /** Plain text, whitespace collapsed; exactly what is spoken. */
  text: string;
  /** The page label the block starts on (PDF page labels, EPUB page-break marks); absent for web pages. */
  page?: string;
  /** The title of the chapter the block belongs to (EPUB navigation, PDF outline); absent for web pages. */
  chapter?: string;
  /** BCP 47 tag of a block in another language than the article's (an EPUB passage's xml:lang); absent otherwise. */
  lang?: string;
  /** A list item's list, for showing it as it was: numbered or not, the number it shows, the first of its list. */
  list?: ListPlace;
  /** A table's cells row by row, for showing it as a table; `text` is what is spoken. */
  table?: TableCells;
}

export interface ListPlace {
  ordered: boolean;
  /** The number an ordered item shows (lists may start anywhere, items may set their own). */
  number?: number;
  /** The first item of its list: a list right after another one is another list. */
  first?: boolean;
}

export interface TableCells {
  rows: string[][];
  /** The first row holds the column headings. */
  header: boolean;
}

/** Only the fields of a Block (extractors' candidate blocks carry more). */
export function blockFields({ kind, text, page, chapter, lang, list, table }: Block): Block {
  return { kind, text, ...(page !== undefined && { page }), ...(chapter !== undefined && { chapter }), ...(lang && { lang }), ...(list && { list }), ...(table && { table }) };
}

/** Text the extractor left out, kept so the user can see it and bring it back ("show hidden blocks"). */
export interface HiddenBlock extends Block {
  /** Where it stood: the index in `blocks` it came before (blocks.length: after the last block). */
  position: number;
  /** Why it was left out, for people: "page furniture", "figure caption", "author bio", "source line", ... */
  reason: string;
}

export interface Article {
  title: string;
  byline: string | null;
  /** Where the article came from: a URL, a file path, a publication named in the text. */
  source: string | null;
  /** BCP 47 language tag when known, used to pick a voice. */
  lang: string | null;
  /** Readable blocks in reading order; the title is not repeated here. */
  blocks: Block[];
  /** What extraction dropped, in page order; absent when nothing was. Never read unless brought back. */
  hidden?: HiddenBlock[];
}

/** Collapses runs of whitespace (including non-breaking spaces) so offsets are stable on both sides. */
export function normalizeText(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/gu, ' ').trim();
}

/**
 * Code keeps its lines and indentation (shown in <pre>, each line its own sentence when read); trailing
 * spaces, blank lines at either end, tabs and other line ends are made regular.
 */
export function normalizeCode(text: string): string {
  return text
    .replace(/[\u00a0\u200b]/gu, ' ')
    .replace(/\r\n?/gu, '\n')
    .replace(/\t/gu, '    ')
    .replace(/[^\S\n]+$/gmu, '')
    .replace(/^\n+|\n+$/gu, '');
}

/** Builds a block, or returns null when nothing would be spoken. */
export function makeBlock(kind: BlockKind, rawText: string): Block | null {
  const text = kind === 'code' ? normalizeCode(rawText) : normalizeText(rawText);
  return /[\p{L}\p{N}]/u.test(text) ? { kind, text } : null;
}

export function articleWordCount(article: Article): number {
  return article.blocks.reduce((sum, block) => sum + (block.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
}

/** The article with hidden block `hiddenIndex` brought back into the reading, at the place it had on the page. */
export function restoreHiddenBlock(article: Article, hiddenIndex: number): { article: Article; insertedAt: number } | null {
  const hidden = article.hidden ?? [];
  const restored = hidden[hiddenIndex];
  if (!restored) return null;
  const insertedAt = Math.min(Math.max(0, restored.position), article.blocks.length);
  const { position: _position, reason: _reason, ...block } = restored;
  const blocks = [...article.blocks.slice(0, insertedAt), block, ...article.blocks.slice(insertedAt)];
  const rest = hidden
    .filter((_, i) => i !== hiddenIndex)
    // Blocks that stood after the restored one now stand one further on; one restored just before them stays before.
    .map((block, i) => (block.position > insertedAt || (block.position === insertedAt && i >= hiddenIndex) ? { ...block, position: block.position + 1 } : block));
  return { article: { ...article, blocks, hidden: rest }, insertedAt };
}
