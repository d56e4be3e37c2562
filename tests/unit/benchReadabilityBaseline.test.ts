import { afterEach, describe, expect, it } from 'vitest';
import { ReadabilityBaseline } from '../../main/benchReadabilityBaseline';

const page = (words: string) => `<html><head><title>T</title></head><body><nav>Home | About</nav><article><h1>T</h1><p>${words}</p></article></body></html>`;
const running: ReadabilityBaseline[] = [];
async function baseline(options: Parameters<typeof ReadabilityBaseline.start>[0]): Promise<ReadabilityBaseline> {
  const started = await ReadabilityBaseline.start(options);
  if (!started) throw new Error('the baseline worker script could not be found or built');
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((one) => one.close()));
});

describe('the extraction bench’s Readability.js baseline in a worker', () => {
  it('gives Readability’s text of a page, and replaces its worker every N pages (jsdom keeps memory per page)', async () => {
    const readability = await baseline({ pagesPerWorker: 2 });
    const texts: string[] = [];
    for (const words of ['The first article has a paragraph of words.', 'The second article has its own paragraph.', 'A third article, read by a new worker.']) {
      const reply = await readability.extract(page(words), 'https://example.org/');
      expect(reply.error).toBeNull();
      texts.push(reply.text);
    }
    expect(texts[0]).toContain('The first article has a paragraph of words.');
    expect(texts[2]).toContain('A third article, read by a new worker.');
    expect(texts[2]).not.toContain('The second article');
    expect(readability.workersStarted).toBe(2);
  }, 60_000);

  it('gives up on a page after its time limit, with the reason, and starts a fresh worker for the next', async () => {
    const readability = await baseline({ timeoutMs: 1 }); // jsdom alone takes longer than that to load
    const reply = await readability.extract(page('Words.'), 'https://example.org/');
    expect(reply).toMatchObject({ text: '', error: 'no answer within 0.001 s' });
    await readability.extract(page('Words.'), 'https://example.org/');
    expect(readability.workersStarted).toBe(2);
  }, 60_000);
});
