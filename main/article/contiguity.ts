/**
 * The contiguity step, after a content model has given every candidate block its probability: an article is
 * one stretch of the page. The stretch with the most evidence of content is found (the maximum-sum run of
 * block scores, weighted by the blocks' sizes); blocks inside it are read when the model is not against
 * them, blocks outside only when it is sure.
 */

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

export function stretchWeights(sizes: number[]): number[] {
  return sizes.map((size) => Math.sqrt(1 + size));
}

/** The thresholds of the step (a content model's). */
export interface StretchThresholds {
  /** The stretch maximises the sum of (probability - spanCenter) weighted by sqrt(1 + words). */
  spanCenter: number;
  /** Inside the stretch, a block is read when its probability is at least this. */
  insideThreshold: number;
  /** Outside it, only at least this. */
  outsideThreshold: number;
}

/** Which blocks are read, given their probabilities and sizes (words), and the stretch chosen. */
export function readInStretch(probabilities: number[], sizes: number[], thresholds: StretchThresholds): { read: boolean[]; stretch: [number, number] } {
  const stretch = bestStretch(probabilities, stretchWeights(sizes), thresholds.spanCenter);
  const read = probabilities.map((p, i) => (i >= stretch[0] && i < stretch[1] ? p >= thresholds.insideThreshold : p >= thresholds.outsideThreshold));
  return { read, stretch };
}

/**
 * When nothing is read (every probability under the thresholds, on a page unlike any the model was trained
 * on) but the page has prose: the same step on the probabilities relative to the page's highest, so the
 * stretch the model rates most article-like is read rather than nothing. Only blocks with words count.
 */
export function relativeReading(probabilities: number[], sizes: number[], thresholds: StretchThresholds): { read: boolean[]; stretch: [number, number] } {
  const highest = Math.max(0, ...probabilities.map((p, i) => (sizes[i]! > 0 ? p : 0)));
  if (highest <= 0) return { read: probabilities.map(() => false), stretch: [0, 0] };
  const relative = probabilities.map((p, i) => (sizes[i]! > 0 ? p / highest : 0));
  // Nothing outside the stretch is read: it is the last resort, not a reading of the whole page.
  return readInStretch(relative, sizes, { ...thresholds, outsideThreshold: Infinity });
}
