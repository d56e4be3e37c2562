import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWav, pcmDurationMs } from '../../main/speech/wav';
import { BUILT_CLI, requireBuild, ROOT } from '../helpers/built';
import { column, writePdf } from '../helpers/pdfWriter';

const run = promisify(execFile);
const SCRAPED = join(ROOT, 'tests', 'fixtures', 'scraped');
const news = join(SCRAPED, 'scraped-news.txt');

describe('npm run cli (built)', () => {
  beforeAll(requireBuild);

  it('extract --json prints the article in the documented shape', async () => {
    const { stdout } = await run(process.execPath, [BUILT_CLI, 'extract', news, '--json']);
    const article = JSON.parse(stdout) as { title: string; byline: string; source: string; lang: null; blocks: Array<{ kind: string; text: string }> };
    expect(Object.keys(article)).toEqual(['title', 'byline', 'source', 'lang', 'blocks']);
    expect(article.title).toBe('City Council Approves Plan to Turn Old Rail Yard Into Riverside Park');
    expect(article.blocks).toHaveLength(4);
    expect(Object.keys(article.blocks[0]!)).toEqual(['kind', 'text']);
  });

  it('extract --json on a PDF prints the same shape, each block with the page it starts on', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cli-pdf-'));
    const runs = [
      { x: 72, y: 700, size: 20, text: 'A Printed Report' },
      ...column(['The report opens on its first page and goes on', 'to the second one.'], { x: 72, top: 650 }),
    ];
    writeFileSync(join(folder, 'report.pdf'), writePdf([{ runs }, { runs: column(['The second page has its own paragraph.'], { x: 72, top: 700 }) }]));
    const { stdout } = await run(process.execPath, [BUILT_CLI, 'extract', join(folder, 'report.pdf'), '--json'], { env: { ...process.env, ARTICLE_PLAYER_DATA_DIR: folder } });
    const article = JSON.parse(stdout) as { title: string; blocks: Array<{ kind: string; text: string; page?: string }> };
    expect(Object.keys(article)).toEqual(['title', 'byline', 'source', 'lang', 'blocks']);
    expect(article.title).toBe('A Printed Report');
    expect(article.blocks).toEqual([
      { kind: 'paragraph', text: 'The report opens on its first page and goes on to the second one.', page: '1' },
      { kind: 'paragraph', text: 'The second page has its own paragraph.', page: '2' },
    ]);
  });

  it('extract resolves a relative path against the folder the user was in', async () => {
    const { stdout } = await run(process.execPath, [BUILT_CLI, 'extract', 'scraped-news.txt', '--json'], {
      env: { ...process.env, INIT_CWD: SCRAPED },
    });
    expect((JSON.parse(stdout) as { blocks: unknown[] }).blocks).toHaveLength(4);
  });

  it('extract of a missing file fails with the reason and exit code 1', async () => {
    const error = (await run(process.execPath, [BUILT_CLI, 'extract', '/nonexistent/article.html', '--json']).catch((e: unknown) => e)) as {
      code: number;
      stderr: string;
      stdout: string;
    };
    expect(error.code).toBe(1);
    expect(error.stderr).toContain('/nonexistent/article.html does not exist');
    expect(error.stdout).toBe('');
  });

  it('export writes the article as one WAV, paragraph after paragraph', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-export-'));
    const out = join(dir, 'short.wav');
    await run(process.execPath, [BUILT_CLI, 'export', join(ROOT, 'tests', 'fixtures', 'short.txt'), '--out', out, '--rate', '2', '--paragraph-pause', '500']);
    const pcm = parseWav(readFileSync(out));
    const ms = pcmDurationMs(pcm);
    // Three short paragraphs at 2x with 3 pauses of 500 ms: at least the pauses, far less than at normal speed.
    expect(ms).toBeGreaterThan(1500 + 1000);
    expect(ms).toBeLessThan(1500 + 6000);
    expect(readdirSync(dir).sort()).toEqual(['short.vtt', 'short.wav']); // the chapter list, and no temporary file
    expect(readFileSync(join(dir, 'short.vtt'), 'utf8').match(/ --> /g)).toHaveLength(3);
  });

  it('export --trim-silences writes shorter audio than without it, with the same chapters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-export-trim-'));
    const article = join(dir, 'pauses.txt');
    writeFileSync(article, 'Pauses\n\nFirst, as they say, we wait; then, after a while, we go on.\n\nThe second paragraph (a short one, really) has pauses too.\n');
    const env = { ...process.env, ARTICLE_PLAYER_DATA_DIR: dir };
    await run(process.execPath, [BUILT_CLI, 'export', article, '--out', join(dir, 'plain.wav')], { env });
    const { stdout } = await run(process.execPath, [BUILT_CLI, 'export', article, '--out', join(dir, 'trimmed.wav'), '--trim-silences'], { env });
    expect(stdout).toContain('trimmed.wav');
    const plainMs = pcmDurationMs(parseWav(readFileSync(join(dir, 'plain.wav'))));
    const trimmedMs = pcmDurationMs(parseWav(readFileSync(join(dir, 'trimmed.wav'))));
    expect(trimmedMs).toBeLessThan(plainMs - 200);
    const cues = (name: string) => readFileSync(join(dir, name), 'utf8').match(/ --> /g);
    expect(cues('trimmed.vtt')).toHaveLength(cues('plain.vtt')!.length);
  });

  it('export to .mp3 writes MP3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-export-'));
    await run(process.execPath, [BUILT_CLI, 'export', join(ROOT, 'tests', 'fixtures', 'short.txt'), '--out', join(dir, 'short.mp3')]);
    const bytes = readFileSync(join(dir, 'short.mp3'));
    // An ID3v2.3 tag with the article's title (UTF-16), then the first MPEG frame.
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('ID3\x03');
    const tagSize = 10 + ((bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!);
    expect(bytes.subarray(0, tagSize).includes(Buffer.from('Short Article For Tests', 'utf16le'))).toBe(true);
    expect(bytes[tagSize]).toBe(0xff);
  });

  it('export cancelled with Ctrl+C leaves no file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-export-'));
    const child = spawn(process.execPath, [BUILT_CLI, 'export', join(ROOT, 'assets', 'welcome.md'), '--out', join(dir, 'welcome.mp3'), '--rate', '0.5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('Exporting: ')) resolve();
      }),
    );
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Export cancelled; nothing was written.');
    expect(readdirSync(dir)).toEqual([]);
  });
});
