/**
 * Reading order of a page's lines, from geometry alone. A column gutter is a vertical strip that no
 * narrow line crosses, with enough lines on each side of it; lines that cross it (a title or figure over
 * both columns) cut the page into sections, read top to bottom, and inside a section the left column is
 * read before the right one (each side looked at again for further columns). Without a gutter, lines go
 * top to bottom.
 */
import type { Line } from './pdfLines.js';

export interface PlacedLine extends Line {
  /** Which column region of its page the line was read in (lines of one region follow each other). */
  region: number;
  /** The right edge of the region's text, to tell a full line from a short last line. */
  regionRight: number;
  regionLeft: number;
}

function topDown(lines: Line[]): Line[] {
  return [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
}

/** Whether no narrow line crosses x and lines stand on both sides of it (a short page of a two-column document). */
function gutterHolds(lines: Line[], x: number): boolean {
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const narrow = lines.filter((l) => l.x1 - l.x0 < 0.62 * (right - left));
  // Lines over both columns (a title, the notes under them) are read as sections of their own: a few may cross.
  const crossing = lines.filter((l) => l.x0 < x - 1 && l.x1 > x + 1).length;
  return crossing <= Math.max(1, 0.25 * lines.length) && narrow.some((l) => l.x1 <= x) && narrow.some((l) => l.x0 >= x);
}

/** The gutter of a set of lines: the x of the widest empty strip among narrow lines, or null. */
export function findGutter(lines: Line[]): number | null {
  if (lines.length < 6) return null;
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const width = right - left;
  if (width <= 0) return null;
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)]!;
  // Larger text (a title, a heading over both columns) says nothing about the columns' edges.
  const narrow = lines.filter((l) => l.x1 - l.x0 < 0.62 * width && l.size <= 1.15 * size);
  if (narrow.length < 6) return null;
  // A strip is a gutter when at most one line in twenty-five crosses it (a wide caption or table row).
  const tolerance = Math.floor(narrow.length / 25);
  // Coverage at 1-unit steps between a fifth and four fifths of the width.
  const from = Math.floor(left + 0.2 * width);
  const to = Math.ceil(left + 0.8 * width);
  const covered = new Uint16Array(Math.max(0, to - from + 1));
  for (const line of narrow) {
    for (let x = Math.max(from, Math.ceil(line.x0)); x <= Math.min(to, Math.floor(line.x1)); x++) covered[x - from]!++;
  }
  let best: { start: number; end: number } | null = null;
  let start = -1;
  for (let i = 0; i <= covered.length; i++) {
    const empty = i < covered.length && covered[i]! <= tolerance;
    if (empty && start < 0) start = i;
    if (!empty && start >= 0) {
      if (!best || i - start > best.end - best.start) best = { start, end: i };
      start = -1;
    }
  }
  if (!best || best.end - best.start < 0.5 * size) return null;
  const gutter = from + (best.start + best.end) / 2;
  const leftLines = narrow.filter((l) => l.x1 <= gutter);
  const rightLines = narrow.filter((l) => l.x0 >= gutter);
  // Columns, not a ragged edge or a few labels: both sides hold a good share of the lines and of the height.
  const minSide = Math.max(3, 0.15 * narrow.length);
  if (leftLines.length < minSide || rightLines.length < minSide) return null;
  const spanning = lines.filter((l) => l.x0 < gutter && l.x1 > gutter);
  if (spanning.length > 0.5 * (leftLines.length + rightLines.length)) return null;
  return gutter;
}

let regionCounter = 0;

function place(lines: Line[], out: PlacedLine[], depth: number, documentGutter: number | null = null): void {
  let gutter = depth < 3 ? findGutter(lines) : null;
  // A page with too few lines to show its columns takes the document's gutter when nothing crosses it there.
  if (gutter === null && depth === 0 && documentGutter !== null && lines.length >= 2 && gutterHolds(lines, documentGutter)) gutter = documentGutter;
  if (gutter === null) {
    const region = regionCounter++;
    const regionLeft = Math.min(...lines.map((l) => l.x0));
    const regionRight = Math.max(...lines.map((l) => l.x1));
    for (const line of topDown(lines)) out.push({ ...line, region, regionLeft, regionRight });
    return;
  }
  // Sections: runs of lines between lines that cross the gutter.
  let section: Line[] = [];
  let spanning: Line[] = [];
  const flushSpanning = () => {
    if (spanning.length) place(spanning, out, 3);
    spanning = [];
  };
  const flush = () => {
    if (section.length === 0) return;
    const left = section.filter((l) => l.x1 <= gutter || (l.x0 + l.x1) / 2 < gutter);
    const right = section.filter((l) => !left.includes(l));
    if (left.length) place(left, out, depth + 1);
    if (right.length) place(right, out, depth + 1);
    section = [];
  };
  for (const line of topDown(lines)) {
    if (line.x0 < gutter - 1 && line.x1 > gutter + 1) {
      flush();
      spanning.push(line);
    } else {
      flushSpanning();
      section.push(line);
    }
  }
  flushSpanning();
  flush();
}

/** The page's lines in reading order, each with its column region; `documentGutter` from the other pages. */
export function orderPage(lines: Line[], documentGutter: number | null = null): PlacedLine[] {
  const out: PlacedLine[] = [];
  if (lines.length) place(lines, out, 0, documentGutter);
  return out;
}

/** The gutter most pages of the document share (within 8 units), when a page shows one. */
export function documentGutterOf(pages: Line[][]): number | null {
  const gutters = pages.map((lines) => findGutter(lines)).filter((g): g is number => g !== null);
  let best: number | null = null;
  let bestCount = 0;
  for (const g of gutters) {
    const near = gutters.filter((other) => Math.abs(other - g) <= 8);
    if (near.length > bestCount) [best, bestCount] = [near.reduce((a, b) => a + b, 0) / near.length, near.length];
  }
  return best;
}

/**
 * A tagged page's lines in its structure tree's order, when the tree places most of them (80%); a line the
 * tree does not hold keeps its place after the line geometry read before it. Regions stay geometry's.
 */
export function treeOrder(lines: PlacedLine[]): PlacedLine[] {
  const placed = lines.filter((line) => line.place !== undefined).length;
  if (placed === 0 || placed < 0.8 * lines.length) return lines;
  let last = -1;
  const keyed = lines.map((line, index) => {
    if (line.place) last = line.place.order;
    return { line, order: line.place ? line.place.order : last + 0.5, index };
  });
  return keyed.sort((a, b) => a.order - b.order || a.index - b.index).map((k) => k.line);
}

/**
 * Floats of tagged pages: lines the tree puts after the page's lowest line of text although they stand above
 * it (a box placed at the top, a sidebar) would be read between the two halves of a paragraph the page break
 * cut. They are read after that paragraph's end on the next page instead. A page whose last line in the tree's
 * order is its lowest (most pages; notes at the foot too), or whose tree goes on into another column, is left
 * as it is.
 */
export function carryFloats(pages: PlacedLine[][]): PlacedLine[][] {
  const out = pages.map((lines) => [...lines]);
  for (let i = 0; i + 1 < out.length; i++) {
    const lines = out[i]!;
    const next = out[i + 1]!;
    if (lines.length === 0 || next.length === 0 || !lines.every((line) => line.place) || !next[0]!.place) continue;
    let lowest = 0;
    lines.forEach((line, j) => {
      if (line.y < lines[lowest]!.y) lowest = j;
    });
    const end = lines[lowest]!;
    if (lowest === lines.length - 1 || end.place!.role !== 'paragraph') continue;
    // Floats stand above the flow's end over the same column; a next column (CSS columns, where the tree goes
    // on in the column to the right) is not a float, and then nothing is moved.
    const after = lines.slice(lowest + 1);
    if (!after.every((line) => line.y > end.y && line.x0 < end.regionRight && line.x1 > end.regionLeft)) continue;
    const floats = lines.splice(lowest + 1);
    const block = next[0]!.place.block;
    let stop = 0;
    while (stop < next.length && next[stop]!.place?.block === block) stop++;
    next.splice(stop, 0, ...floats);
  }
  return out;
}
