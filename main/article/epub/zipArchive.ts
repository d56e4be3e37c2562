/**
 * A ZIP archive read defensively: the central directory is parsed here (so every entry's declared sizes,
 * method and name are checked before anything is inflated), and an entry is inflated only when asked for,
 * by fflate into a buffer of its declared size, so a lying header cannot make it grow. An EPUB is hostile
 * input: limits on the entry count, the total uncompressed size, each entry's compression ratio and size,
 * and names that would point outside the archive's root, each refused with a message naming it.
 */
import { inflateSync } from 'fflate';
import { DocumentError } from '../documentError.js';

export const ZIP_LIMITS = {
  /** A book with thousands of images stays far below this. */
  maxEntries: 10_000,
  /** Sum of the declared uncompressed sizes of every entry. */
  maxTotalBytes: 1024 * 1024 * 1024,
  /** One entry inflated for reading (a spine document, the package document). */
  maxEntryBytes: 100 * 1024 * 1024,
  /** Uncompressed / compressed, for entries over minRatioCheckBytes (text compresses 3-10x; zip bombs ~1000x). */
  maxRatio: 100,
  minRatioCheckBytes: 1024 * 1024,
};
export type ZipLimits = typeof ZIP_LIMITS;

export class ArchiveError extends DocumentError {}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder('utf-8');

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;
}

/** A name that would be written or resolved outside the archive's root: absolute, a drive, or a ".." step. */
export function unsafeEntryName(name: string): boolean {
  if (name.includes('\0')) return true;
  const slashed = name.replace(/\\/gu, '/');
  if (slashed.startsWith('/') || /^[a-z]:/iu.test(slashed)) return true;
  return slashed.split('/').some((segment) => segment === '..');
}

/** Whether the bytes start like a ZIP archive (a local file header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  /** Entries in the order of the central directory. */
  readonly names: string[] = [];
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly label: string,
    private readonly limits: ZipLimits = ZIP_LIMITS,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  private fail(message: string): never {
    throw new ArchiveError(`${this.label} ${message}`);
  }

  private readDirectory(): void {
    const { view, bytes } = this;
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
      if (view.getUint32(at, true) === EOCD) {
        end = at;
        break;
      }
    }
    if (end < 0) this.fail('is not a ZIP archive, or it is cut short (its table of contents is missing), so it cannot be opened as an EPUB book.');
    const count = view.getUint16(end + 10, true);
    const directorySize = view.getUint32(end + 12, true);
    const directoryOffset = view.getUint32(end + 16, true);
    if (count === 0xffff || directoryOffset === 0xffffffff) this.fail('is a ZIP64 archive (over 4 GB or 65,535 files), larger than any book Article Player opens.');
    if (count > this.limits.maxEntries) this.fail(`holds ${count.toLocaleString('en')} files; a book has far fewer (at most ${this.limits.maxEntries.toLocaleString('en')} are opened), so it was not opened.`);
    if (directoryOffset + directorySize > end) this.fail('is damaged (its table of contents points outside the file).');
    let total = 0;
    let at = directoryOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) this.fail('is damaged (its table of contents is broken).');
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const localHeaderOffset = view.getUint32(at + 42, true);
      const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
      if (unsafeEntryName(name)) this.fail(`has a file named "${name.slice(0, 120)}", which points outside the book (an absolute path or ".."); such archives are not opened.`);
      if (compressedSize === 0xffffffff || size === 0xffffffff) this.fail('is a ZIP64 archive (over 4 GB or 65,535 files), larger than any book Article Player opens.');
      total += size;
      if (total > this.limits.maxTotalBytes) this.fail(`would unpack to more than ${megabytes(this.limits.maxTotalBytes)}; a book is far smaller, so it was not opened (it may be a "zip bomb").`);
      if (size >= this.limits.minRatioCheckBytes && size > this.limits.maxRatio * Math.max(compressedSize, 1)) {
        this.fail(`has a file ("${name.slice(0, 120)}") compressed ${Math.round(size / Math.max(compressedSize, 1)).toLocaleString('en')} times (${megabytes(size)} from ${compressedSize.toLocaleString('en')} bytes); no book compresses like that, so it was not opened (it may be a "zip bomb").`);
      }
      const entry: ZipEntry = { name, method, compressedSize, size, localHeaderOffset, encrypted: (flags & 1) !== 0 };
      if (!this.entries.has(name)) this.names.push(name);
      this.entries.set(name, entry);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The first entry as stored in the file (EPUB's "mimetype", which must come first). */
  firstLocalName(): string | null {
    if (this.bytes.length < 30 || this.view.getUint32(0, true) !== LOCAL) return null;
    const nameLength = this.view.getUint16(26, true);
    return utf8.decode(this.bytes.subarray(30, 30 + nameLength));
  }

  /** An entry's bytes, inflated into a buffer of its declared size. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) this.fail(`has no file "${name.slice(0, 120)}".`);
    if (entry.encrypted) this.fail('is password-protected (its files are encrypted), so it cannot be read.');
    if (entry.size > this.limits.maxEntryBytes) this.fail(`has a document ("${name.slice(0, 120)}") of ${megabytes(entry.size)}; documents up to ${megabytes(this.limits.maxEntryBytes)} are read.`);
    const { view } = this;
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL) this.fail(`is damaged (the file "${name.slice(0, 120)}" is missing from it).`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) this.fail('is cut short (a file inside it ends early).');
    if (entry.method === 0) return data.subarray(0, entry.size);
    if (entry.method !== 8) this.fail(`uses a compression method (${entry.method}) that EPUB does not allow, so "${name.slice(0, 120)}" cannot be read.`);
    let out: Uint8Array;
    try {
      // One byte more than declared: fflate never grows a given buffer, so a full one means the header lied.
      out = inflateSync(data, { out: new Uint8Array(entry.size + 1) });
    } catch {
      this.fail(`is damaged (the file "${name.slice(0, 120)}" does not decompress).`);
    }
    if (out.length !== entry.size) this.fail(`is damaged (the file "${name.slice(0, 120)}" is not the size its header says).`);
    return out;
  }

  /** An entry as text: EPUB allows UTF-8 and UTF-16 (with its byte order mark). */
  text(name: string): string {
    const bytes = this.read(name);
    const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
    return new TextDecoder(encoding).decode(bytes).replace(/^\ufeff/u, '');
  }
}
