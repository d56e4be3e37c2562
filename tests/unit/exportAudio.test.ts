import { describe, expect, it } from 'vitest';
import { exportArticleAudio } from '../../main/export/exportArticleAudio';
import { id3Tag } from '../../main/export/id3';
import { chapterCues, toWebVtt } from '../../main/export/webVtt';
import { EspeakNgEngine } from '../../main/speech/espeakNg';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import { parseWav, pcmDurationMs } from '../../main/speech/wav';

const engine = new EspeakNgEngine();
const texts = ['The first paragraph is short.', 'The second paragraph is a little longer, with two sentences. Here is the second one.', 'The end.'];
const speak = (text: string, signal?: AbortSignal) => synthesizeBlock(engine, { text, lang: 'en', voice: null, rate: 1.5, signal });

describe('exportArticleAudio (real espeak-ng)', () => {
  it('joins every paragraph with the pause; its length is the sum of the paragraph audio within 1%', async () => {
    const paragraphMs = await Promise.all(texts.map(async (text) => pcmDurationMs(parseWav((await speak(text)).audio))));
    const progress: number[] = [];
    const exported = await exportArticleAudio(texts, speak, { title: 'Test', format: 'wav', paragraphPauseMs: 400, onProgress: (f) => progress.push(f) });
    const expectedMs = paragraphMs.reduce((a, b) => a + b, 0) + 2 * 400;
    const actualMs = pcmDurationMs(parseWav(exported.audio));
    expect(Math.abs(actualMs - expectedMs) / expectedMs).toBeLessThan(0.01);
    expect(exported.durationMs).toBeCloseTo(actualMs, 3);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('has one cue per paragraph, in order, starting where each paragraph starts', async () => {
    const exported = await exportArticleAudio(texts, speak, { title: 'Test', format: 'wav', paragraphPauseMs: 500 });
    expect(exported.cueList).toHaveLength(texts.length);
    for (let i = 1; i < exported.cueList.length; i++) {
      expect(exported.cueList[i]!.startMs).toBeCloseTo(exported.cueList[i - 1]!.endMs + 500, 0);
    }
    const vtt = exported.cues.split('\n');
    expect(vtt[0]).toBe('WEBVTT');
    const times = vtt.filter((line) => line.includes(' --> '));
    expect(times).toHaveLength(3);
    expect(times[0]).toMatch(/^00:00:00\.000 --> 00:00:0\d\.\d{3}$/);
    expect(vtt).toContain('The end.');
  });

  it('writes MP3 (an ID3 tag with the title, then MPEG audio frames) much smaller than WAV', async () => {
    const wav = await exportArticleAudio(texts, speak, { title: 'Test', format: 'wav', paragraphPauseMs: 300 });
    const mp3 = await exportArticleAudio(texts, speak, { title: 'Test', format: 'mp3', paragraphPauseMs: 300 });
    expect(mp3.mimeType).toBe('audio/mpeg');
    const tag = readId3(mp3.audio);
    expect(tag.text.TIT2).toBe('Test');
    expect(tag.chapters).toEqual([]);
    expect(mp3.audio[tag.length]).toBe(0xff);
    expect(mp3.audio[tag.length + 1]! & 0xe0).toBe(0xe0); // frame sync
    expect(mp3.audio.length).toBeLessThan(wav.audio.length / 4);
    expect(mp3.durationMs).toBeCloseTo(wav.durationMs, 3);
  });

  it('with chapters: one cue per chapter (front matter under the title), and ID3 chapter frames in the MP3', async () => {
    const chapters = [
      { title: 'The Harbour', blockIndex: 1 },
      { title: 'The End', blockIndex: 2 },
    ];
    const exported = await exportArticleAudio(texts, speak, { title: 'A Book', byline: 'A. Writer', format: 'mp3', paragraphPauseMs: 300, chapters });
    const paragraphs = await exportArticleAudio(texts, speak, { title: 'A Book', format: 'wav', paragraphPauseMs: 300 });
    expect(exported.cueList.map((cue) => cue.text)).toEqual(['A Book', 'The Harbour', 'The End']);
    expect(exported.cueList[1]!.startMs).toBeCloseTo(paragraphs.cueList[1]!.startMs, 0);
    expect(exported.cueList[0]!.endMs).toBe(exported.cueList[1]!.startMs); // no gaps
    expect(exported.cueList[2]!.endMs).toBe(exported.durationMs);
    expect(exported.cues.split('\n').filter((line) => line.includes(' --> '))).toHaveLength(3);
    const tag = readId3(exported.audio);
    expect(tag.text).toMatchObject({ TIT2: 'A Book', TPE1: 'A. Writer' });
    expect(tag.toc).toEqual({ id: 'toc', topLevel: true, ordered: true, children: ['chp0', 'chp1', 'chp2'] });
    expect(tag.chapters).toEqual(exported.cueList.map((cue, i) => ({ id: `chp${i}`, title: cue.text, startMs: Math.round(cue.startMs), endMs: Math.round(cue.endMs) })));
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const running = exportArticleAudio(texts, speak, { title: 'T', format: 'wav', paragraphPauseMs: 0, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(running).rejects.toThrow();
  });
});

describe('WebVTT', () => {
  it('keeps cue text from breaking the format', () => {
    const vtt = toWebVtt('A --> title', [{ startMs: 3_723_004, endMs: 3_724_000, text: 'Arrows --> and\n\nblank lines' }]);
    expect(vtt).toContain('01:02:03.004 --> 01:02:04.000');
    expect(vtt).toContain('Arrows → and blank lines');
    expect(vtt.match(/-->/g)).toHaveLength(1);
  });
});

describe('chapter cues', () => {
  const blocks = [0, 1, 2, 3].map((i) => ({ startMs: i * 1000, endMs: i * 1000 + 800, text: `block ${i}` }));
  it('run from each chapter to the next, the last to the end; front matter under the title', () => {
    expect(chapterCues(blocks, [{ title: 'One', blockIndex: 0 }, { title: 'Two', blockIndex: 2 }], 'T', 3900)).toEqual([
      { startMs: 0, endMs: 2000, text: 'One' },
      { startMs: 2000, endMs: 3900, text: 'Two' },
    ]);
    expect(chapterCues(blocks, [{ title: 'One', blockIndex: 1 }], 'T', 3900).map((cue) => cue.text)).toEqual(['T', 'One']);
  });
  it('ignores chapters out of range or out of order; none left: the block cues', () => {
    expect(chapterCues(blocks, [{ title: 'X', blockIndex: 9 }], 'T', 3900)).toEqual(blocks);
    expect(chapterCues(blocks, [{ title: 'A', blockIndex: 2 }, { title: 'B', blockIndex: 1 }], 'T', 3900).map((cue) => cue.text)).toEqual(['T', 'A']);
  });
});

describe('ID3 tag', () => {
  it('is a well-formed ID3v2.3 tag: syncsafe size, UTF-16 text that keeps any character', () => {
    const tag = id3Tag({ title: 'Ünïcode — 日本語 😀', artist: null });
    expect([...tag.slice(0, 5)]).toEqual([0x49, 0x44, 0x33, 3, 0]);
    expect(tag.slice(6, 10).every((byte) => byte < 0x80)).toBe(true);
    const read = readId3(tag);
    expect(read.length).toBe(tag.length);
    expect(read.text).toEqual({ TIT2: 'Ünïcode — 日本語 😀' });
  });
  it('a book of 600 chapters: a top-level table of contents of tables of at most 255 chapters', () => {
    const chapters = Array.from({ length: 600 }, (_, i) => ({ title: `Chapter ${i + 1}`, startMs: i * 60_000, endMs: (i + 1) * 60_000 }));
    const read = readId3(id3Tag({ title: 'Long', chapters }));
    expect(read.chapters).toHaveLength(600);
    expect(read.chapters[599]).toEqual({ id: 'chp599', title: 'Chapter 600', startMs: 599 * 60_000, endMs: 600 * 60_000 });
    expect(read.toc).toEqual({ id: 'toc', topLevel: true, ordered: true, children: ['toc0', 'toc1', 'toc2'] });
    expect(read.subTocs.map((toc) => toc.children.length)).toEqual([255, 255, 90]);
    expect(read.subTocs.every((toc) => !toc.topLevel)).toBe(true);
  });
});

interface ReadToc {
  id: string;
  topLevel: boolean;
  ordered: boolean;
  children: string[];
}

/** Reads an ID3v2.3 tag the way the ID3v2.3 and Chapter Frame Addendum documents describe it. */
function readId3(bytes: Uint8Array) {
  expect(String.fromCharCode(...bytes.slice(0, 3))).toBe('ID3');
  expect(bytes[3]).toBe(3);
  const size = (bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decodeText = (body: Uint8Array) => {
    expect([...body.slice(0, 3)]).toEqual([1, 0xff, 0xfe]);
    return new TextDecoder('utf-16le').decode(body.slice(3));
  };
  const cString = (at: number) => {
    let end = at;
    while (bytes[end] !== 0) end++;
    return { text: String.fromCharCode(...bytes.slice(at, end)), next: end + 1 };
  };
  const frames = (from: number, to: number) => {
    const out: Array<{ id: string; start: number; end: number }> = [];
    for (let at = from; at + 10 <= to && bytes[at] !== 0; ) {
      const id = String.fromCharCode(...bytes.slice(at, at + 4));
      const length = view.getUint32(at + 4);
      out.push({ id, start: at + 10, end: at + 10 + length });
      at += 10 + length;
    }
    return out;
  };
  const text: Record<string, string> = {};
  const chapters: Array<{ id: string; title: string; startMs: number; endMs: number }> = [];
  const tocs: ReadToc[] = [];
  for (const frame of frames(10, 10 + size)) {
    const body = bytes.slice(frame.start, frame.end);
    if (frame.id.startsWith('T')) text[frame.id] = decodeText(body);
    else if (frame.id === 'CHAP') {
      const { text: id, next } = cString(frame.start);
      expect(view.getUint32(next + 8)).toBe(0xffffffff);
      const sub = frames(next + 16, frame.end);
      chapters.push({ id, title: decodeText(bytes.slice(sub[0]!.start, sub[0]!.end)), startMs: view.getUint32(next), endMs: view.getUint32(next + 4) });
    } else if (frame.id === 'CTOC') {
      const { text: id, next } = cString(frame.start);
      const flags = bytes[next]!;
      const count = bytes[next + 1]!;
      const children: string[] = [];
      let at = next + 2;
      for (let i = 0; i < count; i++) {
        const child = cString(at);
        children.push(child.text);
        at = child.next;
      }
      tocs.push({ id, topLevel: (flags & 2) !== 0, ordered: (flags & 1) !== 0, children });
    }
  }
  return { length: 10 + size, text, chapters, toc: tocs.find((toc) => toc.topLevel) ?? null, subTocs: tocs.filter((toc) => !toc.topLevel) };
}
