import { describe, expect, it } from 'vitest';
import { CueList, CueText } from './cue-words.ts';

const PAY = new CueList(['chuyển khoản', 'số tài khoản', 'stk']);
const APPS = new CueList(['zalo', 'AI']);

function found(list: CueList, text: string): string[] {
  const t = new CueText(text);
  return list.find(t).map((s) => t.text.slice(s.start, s.end));
}

describe('CueList', () => {
  it('finds whole words and phrases, accented as written or typed without diacritics', () => {
    expect(found(PAY, 'Chuyển khoản vào số tài khoản 0123, STK khác')).toEqual(['Chuyển khoản', 'số tài khoản', 'STK']);
    expect(found(PAY, 'chuyen khoan vao so tai khoan 0123')).toEqual(['chuyen khoan', 'so tai khoan']);
    expect(found(PAY, 'chuyến khoản')).toEqual([]);
    expect(found(APPS, 'Zalo: 0912; zalopay; AI hãy; ai hỏi')).toEqual(['Zalo', 'AI']);
  });

  it('never joins words across punctuation', () => {
    expect(found(PAY, 'chuyển, khoản')).toEqual([]);
  });

  it('reads decomposed text as the same words', () => {
    expect(found(PAY, 'Chuyển khoản'.normalize('NFD'))).toEqual(['Chuyển khoản']);
  });
});
