import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsdomWorkers } from '../../main/article/training/jsdomWorkers';

const page = (words: string) => `<html><head><title>T</title><style>p { color: red }</style></head><body><nav>Home | About</nav><article><h1>T</h1><p>${words}</p></article></body></html>`;
const running: JsdomWorkers[] = [];
async function workers(options: Parameters<typeof JsdomWorkers.start>[0] = {}): Promise<JsdomWorkers> {
  const started = await JsdomWorkers.start(options);
  if (!started) throw new Error('the jsdom worker script could not be found or built');
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((one) => one.close()));
});

describe('jsdom in workers replaced every N pages (the extraction bench and the training tools)', () => {
  it('gives Readability’s text of each page, starting a new worker after N pages', async () => {
    const jsdom = await workers({ pagesPerWorker: 2 });
    const words = ['The first article has a paragraph of words.', 'The second article has its own paragraph.', 'A third article, read by a new worker.'];
    for (const text of words) {
      const reply = await jsdom.readability(page(text), { url: 'https://example.org/' });
      expect(reply.error).toBeNull();
      expect(reply.text).toContain(text);
      expect(reply.text).not.toContain('Home | About');
    }
    expect(jsdom.workersStarted).toBe(2);
  }, 60_000);

  it('calls a module’s function on the page’s document with its arguments, style sheets left out', async () => {
    const module = join(mkdtempSync(join(tmpdir(), 'ap-jsdom-')), 'variant.mjs');
    writeFileSync(module, 'export const describe = (document, suffix) => `${document.querySelectorAll("style").length} ${document.querySelector("p").textContent}${suffix}`;\n');
    const jsdom = await workers();
    expect(await jsdom.call<string>(module, 'describe', page('Words here'), ['!'])).toEqual({ value: '0 Words here!', error: null });
    const failed = await jsdom.call<string>(module, 'missing', page('Words'));
    expect(failed.value).toBeNull();
    expect(failed.error).toMatch(/not a function/u);
  }, 60_000);

  it('gives up on a page after its time limit, with the reason, and starts a fresh worker for the next', async () => {
    const jsdom = await workers({ timeoutMs: 1 }); // jsdom alone takes longer than that to load
    expect(await jsdom.readability(page('Words.'))).toMatchObject({ text: '', error: 'no answer within 0.001 s' });
    await jsdom.readability(page('Words.'));
    expect(jsdom.workersStarted).toBe(2);
  }, 60_000);
});
