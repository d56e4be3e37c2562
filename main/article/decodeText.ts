/**
 * Bytes to text by the WHATWG Encoding Standard, as a browser decodes a page: BOM first, then the charset the
 * response or the page declares, then UTF-8 if valid, else windows-1252.
 *
 * The decoder is @exodus/bytes (the one jsdom uses), not Node's TextDecoder: Node 20's maps 0x80-0x9F of
 * windows-1252 (and of iso-8859-1, latin1 and ascii, labels of windows-1252) to C1 control characters instead
 * of ’ “ ” – … €, and lacks iso-8859-16; labels are resolved by the standard's table too.
 */
import { normalizeEncoding, TextDecoder as WhatwgTextDecoder } from '@exodus/bytes/encoding.js';

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The standard's name for a label ("latin1" -> "windows-1252"), or null when it names no encoding it decodes. */
function encodingOf(label: string): string | null {
  const name = normalizeEncoding(label);
  // "replacement" (iso-2022-kr, hz-gb-2312...) would turn the whole text into one U+FFFD: not a charset to trust.
  return name && name !== 'replacement' ? name : null;
}

function decodeAs(label: string, bytes: Uint8Array, fatal = false): string {
  return new WhatwgTextDecoder(label, { fatal }).decode(bytes);
}

/** The charset from a <meta charset> or http-equiv Content-Type in the first 2 KB (the HTML prescan). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  const label = match?.[1];
  return label ? encodingOf(label) : null;
}

export function decodeText(bytes: Uint8Array, hint: string | null = null): string {
  for (const [signature, label] of BOMS) {
    if (signature.every((byte, i) => bytes[i] === byte)) return decodeAs(label, bytes.subarray(signature.length));
  }
  const label = (hint ? encodingOf(hint) : null) ?? declaredCharset(bytes);
  if (label) return decodeAs(label, bytes);
  try {
    return decodeAs('utf-8', bytes, true);
  } catch {
    return decodeAs('windows-1252', bytes);
  }
}

/** Binary data (an image, a PDF, an archive) has NUL bytes early on; text in UTF-8 or a legacy charset does not. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample[0] === 0xff && (sample[1] === 0xfe || sample[1] === 0xff)) return false; // UTF-16 text has NULs
  if (sample[0] === 0xfe && sample[1] === 0xff) return false;
  return sample.includes(0);
}
