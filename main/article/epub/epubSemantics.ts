/**
 * EPUB semantics, marked into a spine document before the HTML block walker sees it and read back from
 * the blocks afterwards. The walker knows nothing of books; what it must not read (note markers, page-break
 * labels) or must read apart (image descriptions) is replaced by a mark: a private-use character pair
 * around a kind letter and a number ("\uE000p3\uE001"), which the walker carries along as text and
 * `readMarks` takes out again, turning it into the blocks' page, chapter, language and note references.
 *
 * - noteref (epub:type or role doc-noteref), and links whose target links back (EPUB 2 books without
 *   semantics): the marker is not read; the note it points to is taken out of the text as a NoteBody.
 * - footnote, endnote, rearnote, note (and doc-footnote, doc-endnote; the footnotes/endnotes/rearnotes
 *   sections around them): note bodies, never read in place.
 * - pagebreak / doc-pagebreak, and page-list targets: never read; their label is the `page` of what follows.
 * - img alt text: its own block ("Image: ..."), unless empty, a placeholder ("Figure", "image", "Figure 3")
 *   or a file name; figure captions are read after it (the HTML walker leaves them out of web pages).
 * - aside and sidebar (not notes), figure captions: read where they stand, as the book prints them (the walker's
 *   furniture reasons are a web page's signals; extractEpub reads every block it finds, navigation lists aside).
 * - printed line numbers of verse (a number alone in a class such as lnum, linenum, line-number): never read.
 * - lang / xml:lang on a block-level element: the block's `lang` when it differs from the book's.
 */
import { normalizeText, type Block } from '../../../shared/article.js';
import type { NoteBody } from '../../../shared/notes.js';
import { describesImage } from '../figures.js';
import { resolveHref } from './epubPackage.js';

export { describesImage };

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000([npicl])(\d+)\uE001/gu;

export type Mark = { kind: 'n'; note: number } | { kind: 'p'; label: string } | { kind: 'i'; alt: string } | { kind: 'c'; title: string } | { kind: 'l'; lang: string };

/** Marks of a whole book: each mark's text names its index here. */
export class MarkTable {
  readonly marks: Mark[] = [];
  text(mark: Mark): string {
    this.marks.push(mark);
    return `${OPEN}${mark.kind}${this.marks.length - 1}${CLOSE}`;
  }
}

/** epub:type and role tokens, without the doc- prefix of DPUB-ARIA roles. */
export function semanticTypes(element: Element): Set<string> {
  const raw = `${element.getAttribute('epub:type') ?? ''} ${element.getAttribute('role') ?? ''}`.toLowerCase();
  return new Set(
    raw
      .split(/\s+/u)
      .filter(Boolean)
      .map((token) => token.replace(/^doc-/u, '')),
  );
}

const NOTE_TYPES = ['footnote', 'endnote', 'rearnote', 'note'];
const NOTE_SECTIONS = ['footnotes', 'endnotes', 'rearnotes'];
const isNoteBody = (element: Element) => NOTE_TYPES.some((type) => semanticTypes(element).has(type));
const isNoteSection = (element: Element) => NOTE_SECTIONS.some((type) => semanticTypes(element).has(type));
const isPageBreak = (element: Element) => semanticTypes(element).has('pagebreak');
const BLOCK_ELEMENTS = new Set(['P', 'LI', 'DIV', 'ASIDE', 'DD', 'DT', 'SECTION', 'BLOCKQUOTE', 'TD', 'FOOTER']);

/**
 * Printed line numbers of verse and drama (`<span class="lnum">10</span>` floated into the margin every
 * tenth line, as in the IDPF sample of The Waste Land): a number alone in an element whose class names a line
 * number. They are margin furniture: read, they glue onto the line ("Hofgarten,10").
 */
const LINE_NUMBER_CLASS = /(?:^|\s)(?:l(?:ine)?-?num(?:ber)?s?|line-?no|verse-?num(?:ber)?|ln)(?:\s|$)/iu;
const isLineNumber = (element: Element) => LINE_NUMBER_CLASS.test(element.getAttribute('class') ?? '') && /^\s*[\divxlc]{1,5}\s*$/iu.test(element.textContent ?? '');


export interface SpineDocument {
  path: string;
  document: Document;
  ids: Map<string, Element>;
}

export function indexIds(document: Document): Map<string, Element> {
  const ids = new Map<string, Element>();
  for (const element of Array.from(document.querySelectorAll('[id]'))) {
    const id = element.getAttribute('id');
    if (id && !ids.has(id)) ids.set(id, element);
  }
  return ids;
}

/** The element of a note's body from what a reference points at: a note, inside a note, or the paragraph holding a back-linked anchor. */
function noteBodyFor(target: Element, explicit: boolean): Element | null {
  for (let element: Element | null = target; element && element.tagName !== 'BODY'; element = element.parentElement) {
    if (isNoteBody(element)) return element;
  }
  if (!explicit) {
    for (let element: Element | null = target; element && element.tagName !== 'BODY'; element = element.parentElement) {
      if (BLOCK_ELEMENTS.has(element.tagName)) return normalizeText(element.textContent ?? '').length <= 5000 ? element : null;
    }
    return null;
  }
  // A reference marked as a note whose target is a whole chapter or section is a link, not a note.
  return target.tagName === 'BODY' || normalizeText(target.textContent ?? '').length > 5000 ? null : target;
}

/**
 * A reference without semantics looks like a note marker: superscript or in brackets ("[3]"), never in a
 * heading (chapter numbers link to the contents) and never pointing into a navigation list.
 */
function looksLikeMarker(link: Element, text: string): boolean {
  if (link.closest('h1, h2, h3, h4, h5, h6, nav')) return false;
  const superscript = link.closest('sup') !== null || link.querySelector('sup') !== null;
  return superscript || /^\[.+\]$/u.test(text);
}

interface NoteRef {
  element: Element;
  body: Element;
  label: string | null;
}

/** Links back from a note to its reference are the EPUB 2 way of saying "this is a note". */
function linksBackTo(body: Element, doc: SpineDocument, ref: Element, bodyDocPath: string): boolean {
  const ids = new Set<string>();
  for (let element: Element | null = ref; element && ids.size < 3; element = element.parentElement) {
    const id = element.getAttribute('id');
    if (id) ids.add(id);
    if (element.tagName !== 'SUP' && element.tagName !== 'A' && element.tagName !== 'SPAN') break;
  }
  if (ids.size === 0) return false;
  return Array.from(body.querySelectorAll('a[href]')).some((link) => {
    const back = resolveHref(bodyDocPath, link.getAttribute('href') ?? '');
    return back !== null && back.path === doc.path && back.fragment !== null && ids.has(back.fragment);
  });
}

const MARKER = /^[\s[(]*([\p{L}\p{N}*†‡§¶#]{1,6})[\s\])]*$/u;

/** Finds note references and their bodies across the book (a reference may point into another document). */
export function findNotes(docs: SpineDocument[]): NoteRef[] {
  const byPath = new Map(docs.map((doc) => [doc.path, doc]));
  const refs: NoteRef[] = [];
  for (const doc of docs) {
    for (const link of Array.from(doc.document.querySelectorAll('a[href]'))) {
      const explicit = semanticTypes(link).has('noteref') || (link.parentElement !== null && semanticTypes(link.parentElement).has('noteref'));
      const text = normalizeText(link.textContent ?? '');
      const marker = MARKER.exec(text);
      // Without semantics, only a short marker (a number, a symbol) shaped as one can be a note reference.
      if (!explicit && (!marker || !looksLikeMarker(link, text))) continue;
      const target = resolveHref(doc.path, link.getAttribute('href') ?? '');
      if (!target?.fragment) continue;
      const targetDoc = byPath.get(target.path);
      const targetElement = targetDoc?.ids.get(target.fragment);
      if (!targetDoc || !targetElement) continue;
      const body = noteBodyFor(targetElement, explicit);
      if (!body || body.contains(link) || (!explicit && body.closest('nav'))) continue;
      if (!explicit && !isNoteBody(body) && !linksBackTo(body, doc, link, targetDoc.path)) continue;
      const element = link.parentElement?.tagName === 'SUP' && normalizeText(link.parentElement.textContent ?? '') === text ? link.parentElement : link;
      refs.push({ element, body, label: marker ? marker[1]! : null });
    }
  }
  return refs;
}

/** A note's text without its back-links and its printed number. */
function noteText(body: Element, label: string | null): string {
  const copy = body.cloneNode(true) as Element;
  for (const link of Array.from(copy.querySelectorAll('a[href]'))) {
    const types = semanticTypes(link);
    const text = normalizeText(link.textContent ?? '');
    if (types.has('backlink') || types.has('noteref') || (label !== null && text.replace(/[[\]().]/gu, '') === label) || /^[↩↑^]/u.test(text)) link.remove();
  }
  let text = normalizeText(copy.textContent ?? '');
  if (label) text = text.replace(new RegExp(`^[\\s[(]*${label.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}[\\s\\]).:]+`, 'u'), '');
  return text.replace(/\s*[↩↑]\uFE0E?$/u, '').trim();
}

/** Replaces `element` with a text node. */
function replaceWithText(element: Element, text: string): void {
  element.parentNode?.replaceChild(element.ownerDocument.createTextNode(text), element);
}

export interface MarkOptions {
  /** Page-list labels by element id in this document. */
  pageLabels: Map<string, string>;
  /** Chapter titles starting at an element id of this document. */
  chapterStarts: Map<string, string>;
  /** The book's language; a block in another one carries its own. */
  bookLang: string | null;
}

/**
 * Marks one spine document in place: note references, page breaks, images, chapter starts and language
 * changes become marks; note bodies (already collected) are removed.
 */
export function markDocument(doc: SpineDocument, table: MarkTable, refs: Map<Element, number>, noteBodies: Set<Element>, options: MarkOptions): void {
  const { document } = doc;
  const body = document.body;
  if (!body) return;
  for (const [id, title] of options.chapterStarts) {
    const element = doc.ids.get(id);
    if (!element || !body.contains(element)) continue;
    const mark = document.createTextNode(table.text({ kind: 'c', title }));
    if (element.tagName === 'IMG' || isPageBreak(element)) element.parentNode?.insertBefore(mark, element);
    else element.insertBefore(mark, element.firstChild);
  }
  for (const [element, note] of refs) if (body.contains(element)) replaceWithText(element, table.text({ kind: 'n', note }));
  for (const element of noteBodies) if (body.contains(element)) element.remove();
  // A notes section with no note left in it (its heading, its list) goes with them.
  for (const section of Array.from(body.querySelectorAll('section, aside, div, ol, ul, footer'))) {
    if (isNoteSection(section) && !/[\p{L}\p{N}]/u.test(Array.from(section.querySelectorAll('p, li')).map((e) => e.textContent).join(''))) section.remove();
  }
  for (const element of Array.from(body.querySelectorAll('*'))) {
    const id = element.getAttribute('id');
    const listed = id ? options.pageLabels.get(id) : undefined;
    if (!isPageBreak(element) && listed === undefined) continue;
    const label = listed ?? normalizeText(element.getAttribute('aria-label') ?? element.getAttribute('title') ?? element.textContent ?? '');
    if (!label) {
      if (isPageBreak(element)) element.remove();
      continue;
    }
    if (isPageBreak(element) || !/[\p{L}\p{N}]/u.test(element.textContent ?? '')) replaceWithText(element, table.text({ kind: 'p', label }));
    else element.insertBefore(document.createTextNode(table.text({ kind: 'p', label })), element.firstChild);
  }
  for (const element of Array.from(body.querySelectorAll('[class]'))) if (isLineNumber(element)) element.remove();
  for (const image of Array.from(body.querySelectorAll('img'))) {
    const alt = normalizeText(image.getAttribute('alt') ?? '');
    const caption = normalizeText(image.closest('figure')?.querySelector('figcaption')?.textContent ?? '');
    if (describesImage(alt, image.getAttribute('src') ?? '') && alt.toLowerCase() !== caption.toLowerCase()) replaceWithText(image, table.text({ kind: 'i', alt }));
    else image.remove();
  }
  for (const element of Array.from(body.querySelectorAll('[lang], [xml\\:lang]'))) {
    const lang = element.getAttribute('xml:lang') ?? element.getAttribute('lang') ?? '';
    if (lang && lang.toLowerCase() !== (options.bookLang ?? '').toLowerCase()) element.insertBefore(document.createTextNode(table.text({ kind: 'l', lang })), element.firstChild);
  }
}

export interface ReadState {
  page: string | undefined;
  chapter: string | undefined;
}

export interface ReadBack {
  blocks: Block[];
  /** Note index -> index in `blocks` (of all blocks read so far, offset included) of the block referring to it. */
  referenced: Map<number, number>;
  /** The blocks made from image descriptions. */
  images: Block[];
}

/**
 * The walker's blocks with their marks taken out: page and chapter set from the marks before each block's
 * first word, image descriptions split into blocks of their own, note references recorded, empty blocks dropped.
 */
export function readMarks(walked: Block[], table: MarkTable, state: ReadState, offset: number, docLang: string | null): ReadBack {
  const blocks: Block[] = [];
  const referenced = new Map<number, number>();
  const images: Block[] = [];
  for (const block of walked) {
    let split = false;
    let text = '';
    let startPage = state.page;
    let startChapter = state.chapter;
    let lang: string | undefined;
    const flush = () => {
      const clean = normalizeText(text);
      if (/[\p{L}\p{N}]/u.test(clean)) {
        const out: Block = { kind: block.kind, text: clean };
        // How the walker says to show it (a list's numbering, a table's cells), on the block it made, without marks.
        if (block.list && !split) out.list = block.list;
        if (block.table && !split) out.table = { ...block.table, rows: block.table.rows.map((row) => row.map((cell) => normalizeText(cell.replace(MARK, '')))) };
        if (startPage !== undefined) out.page = startPage;
        if (startChapter !== undefined) out.chapter = startChapter;
        const blockLang = lang ?? docLang;
        if (blockLang) out.lang = blockLang;
        blocks.push(out);
      }
      text = '';
      startPage = state.page;
      startChapter = state.chapter;
      lang = undefined;
    };
    let last = 0;
    for (const match of block.text.matchAll(MARK)) {
      text += block.text.slice(last, match.index);
      last = match.index + match[0].length;
      const mark = table.marks[Number(match[2])];
      if (!mark) continue;
      const atStart = !/[\p{L}\p{N}]/u.test(text);
      switch (mark.kind) {
        case 'p':
          state.page = mark.label;
          if (atStart) startPage = mark.label;
          break;
        case 'c':
          state.chapter = mark.title;
          if (atStart) startChapter = mark.title;
          break;
        case 'l':
          if (atStart) lang = mark.lang;
          break;
        case 'n': {
          // The block being built refers to it (a marker before any word belongs to the words after it).
          if (!referenced.has(mark.note)) referenced.set(mark.note, offset + blocks.length);
          break;
        }
        case 'i': {
          split = true;
          flush();
          const image: Block = { kind: block.kind === 'heading' ? 'paragraph' : block.kind, text: `Image: ${mark.alt}` };
          if (state.page !== undefined) image.page = state.page;
          if (state.chapter !== undefined) image.chapter = state.chapter;
          blocks.push(image);
          images.push(image);
          break;
        }
      }
    }
    text += block.text.slice(last);
    flush();
  }
  return { blocks, referenced, images };
}

export { noteText, type NoteRef, type NoteBody };
