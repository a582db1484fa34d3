import { describe, expect, it } from 'vitest';
import { asksPersonalLookup } from './personal-lookup.ts';
import { guardQuestion, PERSONAL_LOOKUP_REFUSAL } from './guard.ts';
import { checkInput } from './input-checks.ts';

describe('a citizen asking to look up their own file', () => {
  it('is recognised with or without diacritics, with or without an identifier', () => {
    for (const q of [
      'Số CCCD của tôi là 051234567890, tra giúp hồ sơ',
      'Hồ sơ khai sinh của con tôi đến đâu rồi?',
      'ho so ket hon cua toi da co ket qua chua',
      'Kiểm tra giúp tôi hồ sơ cấp đổi giấy phép lái xe',
      'Tình trạng hồ sơ của tôi thế nào?',
      'Mã hồ sơ của tôi là 000.00.12.H55-261207-0001, xong chưa?',
    ]) expect(asksPersonalLookup(q), q).toBe(true);
  });

  it('with an identifier given, a request to check reads as a lookup even without "hồ sơ"', () => {
    expect(asksPersonalLookup('Mã số thuế của tôi [đã ẩn], xem giúp tôi còn nợ thuế không?', true)).toBe(true);
    expect(asksPersonalLookup('Mã số thuế của tôi [đã ẩn], xem giúp tôi còn nợ thuế không?', false)).toBe(false);
    expect(guardQuestion('Số BHXH 0123456789 của mẹ tôi, nhờ xem giúp đã được duyệt hưởng lương hưu chưa?').refusal?.reason).toBe('PERSONAL_DATA');
  });

  it('is not a question about how to do a procedure or where to look files up', () => {
    for (const q of [
      'Đăng ký khai sinh cần những giấy tờ gì?',
      'Tôi là Nguyễn Văn An, đăng ký khai sinh cần giấy tờ gì?',
      'Hồ sơ đăng ký kết hôn gồm những gì?',
      'Tra cứu hồ sơ đăng ký khai sinh ở đâu?',
      'Nộp hồ sơ cấp hộ chiếu ở đâu?',
    ]) expect(asksPersonalLookup(q), q).toBe(false);
  });

  it('is refused saying the numbers were hidden, that no file can be looked up here, and where to look', () => {
    const g = guardQuestion('Số CCCD của tôi là 051234567890, tra giúp hồ sơ');
    expect(g.refusal?.reason).toBe('PERSONAL_DATA');
    expect(g.refusal?.message).toContain(PERSONAL_LOOKUP_REFUSAL.hidden);
    expect(g.refusal?.message).toContain('dichvucong.gov.vn');
    expect(g.question).not.toContain('051234567890');
    // Without personal data, nothing was hidden: the message does not say so.
    expect(guardQuestion('Hồ sơ khai sinh của con tôi đến đâu rồi?').refusal?.message).toBe(PERSONAL_LOOKUP_REFUSAL.cannot);
  });
});

describe('everyday information out of scope', () => {
  it('refuses weather, market prices and lottery draws as OUT_OF_SCOPE, not as not found', () => {
    for (const q of ['Giá vàng hôm nay bao nhiêu?', 'Thời tiết Quảng Ngãi ngày mai thế nào?', 'Tỷ giá đô la hôm nay?', 'kết quả xổ số miền trung hôm nay', 'gia vang sjc hom nay']) {
      expect(checkInput(q), q).toMatchObject({ action: 'refuse', reason: 'OUT_OF_SCOPE' });
    }
  });

  it('refuses a judgement of a leader asked with a time word between', () => {
    expect(checkInput('Thủ tướng hiện nay có giỏi không?')).toMatchObject({ action: 'refuse', reason: 'OUT_OF_SCOPE' });
  });

  it('lets procedures about the same things through', () => {
    for (const q of ['Thủ tục cấp giấy phép kinh doanh vàng miếng cần gì?', 'Cấp giấy phép thu, chi ngoại tệ ở đâu?', 'Thủ tục đăng ký kinh doanh xổ số', 'Báo cáo về công tác phòng chống thiên tai và thời tiết cực đoan của tỉnh']) {
      expect(checkInput(q).action, q).toBe('allow');
    }
  });
});
