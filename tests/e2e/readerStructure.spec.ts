/** The reader shows lists, code and tables as what they are (issue 25), and reads them in order. */
import { join } from 'node:path';
import { currentBlock, expect, openPlayer, test } from './browserHost.fixture';
import { expectNoAxeViolations } from './pageChecks';

test.use({ hostArgs: [join(import.meta.dirname, '..', 'fixtures', 'structure.md')] });

test('numbered lists, a code block on its lines and a table with headers', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const reader = page.locator('article.reader');
  await expect(reader.locator('ul > li')).toHaveText(['apple', 'pear']);
  const numbered = reader.locator('ol');
  await expect(numbered).toHaveCount(2);
  await expect(numbered.nth(0).locator('li')).toHaveText(['First step', 'Second step']);
  await expect(numbered.nth(1)).toHaveAttribute('start', '7');
  // The numbers a reader sees are the list's own.
  expect(await numbered.nth(1).locator('li').first().evaluate((li) => (li as HTMLLIElement).value)).toBe(7);

  const code = reader.locator('pre.block-code');
  expect(await code.evaluate((pre) => pre.getBoundingClientRect().height / parseFloat(getComputedStyle(pre).lineHeight))).toBeGreaterThan(2.5);
  await expect(code).toContainText('return "Hello, " + name;');

  const table = reader.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Name', 'Age', 'City']);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('cell', { name: 'Oslo' })).toBeVisible();

  // The table is one block of the reading: clicking it reads it, and it is marked while read.
  const tableBlock = reader.locator('.block-table');
  const index = Number(await tableBlock.getAttribute('data-block-index'));
  await tableBlock.click();
  await expect.poll(() => currentBlock(page)).toBe(index);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();

  await expectNoAxeViolations(page, 'readerStructure');
});
