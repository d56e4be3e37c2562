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
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES, type FeatureVector } from '../blockFeatures.js';
import { contextVector, decideBlocks, probability, type ContentModel, type ModelFiles, type TitleModel } from '../contentModel.js';
import { bestStretch, stretchWeights } from '../contiguity.js';
import { classifyTextBlocks, plainTextBlocks, textBlockVectors, titleCandidates, TITLE_FEATURE_NAMES, type TextBlock } from '../text/extractPlainText.js';
import { cachedPageTexts, corpusIds, exitUnlessCorpus, readCorpusPage, type CorpusPage } from './corpus.js';
import { fitBoostedTrees, normalizeTitle, scoreMacro, shingleHits } from './trainingTools.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = resolve(process.env.CORPUS_DIR ?? join(here, '..', '..', '..', '..', 'shared', 'corpus', 'wcxb-dev-articles'));
const variantsFile = join(corpusDir, '..', 'variants', 'pageVariants.mjs');

interface TextPage {
  page: CorpusPage;
  blocks: TextBlock[];
  vectors: FeatureVector[];
  sizes: number[];
  labels: number[];
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

async function main(): Promise<void> {
  exitUnlessCorpus(corpusDir, 'trainContentModel');
  const corpus = corpusIds(corpusDir).map((id) => readCorpusPage(corpusDir, id)).filter((page) => page !== null);
  const texts = await cachedPageTexts(corpusDir, corpus, variantsFile);
  const pages: TextPage[] = [];
  for (const page of corpus) {
    const blocks = plainTextBlocks(texts.get(page.id)!);
    const hits = shingleHits(blocks.map((block) => block.text), page.truth.text);
    pages.push({ page, blocks, vectors: textBlockVectors(blocks, null), sizes: blocks.map((block) => words(block.text)), labels: hits.map((hit) => (hit >= 0.5 ? 1 : 0)) });
  }
  const train = pages.filter(({ page }) => page.split === 'train');
  const heldOut = pages.filter(({ page }) => page.split === 'held-out');
  console.error(`pages: ${pages.length} (train ${train.length}, held out ${heldOut.length})`);

  const modelFile = join(here, '..', 'contentModel.json');
  const previous = JSON.parse(readFileSync(modelFile, 'utf8')) as Partial<ModelFiles>;
  // TITLE_ONLY=1 keeps the shipped content model and trains the title model alone (on that model's readings).
  const text = process.env.TITLE_ONLY === '1' && previous.text ? previous.text : trainTextModel(train);
  const evaluate = (model: ContentModel, set: TextPage[]) =>
    scoreMacro(
      set.map((page) => {
        const { read } = decideBlocks(model, page.vectors, page.sizes);
        return { output: page.blocks.filter((_, i) => read[i]).map((block) => block.text).join('\n'), truth: page.page.truth.text };
      }),
    );
  const trees = { trees: Number(process.env.TREES ?? 120), depth: 4, rate: 0.15, bins: 32, minLeafWeight: 20, l2: 1 };

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
  const title: TitleModel = { features: [...TITLE_FEATURE_NAMES], scorer: fitBoostedTrees(tx, ty, tx.map(() => 1), { ...trees, trees: 80, depth: 3, minLeafWeight: 5 }), trainedOn: text.trainedOn };
  const titleRight = (set: TextPage[]) => {
    const sets = titleSets(set);
    const right = sets.filter(({ page, candidates, want }) => {
      let bestIndex = -1;
      let bestScore = -1;
      for (const candidate of candidates) {
        const score = probability(title.scorer, candidate.vector);
        if (score > bestScore) [bestIndex, bestScore] = [candidate.index, score];
      }
      return bestIndex >= 0 && normalizeTitle(page.blocks[bestIndex]!.text) === want;
    }).length;
    const reachable = sets.filter(({ page, candidates, want }) => candidates.some((candidate) => normalizeTitle(page.blocks[candidate.index]!.text) === want)).length;
    return { right: right / sets.length, reachable: reachable / sets.length };
  };

  // The HTML model (trainHtmlModel.ts) is kept as it is.
  const files: ModelFiles = { text, title, ...(previous.html ? { html: previous.html } : {}) };
  // Compact, numbers to 6 significant digits: the file is bundled into the app.
  writeFileSync(modelFile, `${JSON.stringify(files, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(6)) : value))}\n`);
  const firstOnly: ContentModel = { ...text, context: null };
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

/** The content model: two stages of boosted trees and the contiguity step's thresholds, on the training split. */
function trainTextModel(train: TextPage[]): ContentModel {
  // 1. First stage: one example per block of the scrape, weighted by its size (the score counts words).
  const x = train.flatMap((page) => page.vectors);
  const y = train.flatMap((page) => page.labels);
  const w = train.flatMap((page) => page.sizes.map((size) => Math.sqrt(1 + size)));
  console.error(`content examples: ${x.length}, positive ${y.filter(Boolean).length}`);
  const trees = { trees: Number(process.env.TREES ?? 120), depth: 4, rate: 0.15, bins: 32, minLeafWeight: 20, l2: 1 };
  const first = fitBoostedTrees(x, y, w, trees);

  // 2. Second stage: the first stage's probabilities around each block.
  const contextOf = (page: TextPage) => {
    const p = page.vectors.map((vector) => probability(first, vector));
    const stretch = bestStretch(p, stretchWeights(page.sizes), 0.5);
    return page.vectors.map((vector, i) => contextVector(p, i, stretch, vector));
  };
  const context = fitBoostedTrees(train.flatMap(contextOf), y, w, { ...trees, trees: Math.round(trees.trees / 2), depth: 3 });
  const text: ContentModel = { features: [...FEATURE_NAMES], first, context, insideThreshold: 0.5, outsideThreshold: 0.9, spanCenter: 0.5, trainedOn: '' };

  // 3. The contiguity step's thresholds, on the training split only.
  const probabilities = new Map<TextPage, number[]>();
  const evaluate = (model: ContentModel, set: TextPage[], cached = false) =>
    scoreMacro(
      set.map((page) => {
        const { read } = cached ? decideBlocks(model, page.vectors, page.sizes, probabilities.get(page)) : decideBlocks(model, page.vectors, page.sizes);
        return { output: page.blocks.filter((_, i) => read[i]).map((block) => block.text).join('\n'), truth: page.page.truth.text };
      }),
    );
  for (const page of train) probabilities.set(page, decideBlocks(text, page.vectors, page.sizes).probabilities);
  let best = { f1: -1, model: text };
  for (const spanCenter of [0.2, 0.3, 0.4, 0.5, 0.6])
    for (const insideThreshold of [0.1, 0.2, 0.3, 0.4, 0.5])
      for (const outsideThreshold of [0.6, 0.7, 0.8, 0.9, 1.01]) {
        const candidate = { ...text, spanCenter, insideThreshold, outsideThreshold };
        const { f1 } = evaluate(candidate, train, true);
        if (f1 > best.f1) best = { f1, model: candidate };
      }
  return { ...best.model, trainedOn: `WCXB dev, ${train.length} pages of the training split (sites whose SHA-1 byte mod 4 is not 0), pageText variant` };
}

await main();
