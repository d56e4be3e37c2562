/**
 * 16-bit PCM WAV reading and writing. Small and hand-written on purpose: engines that write WAV to
 * stdout (espeak-ng --stdout) cannot seek back, so their headers carry placeholder sizes that strict
 * WAV libraries reject; this reader takes the data chunk up to the end of the buffer instead.
 */

import { readFile } from 'node:fs/promises';

export interface Pcm {
  sampleRate: number;
  channels: number;
  /** Interleaved signed 16-bit samples. */
  samples: Int16Array;
}

export class WavFormatError extends Error {
  override name = 'WavFormatError';
}

export function pcmDurationMs(pcm: Pcm): number {
  return (pcm.samples.length / pcm.channels / pcm.sampleRate) * 1000;
}

export function parseWav(bytes: Uint8Array): Pcm {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new WavFormatError('not a RIFF/WAVE file');
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; code: number } | null = null;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const declared = view.getUint32(offset + 4, true);
    const bodyStart = offset + 8;
    const size = Math.min(declared, bytes.length - bodyStart);
    if (id === 'fmt ') {
      if (size < 16) throw new WavFormatError('fmt chunk too short');
      format = {
        code: view.getUint16(bodyStart, true),
        channels: view.getUint16(bodyStart + 2, true),
        sampleRate: view.getUint32(bodyStart + 4, true),
        bits: view.getUint16(bodyStart + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('data chunk before fmt chunk');
      if (format.code !== 1 || format.bits !== 16) throw new WavFormatError(`unsupported WAV format ${format.code}/${format.bits}-bit`);
      if (format.channels < 1 || format.sampleRate < 1) throw new WavFormatError('invalid channel count or sample rate');
      const frameBytes = 2 * format.channels;
      const usable = size - (size % frameBytes);
      const samples = new Int16Array(usable / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(bodyStart + i * 2, true);
      return { sampleRate: format.sampleRate, channels: format.channels, samples };
    }
    offset = bodyStart + size + (size % 2); // chunks are word-aligned
  }
  throw new WavFormatError('no data chunk');
}

/** The WAV file an engine wrote (say, text2wave, SAPI), or an error naming the engine and its stderr. */
export async function readEngineWav(path: string, engineName: string, stderr: string): Promise<Pcm> {
  const bytes = await readFile(path).catch(() => null);
  if (!bytes || bytes.length <= 44) throw new Error(`${engineName} produced no audio${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
  return parseWav(bytes);
}

export function encodeWav(pcm: Pcm): Uint8Array {
  const dataBytes = pcm.samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const writeTag = (offset: number, text: string) => {
    for (let i = 0; i < 4; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  writeTag(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeTag(8, 'WAVE');
  writeTag(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, pcm.channels, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * pcm.channels * 2, true);
  view.setUint16(32, pcm.channels * 2, true);
  view.setUint16(34, 16, true);
  writeTag(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.samples.length; i++) view.setInt16(44 + i * 2, pcm.samples[i]!, true);
  return bytes;
}

/** The sample range [start, end) left after dropping near-silence at both ends, keeping `marginMs`. */
export function soundBounds(pcm: Pcm, threshold = 300, marginMs = 15): { start: number; end: number } {
  const { samples, channels, sampleRate } = pcm;
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]!) < threshold) first++;
  if (first === samples.length) return { start: 0, end: 0 };
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]!) < threshold) last--;
  const margin = Math.round((marginMs / 1000) * sampleRate) * channels;
  const start = Math.max(0, first - margin);
  const end = Math.min(samples.length, last + 1 + margin);
  return { start: start - (start % channels), end: end - (end % channels) };
}

/**
 * Silences of at least `minMs` inside the audio (not at its ends): the pauses an engine makes at commas
 * and other clause breaks, in milliseconds from the start.
 */
export function innerSilences(pcm: Pcm, minMs: number, threshold = 300): Array<{ startMs: number; endMs: number }> {
  const { samples, channels, sampleRate } = pcm;
  const toMs = (index: number) => (Math.floor(index / channels) / sampleRate) * 1000;
  const minSamples = (minMs / 1000) * sampleRate * channels;
  const found: Array<{ startMs: number; endMs: number }> = [];
  let quietFrom = -1;
  let heard = false;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i]!) < threshold) {
      if (quietFrom < 0) quietFrom = i;
    } else {
      if (heard && quietFrom >= 0 && i - quietFrom >= minSamples) found.push({ startMs: toMs(quietFrom), endMs: toMs(i) });
      heard = true;
      quietFrom = -1;
    }
  }
  return found;
}

/** Drops near-silence at both ends, keeping `marginMs`, so pauses between sentences are what the settings say. */
export function trimSilence(pcm: Pcm, threshold = 300, marginMs = 15): Pcm {
  const { start, end } = soundBounds(pcm, threshold, marginMs);
  return { sampleRate: pcm.sampleRate, channels: pcm.channels, samples: pcm.samples.slice(start, end) };
}

export function silence(pcmLike: Pick<Pcm, 'sampleRate' | 'channels'>, ms: number): Int16Array {
  return new Int16Array(Math.round((ms / 1000) * pcmLike.sampleRate) * pcmLike.channels);
}
