import { describe, expect, it } from 'vitest';
import { configFromEnvironment } from '../../config/environment.ts';
import { datasetPaths } from '../../config/paths.ts';
import {
  checkInforcePairs, checkReplacementClauses, checkReplacementDatasets, datesIn, readPairDoc, statedEffectiveDate,
  type AlqacRecords,
} from './check-replacement-clauses.ts';
import { loadInforcePairs, type ReplacementClause } from './replacement-clauses.ts';
import { scoreRelations } from './score-relations.ts';

const corpus: AlqacRecords = new Map([
  ['Luật Thanh niên#41', {
    lawId: 'Luật Thanh niên',
    text: 'Hiệu lực thi hành\n\n1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.\n\n2. Luật Thanh niên số 53/2005/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.\n\nLuật này được Quốc hội thông qua ngày 16 tháng 6 năm 2020.',
  }],
]);

const written: ReplacementClause = {
  id: 'rc-001',
  source: 'written',
  text: 'Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1287/QĐ-UBND ngày 12/8/2020 của UBND tỉnh; bãi bỏ khoản 2 Điều 3 của Quyết định số 15/2021/QĐ-UBND.',
  issuedDate: '2026-10-20',
  effectiveDate: '2026-10-20',
  relations: [
    { type: 'replaces', target: { docType: 'quyết định', number: '1287/QĐ-UBND', year: 2020, date: '2020-08-12', issuer: 'UBND tỉnh' }, parts: [], from: '2026-10-20' },
    { type: 'repeals', target: { docType: 'quyết định', number: '15/2021/QĐ-UBND', year: 2021, date: null, issuer: null }, parts: ['khoản 2 Điều 3'], from: null },
  ],
  note: '',
};

const alqac: ReplacementClause = {
  id: 'rc-002',
  source: 'alqac',
  alqacId: 'Luật Thanh niên#41',
  text: '2. Luật Thanh niên số 53/2005/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.',
  issuedDate: '2020-06-16',
  effectiveDate: null,
  relations: [{ type: 'expires', target: { docType: 'luật', number: '53/2005/QH11', year: 2005, date: null, issuer: null }, parts: [], from: null }],
  note: '',
};

describe('datesIn', () => {
  it('reads worded and numeric dates and skips impossible ones', () => {
    expect([...datesIn('ngày 05 tháng 3 năm 2020, ngày 7/8/2024 và 31/4/2025')]).toEqual(['2020-03-05', '2024-08-07']);
  });
});

describe('statedEffectiveDate', () => {
  it('reads the own-document effective clause, worded, numeric or "kể từ ngày ký"', () => {
    expect(statedEffectiveDate('Quyết định này có hiệu lực thi hành kể từ ngày 10 tháng 11 năm 2026.', '2026-10-28')).toBe('2026-11-10');
    expect(statedEffectiveDate('Nghị quyết này có hiệu lực từ ngày 25/11/2026.', undefined)).toBe('2026-11-25');
    expect(statedEffectiveDate('Quyết định này có hiệu lực kể từ ngày ký và thay thế …', '2026-10-20')).toBe('2026-10-20');
    expect(statedEffectiveDate('Nghị quyết số 15/2021/NQ-HĐND hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.', '2026-11-13')).toBeUndefined();
  });
});

describe('checkReplacementClauses', () => {
  it('accepts sound written and ALQAC passages', () => {
    expect(checkReplacementClauses([written, alqac], corpus)).toEqual([]);
  });

  it('reports numbers, years, dates and parts the text does not bear out', () => {
    const [replaces, repeals] = written.relations;
    const bad: ReplacementClause = {
      ...written,
      relations: [
        { ...replaces!, target: { ...replaces!.target, number: '1288/QĐ-UBND', year: 2021 }, from: '2026-01-01' },
        { ...repeals!, target: { ...repeals!.target, year: null, date: '2021-05-05' }, parts: ['khoản 4 Điều 3', 'Chương II'] },
      ],
    };
    expect(checkReplacementClauses([bad], corpus)).toEqual([
      'rc-001 relation 0: target number 1288/QĐ-UBND is not in the text',
      'rc-001 relation 0: year 2021 should be 2020 (from the number, else the date)',
      'rc-001 relation 0: from 2026-01-01 is neither written in the text nor the issue or effective date',
      'rc-001 relation 1: target date 2021-05-05 is not written in the text',
      'rc-001 relation 1: year null should be 2021 (from the number, else the date)',
      'rc-001 relation 1: part "khoản 4 Điều 3": khoản 4 is not in the text',
      'rc-001 relation 1: part "Chương II" is neither an article unit nor an annex unit',
    ]);
  });

  it('reports duplicate ids, schema errors, negatives without a note, and ALQAC text that is not verbatim', () => {
    const problems = checkReplacementClauses([
      written,
      { ...written, text: `${written.text} `, relations: [], note: ' ' },
      { ...alqac, text: alqac.text.replace('hết hiệu lực', 'hết hiệu lực thi hành') },
      { ...alqac, id: 'rc-003', alqacId: 'Luật Thanh niên#99' },
      { ...written, id: 'rc-4', relations: [{ ...written.relations[0]!, type: 'supersedes' }] },
    ], corpus);
    expect(problems).toEqual([
      'rc-001: duplicate id',
      'rc-001: a negative needs a note saying why',
      'rc-002: text is not verbatim in Luật Thanh niên#41',
      'rc-003: alqacId "Luật Thanh niên#99" is not in the corpus',
      expect.stringMatching(/^rc-4: id: /u),
      expect.stringMatching(/^rc-4: relations\.0\.type: /u),
    ]);
  });

  it('checks an ALQAC issue date against the day the law was passed', () => {
    expect(checkReplacementClauses([{ ...alqac, issuedDate: '2020-06-17' }], corpus)).toEqual([
      'rc-002: issuedDate 2020-06-17 is not the day Luật Thanh niên was passed (2020-06-16)',
    ]);
  });
});

describe('checkInforcePairs', () => {
  it('reports a missing file, a fact not in its document and an in-force flag that contradicts the dates', async () => {
    const [first] = await loadInforcePairs();
    const pair = first as Record<string, unknown>;
    const problems = checkInforcePairs([
      { ...pair, new: 'missing.txt' },
      { ...pair, id: 'ip-98', answerNew: ['7 ngày làm việc'] },
      { ...pair, id: 'ip-99', inForceAsOf: 'old' },
    ], (f) => readPairDoc(f));
    expect(problems).toEqual([
      'ip-01: missing.txt is missing',
      'ip-98: answerNew "7 ngày làm việc" is not in qd-2318-2026-gpxd-thoi-han.txt',
      'ip-99: inForceAsOf "old" disagrees with qd-2318-2026-gpxd-thoi-han.txt in effect from 2026-10-20',
    ]);
  });

  it('reports a newer document that does not name the older one with its relation', async () => {
    const [first] = await loadInforcePairs();
    expect(checkInforcePairs([{ ...(first as object), relation: 'repeals' }], (f) => readPairDoc(f))).toEqual([
      'ip-01: no line of qd-2318-2026-gpxd-thoi-han.txt names 1024/QĐ-UBND with wording for "repeals"',
    ]);
  });
});

describe('scoreRelations', () => {
  it('matches on type and number, counts negatives, and measures fields on matches only', () => {
    const score = scoreRelations([
      { gold: written.relations, predicted: [
        { type: 'replaces', target: { number: '1287 /QĐ-UBND', year: 2020, date: '2020-08-12' }, parts: [], from: '2026-10-20' },
        { type: 'amends', target: { number: '15/2021/QĐ-UBND' } },
      ] },
      { gold: [], predicted: [{ type: 'repeals', target: { number: '45/2019/QĐ-UBND' } }] },
      { gold: alqac.relations, predicted: [{ type: 'expires', target: { number: '53/2005/QH11', year: 2005, date: null }, parts: [], from: '2021-01-01' }] },
    ]);
    expect(score).toMatchObject({ truePositives: 2, falsePositives: 2, falseNegatives: 1, precision: 0.5, recall: 2 / 3 });
    expect(score.agreement).toEqual({ year: 1, date: 1, parts: 1, from: 0.5 });
  });
});

describe('the replacement-clause set and the in-force pairs', () => {
  const checked = checkReplacementDatasets(datasetPaths(configFromEnvironment()).alqacCorpus);

  it('pass every check', async () => {
    const { problems } = await checked;
    expect(problems).toEqual([]);
  });

  it('have the agreed size and mix', async () => {
    const { counts, pairs } = await checked;
    expect(counts.total).toBeGreaterThanOrEqual(70);
    expect(counts.writtenPositive).toBeGreaterThanOrEqual(40);
    expect(counts.writtenNegative).toBeGreaterThanOrEqual(12);
    expect(counts.alqacPositive).toBeGreaterThanOrEqual(15);
    for (const n of Object.values(counts.relations)) expect(n).toBeGreaterThanOrEqual(10);
    expect(counts.numbersWithYear).toBeGreaterThanOrEqual(10);
    expect(counts.numbersWithoutYear).toBeGreaterThanOrEqual(10);
    expect(pairs).toBeGreaterThanOrEqual(4);
  });
});
