/**
 * Plain text (and light Markdown) to an Article. Text scraped from web pages carries the page around the
 * article: menus, loader and cookie text, share and comment buttons, attribution lines, author bios,
 * teasers. Every block (a line, or a paragraph of hard-wrapped lines) is classified read or left out by the
 * content model (contentModel.ts, trained on the WCXB corpus; features in blockFeatures.ts), the title is
 * the line the title model rates most headline-like next to the article, and the byline and source are
 * found once, from the shape of the lines around the article, and never read as paragraphs.
 */
import { makeBlock, normalizeText, type Article, type Block, type BlockKind } from '../../../shared/article.js';
import { blockFeatures, stopwordsFor, type FeatureVector } from '../blockFeatures.js';
import { HiddenList } from '../hiddenBlocks.js';
import { contentModels, decideBlocks, probability, type ContentModel, type TitleModel } from '../contentModel.js';
import { guessLangFromText } from '../detectLang.js';
import { bioName } from '../authorBio.js';

const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*$/u;
const MARKDOWN_LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.+)$/u;
const MARKDOWN_QUOTE = /^\s*>\s?(.*)$/u;
const WORD = /[\p{L}\p{N}]+/gu;

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** Marked up by the writer (a Markdown heading, list item or quote): structure, not scraped chrome. */
  marked: boolean;
}

function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * A chunk between blank lines is one paragraph when its lines are hard-wrapped prose (long lines
 * continuing each other); otherwise each line stands alone, as in text copied from a web page.
 */
function chunkToBlocks(chunk: string[]): TextBlock[] {
  const lines = chunk.map((raw): TextBlock => {
    const heading = MARKDOWN_HEADING.exec(raw);
    if (heading) return { kind: 'heading', text: normalizeText(heading[2]!), marked: true };
    const item = MARKDOWN_LIST_ITEM.exec(raw);
    if (item) return { kind: 'list-item', text: normalizeText(item[1]!), marked: true };
    const quote = MARKDOWN_QUOTE.exec(raw);
    if (quote) return { kind: 'quote', text: normalizeText(quote[1]!), marked: true };
    return { kind: 'paragraph', text: normalizeText(raw), marked: false };
  });
  const prose = lines.every((line) => line.kind === 'paragraph' || line.kind === 'quote');
  const sameKind = lines.every((line) => line.kind === lines[0]!.kind);
  // Hard wrapping makes lines of similar, moderate length; scraped paragraphs are one long line each.
  const wrapped = lines.length > 1 && prose && sameKind && lines.every((line) => line.text.length <= 100) && lines.slice(0, -1).every((line) => line.text.length >= 35);
  if (wrapped) return [{ kind: lines[0]!.kind, text: lines.map((line) => line.text).join(' '), marked: lines[0]!.marked }];
  return lines;
}

/** The text's blocks in order: lines, or paragraphs of hard-wrapped lines, with Markdown markers read. */
export function plainTextBlocks(text: string): TextBlock[] {
  const chunks: string[][] = [[]];
  for (const raw of text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u)) {
    if (raw.trim() === '') chunks.push([]);
    else chunks.at(-1)!.push(raw);
  }
  return chunks
    .filter((chunk) => chunk.length > 0)
    .flatMap(chunkToBlocks)
    .filter((block) => /[\p{L}\p{N}]/u.test(block.text));
}

export interface TextClassification {
  vectors: FeatureVector[];
  probabilities: number[];
  read: boolean[];
  /** The stretch of blocks taken as the article: [start, end). */
  stretch: [number, number];
}

/** Feature vectors of the blocks (the language picks the stopword list; guessed from the text when null). */
export function textBlockVectors(blocks: TextBlock[], lang: string | null): FeatureVector[] {
  const texts = blocks.map((block) => block.text);
  return blockFeatures(texts, stopwordsFor(lang ?? guessLangFromText(texts.join('\n')), texts));
}

/** What the content model reads of the blocks. */
export function classifyTextBlocks(blocks: TextBlock[], lang: string | null, model: ContentModel = contentModels().text): TextClassification {
  const vectors = textBlockVectors(blocks, lang);
  const decided = decideBlocks(model, vectors, blocks.map((block) => wordCount(block.text)));
  // What the writer marked as structure (Markdown headings, lists, quotes) inside the article is read.
  const read = decided.read.map((value, i) => value || (blocks[i]!.marked && i >= decided.stretch[0] && i < decided.stretch[1]));
  return { vectors, probabilities: decided.probabilities, read, stretch: decided.stretch };
}

export const TITLE_FEATURE_NAMES = [
  'bias',
  'before',
  'distance',
  'adjacent',
  'logWords',
  'endsSentence',
  'capitalised',
  'bodyOverlap',
  'repeats',
  'headlineShape',
  'startsLower',
  'separators',
  'digits',
  'read',
  'contentProbability',
  'nameThenWord',
  'markedHeading',
  'firstBlock',
  'beforeFirstProse',
  'toFirstProse',
  'lastHeadlineBeforeProse',
  'prevLogWords',
  'nextLogWords',
  'nextSentence',
  'firstParagraphOverlap',
  'wordsVsLongestCandidate',
  'headlinesBetween',
  'afterShortLines',
] as const;

/** Lines near the start of the article that could be its headline, with their title features. */
export function titleCandidates(blocks: TextBlock[], classified: TextClassification): Array<{ index: number; vector: number[] }> {
  const firstRead = classified.read.indexOf(true);
  const start = firstRead < 0 ? 0 : Math.min(firstRead, classified.stretch[0] || firstRead);
  // The article's first paragraph of prose: a headline stands shortly before it.
  let firstProse = classified.read.findIndex((read, i) => read && classified.vectors[i]![31] === 1);
  if (firstProse < 0) firstProse = start;
  let lastHeadline = -1;
  for (let i = 0; i < firstProse; i++) if (classified.vectors[i]![15] === 1) lastHeadline = i;
  const bodyWords = new Set<string>();
  classified.read.forEach((read, i) => {
    if (read) for (const token of blocks[i]!.text.toLowerCase().match(WORD) ?? []) if (token.length > 3) bodyWords.add(token);
  });
  const firstParagraphWords = new Set<string>();
  for (let i = firstProse; i < Math.min(blocks.length, firstProse + 2); i++) for (const token of blocks[i]?.text.toLowerCase().match(WORD) ?? []) if (token.length > 3) firstParagraphWords.add(token);
  const out: Array<{ index: number; vector: number[] }> = [];
  const from = Math.max(0, Math.min(start, firstProse) - 40);
  for (let i = from; i < Math.min(blocks.length, Math.max(start, firstProse) + 6); i++) {
    const block = blocks[i]!;
    const words = wordCount(block.text);
    if (words < 1 || words > 40) continue;
    // A headline is at most one sentence: a line of two or more sentences is a paragraph (a one-paragraph
    // page's body, a lede), and taken as the title it would not be read at all.
    if (isSeveralSentences(block.text)) continue;
    const own = classified.vectors[i]!;
    const tokens = (block.text.toLowerCase().match(WORD) ?? []).filter((token) => token.length > 3);
    const overlap = tokens.length === 0 ? 0 : tokens.filter((token) => bodyWords.has(token)).length / tokens.length;
    const firstOverlap = tokens.length === 0 ? 0 : tokens.filter((token) => firstParagraphWords.has(token)).length / tokens.length;
    let headlinesBetween = 0;
    for (let j = i + 1; j < firstProse; j++) if (classified.vectors[j]![15] === 1) headlinesBetween++;
    let shortBefore = 0;
    for (let j = i - 3; j < i; j++) if (j >= 0 && wordCount(blocks[j]!.text) <= 3) shortBefore++;
    out.push({
      index: i,
      vector: [
        1,
        i < start ? 1 : 0,
        Math.min(40, Math.abs(start - i)) / 40,
        Math.abs(start - i) <= 1 ? 1 : 0,
        Math.log1p(words),
        own[3]!,
        own[6]!,
        overlap,
        own[12]!,
        own[15]!,
        own[16]!,
        own[10]!,
        own[8]!,
        classified.read[i] ? 1 : 0,
        classified.probabilities[i]!,
        own[17]!,
        block.kind === 'heading' && block.marked ? 1 : 0,
        i === 0 ? 1 : 0,
        i < firstProse ? 1 : 0,
        Math.tanh((firstProse - i) / 5),
        i === lastHeadline ? 1 : 0,
        own[21]!,
        own[22]!,
        own[24]!,
        firstOverlap,
        Math.log1p(words), // made relative below
        Math.min(10, headlinesBetween) / 10,
        shortBefore / 3,
      ],
    });
  }
  const longest = Math.max(1, ...out.map((candidate) => candidate.vector[4]!));
  const at = TITLE_FEATURE_NAMES.indexOf('wordsVsLongestCandidate');
  for (const candidate of out) candidate.vector[at] = candidate.vector[at]! / longest;
  return out;
}

/** The headline's index among the blocks, or -1 when no line near the article reads like one. */
function findTitle(blocks: TextBlock[], classified: TextClassification, model: TitleModel): number {
  // A Markdown title the writer marked wins.
  const marked = blocks.findIndex((block) => block.kind === 'heading' && block.marked);
  if (marked >= 0 && marked <= 2) return marked;
  const first = blocks[0];
  // A note too short for the model to find any article in: a first line shaped like a headline names it.
  if (!classified.read.some(Boolean)) return first && blocks.length > 1 && isHeadlineShaped(first.text) ? 0 : -1;
  let best = -1;
  let bestScore = 0.05;
  for (const candidate of titleCandidates(blocks, classified)) {
    // A line that introduces what follows, or a sentence of the body, is not a headline.
    if (introducesWhatFollows(blocks[candidate.index]!.text)) continue;
    const score = probability(model.scorer, candidate.vector);
    if (score > bestScore) {
      best = candidate.index;
      bestScore = score;
    }
  }
  if (best < 0 && first && blocks.length > 1 && isHeadlineShaped(first.text)) return 0;
  return best < 0 ? best : ownLineOfTrail(blocks, best);
}

const TRAIL_SEPARATOR = /\s*(?:>|›|»|\|)\s*/u;

/**
 * A trail that ends with the headline ("News > 2015 > Headline", "Section|Headline") is not the headline: when
 * its last part stands as a line of its own near it, that line is the title.
 */
export function ownLineOfTrail(blocks: TextBlock[], index: number): number {
  const parts = blocks[index]!.text.split(TRAIL_SEPARATOR).filter((part) => part.trim() !== '');
  if (parts.length < 2) return index;
  const last = parts[parts.length - 1]!.trim().toLowerCase();
  if (wordCount(last) < 2) return index;
  for (let i = Math.max(0, index - 3); i < Math.min(blocks.length, index + 8); i++) {
    if (i !== index && blocks[i]!.text.trim().toLowerCase() === last) return i;
  }
  return index;
}

/**
 * A line that introduces what follows (ends with a colon), or a sentence of the body: a full stop after eight
 * words or more in sentence case (a headline that ends with a full stop is mostly capitalised: "Things to Know
 * Before Travelling to Japan for the First Time.").
 */
export function introducesWhatFollows(text: string): boolean {
  if (/:$/u.test(text) && wordCount(text) >= 4) return true;
  if (!/\p{L}[.]["”’»)\]]*$/u.test(text) || wordCount(text) < 8) return false;
  const words = text.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
  return words.filter((word) => /^["“‘«(]?\p{Lu}/u.test(word)).length / words.length < 0.5;
}

/** Two sentences or more: a sentence end followed by a capitalised word, and the line ends as a sentence does. */
export function isSeveralSentences(text: string): boolean {
  return isSentence(text) && /\p{Ll}[.!?…]["”’»)\]]*\s+["“‘«(]?\p{Lu}/u.test(text);
}

/** A line that ends as a sentence does (closing quotes and brackets allowed). */
function isSentence(text: string): boolean {
  return /[.!?…]["”’»)\]]*$/u.test(text) && wordCount(text) >= 3;
}

/**
 * No sign of page chrome: no line repeats, nothing looks like a link, an address or a site's separators, no
 * line is a menu, share, cookie, sign-up or loading line, and every line after the first is a sentence, a
 * list item or a heading followed by one (menus, teasers and footers are short lines without an end).
 */
function hasNoPageChrome(blocks: TextBlock[]): boolean {
  if (blocks.length < 2) return false;
  const seen = new Set<string>();
  for (let i = 0; i < blocks.length; i++) {
    const { text, kind } = blocks[i]!;
    if (seen.has(text)) return false;
    seen.add(text);
    if (/https?:|www\.|\b[\w-]+\.(?:com|org|net|co|io|info|news)\b|@[\w-]+\.|[|·•»©®]|\s[-–—]\s*$/iu.test(text)) return false;
    if (wordCount(text) <= 8 && reasonFor(text, 1, [0, 2]) !== 'page furniture') return false;
    if (i === 0 || kind === 'list-item' || kind === 'quote' || isSentence(text)) continue;
    const next = blocks[i + 1];
    if (!(isHeadingLike(text) && next && (isSentence(next.text) || next.kind === 'list-item'))) return false;
  }
  return true;
}

function isHeadlineShaped(text: string): boolean {
  return text.length <= 200 && !/[.!?,;:]$/u.test(text) && wordCount(text) >= 2;
}

const BYLINE = /^(?:\p{L}+\s+)?(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u;
const NAME = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})$/u;
const LABELLED_SOURCE = /^[\p{L} ]{1,30}:\s*((?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+\S*)$/u;

/** Why a left-out block is left out, for people: from its shape, or where it stands. */
function reasonFor(text: string, index: number, stretch: [number, number]): string {
  const words = wordCount(text);
  if (words <= 8) {
    if (/comment|reply/iu.test(text)) return 'comment section';
    if (/^(?:share|tweet|print|e-?mail|facebook|twitter|linkedin|whatsapp|copy link)\b/iu.test(text)) return 'share buttons';
    if (/^(?:advertis|sponsored|ad$|anzeige|publicité|publicidad)/iu.test(text)) return 'advertisement';
    if (/^(?:subscribe|newsletter|sign up for)/iu.test(text)) return 'newsletter sign-up';
    if (/cookie/iu.test(text)) return 'cookie notice';
    if (/^(?:skip to|menu|main menu|navigation|home|search|back to top|sign (?:in|up)|log ?in|log ?out|register)\b/iu.test(text)) return 'site menu';
    if (/^(?:loading|please wait)\b|…$|\.\.\.$/iu.test(text)) return 'loading text';
  }
  if (/^(?:read more|read next|related|see also|more from|recommended|watch|listen)\b/iu.test(text)) return 'related links';
  if (index < stretch[0]) return 'before the article';
  if (index >= stretch[1]) return 'after the article';
  return 'page furniture';
}

export function extractPlainText(text: string, fallbackTitle: string): Article {
  const blocks = plainTextBlocks(text);
  const lang = guessLangFromText(blocks.map((block) => block.text).join('\n'));
  const models = contentModels();
  const classified = classifyTextBlocks(blocks, lang, models.text);
  const read = [...classified.read];
  const { stretch } = classified;
  const reasons = new Map<number, string>();

  // A text with no sign of a page around it (a note, a short item pasted whole) is read whole: the model's
  // evidence against a block is evidence of page chrome, and there is none. Its headline is its first line.
  const whole = hasNoPageChrome(blocks);
  const titleIndex = whole ? (isHeadlineShaped(blocks[0]!.text) ? 0 : -1) : findTitle(blocks, classified, models.title);
  const title = titleIndex >= 0 ? blocks[titleIndex]!.text : fallbackTitle;
  if (whole) blocks.forEach((_, i) => (read[i] = i !== titleIndex));

  // The byline: "By <Name>" (in the languages whose word for it we know), or a name standing alone, next to the title or the article's start.
  let byline: string | null = null;
  const anchor = titleIndex >= 0 ? titleIndex : stretch[0];
  for (let i = Math.max(0, anchor - 2); i < Math.min(blocks.length, anchor + 4) && !byline; i++) {
    if (i === titleIndex) continue;
    const line = blocks[i]!.text;
    if (wordCount(line) > 14) continue;
    // A name standing alone counts only below a headline: above it, a capitalised line is more likely a site or section name.
    const alone = titleIndex >= 0 && i > titleIndex && (!read[i] || whole) ? (NAME.exec(line.split(/\s+[|·•,–—-]\s+/u)[0]!)?.[1] ?? null) : null;
    const by = BYLINE.exec(line)?.[1] ?? alone;
    if (by) {
      byline = by.trim();
      read[i] = false;
      reasons.set(i, 'byline');
    }
  }

  // The source: a short labelled line naming a site ("Original Source: www.example.com").
  let source: string | null = null;
  blocks.forEach((block, i) => {
    const labelled = wordCount(block.text) <= 12 ? LABELLED_SOURCE.exec(block.text) : null;
    if (labelled && (i >= stretch[1] - 2 || i < stretch[0])) {
      source ??= labelled[1]!;
      read[i] = false;
      reasons.set(i, 'source line');
    }
  });

  // A person the body keeps naming before this block (in two paragraphs or more) is its subject (a profile),
  // not its author (whose name may stand once, in an author line).
  const namedInBody = (name: string, before: number) => {
    const surname = name.split(/\s+/u).at(-1)!.toLowerCase();
    return blocks.filter((block, j) => j < before && read[j] && j !== titleIndex && block.text.toLowerCase().includes(surname)).length >= 2;
  };

  // An author bio: a block after the article's last paragraph that starts with the author's name.
  const lastRead = read.lastIndexOf(true);
  for (let i = Math.max(0, lastRead - 1); i < blocks.length; i++) {
    const block = blocks[i]!;
    const name = byline ?? /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2})\s+\p{Ll}/u.exec(block.text)?.[1];
    if (!name || !block.text.startsWith(name) || wordCount(block.text) < 8) continue;
    // Not the article's own last paragraph: a bio is in the third person about the name, after the body.
    const isLast = i === lastRead && i > stretch[0] + 1;
    if (i > lastRead || (isLast && (byline !== null || classified.probabilities[i]! < 0.9))) {
      byline ??= name;
      read[i] = false;
      reasons.set(i, 'author bio');
    }
  }

  // A bio by its shape ("<Name> is a ... journalist", "<Name> covers ..."): a block at the body's end, after
  // at least two paragraphs of it, about a person the body does not otherwise name (a profile's subject is named
  // before its last paragraph). The model may read it as prose; its place and shape say otherwise.
  const readBefore = (i: number) => read.slice(0, i).filter(Boolean).length;
  for (let i = blocks.length - 1; i > 0; i--) {
    if (!read[i]) {
      // Left out already, after the body: it names the author all the same.
      const name = i > stretch[0] && !reasons.has(i) && readBefore(i) >= 2 ? bioName(blocks[i]!.text) : null;
      if (name) {
        byline ??= name;
        reasons.set(i, 'author bio');
      }
      continue;
    }
    const name = bioName(blocks[i]!.text);
    if (!name || readBefore(i) < 2) break;
    if (name !== byline && namedInBody(name, i)) break;
    byline ??= name;
    read[i] = false;
    reasons.set(i, 'author bio');
  }

  // A short note has no prose for the model to judge: it is read as it is, but for short lines it repeats
  // (a page's furniture comes back; a note's words do not). Never an empty article from a text with words.
  if (!read.some((value, i) => value && i !== titleIndex)) {
    const counts = new Map<string, number>();
    for (const block of blocks) counts.set(block.text, (counts.get(block.text) ?? 0) + 1);
    blocks.forEach((block, i) => (read[i] = i !== titleIndex && !reasons.has(i) && !(wordCount(block.text) <= 4 && counts.get(block.text)! > 1)));
    if (!read.some((value, i) => value && i !== titleIndex)) blocks.forEach((_, i) => (read[i] = i !== titleIndex && !reasons.has(i)));
  }

  // Blocks in order; every left-out block stands before the block that follows it.
  const out: Block[] = [];
  const hidden = new HiddenList();
  blocks.forEach((block, i) => {
    if (i === titleIndex) return;
    if (!read[i]) {
      const made = makeBlock(block.kind === 'list-item' || block.kind === 'quote' ? block.kind : 'paragraph', block.text);
      if (made && /\p{L}/u.test(made.text)) hidden.add({ ...made, position: out.length, reason: reasons.get(i) ?? reasonFor(block.text, i, stretch) });
      return;
    }
    const made = makeBlock(block.kind === 'paragraph' && isHeadingLike(block.text) ? 'heading' : block.kind, block.text);
    if (made) out.push(made);
  });
  return { title, byline, source, lang, blocks: out, ...hidden.field() };
}

/** A short line without closing punctuation between paragraphs reads as a section heading. */
function isHeadingLike(text: string): boolean {
  return wordCount(text) <= 10 && text.length <= 80 && !/[.!?,;:"”)]$/u.test(text) && /^\p{Lu}/u.test(text);
}
