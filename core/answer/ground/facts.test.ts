import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFacts, unsupportedFacts } from './facts.ts';

describe('extractFacts', () => {
  it('normalises money written with dots, commas, spaces, đ, VNĐ and scale words', () => {
    expect(extractFacts('Lệ phí 20.000 đồng.')).toEqual(['20000 đồng']);
    expect(extractFacts('Lệ phí 20,000 VNĐ.')).toEqual(['20000 đồng']);
    expect(extractFacts('Phí 50.000đ/hồ sơ.')).toEqual(['50000 đồng']);
    expect(extractFacts('Mức thu 1,5 triệu đồng.')).toEqual(['1500000 đồng']);
    expect(extractFacts('Mức thu 2 100 000 đồng.')).toEqual(['2100000 đồng']);
    expect(extractFacts('Mức thu 20.000 (hai mươi nghìn) đồng.')).toEqual(['20000 đồng']);
    expect(extractFacts('Phí 100000 vnd')).toEqual(['100000 đồng']);
    expect(extractFacts('Mức phạt 0,5 tỷ đồng')).toEqual(['500000000 đồng']);
  });

  it('does not take "đồng chí" or "đồng thời" for money', () => {
    expect(extractFacts('Tổ công tác gồm 15 đồng chí, đồng thời 12 đồng ý.')).toEqual(['15', '12']);
    expect(extractFacts('Mời 12 đ/c dự họp.')).toEqual(['12']);
  });

  it('normalises durations, dropping leading zeros and keeping "làm việc"', () => {
    expect(extractFacts('Giải quyết trong 7 ngày làm việc; bổ sung trong 03 ngày; niêm yết 15 ngày; hiệu lực 2 tháng.')).toEqual([
      '7 ngày làm việc', '3 ngày', '15 ngày', '2 tháng',
    ]);
    expect(extractFacts('Trong thời hạn 07 (bảy) ngày  làm việc.')).toEqual(['7 ngày làm việc']);
  });

  it('normalises numeric and worded dates to DD/MM/YYYY', () => {
    expect(extractFacts('ngày 04/6/2021')).toEqual(['04/06/2021']);
    expect(extractFacts('ngày 4.6.2021')).toEqual(['04/06/2021']);
    expect(extractFacts('Quảng Ngãi, ngày 04 tháng 6 năm 2026')).toEqual(['04/06/2026']);
    expect(extractFacts('Ngày 4 tháng 06 năm 2026')).toEqual(['04/06/2026']);
  });

  it('reads a month with its year and a day with its month as dates, not durations', () => {
    expect(extractFacts('từ tháng 6/2021 đến tháng 12 năm 2025')).toEqual(['06/2021', '12/2025']);
    expect(extractFacts('trước ngày 15 tháng 6')).toEqual(['15/06']);
    expect(extractFacts('trong quý 4 năm 2026')).toEqual(['2026']);
  });

  it('normalises percentages with a decimal point', () => {
    expect(extractFacts('giảm 50%, còn 1,5 % và 12 phần trăm')).toEqual(['50%', '1.5%', '12%']);
  });

  it('keeps document numbers whole instead of splitting their digits', () => {
    expect(extractFacts('Kế hoạch số 83/KH-UBND ngày 04/6/2021')).toEqual(['83/KH-UBND', '04/06/2021']);
    expect(extractFacts('Nghị quyết 14/2021/NQ-HĐND, Luật số 02/2011/QH13, Nghị quyết 57-NQ/TW')).toEqual([
      '14/2021/NQ-HĐND', '02/2011/QH13', '57-NQ/TW',
    ]);
  });

  it('keeps bare numbers of two digits or more and skips single digits', () => {
    expect(extractFacts('Năm 2026 tiếp nhận 1.250 hồ sơ theo Điều 5 khoản 2, Điều 15.')).toEqual(['2026', '1250', '15']);
    expect(extractFacts('1,5 triệu người')).toEqual(['1500000']);
  });

  it('ignores citation markers', () => {
    expect(extractFacts('Lệ phí 20.000 đồng [12]. Xem thêm [1, 23] và [4;56].')).toEqual(['20000 đồng']);
  });

  it('lists each fact once, in order of appearance', () => {
    expect(extractFacts('15 ngày, 20.000 đồng, 20,000 VNĐ, 15 ngày')).toEqual(['15 ngày', '20000 đồng']);
  });

  it('finds nothing in text without numbers', () => {
    expect(extractFacts('Nộp hồ sơ tại Bộ phận Một cửa.')).toEqual([]);
  });
});

describe('unsupportedFacts', () => {
  const source = 'Lệ phí: 20.000 đồng/hồ sơ. Thời hạn giải quyết: 07 ngày làm việc. '
    + 'Căn cứ Kế hoạch số 83/KH-UBND ngày 04/6/2021; tỷ lệ hồ sơ trực tuyến đạt 80%.';

  it('reports an invented fee', () => {
    expect(unsupportedFacts('Lệ phí là 999.000 đồng [1].', [source])).toEqual(['999000 đồng']);
  });

  it('accepts the same facts written differently', () => {
    const answer = 'Lệ phí là 20,000 VNĐ [1]; giải quyết trong 7 ngày làm việc [1] theo Kế hoạch 83/KH-UBND '
      + 'ngày 04 tháng 6 năm 2021 [1], tỷ lệ 80 % [1].';
    expect(unsupportedFacts(answer, [source])).toEqual([]);
  });

  it('accepts a shortened duration but not an added "làm việc"', () => {
    expect(unsupportedFacts('Trong 7 ngày.', [source])).toEqual([]);
    expect(unsupportedFacts('Trong 15 ngày làm việc.', ['Niêm yết 15 ngày.'])).toEqual(['15 ngày làm việc']);
  });

  it('accepts a month or a year taken from a full date in the source', () => {
    expect(unsupportedFacts('Ban hành tháng 6/2021, năm 2021.', [source])).toEqual([]);
    expect(unsupportedFacts('Ban hành tháng 7/2021.', [source])).toEqual(['07/2021']);
  });

  it('accepts an amount whose unit the source leaves out', () => {
    expect(unsupportedFacts('Phí là 50.000 đồng.', ['Phí thẩm định: 50.000'])).toEqual([]);
  });

  it('reports a wrong date, percentage, duration and document number', () => {
    const answer = 'Ngày 05/6/2021, tỷ lệ 85%, trong 10 ngày làm việc, theo Kế hoạch 84/KH-UBND.';
    expect(unsupportedFacts(answer, [source])).toEqual(['05/06/2021', '85%', '10 ngày làm việc', '84/KH-UBND']);
  });

  it('checks against all the sources given', () => {
    expect(unsupportedFacts('Phí 20.000 đồng, hạn 15 ngày.', ['Phí 20.000 đồng.', 'Hạn 15 ngày.'])).toEqual([]);
    expect(unsupportedFacts('Phí 20.000 đồng.', [])).toEqual(['20000 đồng']);
  });

  it('does not confuse a bare number with money of a different scale', () => {
    expect(unsupportedFacts('Lệ phí 20 đồng.', ['Lệ phí 20.000 đồng.'])).toEqual(['20 đồng']);
  });

  it('never counts citation markers as facts', () => {
    expect(unsupportedFacts('Nộp tại Bộ phận Một cửa [12].', ['Nộp tại Bộ phận Một cửa.'])).toEqual([]);
  });
});

describe('properties', () => {
  const pieces = ['20.000', '1,5', '07', '2026', '04/6/2021', '83/KH-UBND', ' đồng', 'đ', ' VNĐ', ' triệu', ' ngày', ' làm việc',
    ' tháng ', ' năm ', 'ngày ', '%', ' [1]', '. ', ', ', 'Lệ phí ', 'đ/c', '\n', '(bảy)', ' '];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((xs) => xs.join(''));

  it('finds every answer supported by itself, without throwing', () => {
    fc.assert(fc.property(text, (t) => unsupportedFacts(t, [t]).length === 0));
  });

  it('finds the same money whichever thousands separator is used', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 999_999_999 }), (n) => {
      const dots = n.toLocaleString('de-DE');
      const commas = n.toLocaleString('en-US');
      return extractFacts(`${dots} đồng`)[0] === `${n} đồng` && unsupportedFacts(`${commas} VNĐ`, [`${dots}đ`]).length === 0;
    }));
  });
});
