/**
 * `npm run cli -- export` on the articles of issue 24, whose third paragraph holds a line espeak-ng 1.51
 * aborts on (built CLI, real espeak-ng): it exits 0 with a WAV and a chapter per paragraph; a passage
 * left out is named in a warning; espeak-ng's abort message never reaches the listener.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWav, pcmDurationMs } from '../../main/speech/wav';
import { BUILT_CLI, requireBuild, ROOT } from '../helpers/built';

const run = promisify(execFile);
const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', 'speech', name);

async function exportArticle(name: string) {
  const out = join(mkdtempSync(join(tmpdir(), 'ap-export-unspeakable-')), 'article.wav');
  const { stdout, stderr } = await run(process.execPath, [BUILT_CLI, 'export', fixture(name), '--out', out], { timeout: 60_000 });
  return { stdout, stderr, pcm: parseWav(readFileSync(out)), cues: readFileSync(out.replace(/\.wav$/u, '.vtt'), 'utf8') };
}

describe('export of an article with a line the engine aborts on (built CLI)', () => {
  beforeAll(requireBuild);

  it('a line nothing makes sayable: exit 0, every paragraph a chapter, a warning naming paragraph 3', async () => {
    const { stdout, stderr, pcm, cues } = await exportArticle('crashing-paragraph.txt');
    expect(stdout).toMatch(/Wrote .*article\.wav .*5 paragraphs/);
    expect(cues.match(/ --> /g)).toHaveLength(5);
    expect(cues).toContain('The fifth paragraph closes the story');
    expect(stderr).toMatch(/Warning: a passage in paragraph 3 could not be spoken/);
    expect(stderr.match(/Warning:/g)).toHaveLength(1);
    expect(stderr).not.toMatch(/stack smashing|Aborted|SIGABRT/);
    expect(pcmDurationMs(pcm)).toBeGreaterThan(8000);
  });

  it('a word with a long run of \'s: said simplified, so nothing is left out and nothing warned', async () => {
    const { stderr, cues } = await exportArticle('crashing-suffix.txt');
    expect(cues.match(/ --> /g)).toHaveLength(5);
    expect(stderr).not.toMatch(/Warning:|stack smashing|buffer overflow/);
  });
});
