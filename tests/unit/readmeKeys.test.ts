/** The README's key table names every command of the keymap with its default keys, so the two cannot drift apart. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, DEFAULT_KEYMAP, keyLabel, type Action } from '../../shared/keymap';

/** The rows of the first table under "## Keys": [action cell, keys cell]. */
function keyTableRows(): Array<[string, string]> {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Keys\n'));
  const table = section.slice(section.indexOf('\n| action | keys |'));
  const lines = table.split('\n').slice(3); // the leading newline, the header, the separator
  const rows: Array<[string, string]> = [];
  for (const line of lines) {
    if (!line.startsWith('|')) break;
    // Cells are split at " | "; a key cell may hold "|" only inside backticks, which this table does not use.
    const cells = line.slice(1, -1).split(' | ').map((cell) => cell.trim());
    rows.push([cells[0]!, cells[1]!]);
  }
  return rows;
}

describe('README key table', () => {
  const rows = keyTableRows();

  it('is found and has a row per command', () => {
    expect(rows.length).toBeGreaterThanOrEqual(Object.keys(ACTIONS).length);
  });

  it.each(Object.keys(ACTIONS) as Action[])('names %s with its default keys', (action) => {
    const name = ACTIONS[action].toLowerCase();
    // The row is the one whose action cell is the command's name, alone or followed by ":" or " (".
    const row = rows.find(([cell]) => {
      const lower = cell.toLowerCase();
      return lower === name || lower.startsWith(`${name}:`) || lower.startsWith(`${name} (`);
    });
    expect(row, `no row for "${ACTIONS[action]}" in the README's key table`).toBeDefined();
    const keys = row![1].split(/,\s|\s\(|\)/u).map((part) => part.trim());
    for (const key of DEFAULT_KEYMAP[action]) {
      const label = keyLabel(key);
      expect(keys.some((part) => part === label || part.startsWith(`${label} `) || part === `or ${label}`), `${ACTIONS[action]}: ${label} is not in "${row![1]}"`).toBe(true);
    }
  });
});
