/** The extraction report of a document some of whose pages were OCR'd. */
import type { ExtractionReport } from '../../core/model.ts';
import type { PageOutcome } from './ocr-pages.ts';

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Pages, OCR'd pages with their confidence, the character-weighted mean, the pages under
 * `lowConfidence` (and the pages that failed, which are certainly worth a look), warnings.
 */
export function extractionReport(pages: number, outcomes: readonly PageOutcome[], lowConfidence: number, engine?: string, warnings: readonly string[] = []): ExtractionReport {
  const recognised = outcomes.filter((o) => !o.error);
  let sum = 0;
  let weight = 0;
  for (const o of recognised) {
    if (o.confidence === undefined) continue;
    const n = Math.max(1, o.text.length);
    sum += o.confidence * n;
    weight += n;
  }
  const report: ExtractionReport = {
    pages,
    ocrPages: recognised.map((o) => o.page),
    pageConfidence: recognised.map((o) => round1(o.confidence ?? 0)),
    lowConfidencePages: outcomes.filter((o) => o.error || (o.confidence ?? 0) < lowConfidence).map((o) => o.page),
    warnings: [...warnings, ...outcomes.flatMap((o) => o.warnings)],
  };
  if (weight > 0) report.meanConfidence = round1(sum / weight);
  const repairs = outcomes.reduce((n, o) => n + o.toneRepairs, 0);
  if (outcomes.length > 0) report.toneRepairs = repairs;
  if (engine) report.engine = engine;
  return report;
}
