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

/**
 * A fresh set's section (marker `eval-traps-fresh`, `eval-traps-fresh2`, `eval-traps-fresh3` or `eval-traps-fresh4`): command, date,
 * machine and the per-kind table.
 */
export function trapsFreshSection(r: TrapEvalResult, set: 'fresh' | 'fresh2' | 'fresh3' | 'fresh4' = 'fresh'): string {
  const file = `citizen-traps-${set}.jsonl`;
  const what = {
    fresh: 'written after the development set\'s retrieval rules; its failures have since been read, so it is development data',
    fresh2: 'the second fresh set, written from the catalog on records no other set uses after the fresh set\'s failures were read; its failures have since been read too, so it is development data',
    fresh3: 'the third fresh set, written from the catalog on records no other set uses (dated days other than today, everyday out-of-scope questions sharing words with procedures), first scored before the rules for the second set\'s failures; its failures have since been read (round 5), so it is development data',
    fresh4: 'the fourth fresh set, written from the catalog on records no other trap set uses before the third set\'s failures were read (new kinds of out-of-scope questions, phone numbers and addresses as personal data), first scored before the round-5 rules and never read to write rules (a held-out stand-in)',
  }[set];
  return [
    `Command: \`npm run eval -- traps --set ${set}\` (index ${r.indexDir}) · ${r.date} · ${r.machine}, Node ${r.node}`,
    '',
    `${r.questions} questions of eval/datasets/${file}, ${what}: each checked against its catalog record (\`npx tsx eval/datasets/check-citizen-traps.ts --${set}\`), asked and scored like the development set. Facts in answers that no cited quote supports: ${r.unsupported}.`,
    '',
    trapsTable(r),
  ].join('\n');
}
