/**
 * Writes small EPUB books (EPUB 3 with a navigation document, or EPUB 2 with an NCX) with fflate, for the
 * tests and the bench: every part of the structure can be given or left out, so a test can build exactly
 * the book that shows one behaviour.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface ChapterSpec {
  /** File name inside OEBPS/ (default chapterN.xhtml). */
  file?: string;
  /** Its entry in the table of contents; null: not listed. */
  title: string | null;
  /** The body's inner XHTML. */
  body: string;
  linear?: boolean;
  /** lang / xml:lang on the document's <html>. */
  lang?: string;
}

export interface EpubSpec {
  title?: string;
  creators?: string[];
  language?: string;
  chapters: ChapterSpec[];
  /** 'nav' (EPUB 3), 'ncx' (EPUB 2), 'both', or 'none' (no table of contents). */
  navigation?: 'nav' | 'ncx' | 'both' | 'none';
  /** Spine order as indexes into chapters (default: their order); the manifest keeps chapters' order. */
  spineOrder?: number[];
  /** Table-of-contents entries pointing inside documents ("chapter1.xhtml#s2"), after the chapters' own. */
  extraTocEntries?: Array<{ title: string; href: string }>;
  /** A page-list (nav) / pageList (NCX): labels of positions. */
  pageList?: Array<{ label: string; href: string }>;
  /** More files, by path in the archive. */
  files?: Record<string, string | Uint8Array>;
  /** Leave out META-INF/container.xml and the package document. */
  withoutPackage?: boolean;
}

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

export function chapterDocument(title: string, body: string, lang?: string): string {
  const langAttributes = lang ? ` xml:lang="${lang}" lang="${lang}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${langAttributes}>
<head><title>${escape(title)}</title></head>
<body>
${body}
</body>
</html>
`;
}

export function writeEpub(spec: EpubSpec): Uint8Array {
  const navigation = spec.navigation ?? 'nav';
  const files = spec.chapters.map((chapter, i) => chapter.file ?? `chapter${i + 1}.xhtml`);
  const order = spec.spineOrder ?? spec.chapters.map((_, i) => i);
  const toc = [
    ...order.flatMap((i) => (spec.chapters[i]!.title ? [{ title: spec.chapters[i]!.title!, href: files[i]! }] : [])),
    ...(spec.extraTocEntries ?? []),
  ];
  const zip: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  if (!spec.withoutPackage) {
    zip['META-INF/container.xml'] = strToU8(`<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`);
    const hasNav = navigation === 'nav' || navigation === 'both';
    const hasNcx = navigation === 'ncx' || navigation === 'both';
    const manifest = [
      ...files.map((file, i) => `<item id="c${i}" href="${escape(file)}" media-type="application/xhtml+xml"/>`),
      hasNav ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' : '',
      hasNcx ? '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>' : '',
    ].join('\n    ');
    const spine = order.map((i) => `<itemref idref="c${i}"${spec.chapters[i]!.linear === false ? ' linear="no"' : ''}/>`).join('\n    ');
    zip['OEBPS/content.opf'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${hasNav ? '3.0' : '2.0'}" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier>
    ${spec.title !== undefined ? `<dc:title>${escape(spec.title)}</dc:title>` : ''}
    ${(spec.creators ?? []).map((name) => `<dc:creator>${escape(name)}</dc:creator>`).join('\n    ')}
    ${spec.language ? `<dc:language>${spec.language}</dc:language>` : ''}
  </metadata>
  <manifest>
    ${manifest}
  </manifest>
  <spine${hasNcx ? ' toc="ncx"' : ''}>
    ${spine}
  </spine>
</package>
`);
    if (hasNav) {
      const items = toc.map((entry) => `<li><a href="${escape(entry.href)}">${escape(entry.title)}</a></li>`).join('\n        ');
      const pages = spec.pageList ? `<nav epub:type="page-list"><ol>${spec.pageList.map((page) => `<li><a href="${escape(page.href)}">${escape(page.label)}</a></li>`).join('')}</ol></nav>` : '';
      zip['OEBPS/nav.xhtml'] = strToU8(chapterDocument('Contents', `<nav epub:type="toc" id="toc"><h1>Contents</h1>\n      <ol>\n        ${items}\n      </ol>\n    </nav>${pages}`));
    }
    if (hasNcx) {
      const points = toc.map((entry, i) => `<navPoint id="p${i}" playOrder="${i + 1}"><navLabel><text>${escape(entry.title)}</text></navLabel><content src="${escape(entry.href)}"/></navPoint>`).join('\n    ');
      const pages = spec.pageList
        ? `<pageList>${spec.pageList.map((page, i) => `<pageTarget id="pg${i}" type="normal" value="${i + 1}"><navLabel><text>${escape(page.label)}</text></navLabel><content src="${escape(page.href)}"/></pageTarget>`).join('')}</pageList>`
        : '';
      zip['OEBPS/toc.ncx'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="urn:uuid:00000000-0000-4000-8000-000000000000"/></head>
  <docTitle><text>${escape(spec.title ?? '')}</text></docTitle>
  <navMap>
    ${points}
  </navMap>
  ${pages}
</ncx>
`);
    }
  }
  spec.chapters.forEach((chapter, i) => {
    zip[`OEBPS/${files[i]}`] = strToU8(chapterDocument(chapter.title ?? `Part ${i + 1}`, chapter.body, chapter.lang));
  });
  for (const [path, content] of Object.entries(spec.files ?? {})) zip[path] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(zip);
}
