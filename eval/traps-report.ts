/**
 * The Markdown section of the trap set and the parser's census kept in docs/BENCHMARKS.md
 * under the marker `eval-traps`.
 */
import { CENSUS_AS_OF } from './datasets/catalog-census.ts';
import { parserCensusTable, type ParserCensusLine, type ParserCoverage } from './datasets/parser-census.ts';
import { trapsTable, type TrapEvalResult } from './traps.ts';

/** The section: command, date, machine, the per-kind table, the census comparison and the parser's reach. */
export function trapsSection(r: TrapEvalResult, census: readonly ParserCensusLine[], c: ParserCoverage): string {
  return [
    `Command: \`npm run eval -- traps\` (index data/eval/full-index) · ${r.date} · ${r.machine}, Node ${r.node}`,
    '',
    `${r.questions} questions of eval/datasets/citizen-traps.jsonl (the team's development set, not held out), each asked as a citizen through the Assistant on its own \`asOf\` day; scoring as in eval/datasets/README.md. Facts in answers that no cited quote supports: ${r.unsupported}.`,
    '',
    trapsTable(r),
    '',
    `The ingest parser's typed fields (core/structure/procedure-facts.ts) against the independent catalog census (eval/datasets/catalog-census.ts), records of the whole catalog, dated lines as of ${CENSUS_AS_OF} (\`npx tsx eval/datasets/parser-census.ts\`):`,
    '',
    parserCensusTable(census),
    '',
    `Where the catalog is silent: of ${c.bareTimeRecords} records with a bare time (${c.bareTimeRows} rows), the record's own text gives the unit for ${c.unitRecoveredRows} rows (every bare row of ${c.unitRecoveredRecords} records); ${c.evidenceOnlyRecords} more keep the steps' sentence on when the result comes; ${c.neitherRecords} keep the number as given, without a unit. Of ${c.noOfficeRecords} records with no cơ quan thực hiện, the steps name the receiving body in ${c.stepOfficeRecords}; ${c.levelOfficeRecords} are answered with their level's People's Committee (cấp xã or cấp huyện); ${c.levelOnlyRecords} with the level only.`,
  ].join('\n');
}

/** The fresh set's section (marker `eval-traps-fresh`): command, date, machine and the per-kind table. */
export function trapsFreshSection(r: TrapEvalResult): string {
  return [
    `Command: \`npm run eval -- traps --set fresh\` (index ${r.indexDir}) · ${r.date} · ${r.machine}, Node ${r.node}`,
    '',
    `${r.questions} questions of eval/datasets/citizen-traps-fresh.jsonl, written after the development set's retrieval rules and never tuned on: each checked against its catalog record (\`npx tsx eval/datasets/check-citizen-traps.ts --fresh\`), asked and scored like the development set. Facts in answers that no cited quote supports: ${r.unsupported}.`,
    '',
    trapsTable(r),
  ].join('\n');
}
