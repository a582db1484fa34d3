import { describe, expect, it } from 'vitest';
import { PROCEDURE_FRESH2_PATH, PROCEDURE_FRESH3_PATH, PROCEDURE_FRESH4_PATH, PROCEDURE_FRESH_PATH, containsFact, loadProcedureQuestions, loadUnanswerable, normalizeForMatch } from './answer-datasets.ts';
import { configFromEnvironment } from '../../config/environment.ts';
import { datasetPaths } from '../../config/paths.ts';
import { checkAnswerDatasets, checkProcedureQuestions, loadCatalogFields } from './check-procedure-questions.ts';
import {
  CITIZEN_TRAPS_PATH, FRESH2_CITIZEN_TRAPS_PATH, FRESH3_CITIZEN_TRAPS_PATH, FRESH4_CITIZEN_TRAPS_PATH, FRESH_CITIZEN_TRAPS_PATH, loadCitizenTraps,
} from './citizen-traps.ts';

/** Every citizens' trap set: a held-out procedure set asks about none of their records either. */
const TRAP_PATHS = [CITIZEN_TRAPS_PATH, FRESH_CITIZEN_TRAPS_PATH, FRESH2_CITIZEN_TRAPS_PATH, FRESH3_CITIZEN_TRAPS_PATH, FRESH4_CITIZEN_TRAPS_PATH];

describe('fact matching', () => {
  it('treats thousand separators, case, spacing and leading zeros alike', () => {
    expect(containsFact('Lệ phí: 20,000 VNĐ/lần', '20.000')).toBe(true);
    expect(containsFact('trong thời hạn 03 ngày làm việc', '3 ngày làm việc')).toBe(true);
    expect(containsFact('MIỄN   PHÍ', 'miễn phí')).toBe(true);
    expect(containsFact('Uỷ ban nhân dân cấp xã', 'Ủy ban nhân dân')).toBe(true);
  });

  it('keeps diacritics and does not find a number inside a longer one', () => {
    expect(containsFact('mien phi', 'miễn phí')).toBe(false);
    expect(containsFact('lệ phí 120.000 đồng', '20.000')).toBe(false);
    expect(containsFact('mã 1.000894', '1.000')).toBe(false);
  });

  it('is idempotent', () => {
    const s = 'Phí  20,000 VNĐ, hạn 07 ngày; Uỷ ban';
    expect(normalizeForMatch(normalizeForMatch(s))).toBe(normalizeForMatch(s));
  });
});

describe('checkProcedureQuestions', () => {
  const catalog = new Map([['1.004222', [normalizeForMatch('Lệ phí 20000 Việt Nam đồng, 7 Ngày làm việc')]]]);
  const base = { qid: 'q1', text: 'đăng ký thường trú mất bao lâu', gold_codes: ['1.004222'], intent: 'time' as const, expected_facts: ['7 ngày làm việc'] };

  it('accepts a question whose facts are in its gold record', () => {
    expect(checkProcedureQuestions([base], catalog)).toEqual([]);
  });

  it('reports an unknown code, a fact in no gold record and a dangling follow-up', () => {
    const problems = checkProcedureQuestions([
      { ...base, gold_codes: ['9.999999'] },
      { ...base, qid: 'q2', expected_facts: ['5 ngày làm việc'] },
      { ...base, qid: 'q3', follow_up_of: 'q9' },
    ], catalog);
    expect(problems).toEqual([
      'q1: gold code 9.999999 is not in the catalog',
      'q1: expected fact "7 ngày làm việc" is in none of its gold records',
      'q2: expected fact "5 ngày làm việc" is in none of its gold records',
      'q3: follow_up_of "q9" is not an earlier question',
    ]);
  });
});

describe('answer datasets', () => {
  it('have the agreed size and mix', async () => {
    const questions = await loadProcedureQuestions();
    const unanswerable = await loadUnanswerable();
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(unanswerable.length).toBeGreaterThanOrEqual(30);
    expect(questions.filter((q) => q.follow_up_of).length).toBeGreaterThanOrEqual(8);
    // Typed without any diacritics, as many citizens do.
    expect(questions.filter((q) => /^[\x20-\x7e]+$/.test(q.text)).length).toBeGreaterThanOrEqual(10);
  });

  it('match the TTHC catalog: gold codes exist, expected facts occur in a gold record', async () => {
    const { problems } = await checkAnswerDatasets(datasetPaths(configFromEnvironment()).tthc);
    expect(problems).toEqual([]);
  });
});

describe('the held-out procedure questions (procedure-fresh.jsonl)', () => {
  it('match the catalog, ask about no procedure of the development set, and type some without diacritics', async () => {
    const [fresh, dev, catalog] = await Promise.all([
      loadProcedureQuestions(PROCEDURE_FRESH_PATH), loadProcedureQuestions(), loadCatalogFields(datasetPaths(configFromEnvironment()).tthc),
    ]);
    expect(checkProcedureQuestions(fresh, catalog)).toEqual([]);
    expect(fresh.length).toBeGreaterThanOrEqual(30);
    const devCodes = new Set(dev.flatMap((q) => q.gold_codes));
    const devIds = new Set(dev.map((q) => q.qid));
    for (const q of fresh) {
      expect(devIds.has(q.qid), q.qid).toBe(false);
      expect(q.gold_codes.filter((c) => devCodes.has(c)), q.qid).toEqual([]);
    }
    expect(fresh.filter((q) => /^[\x20-\x7e]+$/.test(q.text)).length).toBeGreaterThanOrEqual(5);
  });
});

describe('the second held-out procedure questions (procedure-fresh2.jsonl)', () => {
  it('match the catalog, ask about no procedure of another procedure set, and type some without diacritics', async () => {
    const [fresh2, fresh, dev, catalog] = await Promise.all([
      loadProcedureQuestions(PROCEDURE_FRESH2_PATH), loadProcedureQuestions(PROCEDURE_FRESH_PATH), loadProcedureQuestions(),
      loadCatalogFields(datasetPaths(configFromEnvironment()).tthc),
    ]);
    expect(checkProcedureQuestions(fresh2, catalog)).toEqual([]);
    expect(fresh2.length).toBeGreaterThanOrEqual(20);
    const otherCodes = new Set([...dev, ...fresh].flatMap((q) => q.gold_codes));
    const otherIds = new Set([...dev, ...fresh].map((q) => q.qid));
    for (const q of fresh2) {
      expect(otherIds.has(q.qid), q.qid).toBe(false);
      expect(q.gold_codes.filter((c) => otherCodes.has(c)), q.qid).toEqual([]);
    }
    expect(fresh2.filter((q) => /^[\x20-\x7e]+$/.test(q.text)).length).toBeGreaterThanOrEqual(4);
    expect(fresh2.filter((q) => q.follow_up_of).length).toBeGreaterThanOrEqual(4);
  });
});

describe('the third held-out procedure questions (procedure-fresh3.jsonl)', () => {
  it('match the catalog, ask about no procedure of another procedure or trap set, and mix follow-ups and unaccented typing', async () => {
    const [fresh3, fresh2, fresh, dev, catalog, ...traps] = await Promise.all([
      loadProcedureQuestions(PROCEDURE_FRESH3_PATH), loadProcedureQuestions(PROCEDURE_FRESH2_PATH), loadProcedureQuestions(PROCEDURE_FRESH_PATH),
      loadProcedureQuestions(), loadCatalogFields(datasetPaths(configFromEnvironment()).tthc),
      ...TRAP_PATHS.map((path) => loadCitizenTraps(path)),
    ]);
    expect(checkProcedureQuestions(fresh3, catalog)).toEqual([]);
    expect(fresh3.length).toBeGreaterThanOrEqual(30);
    const otherCodes = new Set([...[...dev, ...fresh, ...fresh2].flatMap((q) => q.gold_codes), ...traps.flat().flatMap((t) => t.goldProcedure ?? [])]);
    const otherIds = new Set([...dev, ...fresh, ...fresh2].map((q) => q.qid));
    for (const q of fresh3) {
      expect(otherIds.has(q.qid), q.qid).toBe(false);
      expect(q.gold_codes.filter((c) => otherCodes.has(c)), q.qid).toEqual([]);
    }
    expect(fresh3.filter((q) => /^[\x20-\x7e]+$/.test(q.text)).length).toBeGreaterThanOrEqual(5);
    expect(fresh3.filter((q) => q.follow_up_of).length).toBeGreaterThanOrEqual(7);
    expect(new Set(fresh3.map((q) => q.intent)).size).toBeGreaterThanOrEqual(5);
  });
});

describe('the fourth held-out procedure questions (procedure-fresh4.jsonl)', () => {
  it('match the catalog, ask about no procedure of another procedure or trap set, and mix follow-ups and unaccented typing', async () => {
    const [fresh4, fresh3, fresh2, fresh, dev, catalog, ...traps] = await Promise.all([
      loadProcedureQuestions(PROCEDURE_FRESH4_PATH), loadProcedureQuestions(PROCEDURE_FRESH3_PATH), loadProcedureQuestions(PROCEDURE_FRESH2_PATH),
      loadProcedureQuestions(PROCEDURE_FRESH_PATH), loadProcedureQuestions(), loadCatalogFields(datasetPaths(configFromEnvironment()).tthc),
      ...TRAP_PATHS.map((path) => loadCitizenTraps(path)),
    ]);
    expect(checkProcedureQuestions(fresh4, catalog)).toEqual([]);
    expect(fresh4.length).toBeGreaterThanOrEqual(15);
    const otherCodes = new Set([...[...dev, ...fresh, ...fresh2, ...fresh3].flatMap((q) => q.gold_codes), ...traps.flat().flatMap((t) => t.goldProcedure ?? [])]);
    const otherIds = new Set([...dev, ...fresh, ...fresh2, ...fresh3].map((q) => q.qid));
    for (const q of fresh4) {
      expect(otherIds.has(q.qid), q.qid).toBe(false);
      expect(q.gold_codes.filter((c) => otherCodes.has(c)), q.qid).toEqual([]);
    }
    expect(fresh4.filter((q) => /^[\x20-\x7e]+$/.test(q.text)).length).toBeGreaterThanOrEqual(3);
    expect(fresh4.filter((q) => q.follow_up_of).length).toBeGreaterThanOrEqual(5);
    expect(new Set(fresh4.map((q) => q.intent)).size).toBeGreaterThanOrEqual(5);
  });
});
