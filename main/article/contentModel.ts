/**
 * The content classifier: gradient-boosted trees over blockFeatures, trained on the WCXB corpus's training
 * split (main/article/training/trainContentModel.ts writes contentModel.json), in two stages (the second
 * sees the first stage's verdicts on the block's neighbours, as boilerpipe's classifier sees its
 * neighbours' features), then the contiguity step (contiguity.ts).
 */
import shippedModels from './contentModel.json' with { type: 'json' };
import { FEATURE_NAMES, type FeatureVector } from './blockFeatures.js';
import { HTML_FEATURE_NAMES } from './html/htmlBlockFeatures.js';
import { bestStretch, readInStretch, stretchWeights } from './contiguity.js';

/** A regression tree in arrays: node i splits on feature[i] at threshold[i] (left when <=), or is a leaf (feature -1) with value[i]. */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export type Scorer = { kind: 'trees'; base: number; trees: Tree[] } | { kind: 'logistic'; mean: number[]; std: number[]; weights: number[] };

export interface ContentModel {
  features: string[];
  first: Scorer;
  /** The second stage: the first stage's probabilities of the block and its neighbours (stacking). */
  context: Scorer | null;
  /** Inside the chosen stretch, a block is read when its probability is at least this. */
  insideThreshold: number;
  /** Outside it, only at least this. */
  outsideThreshold: number;
  /** The stretch maximises the sum of (probability - spanCenter) weighted by the block's size. */
  spanCenter: number;
  /**
   * HTML only: when the model reads at least this share of what Readability read, Readability's reading is
   * confirmed and kept (its cleanup of a full article is finer than a block walk); otherwise the model's.
   */
  confirmReadability?: number;
  /**
   * HTML only: Readability's reading is also kept when the model reads at least this many words: the
   * model's own reading is for short articles, where Readability takes the page's promotions instead.
   */
  shortArticleWords?: number;
  trainedOn: string;
}

export interface TitleModel {
  features: string[];
  scorer: Scorer;
  trainedOn: string;
}

export interface ModelFiles {
  text: ContentModel;
  title: TitleModel;
  /** Absent until trained: HTML is then read by Readability and the rules alone. */
  html?: ContentModel;
}

let loaded: ModelFiles | null = null;

/** The shipped models (contentModel.json, written by the trainer). */
export function contentModels(): ModelFiles {
  if (loaded) return loaded;
  // Imported, so the build bundles it (no file to find beside the module at run time).
  const files = shippedModels as unknown as ModelFiles;
  if (files.text.features.join() !== FEATURE_NAMES.join()) throw new Error('contentModel.json was trained on other features; run npm run train:extraction');
  if (files.html && files.html.features.join() !== HTML_FEATURE_NAMES.join()) throw new Error('contentModel.json was trained on other HTML features; run npm run train:extraction');
  loaded = files;
  return files;
}

export function treeValue(tree: Tree, row: number[]): number {
  let node = 0;
  while (tree.feature[node]! >= 0) node = row[tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  return tree.value[node]!;
}

export function probability(scorer: Scorer, vector: FeatureVector): number {
  let z = 0;
  if (scorer.kind === 'trees') {
    z = scorer.base;
    for (const tree of scorer.trees) z += treeValue(tree, vector);
  } else {
    for (let i = 0; i < scorer.weights.length; i++) {
      const std = scorer.std[i]!;
      z += scorer.weights[i]! * (i === 0 ? 1 : std === 0 ? 0 : (vector[i]! - scorer.mean[i]!) / std);
    }
  }
  return 1 / (1 + Math.exp(-z));
}

export const CONTEXT_FEATURE_NAMES = ['bias', 'p', 'pPrev', 'pNext', 'pWindow3', 'pWindow8', 'pMaxBefore', 'pMaxAfter', 'inStretch', 'stretchEdge', 'logWords', 'endsSentence', 'stopwords', 'pTimesLogWords'];

/** The second stage's input for block i: its own first-stage probability, its neighbours', and the first stretch. */
export function contextVector(first: number[], i: number, stretch: [number, number], vector: FeatureVector): number[] {
  const p = (j: number) => (j >= 0 && j < first.length ? first[j]! : 0);
  const max = (from: number, to: number) => {
    let best = 0;
    for (let j = from; j <= to; j++) if (j !== i) best = Math.max(best, p(j));
    return best;
  };
  const mean = (from: number, to: number) => {
    let sum = 0;
    let count = 0;
    for (let j = from; j <= to; j++) {
      if (j === i || j < 0 || j >= first.length) continue;
      sum += first[j]!;
      count++;
    }
    return count === 0 ? 0 : sum / count;
  };
  const inside = i >= stretch[0] && i < stretch[1] ? 1 : 0;
  const edge = inside ? Math.min(i - stretch[0], stretch[1] - 1 - i) : -Math.min(Math.abs(i - stretch[0]), Math.abs(i - stretch[1] + 1));
  return [1, p(i), p(i - 1), p(i + 1), mean(i - 3, i + 3), mean(i - 8, i + 8), max(i - 3, i - 1), max(i + 1, i + 3), inside, Math.tanh(edge / 5), vector[1]!, vector[3]!, vector[7]!, p(i) * vector[1]!];
}

/** Probabilities of the two stages (the second when the model has one). */
export function blockProbabilities(model: Pick<ContentModel, 'first' | 'context'>, vectors: FeatureVector[], sizes: number[]): number[] {
  const first = vectors.map((vector) => probability(model.first, vector));
  if (!model.context) return first;
  const stretch = bestStretch(first, stretchWeights(sizes), 0.5);
  return vectors.map((vector, i) => probability(model.context!, contextVector(first, i, stretch, vector)));
}

/** Which blocks are read: the model's probabilities, then the contiguity step. */
export function decideBlocks(model: ContentModel, vectors: FeatureVector[], sizes: number[], probabilities = blockProbabilities(model, vectors, sizes)): { read: boolean[]; probabilities: number[]; stretch: [number, number] } {
  return { ...readInStretch(probabilities, sizes, model), probabilities };
}

/** The share of Readability's words (blocks it read, by `inReadability`) that the model reads too. */
export function readabilityCoverage(read: boolean[], inReadability: number[], sizes: number[]): number {
  let total = 0;
  let covered = 0;
  for (let i = 0; i < read.length; i++) {
    if (inReadability[i]! < 0.5) continue;
    total += sizes[i]!;
    if (read[i]) covered += sizes[i]!;
  }
  return total === 0 ? 0 : covered / total;
}

/** Whether the HTML model's reading is used (a short article Readability misread) rather than Readability's. */
export function preferModelReading(model: ContentModel, read: boolean[], inReadability: number[], sizes: number[], readabilityWords: number): boolean {
  if (model.confirmReadability === undefined) return true;
  // The page walk never met most of what Readability read (content it cannot see, such as markup it skips):
  // the model judged a page without its article, so Readability's reading stands.
  const seen = inReadability.reduce((sum, hit, i) => sum + (hit >= 0.5 ? sizes[i]! : 0), 0);
  if (seen < 0.5 * readabilityWords) return false;
  const modelWords = read.reduce((sum, value, i) => sum + (value ? sizes[i]! : 0), 0);
  // The model found no article (not even a paragraph's worth of words): it has no reading to offer.
  if (modelWords < 20) return false;
  if (model.shortArticleWords !== undefined && modelWords >= model.shortArticleWords) return false;
  return readabilityCoverage(read, inReadability, sizes) < model.confirmReadability;
}
