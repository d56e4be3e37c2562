/** The content model's parts: the trees it is made of, how they are fitted, and the contiguity step. */
import { describe, expect, it } from 'vitest';
import { contentModels, decideBlocks, preferModelReading, probability, type ContentModel } from '../../main/article/contentModel';
import { bestStretch } from '../../main/article/contiguity';
import { FEATURE_NAMES } from '../../main/article/blockFeatures';
import { HTML_FEATURE_NAMES } from '../../main/article/html/htmlBlockFeatures';
import { fitBoostedTrees, fitLogistic } from '../../main/article/training/trainingTools';

describe('bestStretch', () => {
  it('finds the run with the most evidence, not the single best block', () => {
    // A strong teaser on its own, then a long run of good-enough blocks with one weak line inside.
    const p = [0.95, 0.1, 0.1, 0.7, 0.8, 0.3, 0.7, 0.9, 0.1];
    expect(bestStretch(p, p.map(() => 1), 0.5)).toEqual([3, 8]);
  });

  it('is empty when nothing is above the centre', () => {
    expect(bestStretch([0.1, 0.2], [1, 1], 0.5)).toEqual([0, 0]);
  });

  it('weighs blocks by their size', () => {
    expect(bestStretch([0.6, 0.1, 0.9], [10, 1, 1], 0.5)).toEqual([0, 1]);
  });
});

describe('boosted trees', () => {
  // XOR of two features: no line separates it; trees must.
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 400; i++) {
    const a = (i * 7919) % 100 / 100;
    const b = (i * 104729) % 100 / 100;
    x.push([1, a, b]);
    y.push(a > 0.5 !== b > 0.5 ? 1 : 0);
  }
  const accuracy = (predict: (row: number[]) => number) => x.filter((row, i) => (predict(row) >= 0.5 ? 1 : 0) === y[i]).length / x.length;

  it('learn what a linear model cannot', () => {
    const trees = fitBoostedTrees(x, y, y.map(() => 1), { trees: 30, depth: 2, rate: 0.3, bins: 16, minLeafWeight: 1, l2: 1 });
    const linear = fitLogistic(x, y, y.map(() => 1), { iterations: 300, l2: 1e-3 });
    expect(accuracy((row) => probability(trees, row))).toBeGreaterThan(0.95);
    expect(accuracy((row) => probability(linear, row))).toBeLessThan(0.75);
  });

  it('are deterministic', () => {
    const options = { trees: 5, depth: 2, rate: 0.3, bins: 16, minLeafWeight: 1, l2: 1 };
    expect(JSON.stringify(fitBoostedTrees(x, y, y.map(() => 1), options))).toBe(JSON.stringify(fitBoostedTrees(x, y, y.map(() => 1), options)));
  });
});

describe('the shipped models', () => {
  const models = contentModels();

  it('were trained on the features extraction computes', () => {
    expect(models.text.features).toEqual([...FEATURE_NAMES]);
    if (models.html) expect(models.html.features).toEqual([...HTML_FEATURE_NAMES]);
    expect(models.text.trainedOn).toMatch(/training split/u);
  });

  it('read inside the stretch at the lower threshold and outside it only at the higher one', () => {
    const model: ContentModel = { ...models.text, first: { kind: 'logistic', mean: [0, 0], std: [1, 1], weights: [0, 1] }, context: null, spanCenter: 0.5, insideThreshold: 0.3, outsideThreshold: 0.9 };
    // Probabilities sigmoid(x): the block at 0.4 is read inside the stretch; the one at 0.8 outside is not.
    const logit = (p: number) => Math.log(p / (1 - p));
    const vectors = [0.8, 0.1, 0.1, 0.1, 0.7, 0.4, 0.9, 0.1].map((p) => [1, logit(p)]);
    const { read, stretch } = decideBlocks(model, vectors, vectors.map(() => 1));
    expect(stretch).toEqual([4, 7]);
    expect(read).toEqual([false, false, false, false, true, true, true, false]);
  });
});

describe('whose reading of an HTML page is used', () => {
  const model = { ...contentModels().text, confirmReadability: 0.7, shortArticleWords: 300 } as ContentModel;
  // Six blocks of 50 words; Readability read blocks 2 to 5.
  const sizes = [50, 50, 50, 50, 50, 50];
  const inReadability = [0, 0, 1, 1, 1, 1];

  it('Readability, when the model confirms it', () => {
    expect(preferModelReading(model, [false, false, true, true, true, false], inReadability, sizes, 200)).toBe(false);
  });

  it('the model, when it reads a short article Readability did not', () => {
    expect(preferModelReading(model, [true, true, false, false, false, false], inReadability, sizes, 200)).toBe(true);
  });

  it('Readability, when the model reads a whole article of its own', () => {
    expect(preferModelReading(model, [true, true, true, true, true, true].map((v, i) => v && i < 6), [0, 0, 0, 0, 0, 1], sizes.map(() => 60), 60)).toBe(false);
  });

  it('Readability, when the model finds no article at all', () => {
    expect(preferModelReading(model, [true, false, false, false, false, false], inReadability, [3, 50, 50, 50, 50, 50], 200)).toBe(false);
  });

  it('Readability, when the page walk never saw most of what Readability read', () => {
    expect(preferModelReading(model, [true, true, false, false, false, false], inReadability, sizes, 2000)).toBe(false);
  });
});
