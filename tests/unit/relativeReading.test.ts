import { describe, expect, it } from 'vitest';
import { readInStretch, relativeReading } from '../../main/article/contiguity';

// Issue 26: on short pages from another source (an article of two paragraphs among menus and teasers, in a
// layout the model never saw) the model rated every block under its thresholds and Readability found
// nothing: the reading was empty. The stretch the model rates highest relative to the page is read instead.
const thresholds = { spanCenter: 0.3, insideThreshold: 0.3, outsideThreshold: 0.8 };

describe('relativeReading (never an empty reading)', () => {
  // A menu, a headline, two paragraphs the model doubts, related teasers, a footer.
  const probabilities = [0.0, 0.0, 0.01, 0.02, 0.03, 0.04, 0.005, 0.01, 0.0, 0.0];
  const sizes = [2, 3, 2, 8, 40, 35, 12, 15, 3, 2];

  it('reads nothing with the absolute thresholds (the failure)', () => {
    expect(readInStretch(probabilities, sizes, thresholds).read.some(Boolean)).toBe(false);
  });

  it('reads the paragraphs the model rates highest, in one stretch, and not the teasers after them', () => {
    const { read, stretch } = relativeReading(probabilities, sizes, thresholds);
    expect(read[4]).toBe(true);
    expect(read[5]).toBe(true);
    expect(read.filter(Boolean).length).toBeLessThanOrEqual(3);
    expect(read[0] || read[1] || read[8] || read[9]).toBe(false);
    expect(stretch[0]).toBeLessThanOrEqual(4);
    expect(stretch[1]).toBeGreaterThanOrEqual(6);
  });

  it('reads nothing when no block has words or every probability is zero', () => {
    expect(relativeReading([0, 0, 0], [3, 4, 5], thresholds).read.some(Boolean)).toBe(false);
    expect(relativeReading([0.2, 0.1], [0, 0], thresholds).read.some(Boolean)).toBe(false);
  });
});
