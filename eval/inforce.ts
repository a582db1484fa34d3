/**
 * `npm run eval -- inforce`: the relation-clause extractor (core/structure/relations/)
 * against the team's replacement-clause set, precision and recall per relation kind, and
 * a census of the ALQAC laws' own amendment, repeal and expiry clauses with a sample to
 * read by hand. No index is needed.
 */
import { readFile } from 'node:fs/promises';
import type { DocumentRelation } from '../core/model.ts';
import { extractRelations } from '../core/structure/relations/extract-relations.ts';
import { parseJsonl } from './datasets/answer-datasets.ts';
import { loadReplacementClauses, RELATION_TYPES, replacementClauseSchema, type RelationType, type ReplacementClause } from './datasets/replacement-clauses.ts';
import { scoreRelations, type PredictedRelation, type RelationScore, type ScoredPassage } from './datasets/score-relations.ts';

/** Scores over the clause set: all kinds together, each kind, and each source. */
export interface InforceScores {
  passages: number;
  overall: RelationScore;
  byKind: Record<RelationType, RelationScore>;
  bySource: Record<'written' | 'alqac', RelationScore>;
  /** Passages where the extractor missed or added something, for reading. */
  errors: Array<{ id: string; missed: string[]; extra: string[] }>;
}

/** The extractor's relations as the scorer takes them. */
export function predicted(relations: readonly DocumentRelation[]): PredictedRelation[] {
  return relations.map((r) => ({
    type: r.kind, target: { number: r.target.number, year: r.target.year ?? null, date: r.target.date ?? null }, parts: r.parts, from: r.from ?? null,
  }));
}

/** Run the extractor on every passage, with the issue date the document's header would give. */
export function scoreClauses(records: readonly ReplacementClause[]): InforceScores {
  const runs = records.map((r) => ({
    record: r,
    predicted: predicted(extractRelations(r.text, r.issuedDate ? { issuedDate: r.issuedDate } : {})),
  }));
  const only = (keep: (type: RelationType) => boolean, from = runs): ScoredPassage[] => from.map((x) => ({
    gold: x.record.relations.filter((g) => keep(g.type)), predicted: x.predicted.filter((p) => keep(p.type)),
  }));
  const byKind = Object.fromEntries(RELATION_TYPES.map((k) => [k, scoreRelations(only((t) => t === k))])) as Record<RelationType, RelationScore>;
  const bySource = {
    written: scoreRelations(only(() => true, runs.filter((x) => x.record.source === 'written'))),
    alqac: scoreRelations(only(() => true, runs.filter((x) => x.record.source === 'alqac'))),
  };
  const key = (type: string, number: string) => `${type} ${number}`;
  const errors = runs.flatMap((x) => {
    const gold = x.record.relations.map((g) => key(g.type, g.target.number));
    const got = x.predicted.map((p) => key(p.type, p.target.number));
    const missed = gold.filter((g) => !got.includes(g));
    const extra = got.filter((p) => !gold.includes(p));
    return missed.length || extra.length ? [{ id: x.record.id, missed, extra }] : [];
  });
  return { passages: records.length, overall: scoreRelations(only(() => true)), byKind, bySource, errors };
}

/** Load, validate and score the clause set. */
export async function runClauseEval(path?: string): Promise<InforceScores> {
  const raw = await loadReplacementClauses(path);
  return scoreClauses(raw.map((r) => replacementClauseSchema.parse(r)));
}

/** What the extractor finds in the ALQAC articles that use the relation wording. */
export interface AlqacCensus {
  articles: number;
  /** Articles containing each phrase. */
  withPhrase: Record<string, number>;
  /** Articles with at least one relation found, and the relations by kind. */
  articlesWithRelations: number;
  relations: Record<string, number>;
  sample: Array<{ id: string; text: string; relations: string[] }>;
}

const PHRASES = ['bãi bỏ', 'hết hiệu lực', 'sửa đổi, bổ sung', 'thay thế'];

/** Scan the ALQAC corpus (`law_id`, `article_id`, `text` per line). */
export async function alqacCensus(corpusPath: string, sampleSize = 12): Promise<AlqacCensus> {
  const rows = parseJsonl<{ law_id: string; article_id: string; text: string }>(await readFile(corpusPath, 'utf8'), corpusPath);
  const withPhrase: Record<string, number> = Object.fromEntries(PHRASES.map((p) => [p, 0]));
  const relations: Record<string, number> = Object.fromEntries(RELATION_TYPES.map((k) => [k, 0]));
  const hits: AlqacCensus['sample'] = [];
  let articles = 0;
  for (const row of rows) {
    const lower = row.text.normalize('NFC').toLowerCase();
    const phrases = PHRASES.filter((p) => lower.includes(p));
    if (phrases.length === 0) continue;
    articles += 1;
    for (const p of phrases) withPhrase[p] = (withPhrase[p] ?? 0) + 1;
    const found = extractRelations(row.text);
    if (found.length === 0) continue;
    for (const r of found) relations[r.kind] = (relations[r.kind] ?? 0) + 1;
    hits.push({ id: `${row.law_id}#${row.article_id}`, text: row.text, relations: found.map((r) => `${r.kind} ${r.target.number}${r.parts.length ? ` [${r.parts.join('; ')}]` : ''}${r.from ? ` from ${r.from}` : ''}`) });
  }
  // An even spread over the hits, so the sample is not one law's final articles.
  const step = Math.max(1, Math.floor(hits.length / sampleSize));
  const sample = hits.filter((_, i) => i % step === 0).slice(0, sampleSize);
  return { articles, withPhrase, articlesWithRelations: hits.length, relations, sample };
}

const f = (x: number) => x.toFixed(2);

/** A table row of one score. */
function row(name: string, s: RelationScore): string {
  return `| ${name} | ${s.truePositives + s.falseNegatives} | ${s.truePositives + s.falsePositives} | ${s.truePositives} | ${f(s.precision)} | ${f(s.recall)} |`;
}

/** The report printed by `npm run eval -- inforce` and kept in docs/BENCHMARKS.md. */
export function inforceReport(scores: InforceScores, census: AlqacCensus | undefined, header: string): string {
  const a = scores.overall.agreement;
  const share = (x: number | null) => (x === null ? '–' : f(x));
  const lines = [
    header,
    '',
    `Replacement-clause set (\`eval/datasets/replacement-clauses.jsonl\`, ${scores.passages} passages); a relation counts when its kind and target number match a gold one.`,
    '',
    '| Kind | Gold | Found | Correct | Precision | Recall |',
    '|---|---|---|---|---|---|',
    ...RELATION_TYPES.map((k) => row(k, scores.byKind[k])),
    row('written passages', scores.bySource.written),
    row('ALQAC passages', scores.bySource.alqac),
    row('**all**', scores.overall),
    '',
    `On the matched relations, the share that also agree on year ${share(a.year)}, target date ${share(a.date)}, parts ${share(a.parts)}, date of effect ${share(a.from)}.`,
  ];
  if (scores.errors.length) {
    lines.push('', 'Misses and extras:', '', ...scores.errors.map((e) => `- ${e.id}: ${[...e.missed.map((m) => `missed ${m}`), ...e.extra.map((x) => `extra ${x}`)].join('; ')}`));
  }
  if (census) {
    lines.push(
      '',
      `ALQAC corpus: ${census.articles} articles contain one of the phrases (${Object.entries(census.withPhrase).map(([p, n]) => `“${p}” ${n}`).join(', ')}); the extractor finds relations in ${census.articlesWithRelations} of them: ${Object.entries(census.relations).map(([k, n]) => `${k} ${n}`).join(', ')}.`,
    );
  }
  return lines.join('\n');
}

/** The sample of ALQAC articles with what was found, for reading by hand. */
export function censusSample(census: AlqacCensus): string {
  return census.sample.map((s) => `## ${s.id}\n${s.text.slice(0, 700)}\n→ ${s.relations.join(' | ')}`).join('\n\n');
}
