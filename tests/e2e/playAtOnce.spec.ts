/**
 * Play pressed at once after an article opens (issue 25, instant): the opening sentence of the first
 * paragraph is synthesized alone, first, so Play does not wait for the whole paragraph; reading then
 * goes on with the paragraph's second sentence, not the next paragraph.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';
import { recordSynthesisRequests } from './synthesisRequests';

const FIRST = 'The lantern was lit early.';
const SECOND = 'Then the harbour grew quiet and the boats came in one by one.';
const PARAGRAPH = `${FIRST} ${SECOND} The keeper wrote it all down.`;
const file = join(mkdtempSync(join(tmpdir(), 'ap-opening-')), 'opening.md');
writeFileSync(file, `# The harbour\n\n${PARAGRAPH}\n\nA second paragraph follows.\n`);

test('Play at once: the opening sentence is asked for alone and first, then the paragraph goes on from its second sentence', async ({ page }) => {
  const host = await startHost([file]);
  try {
    const asked = recordSynthesisRequests(page);
    await openPlayer(page, host.url);
    await page.keyboard.press('k');
    expect(asked[0]).toBe('The harbour'); // the title, read first (one sentence: short already)
    // The second sentence is read from the whole paragraph's audio, in the same paragraph.
    const spokenSentence = () => page.evaluate(() => [...(CSS.highlights.get('ap-sentence') ?? [])].map((range) => range.toString()).join(''));
    await expect.poll(spokenSentence, { timeout: 20_000 }).toBe(SECOND);
    expect(await currentBlock(page)).toBe(0);
    expect(asked).toContain(PARAGRAPH);
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  } finally {
    host.child.kill('SIGTERM');
  }
});
