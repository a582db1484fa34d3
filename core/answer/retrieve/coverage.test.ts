import { describe, expect, it } from 'vitest';
import { contentUnits, coverage, passageTerms } from './coverage.ts';
import { DEFAULT_MIN_COVERAGE } from '../tuning.ts';
import { analyzeQuestion } from '../understand/question.ts';

const cov = (question: string, passage: string, weight?: (t: string) => number): number =>
  coverage(contentUnits(analyzeQuestion(question), weight), passageTerms(passage));

describe('coverage (the refusal rule)', () => {
  it('ignores question words, function words, intent cues and request words', () => {
    const units = contentUnits(analyzeQuestion('Cho tôi hỏi thủ tục cấp hộ chiếu cần giấy tờ gì ạ?'));
    expect(units.map((u) => u.alternatives[0]!.join(' '))).toEqual(['cap', 'cap_ho', 'ho', 'ho_chieu', 'chieu']);
  });

  it('is 1 when the passage names everything asked, with or without diacritics', () => {
    const passage = 'Cấp hộ chiếu phổ thông ở trong nước\nLệ phí: 200.000 đồng.';
    expect(cov('Lệ phí cấp hộ chiếu bao nhiêu?', passage)).toBe(1);
    expect(cov('le phi cap ho chieu bao nhieu', passage)).toBe(1);
  });

  it('is the same for a short and a long question covered to the same degree', () => {
    expect(cov('hộ chiếu', 'Cấp hộ chiếu')).toBe(1);
    expect(cov('cấp hộ chiếu phổ thông ở trong nước', 'Cấp hộ chiếu phổ thông ở trong nước')).toBe(1);
  });

  it('stays below the threshold when a passage shares only scattered or generic words', () => {
    expect(cov('giá vé máy bay đi Hà Nội bao nhiêu', 'Địa chỉ: số 44 Trần Phú, Hà Nội.')).toBeLessThan(DEFAULT_MIN_COVERAGE);
    // Two words of a two-word subject found apart still pass (2 of 3 units).
    expect(cov('đăng ký tạm trú', 'Đăng ký, khai báo tạm trú')).toBeGreaterThanOrEqual(DEFAULT_MIN_COVERAGE);
  });

  it('finds a dictionary term through its official phrase', () => {
    expect(cov('làm sổ đỏ', 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu')).toBe(1);
  });

  it('weights units by the given term weights', () => {
    const rare = (t: string): number => (t === 'abtc' ? 10 : 1);
    expect(cov('thẻ ABTC', 'Cấp thẻ căn cước', rare)).toBeCloseTo(1 / 12);
    expect(cov('thẻ ABTC', 'Cấp thẻ căn cước')).toBeCloseTo(1 / 3);
  });
});
