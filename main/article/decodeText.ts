/** Bytes to text: BOM first, then the charset a page declares, then UTF-8 if valid, else Windows-1252. */

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function labelIsKnown(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** The charset from a <meta charset> or http-equiv Content-Type in the first 2 KB (the HTML prescan). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  const label = match?.[1]?.toLowerCase();
  return label && labelIsKnown(label) ? label : null;
}

export function decodeText(bytes: Uint8Array, hint: string | null = null): string {
  for (const [signature, label] of BOMS) {
    if (signature.every((byte, i) => bytes[i] === byte)) return new TextDecoder(label).decode(bytes.subarray(signature.length));
  }
  const label = hint && labelIsKnown(hint) ? hint : declaredCharset(bytes);
  if (label) return new TextDecoder(label).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Binary data (an image, a PDF, an archive) has NUL bytes early on; text in UTF-8 or a legacy charset does not. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample[0] === 0xff && (sample[1] === 0xfe || sample[1] === 0xff)) return false; // UTF-16 text has NULs
  if (sample[0] === 0xfe && sample[1] === 0xff) return false;
  return sample.includes(0);
}
