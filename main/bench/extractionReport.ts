/**
 * Extraction on the WCXB corpus beside the repository (bench part `extraction`): quality and speed as
 * HTML against plain Readability.js on jsdom (extraction.ts), as plain text and cut short
 * (extractionVariants.ts), for all pages and by training/held-out split, with the goals met or not.
 */
import { runExtractionBench, type PageResult } from './extraction.js';
import { runVariantBench } from './extractionVariants.js';

/** Extraction quality and speed on the WCXB corpus beside the repository, against plain Readability on jsdom. */
export async function runExtractionReport(corpusDir: string) {
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

