/**
 * `npm run bench`: latency of the real player in Debian's Chromium against the real browser host and
 * espeak-ng, with a baseline measured in the same run: one engine process per paragraph, started
 * when that paragraph is wanted (no prefetch), the way the `say` package works. Prints JSON.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../shared/settings.js';
import { runExtractionBench, type PageResult } from './benchExtraction.js';
import { runVariantBench } from './benchExtractionVariants.js';
import { runWordTimingBenchPerEngine } from './benchWordTiming.js';
import { runQueueBench } from './benchQueue.js';
import { runTrimSilenceBench } from './benchTrimSilence.js';
import { launchBenchBrowser, summarize, type Summary } from './benchSupport.js';
import { benchSpokenText } from './benchSpokenText.js';
import { runPlayStartBench } from './benchPlayStart.js';
import { runLongArticleBench } from './benchLongArticle.js';
import { LibraryStore } from './store/LibraryStore.js';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createAppHandlers, memoizedSpeech } from './api/createAppContext.js';
import { loadArticleSource } from './article/loadArticleSource.js';
import { startBrowserHost } from './hosts/browserHost.js';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** The default pause between paragraphs (shared/settings.ts); gaps are reported beyond it. */
const PARAGRAPH_PAUSE_MS = DEFAULT_SETTINGS.paragraphPauseMs;

/** In the page: press a key, then poll until the audio clock moves (and optionally until aria-current moves). */
async function timeKeyToAudio(page: Page, key: string): Promise<{ audioMs: number; highlightMs: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { t0: number } };
    w.__bench = { t0: 0 };
    window.addEventListener('keydown', () => (w.__bench.t0 = performance.now()), { capture: true, once: true });
  });
  const before = await page.evaluate(() => ({ src: document.querySelector('audio')!.src, block: document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? null }));
  await page.keyboard.press(key);
  return page.evaluate(
    ({ src, block, pressed }) =>
      new Promise<{ audioMs: number; highlightMs: number }>((resolve) => {
        const w = window as unknown as { __bench: { t0: number } };
        const audio = document.querySelector('audio')!;
        let highlightMs = -1;
        const poll = () => {
          const now = performance.now() - w.__bench.t0;
          const current = document.querySelector('[aria-current]')?.getAttribute('data-block-index') ?? null;
          if (highlightMs < 0 && current !== block) highlightMs = now;
          // Play counts any audio (the block is on the element before Play); a move counts the next block's.
          const newAudio = pressed === 'k' || src === '' || audio.src !== src;
          if (newAudio && !audio.paused && audio.currentTime > 0) resolve({ audioMs: now, highlightMs });
          else setTimeout(poll, 1);
        };
        poll();
      }),
    { ...before, pressed: key },
  );
}

/** The baseline: a fresh engine process for the paragraph, timed to its first audio bytes. */
function baselineFirstAudio(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('espeak-ng', ['-b', '1', '--stdin', '--stdout'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let header = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      header += chunk.length;
      if (header > 44) {
        resolve(performance.now() - start);
        child.kill();
      }
    });
    child.on('error', reject);
    child.stdin.end(text);
  });
}

/** In the page: the silence between the end of one paragraph and audible audio of the next, minus the configured pause. */
async function timeParagraphGaps(page: Page, count: number): Promise<number[]> {
  return page.evaluate(
    (wanted) =>
      new Promise<number[]>((resolve) => {
        const audio = document.querySelector('audio')!;
        const gaps: number[] = [];
        let endedAt = -1;
        let endedSrc = '';
        audio.addEventListener('ended', () => {
          endedAt = performance.now();
          endedSrc = audio.src;
        });
        const poll = () => {
          if (endedAt >= 0 && audio.src !== endedSrc && !audio.paused && audio.currentTime > 0) {
            gaps.push(performance.now() - endedAt);
            endedAt = -1;
          }
          if (gaps.length >= wanted) resolve(gaps);
          else setTimeout(poll, 1);
        };
        poll();
      }),
    count,
  );
}

/** In the page: from the key press to the playing audio's rate changing (heard at once: no new audio is loaded). */
async function timeRateChange(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __rate: { t0: number; before: number } };
    w.__rate = { t0: 0, before: document.querySelector('audio')!.playbackRate };
    window.addEventListener('keydown', () => (w.__rate.t0 = performance.now()), { capture: true, once: true });
  });
  await page.keyboard.press(key);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __rate: { t0: number; before: number } };
        const poll = () => {
          if (document.querySelector('audio')!.playbackRate !== w.__rate.before) resolve(performance.now() - w.__rate.t0);
          else setTimeout(poll, 1);
        };
        poll();
      }),
  );
}

/** Library with many articles: how long listing and searching take (the library view's two operations). */
async function benchLibrary(entries: number, runs: number): Promise<{ open: Summary; search: Summary }> {
  const library = new LibraryStore(mkdtempSync(join(tmpdir(), 'article-player-bench-library-')));
  const words = ['river', 'council', 'park', 'bread', 'starter', 'planet', 'music', 'garden', 'election', 'science'];
  const seed = Array.from({ length: entries }, (_, i) => ({
    id: createHash('sha256').update(String(i)).digest('hex').slice(0, 20),
    title: `${words[i % 10]} ${words[(i * 7) % 10]} story number ${i}`,
    byline: `Writer ${i % 37}`,
    source: `https://example${i % 13}.test/${i}`,
    lang: 'en',
    blockCount: 20,
    wordCount: 1500,
    addedAt: new Date(2026, 0, 1 + (i % 300)).toISOString(),
    openedAt: new Date(2026, 0, 1 + (i % 300), i % 24).toISOString(),
    position: { blockIndex: i % 20, sentenceIndex: 0 },
  }));
  await library.index.update(() => seed);
  const open: number[] = [];
  const search: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    await library.list('', 'recent');
    open.push(performance.now() - started);
    started = performance.now();
    await library.list('garden story', 'title');
    search.push(performance.now() - started);
  }
  return { open: summarize(open), search: summarize(search) };
}

/** Extraction quality and speed on the WCXB corpus beside the repository, against plain Readability on jsdom. */
async function benchExtraction() {
  const corpusDir = join(here, '..', '..', '..', 'shared', 'corpus', 'wcxb-dev-articles');
  if (!existsSync(corpusDir)) return { skipped: `the corpus is not at ${corpusDir}` };
  const report = await runExtractionBench({ corpusDir, worst: 10 });
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  const brief = (summary: NonNullable<typeof report.baseline>) => ({
    f1: round(summary.f1),
    precision: round(summary.precision),
    recall: round(summary.recall),
    msMedian: Math.round(summary.msMedian * 10) / 10,
    msP95: Math.round(summary.msP95 * 10) / 10,
  });
  // Macro F1 of our HTML output on a subset of pages, and titles and bylines right there.
  const subset = (rows: PageResult[]) => {
    const precision = rows.reduce((sum, r) => sum + r.ours.precision, 0) / Math.max(1, rows.length);
    const recall = rows.reduce((sum, r) => sum + r.ours.recall, 0) / Math.max(1, rows.length);
    const withAuthor = rows.filter((r) => r.bylineRight !== null);
    return {
      pages: rows.length,
      f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
      titleRight: round(rows.filter((r) => r.titleRight).length / Math.max(1, rows.length)),
      bylineRight: round(withAuthor.filter((r) => r.bylineRight).length / Math.max(1, withAuthor.length)),
      pagesWithAuthor: withAuthor.length,
    };
  };
  const variants = await runVariantBench(corpusDir, { worst: 10 });
  const html = { all: subset(report.results), train: subset(report.results.filter((r) => r.split === 'train')), heldOut: subset(report.results.filter((r) => r.split === 'held-out')) };
  const f1Of = (figure: unknown) => (figure as { f1: number }).f1;
  return {
    corpus: 'WCXB dev split (CC-BY-4.0)',
    pages: report.pages,
    scoring: report.tokenization,
    goals: {
      htmlF1AtLeast095: html.all.f1 >= 0.95,
      htmlTitlesAtLeast95Percent: html.all.titleRight >= 0.95,
      htmlBylinesAtLeast90Percent: html.all.bylineRight >= 0.9,
      plainTextF1AtLeast092: f1Of(variants.plainText.all.ours) >= 0.92,
      plainTextWithin003OfHtml: f1Of(variants.plainText.all.projectOnHtml) - f1Of(variants.plainText.all.ours) <= 0.03,
      plainTextTitlesAtLeast90Percent: variants.plainText.titleRight.all >= 0.9,
      shortF1AtLeast090: f1Of(variants.shortArticles.all.ours) >= 0.9,
      shortNeverNoReadableText: variants.shortArticles.noReadableText.length === 0,
    },
    html,
    ...variants,
    ours: { ...brief(report.ours), goalF1: 0.95 },
    baseline: report.baseline ? brief(report.baseline) : null,
    medianTimeVsBaseline: report.baseline ? Math.round((report.ours.msMedian / report.baseline.msMedian) * 100) / 100 : null,
    pagesOver2s: report.results.filter((r) => r.oursMs > 2000).map((r) => r.id),
    pagesWorseThanBaselineBy005: report.worseThanBaseline,
    worst: report.worst.map((r) => ({ id: r.id, url: r.url, f1: round(r.ours.f1), baselineF1: r.baseline ? round(r.baseline.f1) : null })),
  };
}

/** The queue's handover between articles and its dialog with 1,000 entries (main/benchQueue.ts), in a browser of its own. */
async function benchQueue(speech: ReturnType<typeof memoizedSpeech>) {
  const browser = await launchBenchBrowser();
  try {
    return await runQueueBench({ browser, rendererDir: join(here, '..', 'renderer'), speech, runs: RUNS });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const speech = memoizedSpeech();
  // One part alone, to measure a change to it without the rest of the bench: BENCH_ONLY=queue.
  if (process.env.BENCH_ONLY === 'queue') {
    console.log(JSON.stringify({ machine: { cpus: cpus().length, node: process.version }, queue: await benchQueue(speech) }, null, 2));
    return;
  }
  const initial = await loadArticleSource(null);
  if (!initial.ok) throw new Error(initial.message);
  const blocks = initial.article.blocks.filter((block) => block.kind === 'paragraph');
  // A fresh data folder: the bench never touches the user's library.
  const { handlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'article-player-bench-')), async () => initial, speech);
  const host = await startBrowserHost({ handlers, rendererDir: join(here, '..', 'renderer') });
  const browser = await launchBenchBrowser();
  const play: number[] = [];
  const next: number[] = [];
  const highlight: number[] = [];
  const gaps: number[] = [];
  const rateChange: number[] = [];
  let longArticle: unknown = { skipped: 'BENCH_SKIP_LONG_ARTICLE is set' };
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      await page.goto(host.url);
      // Every run starts at the top: clear the position the previous run saved.
      await handlers.removeLibraryEntries({ ids: 'all' });
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
      await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[aria-keyshortcuts="Space K"]')?.disabled);
      await page.waitForTimeout(300); // a listener reads the page before pressing Play
      play.push((await timeKeyToAudio(page, 'k')).audioMs);
      await page.waitForTimeout(400); // the next paragraph is prefetched while the first plays
      const moved = await timeKeyToAudio(page, 'ArrowDown');
      next.push(moved.audioMs);
      highlight.push(moved.highlightMs);
      await page.close();
    }
    // Gaps between paragraphs and rate changes, on short paragraphs (the gap is what a listener notices).
    // A fresh data folder each run: a saved position would otherwise start the next run at the end.
    const shortArticle = await loadArticleSource(join(here, '..', '..', 'tests', 'fixtures', 'short.txt'));
    if (!shortArticle.ok) throw new Error(shortArticle.message);
    for (let run = 0; run < Math.ceil(RUNS / 2); run++) {
      const { handlers: shortHandlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'article-player-bench-')), async () => shortArticle, speech);
      const shortHost = await startBrowserHost({ handlers: shortHandlers, rendererDir: join(here, '..', 'renderer') });
      const page = await browser.newPage();
      try {
        await page.goto(shortHost.url);
        await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[aria-keyshortcuts="Space K"]')?.disabled);
        await page.waitForTimeout(300);
        const gapsDone = timeParagraphGaps(page, shortArticle.article.blocks.length - 1);
        await page.keyboard.press('k');
        rateChange.push(await timeRateChange(page, '+'));
        rateChange.push(await timeRateChange(page, '-'));
        gaps.push(...(await gapsDone).map((ms) => ms - PARAGRAPH_PAUSE_MS));
      } finally {
        await page.close();
        await shortHost.close();
      }
    }
    if (!process.env.BENCH_SKIP_LONG_ARTICLE) longArticle = await runLongArticleBench({ browser, rendererDir: join(here, '..', 'renderer'), speech });
  } finally {
    await browser.close();
    await host.close();
  }
  // Fresh starts of the app, one at a time, with nothing else running.
  const playStart = process.env.BENCH_SKIP_PLAY_START
    ? { skipped: 'BENCH_SKIP_PLAY_START is set' }
    : await runPlayStartBench({ startScript: join(here, 'start.js'), freshStarts: Math.max(3, Math.ceil(RUNS / 2)), laterPlaysPerStart: 2 });

  const baselinePlay: number[] = [];
  const baselineNext: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baselinePlay.push(await baselineFirstAudio(initial.article.blocks[0]!.text));
    baselineNext.push(await baselineFirstAudio(initial.article.blocks[1]!.text));
  }
  const library = await benchLibrary(1000, RUNS);
  const extraction = process.env.BENCH_SKIP_EXTRACTION ? null : await benchExtraction();
  const spokenText = benchSpokenText(join(here, '..', '..', '..', 'shared', 'corpus', 'wcxb-dev-articles'));
  const engine = (await speech('auto')).engine;
  const wordTimingPerEngine = await runWordTimingBenchPerEngine(blocks.map((block) => block.text));
  const wordTiming = Object.keys(wordTimingPerEngine).length > 0 ? wordTimingPerEngine : { skipped: 'no speech engine gives audio here' };
  const silenceTrimming = engine
    ? await runTrimSilenceBench(engine, join(here, '..', '..', '..', 'shared', 'corpus', 'wcxb-dev-articles'), blocks.map((block) => block.text))
    : { skipped: 'no speech engine gives audio here' };
  const queue = process.env.BENCH_SKIP_QUEUE ? { skipped: 'BENCH_SKIP_QUEUE is set' } : await benchQueue(speech);
  const result = {
    machine: { cpus: cpus().length, node: process.version, engine: (await speech('auto')).engine?.name ?? null },
    article: { title: initial.article.title, paragraphs: blocks.length },
    playToFirstAudioMs: { ...summarize(play), goal: 150 },
    nextParagraphToAudioMs: { ...summarize(next), goal: 100 },
    nextParagraphHighlightMs: { ...summarize(highlight), goal: 50 },
    paragraphGapExtraMs: { ...summarize(gaps), configuredPauseMs: PARAGRAPH_PAUSE_MS, goal: 30 },
    rateChangeToAudibleMs: { ...summarize(rateChange), goal: 100 },
    // The paragraph gap of issue 13 is paragraphGapExtraMs above (p95 goal 30).
    playStart,
    longArticle,
    library1000: { openMs: { ...library.open, goal: 100 }, searchMs: { ...library.search, goal: 100 } },
    extraction,
    spokenText,
    wordTimingErrorMs: { goal: { engine: 'espeak-ng', meanMs: 50, p90Ms: 100 }, ...wordTiming },
    silenceTrimming,
    queue,
    baseline: {
      description:
        'one espeak-ng process per paragraph, started when the paragraph is wanted, no prefetch (as the say package does); time to its first audio bytes, before any playback. Between paragraphs this start-up is extra silence, and a rate change restarts the paragraph.',
      playToFirstAudioMs: summarize(baselinePlay),
      nextParagraphToAudioMs: summarize(baselineNext),
      paragraphGapExtraMs: summarize(baselineNext),
    },
  };
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  console.log(
    JSON.stringify(
      {
        ...result,
        ratios: {
          playVsBaseline: ratio(result.playToFirstAudioMs.median, result.baseline.playToFirstAudioMs.median),
          nextVsBaseline: ratio(result.nextParagraphToAudioMs.median, result.baseline.nextParagraphToAudioMs.median),
        },
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
