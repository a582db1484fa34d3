import { describe, expect, it } from 'vitest';
import { namesNoSubject, resolveFollowUp, withUnansweredTopic } from './follow-up.ts';
import { analyzeQuestion } from './question.ts';
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

describe('withUnansweredTopic', () => {
  const unanswered: ConversationContext = { focusDocIds: [], lastQuestion: 'Tôi muốn xóa tạm trú ở nhà cũ thì cần giấy tờ gì?', unanswered: true };

  it('reads a question that names nothing with the unanswered one before it, keeping its own intent', () => {
    const q = withUnansweredTopic(analyzeQuestion('mấy ngày thì xong?'), unanswered);
    expect(q?.text).toBe('Tôi muốn xóa tạm trú ở nhà cũ thì cần giấy tờ gì? mấy ngày thì xong?');
    expect(q?.intents).toEqual(['time']);
    // The cue keeps its place in the merged tokens: "ngày" is still where the cue says.
    const cue = q!.cues[0]!;
    expect(q!.tokens.slice(cue.start, cue.end).map((t) => t.token).join(' ')).toBe('mấy ngày');
    // A question that asks no field takes the earlier one's.
    expect(withUnansweredTopic(analyzeQuestion('còn gì nữa không?'), unanswered)?.intents).toEqual(['papers']);
  });

  it('leaves a question with its own subject, or one after an answered turn, as it is', () => {
    expect(withUnansweredTopic(analyzeQuestion('đăng ký khai sinh mất mấy ngày?'), unanswered)).toBeUndefined();
    expect(withUnansweredTopic(analyzeQuestion('mấy ngày thì xong?'), { ...unanswered, unanswered: false })).toBeUndefined();
    expect(withUnansweredTopic(analyzeQuestion('mấy ngày thì xong?'), context)).toBeUndefined();
    expect(withUnansweredTopic(analyzeQuestion('mấy ngày thì xong?'))).toBeUndefined();
  });

  it('counts the generic papers of any procedure as naming nothing', () => {
    expect(namesNoSubject(analyzeQuestion('được nhận giấy gì?'))).toBe(true);
    expect(namesNoSubject(analyzeQuestion('hộ chiếu mất bao lâu?'))).toBe(false);
  });
});
