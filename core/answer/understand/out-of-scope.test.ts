import { describe, expect, it } from 'vitest';
import { OUT_OF_SCOPE_MAX_COVERAGE } from '../tuning.ts';
import { analyzeQuestion } from './question.ts';
import { isOutOfScope, showsAdministrativeIntent } from './out-of-scope.ts';

describe('administrative intent', () => {
  it('is shown by a procedure or document word, with or without diacritics', () => {
    for (const q of ['Đăng ký khai sinh cần giấy tờ gì?', 'dang ky khai sinh can giay to gi', 'lệ phí làm hộ chiếu', 'Kế hoạch 83 giao nhiệm vụ gì cho Sở?', 'How do I register a business?']) {
      expect(showsAdministrativeIntent(analyzeQuestion(q)), q).toBe(true);
    }
  });

  it('is shown by a dictionary term that stands for an administrative thing, not by one for an everyday thing', () => {
    expect(showsAdministrativeIntent(analyzeQuestion('làm sổ đỏ ở đâu'))).toBe(true);
    expect(showsAdministrativeIntent(analyzeQuestion('hỏi về CCCD'))).toBe(true);
    expect(showsAdministrativeIntent(analyzeQuestion('giá vé máy bay đi Hà Nội tuần sau'))).toBe(false);
  });

  it('is not shown by everyday questions, even those sharing a word with procedures', () => {
    for (const q of ['Giá xăng RON 95 hôm nay bao nhiêu một lít?', 'goi y vai quan ca phe dep o trung tam thanh pho', 'xe khách đi Đà Nẵng mấy giờ chạy', 'Xin chào, bạn khỏe không?']) {
      expect(showsAdministrativeIntent(analyzeQuestion(q)), q).toBe(false);
    }
  });

  it('does not read a one-word cue typed without diacritics as another word ("cap" may be "cáp")', () => {
    expect(showsAdministrativeIntent(analyzeQuestion('lap cap quang o dau re'))).toBe(false);
    expect(showsAdministrativeIntent(analyzeQuestion('lắp cáp quang ở đâu rẻ'))).toBe(false);
  });
});

describe('out of scope', () => {
  const everyday = analyzeQuestion('Giá xăng RON 95 hôm nay bao nhiêu một lít?');
  it('needs both: no administrative intent and no passage covering the question', () => {
    expect(isOutOfScope(everyday, 0)).toBe(true);
    expect(isOutOfScope(everyday, OUT_OF_SCOPE_MAX_COVERAGE - 0.01)).toBe(true);
    expect(isOutOfScope(everyday, OUT_OF_SCOPE_MAX_COVERAGE)).toBe(false);
    expect(isOutOfScope(analyzeQuestion('thủ tục cấp phép nuôi rồng'), 0)).toBe(false);
  });
});
