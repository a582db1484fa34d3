import { describe, expect, it } from 'vitest';
import { procedureFacts, type FeeEntry, type ProcedureFacts } from './procedure-facts.ts';
import { recoverUnit } from './procedure-times.ts';
import { readProcedures } from './testing/fixtures.ts';

const byCode = new Map(readProcedures().map((r) => [String(r.ma_thu_tuc), r]));
const facts = (code: string): ProcedureFacts => {
  const r = byCode.get(code);
  if (!r) throw new Error(`no record ${code}`);
  return procedureFacts(r);
};
const brief = (e: FeeEntry) => ({
  amount: e.amount, percent: e.percent, from: e.validFrom, to: e.validTo, channels: [...e.channels].sort(), free: e.free, hdnd: e.decidedBy, condition: e.condition,
});

describe('fees parsed from the catalogue', () => {
  it('finds the real amount behind "Miễn phí(…)" and dates the online rate (3.000347)', () => {
    const f = facts('3.000347');
    expect(f.fees.channels.map((c) => [c.channel, c.cell, c.free])).toEqual([['Trực tuyến', 'free', false], ['Trực tiếp', 'free', false]]);
    expect(f.fees.entries.map(brief)).toEqual([
      { amount: 135000, channels: ['Trực tiếp', 'Trực tuyến'], condition: 'Lệ phí cấp giấy phép lái xe' },
      expect.objectContaining({ amount: 115000, from: '2023-12-01', to: '2025-12-31', channels: ['Trực tuyến'] }),
    ]);
    expect(f.fees.entries[0]).toMatchObject({ kind: 'lệ phí', currency: 'VND', unit: 'đồng/lần', amountText: '135.000 đồng/lần', source: 'note' });
  });

  it('reads "bằng 50%" as a dated share of the rate and a postal cell free with its note (1.014063)', () => {
    const f = facts('1.014063');
    const shares = f.fees.entries.filter((e) => e.percent !== undefined).map(brief);
    expect(shares).toEqual([
      expect.objectContaining({ percent: 50, from: '2025-01-01', to: '2025-12-31', channels: ['Trực tuyến'] }),
      expect.objectContaining({ percent: 50, from: '2025-07-01', to: '2026-12-31', channels: ['Trực tiếp', 'Trực tuyến'] }),
    ]);
    expect(f.fees.channels.find((c) => c.channel === 'Dịch vụ bưu chính')).toMatchObject({ cell: 'free', free: true, note: 'Trả phí cho đơn vị cung cấp dịch vụ.' });
  });

  it('keeps the cell as the usual rate beside a dated lower one in its note, brackets doubled or not (1.000688)', () => {
    const entries = facts('1.000688').fees.entries.map(brief);
    expect(entries).toContainEqual(expect.objectContaining({ amount: 800000, from: undefined, to: undefined }));
    expect(entries).toContainEqual(expect.objectContaining({ amount: 400000, from: '2025-07-01', to: '2026-12-31' }));
    expect(entries.filter((e) => e.amount === 400000)).toHaveLength(1);
  });

  it('reads a dated waiver with what it waives, and the cell as the rate after it (1.000239)', () => {
    const entries = facts('1.000239').fees.entries.map(brief);
    expect(entries).toContainEqual(expect.objectContaining({ free: true, condition: 'Sát hạch thực hành', from: '2026-04-07', to: '2026-06-30', channels: ['Dịch vụ bưu chính', 'Trực tuyến'] }));
    expect(entries).toContainEqual(expect.objectContaining({ amount: 250000, channels: ['Dịch vụ bưu chính', 'Trực tuyến'] }));
  });

  it('takes the unit a note starts with for the cell (1.004413: "200,000 VNĐ(đồng/lần/người (Miễn phí từ …")', () => {
    const cell = facts('1.004413').fees.entries.find((e) => e.source === 'cell' && e.channels.includes('Trực tuyến'));
    expect(cell).toMatchObject({ amount: 200000, unit: 'đồng/lần/người' });
  });

  it('prefers the note where the cell dropped its thousands (1.001200: "40 Việt Nam Đồng(40.000đ/…")', () => {
    const f = facts('1.001200');
    expect(f.fees.entries.filter((e) => e.source === 'cell')).toEqual([]);
    expect(f.fees.entries.map(brief)).toEqual([
      expect.objectContaining({ amount: 40000, to: '2024-12-31', channels: ['Trực tuyến'] }),
      expect.objectContaining({ amount: 50000, to: undefined, channels: ['Trực tiếp'] }),
    ]);
    expect(f.fees.channels.every((c) => c.cellUnreliable)).toBe(true);
  });

  it('trusts the note\'s USD over a cell that says "155 VNĐ" (1.003358)', () => {
    const f = facts('1.003358');
    expect(f.fees.entries.every((e) => e.currency === 'USD')).toBe(true);
    expect(f.fees.entries.map((e) => e.amount)).toEqual([145, 155, 165]);
  });

  it('keeps malformed amounts as written and reads the typo waivers "Miễ phí" and "Miễnphí" (1.004414, 1.002897)', () => {
    const bad = facts('1.004414').fees.entries.filter((e) => e.amountText?.startsWith('10.000.0000'));
    expect(bad.map((e) => [e.amount, e.condition])).toEqual([[undefined, 'Cấp lần đầu']]);
    const waivers = facts('1.002897').fees.entries.filter((e) => e.free);
    expect(new Set(waivers.flatMap((e) => e.channels))).toEqual(new Set(['Trực tuyến', 'Dịch vụ bưu chính', 'Trực tiếp']));
    expect(waivers.every((e) => e.validTo === '2026-06-30')).toBe(true);
  });

  it('says the HĐND sets the fee, from a note or from the row description (1.001612, 1.011441), with the exemptions (1.000656)', () => {
    expect(facts('1.001612').fees.entries.filter((e) => e.decidedBy === 'HĐND tỉnh')).toHaveLength(1);
    expect(facts('1.011441').fees.entries.find((e) => e.decidedBy)).toMatchObject({ source: 'description' });
    const hdnd = facts('1.000656').fees;
    expect(hdnd.channels.every((c) => !c.free)).toBe(true);
    expect(hdnd.entries.find((e) => e.free)?.condition).toMatch(/^Miễn lệ phí đối với trường hợp đăng ký khai tử đúng hạn/u);
    expect(hdnd.entries.find((e) => e.onRequest)).toMatchObject({ kind: 'phí', regulation: '281/2016/TT-BTC' });
  });

  it('is free only where no amount applies: "Miễn phí(Chưa quy định.)" is not free (1.000757), a bare "Miễn phí" is (1.001193)', () => {
    expect(facts('1.000757').fees.channels.find((c) => c.channel === 'Trực tuyến')).toMatchObject({ cell: 'free', free: false, note: 'Chưa quy định.' });
    expect(facts('1.001193').fees.channels.every((c) => c.free)).toBe(true);
  });
});

describe('times parsed from the catalogue', () => {
  it('keeps the unit of the cell, hours included (2.001159), per channel (1.012812)', () => {
    expect(facts('2.001159').times.map((t) => [t.channel, t.value, t.unit])).toEqual([['Trực tuyến', 1, 'giờ'], ['Trực tiếp', 1, 'giờ']]);
    expect(facts('1.012812').times.map((t) => [t.channel, t.value, t.unit])).toEqual([['Dịch vụ bưu chính', 30, 'ngày'], ['Trực tiếp', 40, 'ngày']]);
  });

  it('recovers the unit of a bare number from the steps, with the sentence (1.004359: "5" → 05 ngày làm việc)', () => {
    const [t] = facts('1.004359').times;
    expect(t).toMatchObject({ value: 5, unit: 'ngày làm việc', unitFrom: 'text', text: '5' });
    expect(t?.evidence).toContain('trong thời hạn 05 ngày làm việc kể từ ngày hồ sơ được tiếp nhận');
  });

  it('invents no unit where the record gives none, and keeps the steps\' sentence on the result (1.001193)', () => {
    const [t] = facts('1.001193').times;
    expect(t?.unit).toBeUndefined();
    expect(t?.value).toBe(1);
    expect(t?.evidence).toMatch(/sau 15 giờ .*ngày làm việc tiếp theo/u);
  });

  it('takes no unit from a date: "ngày 01 tháng 10" (1.014316) and "ngày 01 tháng 7 năm 2025" (1.007902) are not "1 tháng"', () => {
    for (const code of ['1.014316', '1.007902']) {
      for (const t of facts(code).times) {
        expect(t.value, code).toBe(1);
        expect(t.unit, code).toBeUndefined();
      }
    }
    expect(recoverUnit(1, ['báo cáo chậm nhất ngày 01 tháng 10 hằng năm'])).toBeUndefined();
    expect(recoverUnit(3, ['nộp trước tháng 3 năm 2026'])).toBeUndefined();
    expect(recoverUnit(1, ['trả kết quả trong thời hạn 01 tháng kể từ ngày nhận hồ sơ'])).toMatchObject({ unit: 'tháng' });
  });

  it('splits a time glued to the fee where the note shows the fee (1.007857: "220 VNĐ(lệ phí hải quan 20.000 đồng …")', () => {
    expect(facts('1.007857').times.find((t) => t.channel === 'Trực tuyến')).toMatchObject({ value: 2, glued: true });
  });
});

describe('place parsed from the catalogue', () => {
  it('gives the level and the bodies the steps name when no cơ quan is given (1.001193), and the portal page', () => {
    const p = facts('1.001193').place;
    expect(p.office).toBeUndefined();
    expect(p.levels).toEqual(['cấp xã']);
    expect(p.stepOffices).toContain('Ủy ban nhân dân cấp xã');
    expect(p.channels).toEqual(['Trực tuyến', 'Dịch vụ bưu chính', 'Trực tiếp']);
    expect(p.portalUrl).toMatch(/^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//u);
  });

  it('reads a Sở by its name in the steps (1.002626: "Sở Tư pháp nơi người đó muốn hành nghề")', () => {
    const p = facts('1.002626').place;
    expect(p.levels).toEqual(['cấp tỉnh']);
    expect(p.stepOffices).toContain('Sở Tư pháp');
  });

  it('keeps every level of "Cấp bộ, Cấp tỉnh, Cấp xã" and the catalogue\'s cơ quan', () => {
    const p = facts('3.000347').place;
    expect(p.levels).toEqual(['cấp bộ']);
    expect(p.office).toBe('Cục cảnh sát giao thông, Công an tỉnh, Công an cấp Xã');
  });
});

describe('procedureFacts across the whole catalogue', () => {
  it('never throws, and every record whose channel table has rows gets a fee and time per row', () => {
    for (const r of readProcedures()) {
      const f = procedureFacts(r);
      expect(f.fees.channels.length).toBe(f.times.length);
      for (const e of f.fees.entries) {
        expect(e.channels.length).toBeGreaterThan(0);
        if (e.validFrom && e.validTo) expect(e.validFrom <= e.validTo).toBe(true);
      }
    }
  });
});
