/** EPUB's signature: a ZIP whose first entry is "mimetype", stored, holding application/epub+zip (OCF 3.3, 4.1.5). */
const MEDIA_TYPE = 'application/epub+zip';

export function looksLikeEpub(bytes: Uint8Array): boolean {
  if (bytes.length < 30 + 8 + MEDIA_TYPE.length) return false;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (nameLength !== 8 || String.fromCharCode(...bytes.subarray(30, 38)) !== 'mimetype') return false;
  const start = 38 + extraLength;
  return String.fromCharCode(...bytes.subarray(start, start + MEDIA_TYPE.length)) === MEDIA_TYPE;
}
