import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../understand/question.ts';
import { titleFocusQuery } from './title-focus.ts';
import { TITLE_RARE_IDF } from '../tuning.ts';

/** Rare: the words and pairs listed; everything else as common as "giấy". */
const weightOf = (rare: readonly string[]) => (term: string): number => (rare.includes(term) ? TITLE_RARE_IDF + 1 : 2);

describe('titleFocusQuery', () => {
  it('keeps only the rare words and the official phrases of dictionary terms', () => {
    const q = analyzeQuestion('Sửa sai tên trong giấy khai sinh thì làm thế nào?');
    const focus = titleFocusQuery(q, weightOf([]))!;
    expect(focus).toContain('cải chính hộ tịch');
    expect(focus).toContain('đăng ký khai sinh');
    expect(focus).not.toContain('tên');
  });

  it('keeps both words of a rare pair as typed ("cai chinh" without diacritics)', () => {
    const q = analyzeQuestion('cai chinh ngay sinh tren giay khai sinh co mat phi khong');
    expect(titleFocusQuery(q, weightOf(['cai_chinh']))!.startsWith('cai chinh ')).toBe(true);
  });

  it('is undefined when the question has no rare word and no dictionary term', () => {
    expect(titleFocusQuery(analyzeQuestion('nộp hồ sơ ở đâu'), weightOf([]))).toBeUndefined();
  });
});
