/**
 * Main synthesizes an article's opening sentence the moment it has the article, on every open path,
 * and the page's first request (built by the same shared function as main's) is answered from it: the
 * engine is not asked again (issue 25, instant). Real espeak-ng, counted where main calls it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../shared/api';
import type { EngineChoice } from '../../shared/settings';
import { createAppHandlers } from '../../main/api/createAppContext';
import { detectEngine, type EngineDetection } from '../../main/speech/detectEngine';
import type { SpeechEngine } from '../../main/speech/SpeechEngine';
import { openingSentence } from '../../shared/openingSentence';
import { spokenTitle, titleBlock } from '../../shared/spokenTitle';
import { articleVoice, synthesisRequest } from '../../shared/synthesisRequest';

const FIRST = 'The lantern was lit early.';
const PARAGRAPH = `${FIRST} Then the harbour grew quiet and the boats came in.`;

/** The real engine, every synthesis main asks of it written down. */
async function countedSpeech() {
  const asked: string[] = [];
  const detection = await detectEngine({ preferred: 'espeak-ng' });
  const engine = detection.engine!;
  const counted = new Proxy(engine, {
    get(target, property) {
      if (property === 'synthesize') return (text: string, options: never) => (asked.push(text), target.synthesize(text, options));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as SpeechEngine;
  const withCounted = { ...detection, engine: counted, problem: null } as EngineDetection;
  return { asked, speech: async (_choice: EngineChoice) => withCounted };
}

/** The page Player's first request (renderer/src/player/Player.ts): the title's opening (or all of it), else block 0's. */
function pageRequest(result: LoadResult, voiceByLanguage: Record<string, string>, pageLanguage: string) {
  if (!result.ok) throw new Error(result.message);
  const { article } = result;
  const title = titleBlock(spokenTitle(article, false));
  const first = title ?? article.blocks[0]!;
  const text = openingSentence(first.text, article.lang) ?? first.text;
  const voice = articleVoice(voiceByLanguage, article.lang, pageLanguage);
  return synthesisRequest({ text, article: { lang: article.lang, voice }, rate: 1 }, { engine: 'espeak-ng', sentencePauseMs: 250, voiceByLanguage });
}

const settled = async (asked: string[]) => {
  // The opening is being made in main: wait until the engine has been asked and has answered.
  await expect.poll(() => asked.length, { timeout: 10_000 }).toBeGreaterThan(0);
};

describe('the opening sentence made in main before the page asks', () => {
  it('Open (openArticle): the engine is asked at open, and the page\'s request asks it nothing more', async () => {
    const { asked, speech } = await countedSpeech();
    const { handlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'ap-opening-open-')), async () => ({ ok: false, message: 'not used' }), speech);
    await handlers.updateSettings({ patch: { engine: 'espeak-ng', readByline: false } });
    const bytes = new TextEncoder().encode(`${PARAGRAPH}\n\nA second paragraph follows here.\n`);
    const result = await handlers.openArticle({ source: { type: 'file', name: 'harbour.txt', bytes } });
    expect(result.ok).toBe(true);
    await settled(asked);
    const before = asked.length;
    const request = pageRequest(result, {}, 'en-US');
    expect(request.text).toBe('harbour'); // the title, read first (the file's name)
    await handlers.synthesizeBlock(request);
    expect(asked.length).toBe(before); // answered from what main made at open
  });

  it('an article without a language: main takes the page\'s language for the voice, as the page does', async () => {
    const { asked, speech } = await countedSpeech();
    const dir = mkdtempSync(join(tmpdir(), 'ap-opening-lang-'));
    const initial = async (): Promise<LoadResult> => ({ ok: true, article: { title: '', byline: null, source: null, lang: null, blocks: [{ kind: 'paragraph', text: PARAGRAPH }] } });
    const { handlers } = createAppHandlers(dir, initial, speech);
    const voiceByLanguage = { de: 'de' };
    await handlers.updateSettings({ patch: { engine: 'espeak-ng', voiceByLanguage } });
    const result = await handlers.getInitialArticle({ language: 'de-DE' });
    await settled(asked);
    const before = asked.length;
    const request = pageRequest(result, voiceByLanguage, 'de-DE');
    expect(request.voice).toBe('de');
    await handlers.synthesizeBlock(request);
    expect(asked.length).toBe(before);
  });

  it('an article opened from outside the window (a second launch, Open File): the engine is asked before the window has it', async () => {
    const { asked, speech } = await countedSpeech();
    const dir = mkdtempSync(join(tmpdir(), 'ap-opening-outside-'));
    const file = join(dir, 'harbour.txt');
    writeFileSync(file, `${PARAGRAPH}\n\nA second paragraph follows here.\n`);
    const { handlers, openFromOutside } = createAppHandlers(join(dir, 'data'), async () => ({ ok: false, message: 'not used' }), speech);
    await handlers.updateSettings({ patch: { engine: 'espeak-ng' } });
    const result = await openFromOutside(file);
    await settled(asked);
    const before = asked.length;
    await handlers.synthesizeBlock(pageRequest(result, {}, 'en-US'));
    expect(asked.length).toBe(before);
  });
});
