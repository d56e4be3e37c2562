/**
 * JSON encoding for the WebSocket transport. Electron IPC clones Uint8Array natively; over a
 * WebSocket audio travels as base64 inside the JSON message, tagged so it is decoded back to bytes.
 */
import type { ApiEvent, ApiMethod } from './api.js';

export type ClientMessage = { id: number; method: ApiMethod; params: unknown };
export type ServerMessage =
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { event: ApiEvent; payload: unknown };

const BYTES_TAG = '$bytes';

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeWire(message: ClientMessage | ServerMessage): string {
  // `this[key]` is the value before toJSON: Node's Buffer would otherwise arrive as {type, data}.
  return JSON.stringify(message, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    return original instanceof Uint8Array ? { [BYTES_TAG]: bytesToBase64(original) } : value;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && typeof (value as Record<string, unknown>)[BYTES_TAG] === 'string') {
      return base64ToBytes((value as Record<string, string>)[BYTES_TAG]!);
    }
    return value;
  });
}

/**
 * Frames for the socket: a message without bytes is JSON text as above; one with bytes (a block's
 * audio, a dropped file) is one binary frame, [u32 LE length of the JSON][the JSON, UTF-8][the bytes,
 * one after another], each Uint8Array in the JSON replaced by {"$bin": [offset, length]} into the
 * bytes. So audio is neither base64-encoded nor parsed as text, and arrives as a view into the frame.
 */
const BIN_TAG = '$bin';

export function encodeWireFrame(message: ClientMessage | ServerMessage): string | Uint8Array {
  const attachments: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(message, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    if (!(original instanceof Uint8Array)) return value;
    attachments.push(original);
    const placeholder = { [BIN_TAG]: [offset, original.length] };
    offset += original.length;
    return placeholder;
  });
  if (attachments.length === 0) return json;
  const text = new TextEncoder().encode(json);
  const frame = new Uint8Array(4 + text.length + offset);
  new DataView(frame.buffer).setUint32(0, text.length, true);
  frame.set(text, 4);
  let at = 4 + text.length;
  for (const bytes of attachments) {
    frame.set(bytes, at);
    at += bytes.length;
  }
  return frame;
}

export function decodeWireFrame(data: string | ArrayBuffer | Uint8Array): unknown {
  if (typeof data === 'string') return decodeWire(data);
  const frame = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (frame.length < 4) throw new Error('binary frame too short');
  const jsonLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, true);
  const bytesStart = 4 + jsonLength;
  if (bytesStart > frame.length) throw new Error('binary frame shorter than its JSON');
  const json = new TextDecoder().decode(frame.subarray(4, bytesStart));
  return JSON.parse(json, (_key, value: unknown) => {
    const span = value && typeof value === 'object' ? (value as Record<string, unknown>)[BIN_TAG] : undefined;
    if (!Array.isArray(span)) return value;
    const [start, length] = span as unknown[];
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || (start as number) < 0 || (length as number) < 0 || bytesStart + (start as number) + (length as number) > frame.length) {
      throw new Error('binary frame with bytes out of range');
    }
    return frame.subarray(bytesStart + (start as number), bytesStart + (start as number) + (length as number));
  });
}
