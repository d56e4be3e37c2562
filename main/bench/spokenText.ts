/**
 * What the reading rules leave in the spoken text, and what they cost, on the WCXB dev corpus
 * (../shared/corpus/wcxb-dev-articles). Each page is extracted as the app extracts it (extractHtml), and
 * every block's spoken text is made twice: rules off (the baseline: the text as displayed) and the
 * default rules on. Counted in the spoken text, with detectors written apart from the rules' own
 * patterns (so a rule's miss shows up here): citation markers ("[12]", "[a]", footnote <sup>s, which
 * extraction shows as "[n]"; superscript digits), web addresses and e-mail addresses. Also counted:
 * displayed words whose highlight is lost (a word with a letter or digit that is spoken, yet no word of
 * the spoken timeline maps onto it: the property test's notion, on real text).
 *
 * Cost: time per paragraph of making its spoken text with the default rules and a generated 500-entry
 * pronunciation list (whole-word, anywhere, case-sensitive and pattern entries), against the rules off
 * measured in the same run, median and p95 over the corpus's paragraphs.
 *
 * Run by `npm run bench` (main/bench/bench.ts, part and key `spokenText`; BENCH_SKIP_SPOKEN_TEXT=1 leaves it out), or
 * alone: `npx tsx main/bench/spokenText.ts [corpusDir]` (BENCH_LIMIT=N: the first N pages only).
 */
import { existsSync } from 'node:fs';
import type { Block } from '../../shared/article.js';
import { CompiledPronunciations, entryProblem, type Pronunciation } from '../../shared/pronunciations.js';
import { DEFAULT_READING_RULES, RULES_OFF, type ReadingRules } from '../../shared/readingRules.js';
import { splitWords } from '../../shared/segment.js';
import { makeSpokenText, type SpokenText } from '../../shared/spokenText.js';
import { timelineToDisplayed } from '../../shared/spokenTimeline.js';
import { estimateWordTimings, type Timeline } from '../../shared/timeline.js';
import { extractHtml } from '../article/html/extractHtml.js';
import { corpusIds, readCorpusPage } from '../article/training/corpus.js';
import { checkPatternSafety } from '../pronunciations/regexSafety.js';
import { CORPUS_DIR } from './paths.js';

/**
 * Detectors of what should not be heard, independent of shared/spokenText.ts's patterns: broader where
 * they can be (any bracketed number list or one or two letters, any run after a scheme or "www." or a
 * host.tld/ of any top-level domain, any word@host.tld), so what a rule misses is counted rather than agreed with.
 */
const DETECT_CITATION = /\[\s*(?:\d+(?:\s*[-–—,]\s*\d+)*|[a-zA-Z]{1,2}|(?:note|fn|n)\s*\d+)\s*\]|[\p{L}\p{N}.,;:)](?:[¹²³⁰⁴⁵⁶⁷⁸⁹])+/gu;
const DETECT_URL = /(?:\bhttps?:\/\/|\bwww\.)[^\s]+|(?<![\p{L}\p{N}@./-])(?:[\p{L}\p{N}-]+\.)+\p{L}{2,6}\/[^\s]+/giu;
const DETECT_EMAIL = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[\p{L}]{2,}/gu;

export interface LeftCounts {
  citations: number;
  urls: number;
  emails: number;
  /** Displayed words spoken but never highlighted. */
  highlightLost: number;
}

interface SplitCounts {
  pages: number;
  blocks: number;
  displayedWords: number;
  /** The displayed text: what there is to skip. */
  displayed: Omit<LeftCounts, 'highlightLost'>;
  rulesOff: LeftCounts;
  rulesOn: LeftCounts;
  /** The default rules and the 500-entry list. */
  rulesOnWithList: LeftCounts;
}

export interface SpokenTextBenchReport {
  corpus: string;
  pages: number;
  detectors: Record<'citations' | 'urls' | 'emails', string>;
  rules: ReadingRules;
  left: { all: SplitCounts; train: SplitCounts; heldOut: SplitCounts };
  /** A few stretches of spoken text (rules on) the detectors still found, to see what a rule misses. */
  leftSamples: string[];
  costUsPerParagraph: {
    paragraphs: number;
    /** Which paragraphs were timed. */
    sample: string;
    listEntries: number;
    listEntriesRefused: number;
    rulesOff: { median: number; p95: number };
    rulesOnWithList: { median: number; p95: number };
    added: { median: number; p95: number };
    goal: { addedMedianUs: number; addedP95Us: number };
    goalsMet: boolean;
  };
}

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  return text.match(pattern)?.length ?? 0;
}

function found(text: string): Omit<LeftCounts, 'highlightLost'> {
  return { citations: count(DETECT_CITATION, text), urls: count(DETECT_URL, text), emails: count(DETECT_EMAIL, text) };
}

/** A spoken timeline as synthesis builds one for an engine without word times: sentence by sentence, words estimated. */
function spokenTimeline(spoken: SpokenText, lang: string | null): Timeline {
  let cursor = 0;
  const sentences = spoken.sentences.map(({ spoken: span }) => {
    const duration = Math.max(1, span.end - span.start) * 60;
    const sentence = { charStart: span.start, charEnd: span.end, startMs: cursor, endMs: cursor + duration, words: estimateWordTimings(spoken.text, span, cursor, cursor + duration, lang ?? 'en') };
    cursor += duration + 250;
    return sentence;
  });
  return { durationMs: cursor, sentences };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Displayed words with a letter or digit that is spoken (outside every stretch replaced by no words), yet not highlighted. */
export function lostHighlights(spoken: SpokenText, lang: string | null): { words: number; lost: number } {
  const text = spoken.displayed;
  const displayed = timelineToDisplayed(spokenTimeline(spoken, lang), spoken);
  const highlights = displayed.sentences.flatMap((sentence) => sentence.words);
  const silent = spoken.pieces.filter((piece) => !piece.same && !LETTER_OR_DIGIT.test(spoken.text.slice(piece.spokenStart, piece.spokenEnd)));
  let words = 0;
  let lost = 0;
  let h = 0;
  let s = 0;
  for (const word of splitWords(text, lang)) {
    if (!LETTER_OR_DIGIT.test(text.slice(word.start, word.end))) continue;
    words++;
    while (s < silent.length && silent[s]!.displayEnd <= word.start) s++;
    let spokenChar = false;
    for (let at = word.start; at < word.end && !spokenChar; at++) {
      if (!LETTER_OR_DIGIT.test(text[at]!)) continue;
      spokenChar = !silent.slice(s).some((piece) => piece.displayStart <= at && at < piece.displayEnd);
    }
    if (!spokenChar) continue;
    while (h < highlights.length && highlights[h]!.charEnd <= word.start) h++;
    const covered = highlights.slice(h).some((w) => w.charStart < word.end && w.charEnd > word.start);
    if (!covered) lost++;
  }
  return { words, lost };
}

/** A deterministic 500-entry list drawn from the corpus's own words (so entries match), of every kind. */
export function generatePronunciations(vocabulary: string[], size = 500): Pronunciation[] {
  const entries: Pronunciation[] = [];
  const words = vocabulary.filter((word) => /^[\p{L}][\p{L}\p{N}]{2,}$/u.test(word));
  for (let i = 0; entries.length < size; i++) {
    const word = words[(i * 7919) % words.length]!;
    const next = words[(i * 104_729 + 13) % words.length]!;
    const kind = i % 10;
    if (kind < 5) entries.push({ match: word, say: `${word} said`, wholeWord: true, caseSensitive: false, regex: false, lang: null });
    else if (kind === 5) entries.push({ match: `${word} ${next}`, say: 'two words', wholeWord: true, caseSensitive: false, regex: false, lang: null });
    else if (kind === 6) entries.push({ match: word.slice(0, 4), say: 'part', wholeWord: false, caseSensitive: false, regex: false, lang: null });
    else if (kind === 7) entries.push({ match: word[0]!.toUpperCase() + word.slice(1), say: 'capitalized', wholeWord: true, caseSensitive: true, regex: false, lang: i % 20 === 7 ? 'en' : null });
    else if (kind === 8) entries.push({ match: `${word.slice(0, 3)}[a-z]*ing`, say: 'doing', wholeWord: true, caseSensitive: false, regex: true, lang: null });
    else entries.push({ match: `\\d+ ${word}`, say: 'some $&', wholeWord: false, caseSensitive: false, regex: true, lang: null });
  }
  return entries;
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

interface PageBlocks {
  split: 'train' | 'held-out';
  lang: string | null;
  blocks: Block[];
}

function emptyCounts(): LeftCounts {
  return { citations: 0, urls: 0, emails: 0, highlightLost: 0 };
}

function emptySplit(): SplitCounts {
  return { pages: 0, blocks: 0, displayedWords: 0, displayed: { citations: 0, urls: 0, emails: 0 }, rulesOff: emptyCounts(), rulesOn: emptyCounts(), rulesOnWithList: emptyCounts() };
}

function add(into: LeftCounts | Omit<LeftCounts, 'highlightLost'>, from: Partial<LeftCounts>): void {
  for (const key of Object.keys(into) as Array<keyof LeftCounts>) (into as LeftCounts)[key] += from[key] ?? 0;
}

/** Times `make` on each text, `rounds` times round-robin after a warm-up, and keeps each text's fastest (the least disturbed by the machine). */
function timePerText(texts: PageBlocks[], make: (text: string, lang: string | null) => unknown, rounds: number): number[] {
  const flat = texts.flatMap((page) => page.blocks.map((block) => ({ text: block.text, lang: page.lang })));
  for (const { text, lang } of flat.slice(0, 200)) make(text, lang);
  const best = flat.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    flat.forEach(({ text, lang }, i) => {
      const start = performance.now();
      make(text, lang);
      best[i] = Math.min(best[i]!, performance.now() - start);
    });
  }
  return best.map((ms) => ms * 1000);
}

/**
 * The cost is timed on one paragraph in `timingStride` (the first, then every stride-th, over all pages):
 * timing every paragraph five times was most of the part's 12 minutes on a loaded machine, and the
 * median and p95 of a systematic sample of 8,000 paragraphs are those of all of them within noise.
 * What is left in the spoken text is still counted on every block.
 */
const TIMING_STRIDE = Math.max(1, Number(process.env.BENCH_SPOKEN_TEXT_TIMING_STRIDE ?? 4));

export function runSpokenTextBench(corpusDir: string, options: { limit?: number; rounds?: number; timingStride?: number } = {}): SpokenTextBenchReport {
  let ids = corpusIds(corpusDir);
  if (options.limit) ids = ids.slice(0, options.limit);
  const pages: PageBlocks[] = [];
  for (const id of ids) {
    const page = readCorpusPage(corpusDir, id);
    if (!page) continue;
    try {
      const article = extractHtml(page.html, id, page.url);
      pages.push({ split: page.split, lang: article.lang, blocks: article.blocks });
    } catch {
      pages.push({ split: page.split, lang: null, blocks: [] });
    }
  }

  const vocabulary = [...new Set(pages.flatMap((page) => page.blocks.flatMap((block) => block.text.match(/[\p{L}][\p{L}\p{N}]+/gu) ?? [])))].sort();
  const list = generatePronunciations(vocabulary);
  const refused = list.filter((entry) => entryProblem(entry, checkPatternSafety) !== null).length;
  const compiled = new CompiledPronunciations(list);

  const splits = { all: emptySplit(), train: emptySplit(), heldOut: emptySplit() };
  const leftSamples: string[] = [];
  for (const page of pages) {
    const targets = [splits.all, page.split === 'train' ? splits.train : splits.heldOut];
    for (const target of targets) target.pages++;
    for (const block of page.blocks) {
      const off = makeSpokenText(block.text, { rules: RULES_OFF, lang: page.lang });
      const on = makeSpokenText(block.text, { rules: DEFAULT_READING_RULES, lang: page.lang });
      const withList = makeSpokenText(block.text, { rules: DEFAULT_READING_RULES, pronunciations: compiled, lang: page.lang });
      const offLost = lostHighlights(off, page.lang);
      const onFound = found(on.text);
      const figures = {
        displayed: found(block.text),
        rulesOff: { ...found(off.text), highlightLost: offLost.lost },
        rulesOn: { ...onFound, highlightLost: lostHighlights(on, page.lang).lost },
        rulesOnWithList: { ...found(withList.text), highlightLost: lostHighlights(withList, page.lang).lost },
      };
      if (leftSamples.length < 10 && onFound.citations + onFound.urls + onFound.emails > 0) {
        for (const pattern of [DETECT_CITATION, DETECT_URL, DETECT_EMAIL]) {
          pattern.lastIndex = 0;
          for (const m of on.text.matchAll(pattern)) if (leftSamples.length < 10) leftSamples.push(on.text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10));
        }
      }
      for (const target of targets) {
        target.blocks++;
        target.displayedWords += offLost.words;
        add(target.displayed, figures.displayed);
        add(target.rulesOff, figures.rulesOff);
        add(target.rulesOn, figures.rulesOn);
        add(target.rulesOnWithList, figures.rulesOnWithList);
      }
    }
  }

  // Cost on the paragraphs (what a listener mostly hears), rules off and on measured in the same run.
  const stride = options.timingStride ?? TIMING_STRIDE;
  let seen = 0;
  const allParagraphs = pages.reduce((sum, page) => sum + page.blocks.filter((block) => block.kind === 'paragraph').length, 0);
  const paragraphs = pages.map((page) => ({ ...page, blocks: page.blocks.filter((block) => block.kind === 'paragraph' && seen++ % stride === 0) }));
  const rounds = options.rounds ?? 5;
  const offTimes = timePerText(paragraphs, (text, lang) => makeSpokenText(text, { rules: RULES_OFF, lang }), rounds);
  const onTimes = timePerText(paragraphs, (text, lang) => makeSpokenText(text, { rules: DEFAULT_READING_RULES, pronunciations: compiled, lang }), rounds);
  const added = onTimes.map((us, i) => us - offTimes[i]!);
  const summary = (values: number[]) => ({ median: round(percentile(values, 0.5)), p95: round(percentile(values, 0.95)) });
  const addedSummary = summary(added);
  return {
    corpus: 'WCXB dev split (CC-BY-4.0), extracted with extractHtml',
    pages: pages.length,
    detectors: { citations: DETECT_CITATION.source, urls: DETECT_URL.source, emails: DETECT_EMAIL.source },
    rules: DEFAULT_READING_RULES,
    left: splits,
    leftSamples,
    costUsPerParagraph: {
      paragraphs: added.length,
      sample: stride === 1 ? `all ${allParagraphs} paragraphs, best of ${rounds} rounds each` : `one paragraph in ${stride} (${added.length} of ${allParagraphs}), best of ${rounds} rounds each`,
      listEntries: list.length,
      listEntriesRefused: refused,
      rulesOff: summary(offTimes),
      rulesOnWithList: summary(onTimes),
      added: addedSummary,
      goal: { addedMedianUs: 1000, addedP95Us: 5000 },
      goalsMet: addedSummary.median < 1000 && addedSummary.p95 < 5000,
    },
  };
}

/** The report on the corpus at `corpusDir`, or why there is none. */
export function benchSpokenText(corpusDir: string): SpokenTextBenchReport | { skipped: string } {
  if (process.env.BENCH_SKIP_SPOKEN_TEXT) return { skipped: 'BENCH_SKIP_SPOKEN_TEXT is set' };
  if (!existsSync(corpusDir)) return { skipped: `the corpus is not at ${corpusDir}` };
  return runSpokenTextBench(corpusDir, { limit: process.env.BENCH_LIMIT ? Number(process.env.BENCH_LIMIT) : undefined });
}

// Alone: `npx tsx main/bench/spokenText.ts [corpusDir]` (in the built bench this module is a part of bench.js, and this does not run).
if (/spokenText\.[cm]?[jt]s$/u.test(process.argv[1] ?? '')) {
  console.log(JSON.stringify(benchSpokenText(process.argv[2] ?? CORPUS_DIR), null, 2));
}
