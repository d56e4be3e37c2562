/** Extraction when its worker cannot start (as with worker threads or ESM inside app.asar in some Electron releases). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractWithTimeLimit } from '../../main/article/extractInWorker';
import { column, writePdf } from '../helpers/pdfWriter';

const input = { text: 'A Title\n\nThe first paragraph of the article.\n\nThe second one.', format: 'text' as const, fallbackTitle: 'fallback', source: null };

function workerFile(code: string): URL {
  const path = join(mkdtempSync(join(tmpdir(), 'ap-worker-')), 'worker.mjs');
  writeFileSync(path, code);
  return pathToFileURL(path);
}

describe('extraction with a worker that cannot start', () => {
  it('falls back to extraction in this thread when the worker cannot load its imports', async () => {
    const outcome = await extractWithTimeLimit(input, { workerUrl: workerFile("import './missing-chunk.js';\n") });
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.article.blocks.map((block) => block.text)).toContain('The second one.');
  });

  it('falls back when the worker file itself is not there', async () => {
    const outcome = await extractWithTimeLimit(input, { workerUrl: pathToFileURL('/nonexistent/app.asar/out/main/extractWorker.js') });
    expect(outcome.ok).toBe(true);
  });

  it('falls back for a PDF too, whose reading here takes longer than the failed worker takes to exit', async () => {
    // pdf.js reads asynchronously (later turns of the event loop): the worker's 'exit' comes first and must not answer.
    const bytes = writePdf([{ runs: column(['A paragraph of a PDF read in this thread after all.'], { x: 72, top: 700 }) }], { title: 'Fallback' });
    const outcome = await extractWithTimeLimit({ text: '', format: 'pdf', bytes, fallbackTitle: 'fallback', source: null }, { workerUrl: pathToFileURL('/nonexistent/app.asar/out/main/extractWorker.js') });
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ok && outcome.article.blocks.map((block) => block.text).join(' ')).toContain('read in this thread after all');
  });

  it('does not fall back when the page is what failed: a worker that hangs is still stopped', async () => {
    const outcome = await extractWithTimeLimit(input, { workerUrl: workerFile('for (;;) {}\n'), timeoutMs: 500 });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/took longer than 0\.5 seconds/) });
  });
});
