/** A WebVTT chapter list: one cue per paragraph, so players can jump between paragraphs of an export. */

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
