/**
 * The ingest parser's typed fee, time and place fields (core/structure/procedure-facts.ts)
 * counted over the whole catalog on the census's own lines (catalog-census.ts), so the two
 * independent readings can be set side by side: where they differ, the records that
 * differ are listed for reading.
 *
 *   npx tsx eval/datasets/parser-census.ts [--as-of 2026-12-07] [--diff KEY]
 */
import { parseArgs } from 'node:util';
import { procedureFacts, type ProcedureFacts } from '../../core/structure/procedure-facts.ts';
import { runAsMain } from '../../ingest/run-main.ts';
import { catalogCensus, CENSUS_AS_OF } from './catalog-census.ts';
import { loadCatalogRecords, type CatalogRecord } from './catalog-records.ts';
import { datasetPaths } from '../../config/paths.ts';
import { configFromEnvironment } from '../../config/environment.ts';
import { recordPatterns } from './catalog-patterns.ts';

/** One census line read by both. */
export interface ParserCensusLine {
  key: string;
  label: string;
  census: number;
  parser: number;
  /** Codes the parser finds and the census does not (`+`), and the reverse (`-`). */
  onlyParser: string[];
  onlyCensus: string[];
}

interface LineSpec {
  key: string;
  label: string;
  parser: (f: ProcedureFacts, r: CatalogRecord) => boolean;
}

function specs(asOf: string): LineSpec[] {
  const dated = (f: ProcedureFacts) => f.fees.entries.filter((e) => e.validTo !== undefined);
  const freeChannels = (f: ProcedureFacts) => new Set(f.fees.channels.filter((c) => c.cell === 'free').map((c) => c.channel));
  return [
    { key: 'free_note_amount', label: 'a "Miễn phí(…)" cell whose note holds an amount', parser: (f) => f.fees.entries.some((e) => e.source === 'note' && e.amountText !== undefined && !e.onRequest && e.channels.some((c) => freeChannels(f).has(c))) },
    { key: 'hdnd_fee', label: 'fee set by the HĐND', parser: (f) => f.fees.entries.some((e) => e.decidedBy === 'HĐND tỉnh') },
    { key: 'dated_fee', label: 'a rate, share or waiver with an end date', parser: (f) => dated(f).length > 0 },
    { key: 'dated_fee_expired', label: `… all ended before ${asOf}`, parser: (f) => dated(f).length > 0 && dated(f).every((e) => e.validTo! < asOf) },
    { key: 'dated_fee_running', label: `… one still running on ${asOf}`, parser: (f) => dated(f).some((e) => e.validTo! >= asOf) },
    { key: 'dated_reduction', label: '… a lower rate (not a waiver)', parser: (f) => dated(f).some((e) => !e.free) },
    { key: 'dated_waiver', label: '… a waiver', parser: (f) => dated(f).some((e) => e.free) },
    { key: 'no_office_level', label: 'no cơ quan thực hiện but a cấp', parser: (f) => !f.place.office && f.place.levels.length > 0 },
    { key: 'time_bare', label: 'a time written as a bare number', parser: (f) => f.times.some((t) => t.value !== undefined && t.unitFrom !== 'cell' && !t.glued) },
    { key: 'time_glued', label: 'time digits glued to the fee amount', parser: (f) => f.times.some((t) => t.glued) },
  ];
}

/** The parser's and the census's counts, line by line. */
export function parserCensus(records: CatalogRecord[], asOf = CENSUS_AS_OF): ParserCensusLine[] {
  const census = new Map(catalogCensus(records, asOf, 0).map((l) => [l.key, l]));
  const facts = records.map((r) => [r, procedureFacts(r), recordPatterns(r)] as const);
  const censusHas: Record<string, (p: ReturnType<typeof recordPatterns>) => boolean> = {
    free_note_amount: (p) => p.freeNoteAmounts.length > 0,
    hdnd_fee: (p) => p.hdnd !== undefined,
    dated_fee: (p) => p.datedFees.length > 0,
    dated_fee_expired: (p) => p.datedFees.length > 0 && p.datedFees.every((d) => d.end < asOf),
    dated_fee_running: (p) => p.datedFees.some((d) => d.end >= asOf),
    dated_reduction: (p) => p.datedFees.some((d) => d.kind === 'reduction'),
    dated_waiver: (p) => p.datedFees.some((d) => d.kind === 'waiver'),
    no_office_level: (p) => p.noOfficeButLevel,
    time_bare: (p) => p.bareTimeRows > 0,
    time_glued: (p) => p.gluedRows > 0,
  };
  return specs(asOf).map((s) => {
    const onlyParser: string[] = [];
    const onlyCensus: string[] = [];
    let parser = 0;
    for (const [r, f, p] of facts) {
      const mine = s.parser(f, r);
      const theirs = censusHas[s.key]!(p);
      if (mine) parser += 1;
      if (mine && !theirs) onlyParser.push(r.ma_thu_tuc);
      if (!mine && theirs) onlyCensus.push(r.ma_thu_tuc);
    }
    return { key: s.key, label: s.label, census: census.get(s.key)?.records ?? 0, parser, onlyParser, onlyCensus };
  });
}

/** How far the parser gets where the catalog is silent: units of bare times, offices where no cơ quan is named. */
export interface ParserCoverage {
  bareTimeRecords: number;
  bareTimeRows: number;
  /** Bare-time rows whose unit the record's own text gives. */
  unitRecoveredRows: number;
  /** Bare-time records with a unit for every bare row, with only the steps' sentence on when the result comes, with neither. */
  unitRecoveredRecords: number;
  evidenceOnlyRecords: number;
  neitherRecords: number;
  noOfficeRecords: number;
  /** No-office records whose steps name the receiving body; whose level is xã or huyện (its People's Committee); neither. */
  stepOfficeRecords: number;
  levelOfficeRecords: number;
  levelOnlyRecords: number;
}

/** See {@link ParserCoverage}. */
export function parserCoverage(records: CatalogRecord[]): ParserCoverage {
  const c: ParserCoverage = {
    bareTimeRecords: 0, bareTimeRows: 0, unitRecoveredRows: 0, unitRecoveredRecords: 0, evidenceOnlyRecords: 0, neitherRecords: 0,
    noOfficeRecords: 0, stepOfficeRecords: 0, levelOfficeRecords: 0, levelOnlyRecords: 0,
  };
  for (const r of records) {
    const f = procedureFacts(r);
    const bare = f.times.filter((t) => t.value !== undefined && t.unitFrom !== 'cell' && !t.glued);
    if (bare.length > 0) {
      c.bareTimeRecords += 1;
      c.bareTimeRows += bare.length;
      c.unitRecoveredRows += bare.filter((t) => t.unit).length;
      if (bare.every((t) => t.unit)) c.unitRecoveredRecords += 1;
      else if (bare.some((t) => t.evidence)) c.evidenceOnlyRecords += 1;
      else c.neitherRecords += 1;
    }
    if (!f.place.office && f.place.levels.length > 0) {
      c.noOfficeRecords += 1;
      if (f.place.stepOffices.length > 0) c.stepOfficeRecords += 1;
      else if (f.place.levels.some((l) => l === 'cấp xã' || l === 'cấp huyện')) c.levelOfficeRecords += 1;
      else c.levelOnlyRecords += 1;
    }
  }
  return c;
}

/** The comparison as a Markdown table. */
export function parserCensusTable(lines: readonly ParserCensusLine[]): string {
  return [
    '| Pattern | What | Census (records) | Parser (records) | Only parser | Only census |',
    '|---|---|---:|---:|---|---|',
    ...lines.map((l) => `| \`${l.key}\` | ${l.label} | ${l.census} | ${l.parser} | ${l.onlyParser.slice(0, 6).join(' ')}${l.onlyParser.length > 6 ? ' …' : ''} | ${l.onlyCensus.slice(0, 6).join(' ')}${l.onlyCensus.length > 6 ? ' …' : ''} |`),
  ].join('\n');
}

runAsMain(import.meta.url, async (argv) => {
  const { values } = parseArgs({ args: argv, options: { 'as-of': { type: 'string' }, diff: { type: 'string' } } });
  const lines = parserCensus(await loadCatalogRecords(datasetPaths(configFromEnvironment()).tthc), values['as-of'] ?? CENSUS_AS_OF);
  if (values.diff) {
    const line = lines.find((l) => l.key === values.diff);
    if (!line) throw new Error(`unknown line ${values.diff}`);
    process.stdout.write(`only parser: ${line.onlyParser.join(' ')}\nonly census: ${line.onlyCensus.join(' ')}\n`);
  } else {
    process.stdout.write(`${parserCensusTable(lines)}\n`);
  }
  return 0;
});
