import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from './question.ts';

const contentWords = (question: string): string[] => {
  const q = analyzeQuestion(question);
  return q.content.map((i) => q.tokens[i]!.token);
};

describe('analyzeQuestion', () => {
  it('keeps "sao" of "bản sao" as a content word although "sao" alone asks why', () => {
    expect(contentWords('xin bản sao giấy khai sinh mất bao nhiêu tiền')).toContain('sao');
    expect(contentWords('tại sao hồ sơ bị trả lại')).not.toContain('sao');
  });

  it('reads "theo luật số mấy" as a legal-basis question and "trước mấy giờ" as a time question', () => {
    expect(analyzeQuestion('cấp phiếu lý lịch tư pháp theo luật số mấy').intents).toEqual(['legal_basis']);
    expect(analyzeQuestion('phải báo lưu trú trước mấy giờ').intents).toEqual(['time']);
  });
});
