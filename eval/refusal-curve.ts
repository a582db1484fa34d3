/**
 * The officials' refusal gate as a curve: for each threshold of document evidence
 * (ExtractiveAnswerer `minEvidence`, tuning.ts MIN_DOCUMENT_EVIDENCE), how many answerable
 * officials' questions are refused (false refusals), how many not-answerable ones are
 * refused (correct refusals), and how many of the citizens' unanswerable questions
 * (eval/datasets/unanswerable.jsonl) are refused when an official asks them.
 *
 *   npm run eval -- curve [--index <dir>] [--write]   (eval/run.ts)
 */
import { ExtractiveAnswerer } from '../core/answer/extractive-answerer.ts';
import type { Corpus } from '../core/search/types.ts';
import { openIndex } from '../index/open-index.ts';
import { Assistant } from '../server/assistant.ts';
import { rate, type Rate } from './answers.ts';
import { loadUnanswerable } from './datasets/answer-datasets.ts';
import { runOfficialsEval } from './officials.ts';

/** The thresholds swept, around the default. */
export const CURVE_THRESHOLDS = [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8];

export interface CurvePoint {
  threshold: number;
  falseRefusals: Rate;
  correctRefusals: Rate;
  citizensUnanswerableRefused: Rate;
  facts: number;
}

/** One point per threshold over the index. */
export async function refusalCurve(indexDir: string, thresholds = CURVE_THRESHOLDS, corpus?: Corpus): Promise<CurvePoint[]> {
  const index = corpus ?? (await openIndex(indexDir));
  const citizens = await loadUnanswerable();
  const points: CurvePoint[] = [];
  for (const threshold of thresholds) {
    const answerer = new ExtractiveAnswerer({ minEvidence: threshold });
    const r = await runOfficialsEval({ indexDir, corpus: index, answerer });
    const assistant = new Assistant(index, answerer);
    let refused = 0;
    for (const q of citizens) if ((await assistant.chat({ message: q.text }, { role: 'official' })).refused) refused += 1;
    points.push({
      threshold, falseRefusals: r.overall.falseRefusals, correctRefusals: r.unanswerable.correctRefusals,
      citizensUnanswerableRefused: rate(refused, citizens.length), facts: r.overall.facts.mean,
    });
    process.stderr.write(`curve ${threshold}: false refusals ${r.overall.falseRefusals.n}/${r.overall.falseRefusals.of}, correct ${r.unanswerable.correctRefusals.n}/${r.unanswerable.correctRefusals.of}, citizens' ${refused}/${citizens.length}\n`);
  }
  return points;
}

const cell = (r: Rate) => `${r.n}/${r.of} (${(r.rate * 100).toFixed(1)}%)`;

/** The `eval-refusal-curve` section of docs/BENCHMARKS.md. */
export function curveSection(points: readonly CurvePoint[], header: string): string {
  return [
    header,
    '',
    '| Least document evidence | False refusals (answerable officials\' questions) | Refused, not answerable (officials\') | Citizens\' unanswerable refused (asked as an official) | Facts (mean share) |',
    '|---|---|---|---|---|',
    ...points.map((p) => `| ${p.threshold.toFixed(2)} | ${cell(p.falseRefusals)} | ${cell(p.correctRefusals)} | ${cell(p.citizensUnanswerableRefused)} | ${p.facts.toFixed(3)} |`),
  ].join('\n');
}
