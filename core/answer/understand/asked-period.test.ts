import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from './question.ts';
import { askedPeriod, withoutPeriod } from './asked-period.ts';

const words = (question: string, asOf = '2026-12-07'): { left: string[]; from?: string } => {
  const q = analyzeQuestion(question);
  const p = askedPeriod(q, asOf);
  const left = withoutPeriod(q, p).content.map((i) => q.tokens[i]!.token);
  return p.from ? { left, from: p.from } : { left };
};

describe('askedPeriod', () => {
  it('reads the day a question is meant for and takes its words out of what it asks about', () => {
    expect(words('Đầu năm 2027 đi đổi thẻ căn cước thì lệ phí bao nhiêu?')).toEqual({ left: ['đi', 'đổi', 'thẻ', 'căn', 'cước'], from: '2027-01-01' });
    expect(words('mat can cuoc lam lai vao thang 2/2027 thi het bao nhieu tien').from).toBe('2027-02-01');
    expect(words('Cuối năm 2026 làm hộ chiếu hết bao nhiêu?').from).toBe('2026-12-01');
    expect(words('Năm 2027 xin cấp chứng chỉ hành nghề luật sư thì phí bao nhiêu?').from).toBe('2027-01-01');
  });

  it('drops "hiện nay", "bây giờ" without naming a day', () => {
    expect(words('Cấp đổi căn cước ở Công an tỉnh thì lệ phí hiện nay là bao nhiêu?')).toEqual({ left: ['cấp', 'đổi', 'căn', 'cước', 'ở', 'công', 'an', 'tỉnh'] });
  });

  it('keeps a bare year before the year asked on: it may name a law', () => {
    expect(words('Bộ luật dân sự năm 2015 quy định thời hiệu khởi kiện bao lâu?').left).toContain('2015');
    expect(words('Bộ luật dân sự năm 2015 quy định thời hiệu khởi kiện bao lâu?').from).toBeUndefined();
  });
});
