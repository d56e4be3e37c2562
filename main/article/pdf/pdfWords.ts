/**
 * Words across line ends. A line that ends in a hyphen after a letter, followed by a line starting with
 * a lower-case letter, is either a word broken by hyphenation ("nega-" "tive") or a compound that keeps
 * its hyphen ("self-" "aware"). The document decides first: the joined word written whole elsewhere in
 * it, or the hyphenated form written on one line elsewhere. When the document says nothing, an English
 * word list (the word-list package, ~274,000 words) does: the joined form is a word -> joined; both parts
 * are words and the joined form is not -> the hyphen stays. Otherwise joined (hyphenation breaks more
 * words than compounds do).
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let wordList: Set<string> | null | undefined;

function englishWords(): Set<string> | null {
  if (wordList !== undefined) return wordList;
  try {
    wordList = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  } catch {
    wordList = null;
  }
  return wordList;
}

const WORD = /[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*/gu;

/** What the document says about its own words: how often each is written whole, and each hyphenated pair. */
export class DocumentWords {
  private readonly whole = new Map<string, number>();
  private readonly hyphenated = new Map<string, number>();
  /**
   * Whether the document's printer breaks words at line ends at all: some line end splits a word whose
   * parts are not words themselves ("nega-" "tive"). A document that never does (most web pages printed,
   * many reports) only breaks lines after real hyphens, so "e-" "mail" keeps its hyphen there.
   */
  private hyphenates = true;

  /** Looks at every line-end break of the document (pairs of a line's last word and the next line's first). */
  learnBreaks(pairs: Array<[string, string]>): void {
    const words = englishWords();
    if (!words) return;
    let broken = 0;
    let compounds = 0;
    for (const [before, after] of pairs) {
      const a = before.toLowerCase();
      const b = after.toLowerCase();
      const isWord = (w: string) => words.has(w) || this.whole.has(w);
      if (isWord(a + b) && (!isWord(a) || !isWord(b))) broken++;
      else if (isWord(a) && isWord(b) && !isWord(a + b)) compounds++;
    }
    this.hyphenates = broken > 0 || compounds === 0;
  }

  /** Adds a line's words, except a hyphenated fragment at its end (the line break may have made it). */
  addLine(text: string): void {
    const body = /[\p{L}]-$/u.test(text) ? text.replace(/\S+$/u, '') : text;
    for (const match of body.matchAll(/([\p{L}\p{M}]+)-([\p{L}\p{M}]+)/gu)) {
      const key = `${match[1]!.toLowerCase()}-${match[2]!.toLowerCase()}`;
      this.hyphenated.set(key, (this.hyphenated.get(key) ?? 0) + 1);
    }
    for (const match of body.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      this.whole.set(word, (this.whole.get(word) ?? 0) + 1);
    }
  }

  /** Whether "before-" at a line end and "after" at the next line's start are one word broken in two. */
  joins(before: string, after: string): boolean {
    if (/^\p{Lu}/u.test(after)) return false; // "Anglo-" "Saxon", "non-" "European"
    const a = before.toLowerCase();
    const b = after.toLowerCase();
    const joined = a + b;
    const whole = this.whole.get(joined) ?? 0;
    const hyphenated = this.hyphenated.get(`${a}-${b}`) ?? 0;
    if (whole > 0 || hyphenated > 0) return whole >= hyphenated;
    const words = englishWords();
    if (words) {
      // Both halves are words and so is the whole ("e-mail", "re-enter"): only a printer that breaks words joins it.
      if (words.has(joined)) return this.hyphenates || !(words.has(a) && words.has(b));
      if (words.has(a) && words.has(b)) return false;
      // Inflected compounds: "self-" "awareness" (the list has "awareness"), "well-" "knowns".
      return true;
    }
    return !(this.whole.has(a) && this.whole.has(b));
  }
}

/** Ligatures and presentation forms expanded (NFKC on them alone: NFKC on everything would turn ² into 2). */
export function cleanPdfText(text: string): string {
  return text
    .replace(/[\ufb00-\ufb4f]/gu, (c) => c.normalize('NFKC'))
    // A soft hyphen at the line's end stays, to say the word was broken there (extractPdf joins it).
    .replace(/\u00ad(?=.)|[\ufffe\ufeff\u200b]/gu, '')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' ? ' ' : ''));
}
