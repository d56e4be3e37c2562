import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/wire';

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
