import { describe, expect, it } from 'vitest';
import { decodeWire, decodeWireFrame, encodeWire, encodeWireFrame } from '../../shared/wire';

describe('WebSocket wire encoding', () => {
  it('carries audio bytes (Uint8Array and Node Buffer) through JSON unchanged', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const decoded = decodeWire(encodeWire({ id: 3, result: { audio: Buffer.from(bytes), other: { audio: bytes }, n: 1 } })) as {
      id: number;
      result: { audio: Uint8Array; other: { audio: Uint8Array }; n: number };
    };
    expect(decoded.id).toBe(3);
    expect(decoded.result.audio).toBeInstanceOf(Uint8Array);
    expect(Array.from(decoded.result.audio)).toEqual(Array.from(bytes));
    expect(Array.from(decoded.result.other.audio)).toEqual(Array.from(bytes));
    expect(decoded.result.n).toBe(1);
  });

  it('leaves ordinary objects alone', () => {
    expect(decodeWire(encodeWire({ id: 1, error: 'nope' }))).toEqual({ id: 1, error: 'nope' });
  });
});

describe('WebSocket frames', () => {
  it('sends a message with bytes as one binary frame whose bytes come back as they were', () => {
    const audio = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const small = Buffer.from([1, 2, 3]);
    const frame = encodeWireFrame({ id: 3, result: { audio, nested: [{ small }, { empty: new Uint8Array(0) }], text: 'naïve €' } });
    expect(frame).toBeInstanceOf(Uint8Array);
    // The audio is not base64 text: the frame is the bytes plus a little JSON.
    expect((frame as Uint8Array).length).toBeLessThan(audio.length + small.length + 200);
    const copy = (frame as Uint8Array).slice().buffer; // as the page receives it, an ArrayBuffer
    const decoded = decodeWireFrame(copy) as { id: number; result: { audio: Uint8Array; nested: [{ small: Uint8Array }, { empty: Uint8Array }]; text: string } };
    expect(decoded.id).toBe(3);
    expect(Array.from(decoded.result.audio)).toEqual(Array.from(audio));
    expect(Array.from(decoded.result.nested[0].small)).toEqual([1, 2, 3]);
    expect(decoded.result.nested[1].empty.length).toBe(0);
    expect(decoded.result.text).toBe('naïve €');
  });

  it('sends a message without bytes as JSON text', () => {
    const frame = encodeWireFrame({ id: 1, error: 'nope' });
    expect(typeof frame).toBe('string');
    expect(decodeWireFrame(frame)).toEqual({ id: 1, error: 'nope' });
  });

  it('refuses a frame that is too short or points outside itself', () => {
    expect(() => decodeWireFrame(new Uint8Array([1, 0]))).toThrow(/too short/);
    expect(() => decodeWireFrame(new Uint8Array([200, 0, 0, 0, 123]))).toThrow(/shorter than its JSON/);
    const json = new TextEncoder().encode('{"a":{"$bin":[0,10]}}');
    const frame = new Uint8Array(4 + json.length + 3);
    new DataView(frame.buffer).setUint32(0, json.length, true);
    frame.set(json, 4);
    expect(() => decodeWireFrame(frame)).toThrow(/out of range/);
  });
});
