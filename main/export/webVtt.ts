/**
 * A WebVTT chapter list for an export: one cue per chapter where the article has chapters, else one per
 * paragraph, so players can jump between them.
 */

export interface Cue {
  startMs: number;
  endMs: number;
  text: string;
}

function timestamp(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}`;
}

/** Cue text cannot contain "-->" or blank lines; a long paragraph is cut to a readable chapter title. */
function cueText(text: string): string {
  const clean = text.replace(/-->/gu, '→').replace(/\s+/gu, ' ').trim();
  return clean.length > 120 ? `${clean.slice(0, 117).trimEnd()}…` : clean;
}

export function toWebVtt(title: string, cues: readonly Cue[]): string {
  const lines = ['WEBVTT', `NOTE ${cueText(title)}`, ''];
  cues.forEach((cue, index) => {
    lines.push(String(index + 1), `${timestamp(cue.startMs)} --> ${timestamp(cue.endMs)}`, cueText(cue.text), '');
  });
  return lines.join('\n');
}

export interface CueChapter {
  title: string;
  /** The chapter's first block. */
  blockIndex: number;
}

/**
 * One cue per chapter from the cues of the blocks: each runs from its first block's start to the next
 * chapter's start (the last to the end of the audio), so the chapters cover the export without gaps.
 * Blocks before the first chapter (front matter) get a cue of their own, named with the article's title.
 */
export function chapterCues(blockCues: readonly Cue[], chapters: readonly CueChapter[], title: string, durationMs: number): Cue[] {
  const starts = chapters.filter((chapter, i) => chapter.blockIndex >= 0 && chapter.blockIndex < blockCues.length && (i === 0 || chapter.blockIndex > chapters[i - 1]!.blockIndex));
  if (starts.length === 0) return [...blockCues];
  const named = starts[0]!.blockIndex > 0 ? [{ title, blockIndex: 0 }, ...starts] : starts;
  return named.map((chapter, i) => ({
    startMs: i === 0 ? 0 : blockCues[chapter.blockIndex]!.startMs,
    endMs: i + 1 < named.length ? blockCues[named[i + 1]!.blockIndex]!.startMs : durationMs,
    text: chapter.title,
  }));
}
