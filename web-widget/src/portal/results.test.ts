import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../protocol/search.ts';
import { byDocument, excerpt } from './results.ts';

const hit = (docId: string, section: string): SearchResult => ({ docId, sourceId: docId, title: `Thủ tục ${docId}`, section, score: 1, text: 'x' });

describe('the portal search', () => {
  it('lists each document once, at the place of its best passage', () => {
    const list = byDocument([hit('a', 'Lệ phí'), hit('b', 'Thời hạn'), hit('a', 'Hồ sơ'), hit('c', 'Cơ quan')], 2);
    expect(list.map((r) => [r.docId, r.section])).toEqual([['a', 'Lệ phí'], ['b', 'Thời hạn']]);
  });

  it('cuts long excerpts at a word and keeps short ones whole, on one line', () => {
    expect(excerpt('Tờ khai\nđăng ký   khai sinh')).toBe('Tờ khai đăng ký khai sinh');
    expect(excerpt('một hai ba bốn năm', 12)).toBe('một hai ba…');
  });
});
