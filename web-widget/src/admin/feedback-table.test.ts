import { describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../../../protocol/admin/feedback.ts';
import { answerSummary, feedbackOrder } from './feedback-table.ts';

const item = (exchangeId: string, time: string, extra: Partial<FeedbackItem> = {}): FeedbackItem => ({
  exchangeId, time, role: 'citizen', question: 'q', outcome: 'answered', answerChars: 10, citations: [], useful: false, ...extra,
});

describe('feedback table', () => {
  it('puts unhandled feedback first, newest first within each group', () => {
    const items = [
      item('a', '2026-12-01T00:00:00Z'), item('b', '2026-12-03T00:00:00Z', { handled: { by: 'x', at: '2026-12-04T00:00:00Z' } }),
      item('c', '2026-12-02T00:00:00Z'),
    ];
    expect(feedbackOrder(items).map((i) => i.exchangeId)).toEqual(['c', 'a', 'b']);
    expect(feedbackOrder(items, 2).map((i) => i.exchangeId)).toEqual(['c', 'a']);
  });

  it('says what the answer was with the cited titles, or why it was refused', () => {
    expect(answerSummary(item('a', 't', { citations: [{ docId: '1.001193', title: 'Đăng ký khai sinh' }, { docId: 'x' }] })))
      .toBe('Đã trả lời, dẫn nguồn: Đăng ký khai sinh; x');
    expect(answerSummary(item('a', 't'))).toBe('Đã trả lời, không dẫn nguồn');
    expect(answerSummary(item('a', 't', { outcome: 'refused', reason: 'NO_SOURCE' }))).toMatch(/^Từ chối: ./);
  });
});
