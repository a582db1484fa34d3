import { describe, expect, it } from 'vitest';
import { markedRuns, quoteRanges } from './highlight.ts';

const TEXT = 'Thành phần hồ sơ gồm tờ khai đăng ký khai sinh theo mẫu. Bản chính giấy chứng sinh. Trường hợp trẻ em bị bỏ rơi thì phải có biên bản.';

describe('the quote in its section', () => {
  it('finds each piece of a quote cut with …, in order', () => {
    const quote = 'Thành phần hồ sơ gồm tờ khai đăng ký khai sinh theo mẫu. … Trường hợp trẻ em bị bỏ rơi';
    expect(quoteRanges(TEXT, quote).map(([s, e]) => TEXT.slice(s, e))).toEqual([
      'Thành phần hồ sơ gồm tờ khai đăng ký khai sinh theo mẫu.',
      'Trường hợp trẻ em bị bỏ rơi',
    ]);
  });

  it('marks the runs the quote covers and leaves the rest, all text kept', () => {
    const runs = markedRuns(TEXT, 'Bản chính giấy chứng sinh.');
    expect(runs.map((r) => r.marked)).toEqual([false, true, false]);
    expect(runs.map((r) => r.text).join('')).toBe(TEXT);
    expect(markedRuns(TEXT, 'không có trong văn bản này')).toEqual([{ text: TEXT, marked: false }]);
  });
});
