/** Labelling, fitting and scoring for the extraction models (used by the trainer and the bench). */
import { scoreText, tokenize } from '../../benchExtraction.js';

/** Per block: the share of its 4-word shingles found in the ground truth (short blocks: found as a phrase). */
export function shingleHits(blocks: string[], truth: string): number[] {
  const truthTokens = tokenize(truth);
  const truthShingles = new Set<string>();
  for (let i = 0; i + 4 <= truthTokens.length; i++) truthShingles.add(truthTokens.slice(i, i + 4).join(' '));
  const truthPhrase = ` ${truthTokens.join(' ')} `;
  return blocks.map((text) => {
    const tokens = tokenize(text);
    if (tokens.length === 0) return 0;
    if (tokens.length < 4) return truthPhrase.includes(` ${tokens.join(' ')} `) ? 1 : 0;
    let hit = 0;
    for (let i = 0; i + 4 <= tokens.length; i++) if (truthShingles.has(tokens.slice(i, i + 4).join(' '))) hit++;
    return hit / (tokens.length - 3);
  });
}

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
export function fitLogistic(x: number[][], y: number[], weights: number[], options: { iterations: number; l2: number }): { mean: number[]; std: number[]; weights: number[] } {
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
  return { mean, std, weights: beta };
}
