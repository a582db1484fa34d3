import { beforeAll, describe, expect, it } from 'vitest';
import { datasetPaths } from '../../config/paths.ts';
import { configFromEnvironment } from '../../config/environment.ts';
import { loadCatalogRecords, type CatalogRecord } from './catalog-records.ts';
import { parserCensus, parserCoverage, type ParserCensusLine } from './parser-census.ts';

describe('the ingest parser against the catalog census (2026-12-07)', () => {
  let records: CatalogRecord[];
  let lines: Map<string, ParserCensusLine>;
  beforeAll(async () => {
    records = await loadCatalogRecords(datasetPaths(configFromEnvironment()).tthc);
    lines = new Map(parserCensus(records).map((l) => [l.key, l]));
  });

  it('finds every record the census finds, on every line', () => {
    for (const l of lines.values()) expect(l.onlyCensus, l.key).toEqual([]);
  });

  it('finds more only where the census cannot read: amounts without a currency, dates written in words', () => {
    // 3.000339/3.000340: "8.000.000/lần"; the others: "đến hết ngày 31 tháng 12 năm 2026".
    expect(lines.get('free_note_amount')!.onlyParser.sort()).toEqual(['3.000339', '3.000340']);
    expect(lines.get('dated_fee')!.onlyParser.sort()).toEqual(['1.004756', '1.005319', '1.011439', '2.001064']);
    for (const key of ['hdnd_fee', 'dated_fee_expired', 'dated_waiver', 'no_office_level', 'time_bare', 'time_glued']) {
      expect(lines.get(key)!.onlyParser, key).toEqual([]);
    }
    expect([...lines.values()].map((l) => [l.key, l.census, l.parser])).toEqual([
      ['free_note_amount', 48, 50], ['hdnd_fee', 73, 73], ['dated_fee', 121, 125], ['dated_fee_expired', 50, 50],
      ['dated_fee_running', 71, 75], ['dated_reduction', 81, 85], ['dated_waiver', 40, 40], ['no_office_level', 302, 302],
      ['time_bare', 313, 313], ['time_glued', 55, 55],
    ]);
  });

  it('gives a bare time its unit only from the record\'s own text, and an office to most records without one', () => {
    const c = parserCoverage(records);
    expect(c.bareTimeRecords).toBe(313);
    expect(c.unitRecoveredRecords + c.evidenceOnlyRecords + c.neitherRecords).toBe(313);
    expect(c.unitRecoveredRows).toBeGreaterThanOrEqual(200);
    expect(c.stepOfficeRecords + c.levelOfficeRecords + c.levelOnlyRecords).toBe(302);
    expect(c.levelOnlyRecords).toBeLessThanOrEqual(20);
  });
});
