/**
 * Trains the content and title models of contentModel.json on the training split of the WCXB corpus
 * (corpus.ts: one site in four held out) and prints their figures on both splits.
 *
 *   npm run train:extraction            (writes main/article/contentModel.json)
 *
 * Examples are the corpus pages as a text-only scraper gives them (`pageText` of
 * ../shared/corpus/variants/pageVariants.mjs), each block labelled content when most of its 4-word
 * shingles are in the ground truth. The models are logistic regressions (a few dozen weights, readable in
 * the JSON): a first stage on the block's own and its neighbours' features, a second on the first stage's
 * probabilities around the block; the thresholds of the contiguity step are chosen on the training split only.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { FEATURE_NAMES, type FeatureVector } from '../blockFeatures.js';
import { bestStretch, contextVector, decideBlocks, probability, type ContentModel, type ModelFiles } from '../contentModel.js';
import { classifyTextBlocks, plainTextBlocks, textBlockVectors, titleCandidates, TITLE_FEATURE_NAMES, type TextBlock } from '../extractPlainText.js';
import { corpusIds, readCorpusPage, type CorpusPage } from './corpus.js';
import { fitLogistic, normalizeTitle, scoreMacro, shingleHits } from './trainingTools.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = resolve(process.env.CORPUS_DIR ?? join(here, '..', '..', '..', '..', 'shared', 'corpus', 'wcxb-dev-articles'));
const variantsFile = join(corpusDir, '..', 'variants', 'pageVariants.mjs');

interface Variants {
  pageText(document: Document): string;
}

interface TextPage {
  page: CorpusPage;
  blocks: TextBlock[];
  vectors: FeatureVector[];
  sizes: number[];
  labels: number[];
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

async function main(): Promise<void> {
  const variants = (await import(pathToFileURL(variantsFile).href)) as Variants;
  const pages: TextPage[] = [];
  for (const id of corpusIds(corpusDir)) {
    const page = readCorpusPage(corpusDir, id);
    if (!page) continue;
    const blocks = plainTextBlocks(variants.pageText(parseHTML(page.html).document as unknown as Document));
    const hits = shingleHits(blocks.map((block) => block.text), page.truth.text);
    pages.push({ page, blocks, vectors: textBlockVectors(blocks, null), sizes: blocks.map((block) => words(block.text)), labels: hits.map((hit) => (hit >= 0.5 ? 1 : 0)) });
  }
  const train = pages.filter(({ page }) => page.split === 'train');
  const heldOut = pages.filter(({ page }) => page.split === 'held-out');
  console.error(`pages: ${pages.length} (train ${train.length}, held out ${heldOut.length})`);

  // 1. First stage: one example per block of the scrape, weighted by its size (the score counts words).
  const x = train.flatMap((page) => page.vectors);
  const y = train.flatMap((page) => page.labels);
  const w = train.flatMap((page) => page.sizes.map((size) => Math.sqrt(1 + size)));
  console.error(`content examples: ${x.length}, positive ${y.filter(Boolean).length}`);
  const first = fitLogistic(x, y, w, { iterations: 500, l2: 1e-3 });

  // 2. Second stage: the first stage's probabilities around each block.
  const contextOf = (page: TextPage) => {
    const p = page.vectors.map((vector) => probability(first, vector));
    const stretch = bestStretch(p, page.sizes.map((size) => Math.sqrt(1 + size)), 0.5);
    return page.vectors.map((vector, i) => contextVector(p, i, stretch, vector));
  };
  const context = fitLogistic(train.flatMap(contextOf), y, w, { iterations: 500, l2: 1e-3 });
  let text: ContentModel = { features: [...FEATURE_NAMES], ...first, context, insideThreshold: 0.5, outsideThreshold: 0.9, spanCenter: 0.5, trainedOn: '' };

  // 3. The contiguity step's thresholds, on the training split only.
  const evaluate = (model: ContentModel, set: TextPage[]) =>
    scoreMacro(
      set.map((page) => {
        const { read } = decideBlocks(model, page.vectors, page.sizes);
        return { output: page.blocks.filter((_, i) => read[i]).map((block) => block.text).join('\n'), truth: page.page.truth.text };
      }),
    );
  let best = { f1: -1, model: text };
  for (const spanCenter of [0.2, 0.3, 0.4, 0.5, 0.6])
    for (const insideThreshold of [0.1, 0.2, 0.3, 0.4, 0.5])
      for (const outsideThreshold of [0.6, 0.7, 0.8, 0.9, 1.01]) {
        const candidate = { ...text, spanCenter, insideThreshold, outsideThreshold };
        const { f1 } = evaluate(candidate, train);
        if (f1 > best.f1) best = { f1, model: candidate };
      }
  text = { ...best.model, trainedOn: `WCXB dev, ${train.length} pages of the training split (sites whose SHA-1 byte mod 4 is not 0), pageText variant` };

  // 4. Title: one example per candidate line near the start of the article.
  const tx: number[][] = [];
  const ty: number[] = [];
  const titleSets = (set: TextPage[]) =>
    set.map((page) => {
      const classified = classifyTextBlocks(page.blocks, null, text);
      return { page, candidates: titleCandidates(page.blocks, classified), want: normalizeTitle(page.page.truth.title) };
    });
  for (const { page, candidates, want } of titleSets(train)) {
    for (const candidate of candidates) {
      tx.push(candidate.vector);
      ty.push(normalizeTitle(page.blocks[candidate.index]!.text) === want ? 1 : 0);
    }
  }
  const titleFit = fitLogistic(tx, ty, tx.map(() => 1), { iterations: 500, l2: 1e-3 });
  const title: ContentModel = { features: [...TITLE_FEATURE_NAMES], ...titleFit, insideThreshold: 0, outsideThreshold: 0, spanCenter: 0, trainedOn: text.trainedOn };
  const titleRight = (set: TextPage[]) => {
    const sets = titleSets(set);
    const right = sets.filter(({ page, candidates, want }) => {
      let bestIndex = -1;
      let bestScore = -1;
      for (const candidate of candidates) {
        const score = probability(title, candidate.vector);
        if (score > bestScore) [bestIndex, bestScore] = [candidate.index, score];
      }
      return bestIndex >= 0 && normalizeTitle(page.blocks[bestIndex]!.text) === want;
    }).length;
    const reachable = sets.filter(({ page, candidates, want }) => candidates.some((candidate) => normalizeTitle(page.blocks[candidate.index]!.text) === want)).length;
    return { right: right / sets.length, reachable: reachable / sets.length };
  };

  const files: ModelFiles = { text, title };
  writeFileSync(join(here, '..', 'contentModel.json'), `${JSON.stringify(files, (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value), 1)}\n`);
  const firstOnly: ContentModel = { ...text, context: undefined };
  console.log(
    JSON.stringify({
      train: evaluate(text, train),
      heldOut: evaluate(text, heldOut),
      firstStageOnly: { train: evaluate(firstOnly, train), heldOut: evaluate(firstOnly, heldOut) },
      title: { train: titleRight(train), heldOut: titleRight(heldOut) },
      thresholds: { spanCenter: text.spanCenter, insideThreshold: text.insideThreshold, outsideThreshold: text.outsideThreshold },
    }),
  );
}

await main();
