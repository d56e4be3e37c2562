/**
 * A small PDF writer for tests: pages of text runs placed exactly (Helvetica and Helvetica-Bold, the
 * standard fonts every reader has), and the faults real files have: a password (the Standard security
 * handler, revision 2: a given user password opens it, or none does), pages that are only an image (scanned), fonts whose
 * Unicode map gives private-use characters, an outline, page labels, tagged artifacts. The output is plain
 * ASCII (uncompressed streams), like the PDFs that used to pass the binary check and be read as source text.
 */

import { createHash } from 'node:crypto';

export interface PdfRun {
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  size: number;
  /** Latin-1 text (WinAnsi): \u00ad prints as a hyphen. */
  text: string;
  bold?: boolean;
  /** Marked as a tagged-PDF artifact (a running head the producer labelled). */
  artifact?: boolean;
}

export interface PdfPageSpec {
  runs: PdfRun[];
  /** A full-page image (a scan). */
  image?: boolean;
}

export interface PdfOptions {
  title?: string;
  author?: string;
  /** Encrypted with a password the reader does not have. */
  encrypt?: boolean;
  /** Encrypted (Standard security handler, revision 2, RC4 40-bit) so that this user password opens it. */
  password?: string;
  /** Every run's font maps its codes to private-use characters (a font without a real Unicode map). */
  privateUse?: boolean;
  outline?: Array<{ title: string; page: number; y: number }>;
  /** Page labels: roman numerals up to `romanPages`, then 1, 2, ... */
  romanPages?: number;
  width?: number;
  height?: number;
  /** Bytes of padding (a comment line after the header), to make a large but valid file. */
  padding?: number;
}

function escape(text: string): string {
  return text.replace(/[\\()]/gu, (c) => `\\${c}`);
}

function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

const PASSWORD_PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64,
  0x53, 0x69, 0x7a,
]);
const FILE_ID = Uint8Array.from({ length: 16 }, () => 0xab);
const PERMISSIONS = -44;

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const state = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + state[i]! + key[i % key.length]!) & 0xff;
    [state[i], state[j]] = [state[j]!, state[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + state[i]!) & 0xff;
    [state[i], state[j]] = [state[j]!, state[i]!];
    out[n] = data[n]! ^ state[(state[i]! + state[j]!) & 0xff]!;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => new Uint8Array(createHash('md5').update(Buffer.concat(parts)).digest());
const padded = (password: string) => Uint8Array.from([...latin1(password).subarray(0, 32), ...PASSWORD_PAD].slice(0, 32));
const toLatin1String = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The Standard security handler, revision 2 (PDF 1.7, 7.6.3, algorithms 1 to 4): the O and U entries and each object's key. */
function standardSecurity(userPassword: string) {
  const owner = rc4(md5(padded(`owner-${userPassword}`)).subarray(0, 5), padded(userPassword));
  const permissions = new Uint8Array(4);
  new DataView(permissions.buffer).setInt32(0, PERMISSIONS, true);
  const key = md5(padded(userPassword), owner, permissions, FILE_ID).subarray(0, 5);
  const user = rc4(key, PASSWORD_PAD);
  const objectKey = (objectNumber: number) => md5(key, Uint8Array.from([objectNumber & 0xff, (objectNumber >> 8) & 0xff, (objectNumber >> 16) & 0xff, 0, 0])).subarray(0, 10);
  /** An object's strings (as hex) and stream encrypted with its key. */
  const encryptObject = (objectNumber: number, body: string): string => {
    const objKey = objectKey(objectNumber);
    const streamAt = body.indexOf('\nstream\n');
    const dict = streamAt < 0 ? body : body.slice(0, streamAt);
    const encryptedDict = dict.replace(/\(((?:\\.|[^\\()])*)\)/gu, (_, text: string) => `<${hex(rc4(objKey, latin1(text.replace(/\\(.)/gu, '$1'))))}>`);
    if (streamAt < 0) return encryptedDict;
    const start = streamAt + '\nstream\n'.length;
    const end = body.lastIndexOf('\nendstream');
    return `${encryptedDict}\nstream\n${toLatin1String(rc4(objKey, latin1(body.slice(start, end))))}${body.slice(end)}`;
  };
  return { dictionary: `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(owner)}> /U <${hex(user)}> /P ${PERMISSIONS} >>`, encryptObject };
}

export function writePdf(pages: PdfPageSpec[], options: PdfOptions = {}): Uint8Array {
  const width = options.width ?? 612;
  const height = options.height ?? 792;
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const stream = (content: string, dict = '') => `<< /Length ${content.length}${dict} >>\nstream\n${content}\nendstream`;

  const catalog = add('');
  const pagesRoot = add('');
  const toUnicode = options.privateUse
    ? add(
        stream(
          `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /PUA def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <20> <7E> <E020> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end`,
        ),
      )
    : 0;
  const unicode = toUnicode ? ` /ToUnicode ${toUnicode} 0 R` : '';
  const regular = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding${unicode} >>`);
  const bold = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding${unicode} >>`);
  const image = pages.some((p) => p.image) ? add(stream('\x80', ' /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8')) : 0;
  const pageIds: number[] = [];
  for (const page of pages) {
    let content = '';
    if (page.image) content += `q ${width - 100} 0 0 ${height - 100} 50 50 cm /Im1 Do Q\n`;
    for (const run of page.runs) {
      const text = `BT /${run.bold ? 'F2' : 'F1'} ${run.size} Tf 1 0 0 1 ${run.x} ${run.y} Tm (${escape(run.text)}) Tj ET`;
      content += run.artifact ? `/Artifact BMC ${text} EMC\n` : `${text}\n`;
    }
    const contents = add(stream(content));
    const xobject = page.image ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    pageIds.push(add(`<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >>${xobject} >> /Contents ${contents} 0 R >>`));
  }
  objects[pagesRoot - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  let extra = '';
  if (options.outline?.length) {
    const root = add('');
    const ids = options.outline.map(() => add(''));
    options.outline.forEach((entry, i) => {
      const links = `${i > 0 ? ` /Prev ${ids[i - 1]} 0 R` : ''}${i < ids.length - 1 ? ` /Next ${ids[i + 1]} 0 R` : ''}`;
      objects[ids[i]! - 1] = `<< /Title (${escape(entry.title)}) /Parent ${root} 0 R${links} /Dest [${pageIds[entry.page]} 0 R /XYZ 0 ${entry.y} 0] >>`;
    });
    objects[root - 1] = `<< /Type /Outlines /First ${ids[0]} 0 R /Last ${ids.at(-1)} 0 R /Count ${ids.length} >>`;
    extra += ` /Outlines ${root} 0 R`;
  }
  if (options.romanPages) extra += ` /PageLabels << /Nums [0 << /S /r >> ${options.romanPages} << /S /D >>] >>`;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRoot} 0 R${extra} >>`;

  const infoParts = [options.title ? `/Title (${escape(options.title)})` : '', options.author ? `/Author (${escape(options.author)})` : ''].filter(Boolean);
  const info = infoParts.length ? add(`<< ${infoParts.join(' ')} >>`) : 0;
  const security = options.password === undefined ? null : standardSecurity(options.password);
  if (security) objects.forEach((body, i) => (objects[i] = security.encryptObject(i + 1, body)));
  const encrypt = security
    ? add(security.dictionary)
    : options.encrypt
      ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${'4f'.repeat(32)}> /U <${'55'.repeat(32)}> /P -44 >>`)
      : 0;

  let out = '%PDF-1.4\n';
  if (options.padding) out += `%${' '.repeat(Math.max(0, options.padding - 2))}\n`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = `<${hex(FILE_ID)}>`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

/** Lines of body text set as a column: each string one line, `leading` apart, from `top` down. */
export function column(lines: string[], options: { x: number; top: number; size?: number; leading?: number }): PdfRun[] {
  const size = options.size ?? 11;
  const leading = options.leading ?? size * 1.25;
  return lines.map((text, i) => ({ x: options.x, y: options.top - i * leading, size, text }));
}
