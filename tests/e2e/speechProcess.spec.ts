/**
 * Native speech code out of the app's process (issue 24), through the real browser host, espeak-ng 1.51
 * and its library: a line espeak-ng aborts on is left out and said so, and the library's process
 * killed mid-paragraph is replaced within a second while the reading goes on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audioTime, currentBlock, expect, openPlayer, startHost, test } from './browserHost.fixture';

const ROOT = join(import.meta.dirname, '..', '..');

/** The host's espeak-ng library process (a child of the host), or null. */
function speechProcess(hostPid: number): number | null {
  try {
    const pids = execFileSync('pgrep', ['-P', String(hostPid), '-f', 'espeakProcess'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    return pids.length > 0 ? Number(pids[0]) : null;
  } catch {
    return null; // pgrep exits 1 when nothing matches
  }
}

test('an article whose third paragraph holds a line espeak-ng aborts on: the host stays up, reading reaches the end, the listener is told', async ({ page }) => {
  const { url, child, output } = await startHost([join(ROOT, 'tests', 'fixtures', 'speech', 'crashing-paragraph.txt')]);
  try {
    await openPlayer(page, url);
    await page.keyboard.press('k');
    await expect(page.getByRole('status')).toHaveText(/A passage in paragraph 3 could not be spoken/, { timeout: 20_000 });
    expect(await currentBlock(page)).toBe(2);
    await expect.poll(() => currentBlock(page), { timeout: 20_000 }).toBe(4);
    await expect(page.getByRole('status')).toHaveText('End of article', { timeout: 20_000 });
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
    expect(output.join('\n')).not.toMatch(/stack smashing/);
    await expect(page.getByRole('main').getByText(/could not speak this paragraph/)).toBeHidden();
  } finally {
    child.kill();
  }
});

test('the speech process killed (SIGKILL) mid-paragraph while playing: replaced within 1 s, the reading goes on with word highlights, the library keeps the article', async ({ page }) => {
  const { url, child, dataDir } = await startHost();
  try {
    await openPlayer(page, url);
    await page.keyboard.press('k');
    // The title is read first (issue 25): kill the process in the first paragraph.
    await expect.poll(() => currentBlock(page), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.5);
    const killed = await expect.poll(() => speechProcess(child.pid!)).not.toBeNull().then(() => speechProcess(child.pid!)!);
    process.kill(killed, 'SIGKILL');
    const killedAt = Date.now();
    await expect.poll(() => speechProcess(child.pid!), { timeout: 1000, intervals: [20] }).not.toBeNull();
    expect(speechProcess(child.pid!)).not.toBe(killed);
    expect(Date.now() - killedAt).toBeLessThan(1000);
    // Still playing the paragraph it was on.
    const before = await audioTime(page);
    await expect.poll(() => audioTime(page)).toBeGreaterThan(before);
    expect(await currentBlock(page)).toBe(0);
    // Two paragraphs on: the second one's audio was made after the kill, through the new process, with word times.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentBlock(page)).toBe(2);
    const spokenWord = () => page.evaluate(() => [...(CSS.highlights.get('ap-word') ?? [])][0]?.toString() ?? null);
    await expect.poll(spokenWord, { timeout: 10_000 }).not.toBeNull();
    await expect(page.getByRole('main').getByText(/could not speak this paragraph/)).toBeHidden();
    expect(child.exitCode).toBeNull();
    // The library on disk still has the article and the place reached.
    await expect
      .poll(() => {
        try {
          const library = JSON.parse(readFileSync(join(dataDir, 'library.json'), 'utf8')) as { data?: Array<{ title?: string; position?: { blockIndex: number } }> };
          return library.data?.[0]?.position?.blockIndex ?? null;
        } catch {
          return null;
        }
      })
      .toBe(2);
  } finally {
    child.kill();
  }
});
