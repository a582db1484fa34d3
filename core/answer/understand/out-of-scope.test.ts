import { describe, expect, it } from 'vitest';
import { OUT_OF_SCOPE_MAX_COVERAGE } from '../tuning.ts';
import { analyzeQuestion } from './question.ts';
import { asksEverydayTopic, isOutOfScope, showsAdministrativeIntent } from './out-of-scope.ts';

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
  const everyday = analyzeQuestion('Ai là người giàu nhất Việt Nam?');
  it('needs both, for a question of no everyday topic: no administrative intent and no passage covering the question', () => {
    expect(isOutOfScope(everyday, 0)).toBe(true);
    expect(isOutOfScope(everyday, OUT_OF_SCOPE_MAX_COVERAGE - 0.01)).toBe(true);
    expect(isOutOfScope(everyday, OUT_OF_SCOPE_MAX_COVERAGE)).toBe(false);
    expect(isOutOfScope(analyzeQuestion('thủ tục cấp phép nuôi rồng'), 0)).toBe(false);
  });

  it('refuses an everyday topic as out of scope even when passages share its words, but never one with administrative intent', () => {
    const weather = analyzeQuestion('Ngày mai ở Đức Phổ có mưa to không?');
    expect(asksEverydayTopic(weather)).toBe(true);
    expect(isOutOfScope(weather, 0.6)).toBe(true);
    const hotel = analyzeQuestion('ve Sa Huynh choi nen o khach san nao');
    expect(asksEverydayTopic(hotel)).toBe(true);
    expect(isOutOfScope(hotel, 0.6)).toBe(true);
    expect(isOutOfScope(analyzeQuestion('Gửi tiết kiệm ở đâu lãi suất cao nhất?'), 0.5)).toBe(true);
    expect(isOutOfScope(analyzeQuestion('Tôi bị đau lưng lâu ngày nên đi bệnh viện nào khám?'), 0.5)).toBe(true);
    // Health care paid by insurance is administrative.
    expect(isOutOfScope(analyzeQuestion('Khám bệnh trái tuyến bằng BHYT ở bệnh viện nào được hưởng?'), 0.5)).toBe(false);
    // An administrative word keeps it in scope: storm relief is a procedure.
    expect(isOutOfScope(analyzeQuestion('Nhà bị sập do mưa bão thì xin hỗ trợ ở đâu?'), 0.6)).toBe(false);
    // A plain question sharing the province's words, with no everyday topic, keeps the coverage rule.
    const plan = analyzeQuestion('Quảng Ngãi phát triển du lịch Lý Sơn thế nào?');
    expect(asksEverydayTopic(plan)).toBe(false);
    expect(isOutOfScope(plan, 0.6)).toBe(false);
  });

  it('does not read a one-word topic typed without diacritics as another word ("mua" may be "mua", to buy)', () => {
    expect(asksEverydayTopic(analyzeQuestion('mua dat o dau'))).toBe(false);
  });
});
