/**
 * pdf.js text items to lines, page by page. An item is a run of text with a transform (position and
 * size); runs belong to one line when their vertical extents overlap by more than half the smaller one
 * and they follow each other on the line (a gap wider than a word space, or a step back, starts another
 * line: another column's text on the same baseline). A smaller run raised above the baseline is a
 * superscript: digits and note symbols there are note markers, kept apart from the text.
 * Tagged-PDF artifacts (running heads, page numbers the producer marked as such) are left out here.
 */
import type { StructPlace } from './structure.js';

export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL?: boolean;
}

export interface PdfMarkedContent {
  type: 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent';
  tag?: string;
  /** The marked-content id a tagged PDF's structure tree refers to ("p2R_mc7"). */
  id?: string;
}

export interface NoteMarker {
  label: string;
  /** Character offset in the line's text where the marker stood. */
  at: number;
}

export interface Line {
  page: number;
  x0: number;
  x1: number;
  /** Baseline, in PDF units (up is larger). */
  y: number;
  /** Font size of the line's main runs. */
  size: number;
  /** Font of the line's longest run. */
  font: string;
  text: string;
  markers: NoteMarker[];
  /** A superscript note label at the line's start ("¹ The source is ..."): the line may begin a note body. */
  leadingMarker: string | null;
  /** The marked-content id of the line's first text (tagged PDFs), to find it in the structure tree. */
  mcid?: string;
  /** Where the structure tree puts the line (tagged PDFs; set by extractPdf from `mcid`). */
  place?: StructPlace;
}

interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
  mcid?: string;
}

const MARKER_TEXT = /^(?:\d{1,3}(?:[,\u2013-]\d{1,3})*|[*\u2020\u2021\u00a7\u00b6]{1,3})$/u;

/** Vertical extent of a run: from a fifth of its size below the baseline to four fifths above. */
function overlapShare(a: Run, line: { y: number; size: number }): number {
  const top = Math.min(a.y + 0.8 * a.size, line.y + 0.8 * line.size);
  const bottom = Math.max(a.y - 0.2 * a.size, line.y - 0.2 * line.size);
  return (top - bottom) / Math.min(a.size, line.size);
}

interface Building {
  runs: Run[];
  y: number;
  size: number;
  x1: number;
}

function isSuperscript(run: Run, line: { y: number; size: number }): boolean {
  return run.size <= 0.9 * line.size && run.y - line.y >= 0.2 * line.size;
}

function finishLine(building: Building, page: number): Line | null {
  const main = building.runs.filter((run) => !isSuperscript(run, building));
  if (main.length === 0) {
    // Only small raised text: an ordinary line of small text after all.
    return finishLine({ ...building, size: Math.max(...building.runs.map((r) => r.size)), y: Math.min(...building.runs.map((r) => r.y)) }, page);
  }
  let text = '';
  const markers: NoteMarker[] = [];
  let leadingMarker: string | null = null;
  let lastEnd = -Infinity;
  let longest = main[0]!;
  for (const run of building.runs) {
    const gap = run.x - lastEnd;
    const superscript = isSuperscript(run, building);
    const label = run.text.trim();
    if (superscript && MARKER_TEXT.test(label)) {
      if (text.trim() === '') leadingMarker = label;
      else markers.push({ label, at: text.trimEnd().length });
      lastEnd = Math.max(lastEnd, run.x + run.width);
      continue;
    }
    if (text && gap > 0.15 * building.size && !/\s$/u.test(text) && !/^\s/u.test(run.text)) text += ' ';
    text += run.text;
    lastEnd = Math.max(lastEnd, run.x + run.width);
    if (!superscript && run.text.length > longest.text.length) longest = run;
  }
  const trimmed = text.replace(/\s+/gu, ' ').trim();
  if (!trimmed) return null;
  const mcid = building.runs.find((run) => run.mcid !== undefined && run.text.trim())?.mcid;
  const lead = text.length - text.trimStart().length;
  for (const marker of markers) marker.at = Math.max(0, Math.min(trimmed.length, marker.at - lead));
  const xs = main.filter((run) => run.text.trim());
  const measured = xs.length ? xs : main;
  return {
    page,
    x0: Math.min(...measured.map((r) => r.x)),
    x1: Math.max(...measured.map((r) => r.x + r.width)),
    y: building.y,
    size: building.size,
    font: longest.font,
    text: trimmed,
    markers,
    leadingMarker,
    ...(mcid !== undefined && { mcid }),
  };
}

/**
 * The lines of one page, in the order the page's content stream gives them. `blockOf` (tagged PDFs) names the
 * structure element a marked-content id belongs to: runs of different elements are never one line (the cells
 * of a table row, a caption beside a figure).
 */
export function pageLines(items: ReadonlyArray<PdfTextItem | PdfMarkedContent>, page: number, blockOf?: (mcid: string | undefined) => number | undefined): Line[] {
  const lines: Line[] = [];
  let artifactDepth = 0;
  let depth = 0;
  const artifactAt: number[] = [];
  const ids: Array<string | undefined> = [];
  let current: Building | null = null;
  const flush = () => {
    if (current) {
      const line = finishLine(current, page);
      if (line) lines.push(line);
    }
    current = null;
  };
  for (const item of items) {
    if ('type' in item) {
      if (item.type === 'endMarkedContent') {
        if (artifactAt.at(-1) === depth) {
          artifactAt.pop();
          artifactDepth--;
        }
        depth = Math.max(0, depth - 1);
        ids.pop();
      } else {
        depth++;
        ids.push(item.id);
        if (item.tag === 'Artifact') {
          artifactAt.push(depth);
          artifactDepth++;
        }
      }
      continue;
    }
    if (artifactDepth > 0 || !item.str) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    // Rotated or mirrored text (margin stamps, axis labels) is not part of the reading.
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0 || d <= 0) continue;
    const size = Math.hypot(c, d);
    if (!(size > 0.5)) continue;
    const mcid = ids.findLast((id) => id !== undefined);
    const run: Run = { text: item.str, x, y, width: item.width, size, font: item.fontName, ...(mcid !== undefined && { mcid }) };
    const building: Building | null = current;
    // Another element of the structure tree starts another line.
    if (building && blockOf && run.text.trim()) {
      const first = building.runs.find((r) => r.text.trim());
      if (first && blockOf(first.mcid) !== blockOf(run.mcid)) flush();
    }
    if (current) {
      const building = current as Building;
      const sameBand = overlapShare(run, building) > 0.5;
      const gap = run.x - building.x1;
      if (sameBand && gap > -0.5 * Math.min(run.size, building.size) && gap < 0.8 * Math.max(run.size, building.size)) {
        building.runs.push(run);
        building.x1 = Math.max(building.x1, run.x + run.width);
        // The line's baseline and size are its largest runs' (a superscript never sets them).
        if (run.size > building.size * 1.1 || (Math.abs(run.size - building.size) <= building.size * 0.1 && !isSuperscript(run, building) && run.text.trim().length > 3)) {
          if (run.size > building.size * 1.1) building.size = run.size;
          building.y = run.y;
        }
        continue;
      }
      // A space glyph (justified text stretches them to an em or more) goes on its line and bridges to the next word.
      if (!run.text.trim()) continue;
      flush();
    }
    if (!run.text.trim()) continue;
    current = { runs: [run], y: run.y, size: run.size, x1: run.x + run.width };
  }
  flush();
  return lines;
}
