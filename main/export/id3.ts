/**
 * An ID3v2.3 tag for exported MP3s: the title (TIT2) and author (TPE1), and, where the article has
 * chapters, one CHAP frame per chapter (start and end in milliseconds, its title as a TIT2 sub-frame)
 * with a CTOC table of contents, as the ID3v2 Chapter Frame Addendum defines them and podcast players
 * and audiobook apps read them. Version 2.3 rather than 2.4 because more players read it; its text is
 * UTF-16 with a byte order mark (2.3 has no UTF-8). A CTOC lists at most 255 entries, so a longer book
 * gets a top-level CTOC of CTOCs of up to 255 chapters each.
 */

export interface Id3Chapter {
  title: string;
  startMs: number;
  endMs: number;
}

export interface Id3Tags {
  title: string;
  artist?: string | null;
  chapters?: readonly Id3Chapter[];
}

const MAX_CTOC_ENTRIES = 255;
const NO_OFFSET = 0xffffffff;

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
}

function uint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0);
  return out;
}

/** A 28-bit size in four bytes of seven bits (the tag header's size is "syncsafe"). */
function syncsafe(value: number): Uint8Array {
  return Uint8Array.of((value >>> 21) & 0x7f, (value >>> 14) & 0x7f, (value >>> 7) & 0x7f, value & 0x7f);
}

function frame(id: string, body: Uint8Array): Uint8Array {
  return concat([latin1(id), uint32(body.length), Uint8Array.of(0, 0), body]);
}

/** A text frame: encoding 1 (UTF-16 with a little-endian byte order mark), then the text. */
function textFrame(id: string, text: string): Uint8Array {
  const clean = text.replace(/\0/gu, '').slice(0, 2000);
  const body = new Uint8Array(3 + clean.length * 2);
  body.set([1, 0xff, 0xfe]);
  for (let i = 0; i < clean.length; i++) {
    const unit = clean.charCodeAt(i);
    body[3 + i * 2] = unit & 0xff;
    body[4 + i * 2] = unit >>> 8;
  }
  return frame(id, body);
}

const elementId = (id: string) => concat([latin1(id), Uint8Array.of(0)]);

function chapFrame(id: string, chapter: Id3Chapter): Uint8Array {
  const start = Math.max(0, Math.round(chapter.startMs));
  const end = Math.max(start, Math.round(chapter.endMs));
  return frame('CHAP', concat([elementId(id), uint32(start), uint32(end), uint32(NO_OFFSET), uint32(NO_OFFSET), textFrame('TIT2', chapter.title)]));
}

function ctocFrame(id: string, children: readonly string[], topLevel: boolean, title?: string): Uint8Array {
  const flags = (topLevel ? 0b10 : 0) | 0b01; // top-level; ordered
  return frame('CTOC', concat([elementId(id), Uint8Array.of(flags, children.length), ...children.map(elementId), ...(title ? [textFrame('TIT2', title)] : [])]));
}

function chapterFrames(chapters: readonly Id3Chapter[], title: string): Uint8Array[] {
  const ids = chapters.map((_, i) => `chp${i}`);
  const chaps = chapters.map((chapter, i) => chapFrame(ids[i]!, chapter));
  if (ids.length <= MAX_CTOC_ENTRIES) return [ctocFrame('toc', ids, true, title), ...chaps];
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_CTOC_ENTRIES) groups.push(ids.slice(i, i + MAX_CTOC_ENTRIES));
  const groupIds = groups.map((_, i) => `toc${i}`);
  return [ctocFrame('toc', groupIds.slice(0, MAX_CTOC_ENTRIES), true, title), ...groups.map((group, i) => ctocFrame(groupIds[i]!, group, false)), ...chaps];
}

/** The tag's bytes, to put before the first MPEG frame. */
export function id3Tag(tags: Id3Tags): Uint8Array {
  const frames = [textFrame('TIT2', tags.title), ...(tags.artist ? [textFrame('TPE1', tags.artist)] : [])];
  if (tags.chapters?.length) frames.push(...chapterFrames(tags.chapters, tags.title));
  const body = concat(frames);
  return concat([latin1('ID3'), Uint8Array.of(3, 0, 0), syncsafe(body.length), body]);
}
