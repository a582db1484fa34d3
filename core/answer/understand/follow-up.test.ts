import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from './follow-up.ts';
import type { ConversationContext } from '../types.ts';

const context: ConversationContext = { focusDocIds: ['1.001471'], lastQuestion: 'Cấp hộ chiếu mất bao lâu?', lastIntent: 'time' };

describe('resolveFollowUp', () => {
  it.each(['còn lệ phí thì sao?', 'thế nộp ở đâu?', 'mất bao lâu', 'con lau khong', 'Cần giấy tờ gì?'])('answers "%s" about the previous focus', (q) => {
    const r = resolveFollowUp(q, context);
    expect(r).toMatchObject({ isFollowUp: true, focusDocId: '1.001471' });
  });

  it('starts fresh without a previous focus', () => {
    expect(resolveFollowUp('còn lệ phí thì sao?')).toEqual({ question: 'còn lệ phí thì sao?', isFollowUp: false });
    expect(resolveFollowUp('mất bao lâu', { focusDocIds: [] }).isFollowUp).toBe(false);
  });

  it('starts fresh when the question names its own subject', () => {
    expect(resolveFollowUp('Đăng ký kết hôn với người nước ngoài cần giấy tờ gì?', context).isFollowUp).toBe(false);
    // A dictionary term is a subject even when short.
    expect(resolveFollowUp('Làm CCCD mất bao lâu?', context).isFollowUp).toBe(false);
  });

  it('decides one or two leftover words by retrieval confidence and by what the focus covers', () => {
    expect(resolveFollowUp('còn hộ chiếu thì sao?', context, { confident: true }).isFollowUp).toBe(false);
    expect(resolveFollowUp('còn hộ chiếu thì sao?', context, { confident: false }).isFollowUp).toBe(true);
    expect(resolveFollowUp('còn kinh phí thì sao?', context, { confident: true, focusCovers: () => true }).isFollowUp).toBe(true);
  });

  it('stays on the focus when the only words left are generic document words, however confident retrieval is', () => {
    for (const q of ['kết quả nhận được là giấy gì?', 'mấy ngày thì có giấy chứng nhận?', 'bao lâu thì lấy được giấy phép?']) {
      expect(resolveFollowUp(q, context, { confident: true }), q).toMatchObject({ isFollowUp: true, focusDocId: '1.001471' });
    }
    // A paper named by its kind is a subject of its own.
    expect(resolveFollowUp('mấy ngày thì có giấy khai sinh?', context, { confident: true }).isFollowUp).toBe(false);
  });

  it('carries the previous intent when only the subject changes', () => {
    expect(resolveFollowUp('còn thẻ ABTC thì sao?', context, { confident: true })).toEqual({ question: 'còn thẻ ABTC thì sao?', isFollowUp: false, carriedIntent: 'time' });
  });

  it('makes a follow-up self-contained with the focus title', () => {
    const r = resolveFollowUp('còn lệ phí thì sao?', context, { titleOf: () => 'Cấp hộ chiếu phổ thông' });
    expect(r.question).toBe('còn lệ phí thì sao? (Cấp hộ chiếu phổ thông)');
  });
});
