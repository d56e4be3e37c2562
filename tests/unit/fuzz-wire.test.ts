/**
 * Property-based tests of the WebSocket wire codec (shared/wire.ts): arbitrary JSON with Uint8Arrays
 * (and Node Buffers, and views into larger buffers) anywhere in it round-trips unchanged, and hostile
 * text (anything a socket may send) decodes or throws, never hangs or pollutes prototypes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, type ServerMessage } from '../../shared/wire';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 1000;

/** Byte arrays as they reach the encoder: plain, Node Buffers, and views at an offset into a larger buffer. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.nat()).map(([b, x, y]) => {
    const start = x % b.length;
    return b.subarray(start, start + (y % (b.length - start + 1)));
  }),
);

/** JSON without "-0" (JSON cannot carry it) and with the $bytes tag reserved for the codec. */
const key = fc.string({ unit: 'grapheme', maxLength: 8 }).filter((k) => k !== '$bytes');
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    bytes,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** What the receiving side should see: every byte array as a plain Uint8Array with the same bytes. */
function normalized(input: unknown): unknown {
  if (input instanceof Uint8Array) return Array.from(input);
  if (Array.isArray(input)) return input.map(normalized);
  if (input && typeof input === 'object') return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, normalized(v)]));
  return input;
}

function expectBytesAreUint8Arrays(decoded: unknown, original: unknown): void {
  if (original instanceof Uint8Array) {
    expect(decoded).toBeInstanceOf(Uint8Array);
    return;
  }
  if (Array.isArray(original)) original.forEach((item, i) => expectBytesAreUint8Arrays((decoded as unknown[])[i], item));
  else if (original && typeof original === 'object') for (const [k, v] of Object.entries(original)) expectBytesAreUint8Arrays((decoded as Record<string, unknown>)[k], v);
}

describe('wire codec (property)', () => {
  it(`round-trips arbitrary JSON with byte arrays anywhere in it (${RUNS} messages)`, () => {
    fc.assert(
      fc.property(fc.nat(), value, (id, result) => {
        const message: ServerMessage = { id, result };
        const text = encodeWire(message);
        expect(typeof text).toBe('string');
        const decoded = decodeWire(text) as { id: number; result: unknown };
        expect(decoded.id).toBe(id);
        expectBytesAreUint8Arrays(decoded.result, result);
        expect(normalized(decoded.result)).toEqual(normalized(result));
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trips large audio (up to 2 MB) byte for byte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 1024 * 1024 }), fc.integer({ min: 0, max: 255 }), (length, seed) => {
        const audio = new Uint8Array(length).map((_, i) => (i * 31 + seed) & 0xff);
        const decoded = decodeWire(encodeWire({ id: 1, result: { audio } })) as { result: { audio: Uint8Array } };
        expect(decoded.result.audio.length).toBe(length);
        expect(Buffer.from(decoded.result.audio).equals(Buffer.from(audio))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it(`decodes or throws on arbitrary text from a socket, never setting a prototype (${RUNS} texts)`, () => {
    const hostileJson = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.json(),
      fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"$bytes":"!!!not base64"}', '{"$bytes":{"$bytes":"AA=="}}', '{"a":{"$bytes":"' + 'A'.repeat(10_000) + '"}}', '[' .repeat(5000) + ']'.repeat(5000)),
    );
    fc.assert(
      fc.property(hostileJson, (text) => {
        try {
          decodeWire(text);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});
