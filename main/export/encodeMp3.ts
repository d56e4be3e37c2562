/** MP3 for exports with @breezystack/lamejs (pure JavaScript, no download or native build), in slices so it can be cancelled. */
import { Mp3Encoder } from '@breezystack/lamejs';
import type { Pcm } from '../speech/wav.js';

const FRAME = 1152;
const FRAMES_PER_SLICE = 400;

export async function encodeMp3(pcm: Pcm, options: { kbps?: number; signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<Uint8Array> {
  if (pcm.channels !== 1) throw new Error('MP3 export expects mono speech');
  const encoder = new Mp3Encoder(1, pcm.sampleRate, options.kbps ?? 48);
  const parts: Uint8Array[] = [];
  const { samples } = pcm;
  for (let offset = 0; offset < samples.length; offset += FRAME * FRAMES_PER_SLICE) {
    options.signal?.throwIfAborted();
    const end = Math.min(samples.length, offset + FRAME * FRAMES_PER_SLICE);
    for (let i = offset; i < end; i += FRAME) parts.push(encoder.encodeBuffer(samples.subarray(i, Math.min(end, i + FRAME))));
    options.onProgress?.(end / samples.length);
    await new Promise((resolve) => setImmediate(resolve)); // let a cancel arrive
  }
  parts.push(encoder.flush());
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (bytes.set(part, at), at + part.length), 0);
  return bytes;
}
