/**
 * A tagged PDF's structure tree (pdf.js `page.getStructTree()`, role map applied), read for one page: for each
 * marked-content id the text runs carry (`getTextContent({ includeMarkedContent: true })` gives them), where it
 * stands in the tree's reading order and which block-level element holds it (a paragraph, a heading and its
 * level, a caption, a table cell with its table and row, a list item); and the page's figures with their
 * alternative text (/Alt). What the tree does not say (untagged content, a page without a tree) is left to
 * geometry. Artifacts are not in the tree (pdfLines.ts drops them).
 */

/** pdf.js's serialized structure tree node: an element with a role, or a leaf naming marked content. */
export interface StructNode {
  role?: string;
  alt?: string;
  lang?: string;
  children?: StructNode[];
  type?: string;
  id?: string;
}

export type StructRole = 'heading' | 'caption' | 'cell' | 'list-item' | 'paragraph';

/** Where a marked-content id stands in the structure. */
export interface StructPlace {
  /** Position in the page's tree order (reading order). */
  order: number;
  /** The block-level element holding it: one number per element, unique in the document. */
  block: number;
  role: StructRole;
  /** Table, row and cell (unique numbers) when the content is in a table cell; `header` for TH. */
  table?: { table: number; row: number; cell: number; header: boolean };
  /** A Caption's figure or table, when it is inside one ("Figure" or "Table"). */
  captionOf?: 'figure' | 'table';
}

export interface StructFigure {
  /** Tree order of the figure (its position among the page's content). */
  order: number;
  alt: string;
}

export interface PageStructure {
  places: Map<string, StructPlace>;
  figures: StructFigure[];
}

const HEADING = /^(?:H[1-6]?|Title)$/u;
/** Block-level roles: the outermost of them around a piece of content is its block (P inside TD is the cell). */
const BLOCK_ROLES = new Set(['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'Title', 'Caption', 'TH', 'TD', 'LI', 'TOCI', 'BlockQuote', 'Code', 'Formula']);

function roleOf(role: string): StructRole {
  if (HEADING.test(role)) return 'heading';
  if (role === 'Caption') return 'caption';
  if (role === 'TH' || role === 'TD') return 'cell';
  if (role === 'LI' || role === 'TOCI') return 'list-item';
  return 'paragraph';
}

/** Numbers shared by every page of a document, so blocks, tables and rows never collide across pages. */
export class StructCounter {
  next = 0;
  take(): number {
    return this.next++;
  }
}

/** Reads one page's tree. `tree` is what `page.getStructTree()` answered (null: the page has none). */
export function readStructure(tree: StructNode | null | undefined, counter: StructCounter): PageStructure | null {
  if (!tree?.children?.length) return null;
  const places = new Map<string, StructPlace>();
  const figures: StructFigure[] = [];
  let order = 0;
  interface Context {
    block: { id: number; role: StructRole } | null;
    table: number | null;
    row: number | null;
    cell: { id: number; header: boolean } | null;
    inside: 'figure' | 'table' | null;
  }
  const walk = (node: StructNode, context: Context): void => {
    if (node.type === 'content' && node.id) {
      if (!places.has(node.id)) {
        const block = context.block ?? { id: counter.take(), role: 'paragraph' as const };
        const place: StructPlace = { order: order++, block: block.id, role: block.role };
        if (context.table !== null && context.row !== null && context.cell) place.table = { table: context.table, row: context.row, cell: context.cell.id, header: context.cell.header };
        if (block.role === 'caption' && context.inside) place.captionOf = context.inside;
        places.set(node.id, place);
      }
      return;
    }
    const role = node.role ?? '';
    const next: Context = { ...context };
    if (role === 'Figure') {
      const alt = (node.alt ?? '').replace(/\s+/gu, ' ').trim();
      // A figure inside a figure (Chromium nests the image's Figure in the <figure>'s) is one figure.
      if (alt && !figures.some((f) => f.order === order && f.alt === alt)) figures.push({ order, alt });
      next.inside = 'figure';
    }
    if (role === 'Table') {
      next.table = counter.take();
      next.inside = 'table';
    }
    if (role === 'TR') next.row = counter.take();
    if ((role === 'TH' || role === 'TD') && !context.cell) next.cell = { id: counter.take(), header: role === 'TH' };
    if (BLOCK_ROLES.has(role) && !context.block) next.block = { id: counter.take(), role: roleOf(role) };
    for (const child of node.children ?? []) walk(child, next);
  };
  walk(tree, { block: null, table: null, row: null, cell: null, inside: null });
  return places.size || figures.length ? { places, figures } : null;
}
