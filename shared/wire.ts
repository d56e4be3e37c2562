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
