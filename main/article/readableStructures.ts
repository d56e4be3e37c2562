/** How code and tables are heard: short ones are read, long ones announced (reading 200 lines of code aloud helps nobody). */
import { normalizeText } from '../../shared/article.js';

export const MAX_READ_CODE_LINES = 40;
export const MAX_READ_CODE_CHARS = 3000;
/** Tables up to 60 rows are read (a week's shopping list, a state-by-state chart); larger ones are announced. */
export const MAX_READ_TABLE_ROWS = 60;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The code itself when it is short, else an announcement that names its language and size. */
export function describeCode(code: string, lang: string | null): string {
  const lines = code.split(/\r\n|\r|\n/u).filter((line) => line.trim() !== '');
  if (lines.length <= MAX_READ_CODE_LINES && code.length <= MAX_READ_CODE_CHARS) return code;
  const language = lang && /^[\w+#.-]{1,20}$/u.test(lang) ? ` in ${lang}` : '';
  return `Code sample${language}, ${plural(lines.length, 'line')}, not read aloud.`;
}

/** Rows of cells read as sentences: "cell, cell, cell." A large table is announced instead. */
export function tableText(rows: string[][], _hasHeader = false): string {
  const filled = rows.map((row) => row.map(normalizeText).filter(Boolean)).filter((row) => row.length > 0);
  if (filled.length > MAX_READ_TABLE_ROWS) {
    const columns = Math.max(...filled.map((row) => row.length));
    return `Table with ${plural(filled.length, 'row')} and ${plural(columns, 'column')}, not read aloud.`;
  }
  return filled.map((row) => `${row.join(', ').replace(/[.:;,]$/u, '')}.`).join(' ');
}
