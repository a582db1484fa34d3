import { describe, expect, it } from 'vitest';
import { analyzeQuestion, officialWording, withoutSpendingWords } from './question.ts';

const contentWords = (question: string): string[] => {
  const q = analyzeQuestion(question);
  return q.content.map((i) => q.tokens[i]!.token);
};

describe('analyzeQuestion', () => {
  it('keeps "sao" of "bản sao" as a content word although "sao" alone asks why', () => {
    expect(contentWords('xin bản sao giấy khai sinh mất bao nhiêu tiền')).toContain('sao');
    expect(contentWords('tại sao hồ sơ bị trả lại')).not.toContain('sao');
  });

  it('sets aside the people around the asker ("người quen", "hàng xóm"): no procedure is named after them', () => {
    const words = contentWords('Thông báo lưu trú cho người quen ở nhờ nhà mình thì bao lâu xong?');
    expect(words).toContain('lưu');
    expect(words).not.toContain('quen');
    expect(contentWords('hoa giai tranh chap dat voi hang xom')).not.toContain('xom');
    // "thân nhân" of a catalog title is not "người thân": only the phrase is set aside.
    expect(contentWords('chế độ cho thân nhân liệt sĩ')).toContain('thân');
    // Who it is for ("cho con") is no subject either; a child asked about stays one ("nhận cha, mẹ, con").
    expect(contentWords('khai sinh cho con có yếu tố nước ngoài')).not.toContain('con');
    expect(contentWords('đăng ký nhận cha mẹ con')).toContain('con');
  });

  it('sets aside the asker\'s own people ("mẹ tôi", "cháu nhà mình") and circumstances ("về quê", "chỗ trọ", "rồi")', () => {
    const words = contentWords('Mẹ tôi đang lĩnh lương hưu, cháu nhà mình đủ 18 tuổi rồi');
    expect(words).toContain('lương');
    expect(words).not.toContain('Mẹ');
    expect(words).not.toContain('cháu');
    expect(words).not.toContain('rồi');
    expect(contentWords('me toi muon nhan luong huu')).not.toContain('me');
    expect(contentWords('chuyển về quê, xóa tạm trú ở chỗ trọ cũ')).toEqual(['chuyển', 'xóa', 'tạm', 'trú', 'ở', 'cũ']);
    // A kin word without an owner stays a subject ("nhận cha, mẹ, con"), and so does "quê" of "quê quán".
    expect(contentWords('đăng ký nhận mẹ cho con')).toContain('mẹ');
    expect(contentWords('cải chính quê quán')).toContain('quê');
  });

  it('keeps a dictionary term whole although one of its words is a follow-up marker ("thế" of "thế chấp")', () => {
    const q = analyzeQuestion('Đăng ký thế chấp quyền sử dụng đất thì phí bao nhiêu?');
    expect(q.terms.map((t) => t.match.entry.term)).toContain('thế chấp');
    expect(q.markers).toEqual([]);
    expect(analyzeQuestion('thế còn lệ phí thì sao').markers.length).toBeGreaterThan(0);
  });

  it('reads "theo luật số mấy" as a legal-basis question and "trước mấy giờ" as a time question', () => {
    expect(analyzeQuestion('cấp phiếu lý lịch tư pháp theo luật số mấy').intents).toEqual(['legal_basis']);
    expect(analyzeQuestion('phải báo lưu trú trước mấy giờ').intents).toEqual(['time']);
  });

  it('sets apart "mất" and "tốn" of a time or cost cue, with or without diacritics, but keeps a lost paper', () => {
    expect(withoutSpendingWords('xin GPXD mất bao lâu')).toBe('xin GPXD , bao lâu');
    expect(withoutSpendingWords('xin GPXD mat bao lau')).toBe('xin GPXD , bao lau');
    expect(withoutSpendingWords('làm lại sổ đỏ có mất phí không')).toBe('làm lại sổ đỏ có , phí không');
    expect(withoutSpendingWords('Bị mất hộ chiếu thì phải trình báo trong bao lâu?')).toBe('Bị mất hộ chiếu thì phải trình báo trong bao lâu?');
  });

  it('reads an amount the asker quotes as a fee question, not as words of the subject', () => {
    const q = analyzeQuestion('Đổi bằng lái qua mạng vẫn còn giá 115 nghìn đúng không?');
    expect(q.intents).toContain('fee');
    expect(contentWords('Đổi bằng lái qua mạng vẫn còn giá 115 nghìn đúng không?')).not.toContain('115');
    expect(contentWords('Đổi bằng lái qua mạng vẫn còn giá 115 nghìn đúng không?')).not.toContain('nghìn');
    expect(contentWords('lam ho chieu het 200k a')).not.toContain('200k');
    expect(analyzeQuestion('lam ho chieu het 200k a').intents).toContain('fee');
    // A number that is not money stays: "xe 7 chỗ", "năm 2024".
    expect(contentWords('xe 7 chỗ có được miễn kiểm định không')).toContain('7');
    expect(analyzeQuestion('đăng ký thường trú năm 2024 mất bao lâu').intents).not.toContain('fee');
  });

  it('puts dictionary terms in their first official words', () => {
    expect(officialWording(analyzeQuestion('xin GPXD nhà ở riêng lẻ'))).toBe('xin giấy phép xây dựng nhà ở riêng lẻ');
  });
});
