import { describe, expect, it } from 'vitest';
import { answerAsText } from './answer-actions.ts';
import { vnDate } from './citation-panel.ts';
import { citationName, type Citation } from './types.ts';

const citation: Citation = { n: 1, docId: '1.001193', sourceId: '1.001193', title: 'Đăng ký khai sinh', number: '1.001193', section: 'Thành phần hồ sơ', quote: 'Tờ khai đăng ký khai sinh' };

describe('answerAsText', () => {
  it('copies the answer followed by its numbered sources', () => {
    expect(answerAsText({ answer: 'Cần tờ khai [1].', citations: [citation] }))
      .toBe('Cần tờ khai [1].\n\nNguồn:\n[1] Đăng ký khai sinh (1.001193) — Thành phần hồ sơ');
  });

  it('copies only the text when nothing is cited', () => {
    expect(answerAsText({ answer: 'Không tìm thấy.', citations: [] })).toBe('Không tìm thấy.');
  });
});

describe('citationName', () => {
  it('prefers the Vietnamese document label, else title and number', () => {
    expect(citationName({ ...citation, label: 'Kế hoạch số 83/KH-UBND ngày 04/6/2021' })).toBe('Kế hoạch số 83/KH-UBND ngày 04/6/2021');
    expect(citationName(citation)).toBe('Đăng ký khai sinh (1.001193)');
    expect(citationName({ ...citation, number: 'Đăng ký khai sinh' })).toBe('Đăng ký khai sinh');
  });
});

describe('vnDate', () => {
  it('writes ISO dates day first', () => {
    expect(vnDate('2021-06-04')).toBe('04/06/2021');
    expect(vnDate('không rõ')).toBe('không rõ');
  });
});
