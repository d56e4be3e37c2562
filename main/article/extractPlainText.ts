/**
 * Plain text (and light Markdown) to an Article. Text scraped from web pages carries site chrome
 * ("Menu", "Advertisement", "Comments (14)"), attribution lines and author bios; those are kept out
 * of the reading, with the attribution becoming the source and the bio or "By ..." line the byline.
 */
import { makeBlock, normalizeText, type Article, type Block, type BlockKind, type HiddenBlock } from '../../shared/article.js';

/** Short lines that are page furniture, never article text. */
const CHROME_LINE =
  /^(?:skip to (?:main )?content|menu|main menu|navigation|home|search|subscribe(?: now)?|sign (?:in|up)|log ?in|log ?out|register|advertisement|advertising|sponsored(?: content)?|ad|share(?: this(?: article| story| post| page)?)?(?: on \w+)?|tweet|print|email|facebook|twitter|linkedin|whatsapp|copy link|comments?(?: \(\d+\))?|\d+ comments?|leave a (?:reply|comment)|post a comment|reply|related(?: articles| stories| posts)?|you may also like|recommended(?: for you)?|most (?:read|popular)|trending|newsletter|sign up for (?:our|the) newsletter|back to top|cookie settings|accept(?: all)?(?: cookies)?|previous (?:article|post)|next (?:article|post)|tags?:?.*)$/iu;
/** Lines that point elsewhere: "Read more: ...", "Related: ...". */
const TEASER_LINE = /^(?:read more|read next|related|see also|more from|recommended|watch|listen)\s*:/iu;
const ATTRIBUTION_LINE = /^(?:source|via|originally published (?:at|on|in|by))\s*:\s*(\S.*)$/iu;
const BYLINE_LINE = /^(?:[Pp]osted |[Ww]ritten |[Ww]ords |[Ss]tory )?[Bb]y\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u;
const AUTHOR_BIO = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})\s+(?:is|was|covers|writes|reports|has (?:been|written|covered)|joined|edits)\b/u;
const MAX_HIDDEN = 200;
const MAX_HIDDEN_CHARS = 100_000;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*$/u;
const MARKDOWN_LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.+)$/u;
const MARKDOWN_QUOTE = /^\s*>\s?(.*)$/u;

interface Line {
  kind: BlockKind;
  text: string;
  /** A Markdown heading marker (#) was present, so this is the title or a heading for sure. */
  marked: boolean;
  /** Why the line is left out of the reading, once it is. */
  hiddenReason?: string;
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** Why a line is page chrome, or null when it is not. */
function chromeReason(text: string): string | null {
  if (TEASER_LINE.test(text)) return 'related links';
  if (wordCount(text) > 8 || !CHROME_LINE.test(text)) return null;
  if (/^(?:advertis|sponsored|ad$)/iu.test(text)) return 'advertisement';
  if (/comment|^reply$|leave a reply/iu.test(text)) return 'comment section';
  if (/^(?:share|tweet|print|email|facebook|twitter|linkedin|whatsapp|copy link)/iu.test(text)) return 'share buttons';
  if (/^(?:related|you may|recommended|most|trending|previous|next)/iu.test(text)) return 'related links';
  if (/^(?:subscribe|newsletter|sign up for)/iu.test(text)) return 'newsletter sign-up';
  if (/^(?:cookie|accept)/iu.test(text)) return 'cookie notice';
  if (/^tags?\b/iu.test(text)) return 'tags';
  if (/^(?:skip to|menu|main menu|navigation|home|search|back to top|sign (?:in|up)|log ?in|log ?out|register)/iu.test(text)) return 'site menu';
  return 'page furniture';
}

/**
 * A chunk between blank lines is one paragraph when its lines are hard-wrapped prose (long lines
 * continuing each other); otherwise each line stands alone, as in text copied from a web page.
 */
function chunkToLines(chunk: string[]): Line[] {
  const markdown = chunk.map((raw): Line => {
    const heading = MARKDOWN_HEADING.exec(raw);
    if (heading) return { kind: 'heading', text: normalizeText(heading[2]!), marked: true };
    const item = MARKDOWN_LIST_ITEM.exec(raw);
    if (item) return { kind: 'list-item', text: normalizeText(item[1]!), marked: false };
    const quote = MARKDOWN_QUOTE.exec(raw);
    if (quote) return { kind: 'quote', text: normalizeText(quote[1]!), marked: false };
    return { kind: 'paragraph', text: normalizeText(raw), marked: false };
  });
  const prose = markdown.every((line) => line.kind === 'paragraph' || line.kind === 'quote');
  const sameKind = markdown.every((line) => line.kind === markdown[0]!.kind);
  // Hard wrapping makes lines of similar, moderate length; scraped paragraphs are one long line each.
  const wrapped =
    markdown.length > 1 &&
    prose &&
    sameKind &&
    markdown.every((line) => line.text.length <= 100) &&
    markdown.slice(0, -1).every((line) => line.text.length >= 35);
  if (wrapped) return [{ kind: markdown[0]!.kind, text: markdown.map((line) => line.text).join(' '), marked: false }];
  return markdown;
}

export function extractPlainText(text: string, fallbackTitle: string): Article {
  const chunks: string[][] = [[]];
  for (const raw of text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u)) {
    if (raw.trim() === '') chunks.push([]);
    else chunks.at(-1)!.push(raw);
  }
  const lines = chunks.filter((chunk) => chunk.length > 0).flatMap(chunkToLines).filter((line) => line.text.length > 0);

  let source: string | null = null;
  let byline: string | null = null;
  for (const line of lines) {
    const attribution = ATTRIBUTION_LINE.exec(line.text);
    if (attribution && wordCount(line.text) <= 12) {
      source ??= attribution[1]!.trim();
      line.hiddenReason = 'source line';
      continue;
    }
    const by = BYLINE_LINE.exec(line.text);
    if (by && wordCount(line.text) <= 12) {
      byline ??= by[1]!.trim();
      line.hiddenReason = 'byline';
      continue;
    }
    const chrome = chromeReason(line.text);
    if (chrome) line.hiddenReason = chrome;
  }
  let read = lines.filter((line) => !line.hiddenReason);

  // An author bio closes the article: "Jordan Ellis covers city government ...".
  const last = read.at(-1);
  const bio = last && read.length > 2 ? AUTHOR_BIO.exec(last.text) : null;
  if (bio) {
    byline ??= bio[1]!;
    last!.hiddenReason = 'author bio';
    read = read.slice(0, -1);
  }

  // The title: a Markdown heading at the top, or the first line that reads like a headline.
  let title = fallbackTitle;
  const first = read[0];
  let titleLine: Line | null = null;
  if (first && (first.marked || (first.text.length <= 200 && !/[.!?]$/u.test(first.text) && wordCount(first.text) >= 2))) {
    title = first.text;
    titleLine = first;
  }

  // Blocks in order; every left-out line stands before the block that follows it.
  const blocks: Block[] = [];
  const hidden: HiddenBlock[] = [];
  const seen = new Set<string>();
  let hiddenChars = 0;
  for (const line of lines) {
    if (line === titleLine) continue;
    if (line.hiddenReason) {
      const block = makeBlock(line.kind === 'list-item' || line.kind === 'quote' ? line.kind : 'paragraph', line.text);
      if (block && /\p{L}/u.test(block.text) && !seen.has(block.text) && hidden.length < MAX_HIDDEN && hiddenChars + block.text.length <= MAX_HIDDEN_CHARS) {
        seen.add(block.text);
        hiddenChars += block.text.length;
        hidden.push({ ...block, position: blocks.length, reason: line.hiddenReason });
      }
      continue;
    }
    const block = makeBlock(line.kind === 'paragraph' && isHeadingLike(line.text) ? 'heading' : line.kind, line.text);
    if (block) blocks.push(block);
  }
  return { title, byline, source, lang: null, blocks, ...(hidden.length > 0 ? { hidden } : {}) };
}

/** A short line without closing punctuation between paragraphs reads as a section heading. */
function isHeadingLike(text: string): boolean {
  return wordCount(text) <= 10 && text.length <= 80 && !/[.!?,;:"”)]$/u.test(text) && /^\p{Lu}/u.test(text);
}
