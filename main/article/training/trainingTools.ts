/** Labelling, fitting and scoring for the extraction models (used by the trainer and the bench). */
import { scoreText } from '../../bench/extraction.js';
import { treeValue, type Tree } from '../contentModel.js';

export { shingleHits } from '../textOverlap.js';

/** Case and whitespace folded, as the bench compares titles. */
export function normalizeTitle(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The bench's macro figures: precision and recall averaged over pages, F1 their harmonic mean. */
export function scoreMacro(pages: Array<{ output: string; truth: string }>): { precision: number; recall: number; f1: number; pages: number } {
  let precision = 0;
  let recall = 0;
  for (const { output, truth } of pages) {
    const score = scoreText(output, truth);
    precision += score.precision;
    recall += score.recall;
  }
  precision /= Math.max(1, pages.length);
  recall /= Math.max(1, pages.length);
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return { precision: round(precision), recall: round(recall), f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)), pages: pages.length };
}

/**
 * Weighted logistic regression by full-batch gradient descent (Adam) on standardised features, with L2.
 * Feature 0 is the bias (not standardised, not penalised).
 */
export function fitLogistic(x: number[][], y: number[], weights: number[], options: { iterations: number; l2: number }): { kind: 'logistic'; mean: number[]; std: number[]; weights: number[] } {
  const d = x[0]?.length ?? 0;
  const n = x.length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const row of x) for (let j = 1; j < d; j++) mean[j]! += row[j]! / n;
  for (const row of x) for (let j = 1; j < d; j++) std[j]! += (row[j]! - mean[j]!) ** 2 / n;
  for (let j = 1; j < d; j++) std[j] = Math.sqrt(std[j]!);
  const z = x.map((row) => row.map((value, j) => (j === 0 ? 1 : std[j] === 0 ? 0 : (value - mean[j]!) / std[j]!)));
  const totalWeight = weights.reduce((sum, value) => sum + value, 0);
  const beta = new Array<number>(d).fill(0);
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  const rate = 0.05;
  for (let step = 1; step <= options.iterations; step++) {
    const gradient = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      const row = z[i]!;
      let dot = 0;
      for (let j = 0; j < d; j++) dot += beta[j]! * row[j]!;
      const error = (1 / (1 + Math.exp(-dot)) - y[i]!) * weights[i]!;
      for (let j = 0; j < d; j++) gradient[j]! += error * row[j]!;
    }
    for (let j = 0; j < d; j++) {
      const g = gradient[j]! / totalWeight + (j === 0 ? 0 : options.l2 * beta[j]!);
      m[j] = 0.9 * m[j]! + 0.1 * g;
      v[j] = 0.999 * v[j]! + 0.001 * g * g;
      const mHat = m[j]! / (1 - 0.9 ** step);
      const vHat = v[j]! / (1 - 0.999 ** step);
      beta[j]! -= (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return { kind: 'logistic', mean, std, weights: beta };
}

/**
 * Gradient-boosted trees for log loss (Friedman's gradient boosting with Newton leaf values, as in
 * XGBoost), split points chosen among quantile bins of each feature. Small and deterministic: no sampling.
 */
export function fitBoostedTrees(
  x: number[][],
  y: number[],
  weights: number[],
  options: { trees: number; depth: number; rate: number; bins: number; minLeafWeight: number; l2: number },
): { kind: 'trees'; base: number; trees: Tree[] } {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  // Quantile bin edges per feature, and each value's bin.
  const edges: number[][] = [];
  const binned: Uint8Array[] = [];
  for (let j = 0; j < d; j++) {
    const sorted = x.map((row) => row[j]!).sort((a, b) => a - b);
    const cuts: number[] = [];
    for (let b = 1; b < options.bins; b++) {
      const value = sorted[Math.floor((b * n) / options.bins)]!;
      if (cuts.length === 0 || value > cuts.at(-1)!) cuts.push(value);
    }
    edges.push(cuts);
    const column = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const value = x[i]![j]!;
      let low = 0;
      let high = cuts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (value <= cuts[mid]!) high = mid;
        else low = mid + 1;
      }
      column[i] = low; // bin b holds values in (cuts[b-1], cuts[b]]
    }
    binned.push(column);
  }
  const totalWeight = weights.reduce((sum, value) => sum + value, 0);
  const positive = y.reduce((sum, label, i) => sum + label * weights[i]!, 0) / totalWeight;
  const base = Math.log(Math.max(1e-6, positive) / Math.max(1e-6, 1 - positive));
  const score = new Float64Array(n).fill(base);
  const trees: Tree[] = [];
  for (let t = 0; t < options.trees; t++) {
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]!));
      gradient[i] = (p - y[i]!) * weights[i]!;
      hessian[i] = Math.max(1e-12, p * (1 - p)) * weights[i]!;
    }
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const grow = (rows: Int32Array, depth: number): number => {
      const node = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      let g = 0;
      let h = 0;
      for (const i of rows) {
        g += gradient[i]!;
        h += hessian[i]!;
      }
      tree.value.push((-g / (h + options.l2)) * options.rate);
      if (depth >= options.depth || h < 2 * options.minLeafWeight) return node;
      let bestGain = 1e-9;
      let bestFeature = -1;
      let bestBin = -1;
      const parentScore = (g * g) / (h + options.l2);
      for (let j = 0; j < d; j++) {
        const bins = edges[j]!.length + 1;
        if (bins < 2) continue;
        const gBins = new Float64Array(bins);
        const hBins = new Float64Array(bins);
        const column = binned[j]!;
        for (const i of rows) {
          gBins[column[i]!]! += gradient[i]!;
          hBins[column[i]!]! += hessian[i]!;
        }
        let gLeft = 0;
        let hLeft = 0;
        for (let b = 0; b < bins - 1; b++) {
          gLeft += gBins[b]!;
          hLeft += hBins[b]!;
          const hRight = h - hLeft;
          if (hLeft < options.minLeafWeight || hRight < options.minLeafWeight) continue;
          const gRight = g - gLeft;
          const gain = (gLeft * gLeft) / (hLeft + options.l2) + (gRight * gRight) / (hRight + options.l2) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = j;
            bestBin = b;
          }
        }
      }
      if (bestFeature < 0) return node;
      const column = binned[bestFeature]!;
      const leftRows = rows.filter((i) => column[i]! <= bestBin);
      const rightRows = rows.filter((i) => column[i]! > bestBin);
      tree.feature[node] = bestFeature;
      tree.threshold[node] = edges[bestFeature]![bestBin]!;
      tree.left[node] = grow(leftRows, depth + 1);
      tree.right[node] = grow(rightRows, depth + 1);
      return node;
    };
    grow(Int32Array.from({ length: n }, (_, i) => i), 0);
    for (let i = 0; i < n; i++) score[i]! += treeValue(tree, x[i]!);
    trees.push(tree);
  }
  return { kind: 'trees', base, trees };
}
