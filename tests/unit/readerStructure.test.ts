/** Lists, code and tables keep their shape for the reader (issue 25: numbered lists became bullets, code one line, tables prose). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBlock } from '../../shared/article';
import { extractMarkdown } from '../../main/article/markdown/extractMarkdown';

const markdown = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'structure.md'), 'utf8');

describe('Markdown structure', () => {
  const { blocks } = extractMarkdown(markdown, 'x');

  it('marks numbered lists, their numbers and where each list starts', () => {
    const items = blocks.filter((b) => b.kind === 'list-item');
    expect(items.map((b) => [b.text, b.list])).toEqual([
      ['apple', { ordered: false, first: true }],
      ['pear', { ordered: false }],
      ['First step', { ordered: true, number: 1, first: true }],
      ['Second step', { ordered: true, number: 2 }],
      ['Seventh', { ordered: true, number: 7, first: true }],
      ['Eighth', { ordered: true, number: 8 }],
    ]);
  });

  it('keeps a code block on its lines, with its indentation', () => {
    const code = blocks.find((b) => b.kind === 'code')!;
    expect(code.text).toBe('function greet(name) {\n  return "Hello, " + name;\n}');
  });

  it('keeps a table as cells for showing, and reads it row by row', () => {
    const table = blocks.find((b) => b.kind === 'table')!;
    expect(table.table).toEqual({ header: true, rows: [['Name', 'Age', 'City'], ['Alice', '30', 'Paris'], ['Bob', '41', 'Oslo']] });
    expect(table.text).toBe('Name, Age, City. Alice, 30, Paris. Bob, 41, Oslo.');
  });
});

describe('code text', () => {
  it('keeps lines and indentation but not trailing spaces, tabs or blank edges', () => {
    expect(makeBlock('code', '\r\n\tif (x) {  \r\n\t\ty();\r\n\t}\r\n\r\n')!.text).toBe('    if (x) {\n        y();\n    }');
  });
  it('collapses other blocks as before', () => {
    expect(makeBlock('paragraph', 'a\n  b')!.text).toBe('a b');
  });
});

describe('code text with invisible spaces', () => {
  it('treats no-break and zero-width spaces as spaces before trimming line ends (fuzz case "\\tThe\\u200b")', () => {
    expect(makeBlock('code', '\tThe\u200b')!.text).toBe('    The');
  });
});
