/**
 * How an extractor's relations are scored against the replacement-clause set: a predicted
 * relation is correct when its type and target number match a gold relation of the same
 * passage (each gold relation matched once). Precision and recall count relations over the
 * whole set, negatives included; field agreement is measured on the matched pairs only.
 */
import { normalizeText } from '../../core/text/normalize.ts';
import type { Relation, RelationType } from './replacement-clauses.ts';

/** The parts of a relation an extractor is asked for; `target` needs only type-independent fields. */
export interface PredictedRelation {
  type: RelationType;
  target: { number: string; year?: number | null; date?: string | null };
  parts?: string[];
  from?: string | null;
}

/** One passage: its gold relations and what the extractor found. */
export interface ScoredPassage {
  gold: Relation[];
  predicted: PredictedRelation[];
}

export interface RelationScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when nothing was predicted. */
  precision: number;
  /** 1 when there is nothing to find. */
  recall: number;
  /** Among matched relations, the share whose field equals the gold one (null when none matched). */
  agreement: { year: number | null; date: number | null; parts: number | null; from: number | null };
}

/** A number as compared: NFC, no whitespace (`1287 /QĐ-UBND` = `1287/QĐ-UBND`). */
export function numberKey(number: string): string {
  return normalizeText(number).replace(/\s+/gu, '');
}

/** Score predicted relations against the gold ones, passage by passage. */
export function scoreRelations(passages: ScoredPassage[]): RelationScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const agree = { year: 0, date: 0, parts: 0, from: 0 };
  for (const { gold, predicted } of passages) {
    const open = [...gold];
    for (const p of predicted) {
      const i = open.findIndex((g) => g.type === p.type && numberKey(g.target.number) === numberKey(p.target.number));
      if (i < 0) {
        fp += 1;
        continue;
      }
      const [g] = open.splice(i, 1);
      if (!g) continue;
      tp += 1;
      if ((p.target.year ?? null) === g.target.year) agree.year += 1;
      if ((p.target.date ?? null) === g.target.date) agree.date += 1;
      if (sameSet(p.parts ?? [], g.parts)) agree.parts += 1;
      if ((p.from ?? null) === g.from) agree.from += 1;
    }
    fn += open.length;
  }
  const share = (n: number) => (tp === 0 ? null : n / tp);
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    agreement: { year: share(agree.year), date: share(agree.date), parts: share(agree.parts), from: share(agree.from) },
  };
}

function sameSet(a: string[], b: string[]): boolean {
  const key = (s: string) => normalizeText(s).toLowerCase().replace(/\s+/gu, ' ').trim();
  const sa = new Set(a.map(key));
  const sb = new Set(b.map(key));
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
