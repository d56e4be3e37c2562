/**
 * The structure of an EPUB: META-INF/container.xml names the package document; the package document
 * (OPF) gives the metadata, the manifest and the spine; the navigation document (EPUB 3) or the NCX
 * (EPUB 2) gives the table of contents and the page list. XML is parsed by linkedom (no scripts, no DTDs,
 * no external entities).
 */
import { DOMParser } from 'linkedom';
import { normalizeText } from '../../../shared/article.js';
import { ArchiveError, type ZipArchive } from './zipArchive.js';

export interface SpineItem {
  /** Path inside the archive. */
  path: string;
  /** linear="no": outside the reading order (pop-up notes, a cover page). */
  linear: boolean;
}

export interface TocEntry {
  title: string;
  /** Path inside the archive of the document it points to. */
  path: string;
  /** The id it points to inside that document, or null for the document's start. */
  fragment: string | null;
}

export interface EpubPackage {
  packagePath: string;
  title: string | null;
  creators: string[];
  language: string | null;
  spine: SpineItem[];
  toc: TocEntry[];
  /** Page-list entries: page labels of positions in the book (EPUB 3 page-list nav, NCX pageList). */
  pageList: TocEntry[];
  /** Manifest items, by path: media type. */
  mediaTypes: Map<string, string>;
}

export function parseXml(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}

/** Local name without a namespace prefix, lower case ("opf:item" -> "item"). */
export function localName(element: Element): string {
  const name = element.localName || element.tagName;
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

export function elementsNamed(root: Document | Element, name: string): Element[] {
  return Array.from(root.querySelectorAll('*')).filter((element) => localName(element) === name);
}

function childrenNamed(element: Element, name: string): Element[] {
  return Array.from(element.children).filter((child) => localName(child) === name);
}

/** Path of `href` (URL-encoded, relative to the document at `base`) inside the archive; null when it leaves it. */
export function resolveHref(base: string, href: string): { path: string; fragment: string | null } | null {
  const hash = href.indexOf('#');
  const rawPath = hash >= 0 ? href.slice(0, hash) : href;
  const fragment = hash >= 0 ? decodeSafely(href.slice(hash + 1)) || null : null;
  if (/^[a-z][a-z0-9+.-]*:/iu.test(rawPath)) return null; // another scheme: outside the book
  if (rawPath === '') return { path: base, fragment };
  const segments = rawPath.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const segment of decodeSafely(rawPath).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return { path: segments.join('/'), fragment };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The package document's path, from container.xml; without one, the only .opf file in the archive. */
function findPackagePath(zip: ZipArchive, label: string): string {
  if (zip.has('META-INF/container.xml')) {
    const container = parseXml(zip.text('META-INF/container.xml'));
    const rootfiles = elementsNamed(container, 'rootfile');
    const rootfile = rootfiles.find((element) => (element.getAttribute('media-type') ?? '') === 'application/oebps-package+xml') ?? rootfiles[0];
    const path = rootfile?.getAttribute('full-path');
    const resolved = path ? resolveHref('', path) : null;
    if (resolved && zip.has(resolved.path)) return resolved.path;
  }
  const packages = zip.names.filter((name) => /\.opf$/iu.test(name));
  if (packages.length === 1) return packages[0]!;
  throw new ArchiveError(`${label} is a ZIP archive but not a readable EPUB book: it has no package document (META-INF/container.xml names none that is in the archive).`);
}

function navLabel(element: Element): string {
  return normalizeText(element.textContent ?? '');
}

/** EPUB 3 navigation document: the toc nav's links (nested lists flattened in order), and the page-list. */
function readNavDocument(zip: ZipArchive, path: string, parseHtml: (text: string) => Document): { toc: TocEntry[]; pageList: TocEntry[] } {
  const document = parseHtml(zip.text(path));
  const navs = Array.from(document.querySelectorAll('nav'));
  const typeOf = (nav: Element) => `${nav.getAttribute('epub:type') ?? ''} ${nav.getAttribute('role') ?? ''}`;
  const entries = (nav: Element | undefined): TocEntry[] => {
    if (!nav) return [];
    const result: TocEntry[] = [];
    for (const link of Array.from(nav.querySelectorAll('a[href]'))) {
      const target = resolveHref(path, link.getAttribute('href') ?? '');
      const title = navLabel(link);
      if (target && title) result.push({ title, path: target.path, fragment: target.fragment });
    }
    return result;
  };
  const toc = navs.find((nav) => /(?:^|\s)(?:doc-)?toc(?:\s|$)/u.test(typeOf(nav))) ?? navs.find((nav) => !/page-list|landmarks/u.test(typeOf(nav)));
  const pageList = navs.find((nav) => /(?:^|\s)(?:doc-)?page-?list(?:\s|$)/u.test(typeOf(nav)));
  return { toc: entries(toc), pageList: entries(pageList) };
}

/** EPUB 2 NCX: navPoints in document order (nested ones after their parent), and the pageList. */
function readNcx(zip: ZipArchive, path: string): { toc: TocEntry[]; pageList: TocEntry[] } {
  const ncx = parseXml(zip.text(path));
  const entry = (point: Element): TocEntry | null => {
    const label = childrenNamed(point, 'navlabel')[0];
    const title = label ? navLabel(childrenNamed(label, 'text')[0] ?? label) : '';
    const src = childrenNamed(point, 'content')[0]?.getAttribute('src');
    const target = src ? resolveHref(path, src) : null;
    return title && target ? { title, path: target.path, fragment: target.fragment } : null;
  };
  const toc = elementsNamed(ncx, 'navpoint').map(entry).filter((e): e is TocEntry => e !== null);
  const pageList = elementsNamed(ncx, 'pagetarget').map(entry).filter((e): e is TocEntry => e !== null);
  return { toc, pageList };
}

export function readPackage(zip: ZipArchive, label: string, parseHtml: (text: string) => Document): EpubPackage {
  const packagePath = findPackagePath(zip, label);
  const opf = parseXml(zip.text(packagePath));
  const metadata = elementsNamed(opf, 'metadata')[0] ?? opf;
  const firstText = (name: string) => {
    const element = elementsNamed(metadata, name).find((e) => normalizeText(e.textContent ?? ''));
    return element ? normalizeText(element.textContent ?? '') : null;
  };
  const creators = elementsNamed(metadata, 'creator')
    .filter((element) => {
      // EPUB 2 opf:role, EPUB 3 refines: only authors when roles are given.
      const role = element.getAttribute('opf:role') ?? element.getAttribute('role');
      const id = element.getAttribute('id');
      const refined = id ? elementsNamed(metadata, 'meta').find((meta) => meta.getAttribute('refines') === `#${id}` && meta.getAttribute('property') === 'role') : undefined;
      const roleValue = role ?? normalizeText(refined?.textContent ?? '');
      return !roleValue || roleValue === 'aut';
    })
    .map((element) => normalizeText(element.textContent ?? ''))
    .filter(Boolean);

  const manifest = new Map<string, { path: string; mediaType: string; properties: string }>();
  const mediaTypes = new Map<string, string>();
  for (const item of elementsNamed(opf, 'item')) {
    const href = item.getAttribute('href');
    const resolved = href ? resolveHref(packagePath, href) : null;
    if (!resolved) continue;
    const entry = { path: resolved.path, mediaType: item.getAttribute('media-type') ?? '', properties: item.getAttribute('properties') ?? '' };
    manifest.set(item.getAttribute('id') ?? '', entry);
    mediaTypes.set(entry.path, entry.mediaType);
  }
  const spineElement = elementsNamed(opf, 'spine')[0];
  const spine: SpineItem[] = [];
  for (const itemref of spineElement ? childrenNamed(spineElement, 'itemref') : []) {
    const item = manifest.get(itemref.getAttribute('idref') ?? '');
    if (!item || !zip.has(item.path)) continue;
    if (!/html|xml/u.test(item.mediaType)) continue; // a spine item in another format (an image) has a fallback we do not follow
    spine.push({ path: item.path, linear: (itemref.getAttribute('linear') ?? 'yes').trim() !== 'no' });
  }
  if (spine.length === 0) throw new ArchiveError(`${label} is an EPUB book with no readable documents in its spine (the list of its chapters), so there is nothing to read.`);

  let navigation: { toc: TocEntry[]; pageList: TocEntry[] } = { toc: [], pageList: [] };
  const nav = Array.from(manifest.values()).find((item) => /(?:^|\s)nav(?:\s|$)/u.test(item.properties) && zip.has(item.path));
  const ncxId = spineElement?.getAttribute('toc');
  const ncx = (ncxId ? manifest.get(ncxId) : undefined) ?? Array.from(manifest.values()).find((item) => item.mediaType === 'application/x-dtbncx+xml');
  try {
    if (nav) navigation = readNavDocument(zip, nav.path, parseHtml);
    if (navigation.toc.length === 0 && ncx && zip.has(ncx.path)) {
      const fromNcx = readNcx(zip, ncx.path);
      navigation = { toc: fromNcx.toc, pageList: navigation.pageList.length > 0 ? navigation.pageList : fromNcx.pageList };
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    navigation = { toc: [], pageList: [] }; // a broken table of contents: chapters are named from the documents' headings
  }
  return { packagePath, title: firstText('title'), creators, language: firstText('language'), spine, toc: navigation.toc, pageList: navigation.pageList, mediaTypes };
}
