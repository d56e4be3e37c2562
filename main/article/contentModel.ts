/**
 * The content classifier: a logistic regression over blockFeatures, trained on the WCXB corpus's training
 * split (main/article/training/trainContentModel.ts writes contentModel.json), then a contiguity step. An
 * article is one stretch of the page: the stretch with the most evidence of content is found (the maximum-sum
 * run of block scores), blocks inside it are read when the model is not against them, blocks outside only
 * when it is sure.
 */
import { createRequire } from 'node:module';
import { FEATURE_NAMES, type FeatureVector } from './blockFeatures.js';

export interface ContentModel {
  features: string[];
  mean: number[];
  std: number[];
  weights: number[];
  /** Inside the chosen stretch, a block is read when its probability is at least this. */
  insideThreshold: number;
  /** Outside it, only at least this. */
  outsideThreshold: number;
  /** The stretch maximises the sum of (probability - spanCenter) weighted by the block's size. */
  spanCenter: number;
  /** The second stage: the first stage's probabilities of the block and its neighbours (stacking). */
  context?: { mean: number[]; std: number[]; weights: number[] };
  trainedOn: string;
}

export interface ModelFiles {
  text: ContentModel;
  title: ContentModel;
}

let loaded: ModelFiles | null = null;

/** The shipped models (JSON beside this module in the source tree and in the build). */
export function contentModels(): ModelFiles {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const files = require('./contentModel.json') as ModelFiles;
  for (const model of [files.text]) {
    if (model.features.join() !== FEATURE_NAMES.join()) throw new Error('contentModel.json was trained on other features; run npm run train:extraction');
  }
  loaded = files;
  return files;
}

type Linear = Pick<ContentModel, 'mean' | 'std' | 'weights'>;

export function probability(model: Linear, vector: FeatureVector): number {
  let z = 0;
  for (let i = 0; i < model.weights.length; i++) {
    const std = model.std[i]!;
    const x = std === 0 ? 0 : (vector[i]! - model.mean[i]!) / std;
    z += model.weights[i]! * (i === 0 ? 1 : x);
  }
  return 1 / (1 + Math.exp(-z));
}

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
export function blockProbabilities(model: ContentModel, vectors: FeatureVector[], sizes: number[]): number[] {
  const first = vectors.map((vector) => probability(model, vector));
  const context = model.context;
  if (!context) return first;
  const stretch = bestStretch(first, sizes.map((size) => Math.sqrt(1 + size)), 0.5);
  return vectors.map((vector, i) => probability(context, contextVector(first, i, stretch, vector)));
}

/** The [start, end) run of blocks with the largest sum of weight * (p - center); empty when none is positive. */
export function bestStretch(probabilities: number[], weights: number[], center: number): [number, number] {
  let best = 0;
  let bestRange: [number, number] = [0, 0];
  let sum = 0;
  let start = 0;
  for (let i = 0; i < probabilities.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += weights[i]! * (probabilities[i]! - center);
    if (sum > best) {
      best = sum;
      bestRange = [start, i + 1];
    }
  }
  return bestRange;
}

/** Which blocks are read: the model's probabilities, then the stretch. */
export function decideBlocks(model: ContentModel, vectors: FeatureVector[], sizes: number[]): { read: boolean[]; probabilities: number[]; stretch: [number, number] } {
  const probabilities = blockProbabilities(model, vectors, sizes);
  const weights = sizes.map((size) => Math.sqrt(1 + size));
  const stretch = bestStretch(probabilities, weights, model.spanCenter);
  const read = probabilities.map((p, i) => (i >= stretch[0] && i < stretch[1] ? p >= model.insideThreshold : p >= model.outsideThreshold));
  return { read, probabilities, stretch };
}
