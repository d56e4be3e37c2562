/**
 * Extraction on the WCXB corpus beside the repository and on the evaluation sources in main/bench/data
 * (bench part `extraction`): quality and speed as HTML against plain Readability.js on jsdom
 * (extraction.ts), as plain text and cut short (extractionVariants.ts), for WCXB by training/held-out
 * split and for each other source as a whole, with the goals met or not.
 *
 * Knobs for iterating: BENCH_EXTRACTION_SETS=wcxb,readability (default all) runs only those sets;
 * BENCH_EXTRACTION_LIMIT=N takes the first N pages of each.
 */
import { runExtractionBench, type PageResult } from './extraction.js';
import { EVALUATION_SOURCES, readSourcePages } from './extractionSources.js';
import { runVariantBench, runVariantBenchOn, variantsFileOf } from './extractionVariants.js';

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** Macro F1 of our HTML output on a set of pages, and titles and bylines right there. */
function subset(rows: PageResult[]) {
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
}

const f1Of = (figure: unknown) => (figure as { f1: number } | undefined)?.f1 ?? 0;

function wanted(set: string): boolean {
  const sets = process.env.BENCH_EXTRACTION_SETS;
  return !sets || sets.split(',').map((s) => s.trim()).includes(set);
}

/** Extraction quality and speed on the WCXB corpus beside the repository and on each evaluation source. */
export async function runExtractionReport(corpusDir: string) {
  const limit = process.env.BENCH_EXTRACTION_LIMIT ? Number(process.env.BENCH_EXTRACTION_LIMIT) : undefined;
  const wcxb = wanted('wcxb') ? await runWcxb(corpusDir, limit) : null;
  const sources: Record<string, { what: string } & Awaited<ReturnType<typeof runSource>>> = {};
  for (const source of EVALUATION_SOURCES) {
    if (!wanted(source.name)) continue;
    let pages = readSourcePages(source);
    if (limit) pages = pages.slice(0, limit);
    if (pages.length === 0) continue;
    process.stderr.write(`extraction: ${source.name} (${pages.length} pages)\n`);
    sources[source.name] = { what: source.what, ...(await runSource(pages, source.file, variantsFileOf(corpusDir))) };
  }
  // Every figure by set: WCXB train, WCXB held-out and each other source.
  const bySet: Record<string, Record<string, number>> = {};
  if (wcxb) {
    for (const [set, key] of [['wcxbTrain', 'train'], ['wcxbHeldOut', 'heldOut']] as const) {
      bySet[set] = {
        htmlF1: wcxb.html[key].f1,
        htmlTitles: wcxb.html[key].titleRight,
        htmlBylines: wcxb.html[key].bylineRight,
        plainTextF1: f1Of(wcxb.plainText[key]?.ours),
        plainTextTitles: wcxb.plainText.titleRight[key] ?? 0,
        plainTextTitlesWhereInText: wcxb.plainText.titleRightWhereInText[key] ?? 0,
        shortF1: f1Of(wcxb.shortArticles[key]?.ours),
        shortReadabilityJsF1: f1Of(wcxb.shortArticles[key]?.readabilityJs),
      };
    }
  }
  for (const [name, source] of Object.entries(sources)) {
    bySet[name] = {
      htmlF1: source.html.f1,
      htmlTitles: source.html.titleRight,
      htmlBylines: source.html.bylineRight,
      plainTextF1: f1Of(source.plainText.all.ours),
      plainTextTitles: source.plainText.titleRight.all,
      plainTextTitlesWhereInText: source.plainText.titleRightWhereInText.all,
      shortF1: f1Of(source.shortArticles.all.ours),
      shortReadabilityJsF1: f1Of(source.shortArticles.all.readabilityJs),
    };
  }
  return { bySet, ...(wcxb ?? {}), sources };
}

async function runWcxb(corpusDir: string, limit: number | undefined) {
  const report = await runExtractionBench({ corpusDir, worst: 10, limit });
  const brief = (summary: NonNullable<typeof report.baseline>) => ({
    f1: round(summary.f1),
    precision: round(summary.precision),
    recall: round(summary.recall),
    msMedian: Math.round(summary.msMedian * 10) / 10,
    msP95: Math.round(summary.msP95 * 10) / 10,
  });
  const variants = await runVariantBench(corpusDir, { worst: 10, limit });
  const html = { all: subset(report.results), train: subset(report.results.filter((r) => r.split === 'train')), heldOut: subset(report.results.filter((r) => r.split === 'held-out')) };
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

/** Another source's pages: HTML, plain text and cut short, as one set. */
async function runSource(pages: Awaited<ReturnType<typeof readSourcePages>>, cacheKey: string, variantsFile: string) {
  const report = await runExtractionBench({ corpusDir: '', pages, worst: 10 });
  const variants = await runVariantBenchOn(pages, { cacheKey, variantsFile, wholeSource: true, worst: 10 });
  const html = subset(report.results);
  return {
    pages: report.pages,
    goals: {
      plainTextF1AtLeast092: f1Of(variants.plainText.all.ours) >= 0.92,
      plainTextTitlesAtLeast85Percent: variants.plainText.titleRight.all >= 0.85,
      shortF1AtLeast090: f1Of(variants.shortArticles.all.ours) >= 0.9,
      htmlBylinesAtLeast90Percent: html.bylineRight >= 0.9,
    },
    html,
    htmlBaselineReadabilityJs: report.baseline ? round(report.baseline.f1) : null,
    ...variants,
    worstHtml: report.worst.map((r) => ({ id: r.id, f1: round(r.ours.f1), baselineF1: r.baseline ? round(r.baseline.f1) : null, missed: r.missedSample, extra: r.extraSample })),
  };
}
