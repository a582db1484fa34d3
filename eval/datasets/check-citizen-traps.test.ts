import { describe, expect, it } from 'vitest';
import type { CatalogRecord } from './catalog-records.ts';
import { MIN_PER_KIND, checkCitizenTrapSet, checkCitizenTraps, checkMix, countByKind, goldTexts } from './check-citizen-traps.ts';
import { FRESH2_CITIZEN_TRAPS_PATH, FRESH3_CITIZEN_TRAPS_PATH, FRESH4_CITIZEN_TRAPS_PATH, FRESH_CITIZEN_TRAPS_PATH, TRAP_KINDS, loadCitizenTraps, type CitizenTrap } from './citizen-traps.ts';

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

/** Two catalog records with verbatim catalog text: a driving-licence fee behind "Miễn phí(…)", and a hộ tịch fee set by the HĐND with no cơ quan. */
const CATALOG: CatalogRecord[] = [
  {
    ma_thu_tuc: '3.000347', ten_thu_tuc: 'Đổi giấy phép lái xe', cap_thuc_hien: 'Cấp bộ', co_quan_thuc_hien: 'Cục cảnh sát giao thông', thanh_phan_ho_so: '',
    cach_thuc_thuc_hien: `${HEADER}Trực tuyến5 Ngày làm việcMiễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.  - Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.)`,
  },
  {
    ma_thu_tuc: '1.004873', ten_thu_tuc: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', cap_thuc_hien: 'Cấp xã', co_quan_thuc_hien: 'Không có thông tin', thanh_phan_ho_so: '',
    cach_thuc_thuc_hien: `${HEADER}Trực tuyến3Miễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định.)`,
  },
];
const GOLD = goldTexts(CATALOG);

const base: CitizenTrap = {
  id: 'trap-001', kind: 'fee_hidden_amount', question: 'Đổi bằng lái xe hết bao nhiêu tiền?', asOf: '2026-12-07',
  goldProcedure: '3.000347', facts: ['135.000'], anyOf: [], forbidden: ['miễn phí'], expect: 'answer', note: 'cach_thuc_thuc_hien: "Miễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần. …)"',
};

describe('checkCitizenTraps', () => {
  it('accepts sound questions of every shape', () => {
    const traps: CitizenTrap[] = [
      base,
      { ...base, id: 'trap-002', kind: 'fee_expired_reduction', facts: ['135.000', '31/12/2025'], forbidden: [] },
      { ...base, id: 'trap-003', kind: 'fee_running_reduction', asOf: '2025-06-01', facts: ['115.000', '31/12/2025'], forbidden: [] },
      { ...base, id: 'trap-004', kind: 'fee_hdnd', goldProcedure: '1.004873', facts: [], anyOf: [['Hội đồng nhân dân', 'HĐND']], note: 'HĐND abbreviates Hội đồng nhân dân' },
      { ...base, id: 'trap-005', kind: 'place_level_only', goldProcedure: '1.004873', facts: ['cấp xã'], forbidden: [] },
      { ...base, id: 'trap-006', kind: 'personal_data', expect: 'personal_data', goldProcedure: null, question: 'CCCD 0010 9900 1234, tra giúp hồ sơ', facts: ['tra cứu'], forbidden: ['0010 9900 1234', '001099001234'] },
      { ...base, id: 'trap-007', kind: 'out_of_scope', expect: 'out_of_scope', goldProcedure: null, question: 'giá vàng hôm nay', facts: [], forbidden: ['một cửa'] },
    ];
    expect(checkCitizenTraps(traps, GOLD)).toEqual([]);
  });

  it('reports repeated ids, unknown gold codes, facts not in the record and a wrong expect', () => {
    expect(checkCitizenTraps([
      base,
      { ...base, goldProcedure: '9.999999' },
      { ...base, id: 'trap-003', facts: ['115.000 đồng/tháng', '125.000'] },
      { ...base, id: 'trap-004', expect: 'out_of_scope' },
    ], GOLD)).toEqual([
      'trap-001: id missing, malformed or repeated',
      'trap-001: gold procedure 9.999999 is not in the catalog',
      'trap-003: fact "115.000 đồng/tháng" is not verbatim in 3.000347',
      'trap-003: fact "125.000" is not verbatim in 3.000347',
      'trap-004: expect "out_of_scope" does not fit kind fee_hidden_amount',
    ]);
  });

  it('finds a number only as a whole number and keeps diacritics', () => {
    const problems = checkCitizenTraps([{ ...base, facts: ['35.000', 'mien phi'] }], GOLD);
    expect(problems).toEqual([
      'trap-001: fact "35.000" is not verbatim in 3.000347',
      'trap-001: fact "mien phi" is not verbatim in 3.000347',
    ]);
  });

  it('reports a gold record that lacks the trap its kind names, and a dated fact on the wrong side of asOf', () => {
    expect(checkCitizenTraps([
      { ...base, kind: 'fee_hdnd', forbidden: [] },
      { ...base, id: 'trap-002', kind: 'place_level_only', forbidden: [] },
      { ...base, id: 'trap-003', kind: 'fee_running_reduction', facts: ['135.000', '31/12/2025'], forbidden: [] },
    ], GOLD)).toEqual([
      'trap-001: 3.000347 does not fit fee_hdnd: no fee set by the HĐND',
      'trap-002: 3.000347 does not fit place_level_only: the record names a cơ quan thực hiện',
      'trap-003: 3.000347 does not fit fee_running_reduction: no dated fee still running on 2026-12-07 named in facts or anyOf',
    ]);
  });

  it('reports a forbidden string inside a wanted one, an unexplained derived value and untyped personal data', () => {
    expect(checkCitizenTraps([
      { ...base, facts: ['Miễn phí'], forbidden: ['miễn phí'] },
      { ...base, id: 'trap-002', anyOf: [['135.000', '67.500']] },
      { ...base, id: 'trap-003', kind: 'personal_data', expect: 'personal_data', goldProcedure: null, question: 'tra giúp hồ sơ của tôi', facts: ['tra cứu'], forbidden: ['0912345678'] },
    ], GOLD)).toEqual([
      'trap-001: forbidden "miễn phí" is inside a wanted string',
      'trap-002: anyOf "67.500" is neither in the record nor explained in the note',
      'trap-003: forbidden "0912345678" is not typed in the question',
    ]);
  });

  it('asks for at least the agreed number of each kind', () => {
    expect(checkMix([base])).toContain(`kind fee_hdnd: 0 questions, fewer than ${MIN_PER_KIND}`);
  });
});

/** A held-out set shares no id, question or gold procedure with `others`. */
function expectNothingShared(traps: CitizenTrap[], others: CitizenTrap[]): void {
  const ids = new Set(others.map((t) => t.id));
  const questions = new Set(others.map((t) => t.question));
  const golds = new Set(others.map((t) => t.goldProcedure).filter((g) => g !== null));
  for (const t of traps) {
    expect(ids.has(t.id), t.id).toBe(false);
    expect(questions.has(t.question), t.id).toBe(false);
    if (t.goldProcedure !== null) expect(golds.has(t.goldProcedure), t.id).toBe(false);
  }
}

describe('the citizens\' trap set', () => {
  it('is sound against the national catalog, with every kind and enough questions', async () => {
    const { traps, problems } = await checkCitizenTrapSet();
    expect(problems).toEqual([]);
    const counts = countByKind(traps);
    for (const kind of TRAP_KINDS) expect(counts[kind]).toBeGreaterThanOrEqual(MIN_PER_KIND);
    // Typed without diacritics, as many citizens do.
    expect(traps.filter((t) => /^[\x20-\x7e]+$/u.test(t.question)).length).toBeGreaterThanOrEqual(15);
    // The same procedure asked before and after a reduction ends.
    const dated = traps.filter((t) => t.kind === 'fee_expired_reduction' || t.kind === 'fee_running_reduction');
    const bothSides = new Set(dated.filter((t) => dated.some((u) => u.goldProcedure === t.goldProcedure && u.kind !== t.kind)).map((t) => t.goldProcedure));
    expect(bothSides.size).toBeGreaterThanOrEqual(5);
  });

  it('has a fresh set, sound against the catalog, every kind in it, no question or gold procedure shared with the development set', async () => {
    const { traps, problems } = await checkCitizenTrapSet(FRESH_CITIZEN_TRAPS_PATH);
    expect(problems).toEqual([]);
    expect(traps.length).toBeGreaterThanOrEqual(20);
    const counts = countByKind(traps);
    for (const kind of TRAP_KINDS) expect(counts[kind], kind).toBeGreaterThanOrEqual(1);
    expectNothingShared(traps, await loadCitizenTraps());
  });

  it('has a second fresh set, sound against the catalog, every kind in it, no question or gold procedure shared with the other sets', async () => {
    const { traps, problems } = await checkCitizenTrapSet(FRESH2_CITIZEN_TRAPS_PATH);
    expect(problems).toEqual([]);
    expect(traps.length).toBeGreaterThanOrEqual(20);
    const counts = countByKind(traps);
    for (const kind of TRAP_KINDS) expect(counts[kind], kind).toBeGreaterThanOrEqual(1);
    expectNothingShared(traps, [...await loadCitizenTraps(), ...await loadCitizenTraps(FRESH_CITIZEN_TRAPS_PATH)]);
  });
  it('has a third fresh set, sound against the catalog, every kind and six out-of-scope questions in it, nothing shared with the other sets', async () => {
    const { traps, problems } = await checkCitizenTrapSet(FRESH3_CITIZEN_TRAPS_PATH);
    expect(problems).toEqual([]);
    expect(traps.length).toBeGreaterThanOrEqual(24);
    const counts = countByKind(traps);
    for (const kind of TRAP_KINDS) expect(counts[kind], kind).toBeGreaterThanOrEqual(1);
    expect(counts.out_of_scope).toBeGreaterThanOrEqual(6);
    // Days other than the index's today: a reduction asked after it ended, a waiver while it runs.
    expect(traps.filter((t) => t.asOf !== '2026-12-07').length).toBeGreaterThanOrEqual(2);
    expectNothingShared(traps, [
      ...await loadCitizenTraps(), ...await loadCitizenTraps(FRESH_CITIZEN_TRAPS_PATH), ...await loadCitizenTraps(FRESH2_CITIZEN_TRAPS_PATH),
    ]);
  });

  it('has a fourth fresh set, sound against the catalog, every kind, new kinds of out-of-scope questions and personal data beyond ID numbers, nothing shared with the other sets', async () => {
    const { traps, problems } = await checkCitizenTrapSet(FRESH4_CITIZEN_TRAPS_PATH);
    expect(problems).toEqual([]);
    expect(traps.length).toBeGreaterThanOrEqual(24);
    const counts = countByKind(traps);
    for (const kind of TRAP_KINDS) expect(counts[kind], kind).toBeGreaterThanOrEqual(2);
    expect(counts.out_of_scope).toBeGreaterThanOrEqual(6);
    expect(traps.filter((t) => t.asOf !== '2026-12-07').length).toBeGreaterThanOrEqual(2);
    // A phone number and a street address among the personal data, not only ID numbers.
    const typed = traps.filter((t) => t.kind === 'personal_data').flatMap((t) => t.forbidden);
    expect(typed.some((f) => /^0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}$/u.test(f))).toBe(true);
    expect(typed.some((f) => /\p{L}/u.test(f))).toBe(true);
    expectNothingShared(traps, [
      ...await loadCitizenTraps(), ...await loadCitizenTraps(FRESH_CITIZEN_TRAPS_PATH),
      ...await loadCitizenTraps(FRESH2_CITIZEN_TRAPS_PATH), ...await loadCitizenTraps(FRESH3_CITIZEN_TRAPS_PATH),
    ]);
  });
});
