/**
 * An EPUB book to an Article: the archive read with limits (zipArchive.ts), DRM said, the package
 * document's metadata and spine, the navigation document or NCX for chapter titles (epubPackage.ts);
 * every spine document, in spine order, through the HTML block walker as a whole (a chapter is all
 * content: no Readability, no content model), with the book's semantics marked in and read back
 * (epubSemantics.ts). Notes come back apart (ArticleWithNotes); the loader places them by the listener's rule.
 */
import { normalizeText, type Block, type HiddenBlock } from '../../../shared/article.js';
import type { ArticleWithNotes, NoteBody } from '../../../shared/notes.js';
import { detectLang, guessLangFromText, normalizeLangTag } from '../detectLang.js';
import { parseDocument } from '../html/extractHtml.js';
import { walkHtmlBlocks } from '../html/walkHtmlBlocks.js';
import { drmMessage } from './epubDrm.js';
import { readPackage } from './epubPackage.js';
import { findNotes, indexIds, markDocument, MarkTable, noteText, readMarks, semanticTypes, type ReadState, type SpineDocument } from './epubSemantics.js';
import { ArchiveError, ZIP_LIMITS, ZipArchive, type ZipLimits } from './zipArchive.js';
import type { StreamHooks } from '../streamParts.js';

/** A streamed book's first part: the first spine documents holding at least this much markup (a few chapters). */
export const FIRST_PART_CHARS = 60_000;

export interface EpubOptions {
  /** Image descriptions (alt text) read as blocks of their own; off: kept as hidden blocks. */
  imageDescriptions?: boolean;
  limits?: ZipLimits;
  /** Streaming: the first chapters handed over as a part before the whole book is read, and progress per chapter. */
  hooks?: StreamHooks;
}

/** How many spine documents make a streamed book's first part: the fewest whose markup reaches `minChars` (plain, for tests). */
export function firstPartDocuments(sizes: number[], minChars: number): number {
  let chars = 0;
  for (let i = 0; i < sizes.length; i++) {
    chars += sizes[i]!;
    if (chars >= minChars) return i + 1;
  }
  return sizes.length;
}

const VOID = 'area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr';
const SELF_CLOSING = new RegExp(`<(?!(?:${VOID})[\\s/>])([A-Za-z][\\w:.-]*)((?:\\s+[^\\s=/>]+(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'>]+))?)*)\\s*/>`, 'gu');

/**
 * XHTML as an HTML parser should see it: "<div/>" and "<a id='x'/>" are empty elements in XML but open
 * tags in HTML, which would swallow the rest of the chapter. The XML declaration is dropped.
 */
export function xhtmlForHtmlParser(xhtml: string): string {
  return xhtml.replace(/^\s*<\?xml[^>]*>/u, '').replace(SELF_CLOSING, '<$1$2></$1>');
}

export function parseSpineDocument(text: string): Document {
  return parseDocument(xhtmlForHtmlParser(text));
}

function joinNames(names: string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function docLangOf(document: Document, bookLang: string | null): string | null {
  const root = document.documentElement;
  const lang = normalizeLangTag(root?.getAttribute('xml:lang') ?? root?.getAttribute('lang') ?? document.body?.getAttribute('xml:lang') ?? document.body?.getAttribute('lang'));
  return lang && bookLang && lang.toLowerCase() !== bookLang.toLowerCase() ? lang : null;
}

export function extractEpub(bytes: Uint8Array, name: string, fallbackTitle: string, options: EpubOptions = {}): ArticleWithNotes {
  try {
    return readBook(bytes, name, fallbackTitle, options);
  } catch (error) {
    if (error instanceof ArchiveError || error instanceof RangeError) throw error;
    // Markup or XML broken beyond what the parsers mend: the book, not the reader, is at fault.
    throw new ArchiveError(`${name} looks damaged: it could not be read as an EPUB book (${(error as Error).message}).`);
  }
}

function readBook(bytes: Uint8Array, name: string, fallbackTitle: string, options: EpubOptions): ArticleWithNotes {
  const zip = new ZipArchive(bytes, name, options.limits ?? ZIP_LIMITS);
  const drm = drmMessage(zip, name);
  if (drm) throw new ArchiveError(drm);
  const book = readPackage(zip, name, parseSpineDocument);
  const spine = book.spine.filter((item, i) => book.spine.findIndex((other) => other.path === item.path) === i); // a document listed twice is read once
  const texts = spine.map((item) => zip.text(item.path));
  const { hooks } = options;
  if (hooks) {
    const first = firstPartDocuments(texts.map((text) => text.length), FIRST_PART_CHARS);
    if (first < spine.length) {
      const part = articleOfBook(book, spine.slice(0, first), texts, fallbackTitle, { ...options, hooks: undefined });
      if (part.blocks.length > 0) hooks.onPart(part, { done: first, total: spine.length, unit: 'chapter' });
    }
  }
  return articleOfBook(book, spine, texts, fallbackTitle, options);
}

type Book = ReturnType<typeof readPackage>;

/** The spine documents given (all of them, or a streamed book's first ones) to the book's article. */
function articleOfBook(book: Book, spine: Book['spine'], texts: string[], fallbackTitle: string, options: EpubOptions): ArticleWithNotes {
  const bookLang = normalizeLangTag(book.language);
  const docs: SpineDocument[] = [];
  for (const [i, item] of spine.entries()) {
    const document = parseSpineDocument(texts[i]!);
    docs.push({ path: item.path, document, ids: indexIds(document) });
    options.hooks?.onProgress({ done: i + 1, total: texts.length, unit: 'chapter' });
  }
  const linear = new Map(book.spine.map((item) => [item.path, item.linear]));

  // Notes first, from the untouched documents: a reference may point into another document.
  const refs = findNotes(docs);
  const noteIndex = new Map<Element, number>();
  const notes: NoteBody[] = [];
  const refToNote = new Map<Element, number>();
  for (const ref of refs) {
    let index = noteIndex.get(ref.body);
    if (index === undefined) {
      const text = noteText(ref.body, ref.label);
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      index = notes.length;
      noteIndex.set(ref.body, index);
      notes.push({ text, label: ref.label, referencedBy: null });
    }
    refToNote.set(ref.element, index);
  }
  // Typed note bodies nothing refers to are notes too (read at the end, never in the middle of the text).
  for (const doc of docs) {
    for (const element of Array.from(doc.document.body?.querySelectorAll('[epub\\:type], [role]') ?? [])) {
      const types = semanticTypes(element);
      if (!['footnote', 'endnote', 'rearnote'].some((type) => types.has(type)) || noteIndex.has(element)) continue;
      if (Array.from(noteIndex.keys()).some((body) => body.contains(element) || element.contains(body))) continue;
      const text = noteText(element, null);
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      noteIndex.set(element, notes.length);
      notes.push({ text, label: null, referencedBy: null });
    }
  }
  const noteBodies = new Set(noteIndex.keys());

  // Chapters: where each table-of-contents entry starts; without a table of contents, each document's first heading.
  const docStartChapter = new Map<string, string>();
  const chapterStarts = new Map<string, Map<string, string>>();
  for (const entry of book.toc) {
    if (entry.fragment === null) {
      if (!docStartChapter.has(entry.path)) docStartChapter.set(entry.path, entry.title);
    } else {
      const starts = chapterStarts.get(entry.path) ?? new Map<string, string>();
      if (!starts.has(entry.fragment)) starts.set(entry.fragment, entry.title);
      chapterStarts.set(entry.path, starts);
    }
  }
  const pageLabels = new Map<string, Map<string, string>>();
  for (const entry of book.pageList) {
    if (entry.fragment === null) continue;
    const labels = pageLabels.get(entry.path) ?? new Map<string, string>();
    labels.set(entry.fragment, entry.title);
    pageLabels.set(entry.path, labels);
  }

  const table = new MarkTable();
  const imageDescriptions = options.imageDescriptions ?? true;
  const blocks: Block[] = [];
  const hidden: HiddenBlock[] = [];
  const outOfOrder: Block[] = [];
  const images = new Set<Block>();
  const state: ReadState = { page: undefined, chapter: undefined };
  for (const doc of docs) {
    const isLinear = linear.get(doc.path) ?? true;
    const docState: ReadState = isLinear ? state : { page: undefined, chapter: undefined };
    let startChapter = docStartChapter.get(doc.path);
    if (book.toc.length === 0) {
      const heading = doc.document.body?.querySelector('h1, h2, h3') ?? doc.document.querySelector('title');
      const title = heading ? normalizeText(heading.textContent ?? '') : '';
      if (title) startChapter = title;
    }
    if (startChapter !== undefined) docState.chapter = startChapter;
    markDocument(doc, table, refToNote, noteBodies, {
      pageLabels: pageLabels.get(doc.path) ?? new Map(),
      chapterStarts: chapterStarts.get(doc.path) ?? new Map(),
      bookLang,
    });
    // Every block of the document is read, whatever a web page's furniture signals would say of it (a book's
    // classes are typography; its asides and captions are part of it); only a navigation list in the text is not.
    const walked: Block[] = doc.document.body
      ? walkHtmlBlocks(doc.document.body as unknown as Element, { onElement: (element) => (element.localName === 'nav' ? 'skip' : undefined) }).map(({ kind, text, list, table }) => ({ kind, text, ...(list && { list }), ...(table && { table }) }))
      : [];
    const target = isLinear ? blocks : outOfOrder;
    const read = readMarks(walked, table, docState, target.length, docLangOf(doc.document, bookLang));
    target.push(...read.blocks);
    for (const image of read.images) images.add(image);
    if (isLinear) {
      for (const [note, at] of read.referenced) {
        const body = notes[note];
        if (body && body.referencedBy === null) body.referencedBy = at;
      }
    }
  }

  const title = book.title ?? fallbackTitle;
  if (blocks[0]?.kind === 'heading' && blocks[0].text.toLowerCase() === title.toLowerCase()) {
    blocks.shift();
    for (const note of notes) if (note.referencedBy !== null) note.referencedBy = Math.max(0, note.referencedBy - 1);
  }
  // Image descriptions off: kept where they stood, as hidden blocks the listener can bring back.
  const reading: Block[] = [];
  const shift: number[] = [];
  blocks.forEach((block, i) => {
    shift[i] = reading.length;
    if (!imageDescriptions && images.has(block)) hidden.push({ ...block, position: reading.length, reason: 'image description' });
    else reading.push(block);
  });
  for (const note of notes) {
    if (note.referencedBy === null) continue;
    const anchor = blocks[note.referencedBy];
    note.referencedBy = shift[note.referencedBy] ?? null;
    if (anchor?.page !== undefined) note.page = anchor.page;
    if (anchor?.chapter !== undefined) note.chapter = anchor.chapter;
  }
  for (const block of outOfOrder) hidden.push({ ...block, position: reading.length, reason: 'outside the reading order' });

  const text = reading
    .slice(0, 200)
    .map((block) => block.text)
    .join(' ');
  const lang = bookLang ?? (docs[0] ? detectLang(docs[0].document, text) : guessLangFromText(text));
  return {
    title,
    byline: joinNames(book.creators),
    source: null,
    lang,
    blocks: reading,
    ...(hidden.length > 0 ? { hidden } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
