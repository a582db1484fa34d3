import { describe, expect, it } from 'vitest';
import { amountValue, moneyAmounts, readClause, splitClauses, unwrap } from './fee-clauses.ts';

describe('moneyAmounts', () => {
  it('reads amounts as the catalogue writes them, with their unit', () => {
    expect(moneyAmounts('Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.').map((a) => [a.value, a.currency, a.unit, a.text]))
      .toEqual([[135000, 'VND', 'đồng/lần', '135.000 đồng/lần']]);
    expect(moneyAmounts('Lệ phí cấp mới 40.000đồng/lần').map((a) => [a.value, a.unit])).toEqual([[40000, 'đồng/lần']]);
    expect(moneyAmounts('+ 03 triệu đồng/Giấy chứng nhận.').map((a) => a.value)).toEqual([3_000_000]);
    expect(moneyAmounts('Thẻ tạm trú …: 155 USD/thẻ.').map((a) => [a.value, a.currency, a.unit])).toEqual([[155, 'USD', 'USD/thẻ']]);
    expect(moneyAmounts('200.000đ/ hộ chiếu.').map((a) => [a.value, a.unit])).toEqual([[200000, 'đồng/hộ chiếu']]);
  });

  it('stops the unit before words that date or source the amount', () => {
    const [a] = moneyAmounts('áp dụng mức phí 400.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026');
    expect(a?.unit).toBe('đồng/hồ sơ');
    expect(a?.text).toBe('400.000 đồng/hồ sơ');
  });

  it('reads a grouped amount without currency only when the cell gives one', () => {
    expect(moneyAmounts('+ 160.000/hộ chiếu, trường hợp cấp lại')).toEqual([]);
    expect(moneyAmounts('+ 160.000/hộ chiếu, trường hợp cấp lại', 'VND').map((a) => [a.value, a.unit])).toEqual([[160000, 'đồng/hộ chiếu']]);
  });

  it('keeps a malformed amount as written without a value, and never reads a date as money', () => {
    const [bad] = moneyAmounts('10.000.0000 đồng (Cấp lần đầu)');
    expect(bad?.value).toBeUndefined();
    expect(bad?.text).toBe('10.000.0000 đồng');
    expect(moneyAmounts('đến hết ngày 31/12/2025', 'VND')).toEqual([]);
    expect(amountValue('70,000')).toBe(70000);
    expect(amountValue('3000.000')).toBeUndefined();
  });
});

describe('splitClauses', () => {
  it('splits at list marks, semicolons and sentence ends, never inside brackets', () => {
    expect(splitClauses('- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần. - Trường hợp … trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.'))
      .toEqual(['Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.', 'Trường hợp … trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.']);
    expect(splitClauses('Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.')).toEqual(['Lệ phí cấp mới 40.000đồng/lần', 'lệ phí cấp lại 20.000 đồng/lần.']);
  });

  it('keeps a formula whole: "+ (" is an operator, not a list mark', () => {
    expect(splitClauses('Nộp 150.000 đồng + (số tấn thủy sản x 15.000 đồng/tấn); Tối đa 700.000 đồng/lần'))
      .toEqual(['Nộp 150.000 đồng + (số tấn thủy sản x 15.000 đồng/tấn)', 'Tối đa 700.000 đồng/lần']);
  });

  it('makes a glued-on waiver a clause of its own, and drops doubled brackets and a stray currency word', () => {
    expect(splitClauses('5.000.000 đồng/lần cấp phí: 40.000.000 đồng/lần cấp (Đối với cảng hàng không quốc tế) Miễ phí từ ngày 07/4/2026 đến 30/6/2026 theo quy định tại Thông tư 40/2026/TT-BTC').at(-1))
      .toBe('Miễ phí từ ngày 07/4/2026 đến 30/6/2026 theo quy định tại Thông tư 40/2026/TT-BTC');
    expect(unwrap('((áp dụng mức phí 400.000 đồng/hồ sơ))')).toBe('áp dụng mức phí 400.000 đồng/hồ sơ');
    expect(splitClauses('Đồng (Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định. Miễn lệ phí cho người khuyết tật.)'))
      .toEqual(['Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.', 'Miễn lệ phí cho người khuyết tật.']);
  });
});

describe('readClause', () => {
  it('dates only the amount of the bracket that dates it', () => {
    const c = readClause('Phí: 500.000 đồng/hồ sơ (áp dụng mức phí 250.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC)');
    expect(c.amounts.map((a) => [a.value, a.validFrom, a.validTo, a.regulation])).toEqual([
      [500000, undefined, undefined, undefined],
      [250000, '2025-07-01', '2026-12-31', '64/2025/TT-BTC'],
    ]);
  });

  it('dates the amounts before a bracket that holds only the dates', () => {
    const c = readClause('40.000đ/giấy thông hành (áp dụng đến hết ngày 31/12/2024 theo Thông tư số 43/2024/TT-BTC của Bộ Tài chính).');
    expect(c.amounts.map((a) => [a.value, a.validTo])).toEqual([[40000, '2024-12-31']]);
  });

  it('reads worded dates, a share of the rate and the channel it names (typos included)', () => {
    const c = readClause('Kể từ ngày 01/01/2025 đến hết ngày 31/12/2025, mức thu lệ phí khi công dân nộp hồ sơ theo hình thức trực tuyển bằng 50% mức thu lệ phí quy định');
    expect([c.percent, c.validFrom, c.validTo, c.channels, c.kind]).toEqual([50, '2025-01-01', '2025-12-31', ['Trực tuyến'], 'lệ phí']);
    const w = readClause('25.000 đồng/lần (áp dụng từ kể từ ngày 01 tháng 7 năm 2025 đến hết ngày 31 tháng 12 năm 2026)');
    expect(w.amounts[0]).toMatchObject({ value: 25000, validFrom: '2025-07-01', validTo: '2026-12-31' });
  });

  it('tells a waiver for a while from an exemption for some people, and sees the HĐND', () => {
    const waiver = readClause('Sát hạch thực hành (Miễn kể từ ngày 07/4/2026 đến 30/6/2026 theo Thông tư 40/2026/TT-BTC)');
    expect([waiver.waiver, waiver.exemption, waiver.validFrom, waiver.validTo]).toEqual([true, false, '2026-04-07', '2026-06-30']);
    expect(readClause('Miễnphí từ ngày 07/4/2026 đến 30/6/2026').waiver).toBe(true);
    const exemption = readClause('Miễn lệ phí cho người thuộc gia đình có công với cách mạng');
    expect([exemption.waiver, exemption.exemption]).toEqual([false, true]);
    expect(readClause('Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định.').hdnd).toBe(true);
    expect(readClause('kể từ ngày Hội đồng nhân dân tỉnh thông qua').hdnd).toBe(false);
  });
});
