import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentRecord } from '../../model.ts';
import { indexTextOf } from '../../search/index-text.ts';
import { vietnameseSentence } from '../../text/test-arbitraries.ts';
import { passageTerms } from './coverage.ts';
import { chunkTerms, indexedTerms, titleTerms, unionOf } from './term-sets.ts';

function doc(title: string, number?: string): DocumentRecord {
  return {
    id: 'd', sourceId: 'd', source: 'd', contentHash: '', chunkCount: 1, title, type: 'thủ tục',
    status: 'in_force', audience: 'public', ...(number ? { number } : {}),
  };
}

function chunk(text: string, headingTrail: string[] = []): Chunk {
  return { id: 'd#0', docId: 'd', sectionPath: [], sectionLabel: 'Lệ phí', headingTrail, text };
}

/** Terms to probe a set with: its own, and words and pairs it may lack. */
function probes(text: string): string[] {
  return [...passageTerms(text), 'phi', 'le_phi', 'khong', 'ho_so', 'zz'];
}

describe('term sets of the index texts', () => {
  it('hold exactly the terms of the text they stand for', () => {
    fc.assert(fc.property(vietnameseSentence, vietnameseSentence, (title, text) => {
      const d = doc(title, '83/KH-UBND');
      const c = chunk(text, ['Mục I']);
      const own = passageTerms(text);
      const indexed = passageTerms(indexTextOf(d, c));
      const named = passageTerms(title);
      for (const t of probes(`${title} ${text}`)) {
        expect(chunkTerms(c).has(t)).toBe(own.has(t));
        expect(indexedTerms(d, c).has(t)).toBe(indexed.has(t));
        expect(titleTerms(d).has(t)).toBe(named.has(t));
      }
    }), { numRuns: 200 });
  });

  it('read a chunk with the title it is given, and the same in any view of its document', () => {
    const c = chunk('Lệ phí: 50.000 đồng');
    const d = doc('Cấp giấy phép xây dựng');
    expect(indexedTerms(d, c).has('xay_dung')).toBe(true);
    expect(indexedTerms({ ...d, audience: 'internal' }, c).has('xay_dung')).toBe(true);
    expect(indexedTerms(doc('Đăng ký khai sinh'), c).has('xay_dung')).toBe(false);
    expect(indexedTerms(doc('Đăng ký khai sinh'), c).has('khai_sinh')).toBe(true);
  });

  it('read several sets as their union', () => {
    const u = unionOf([passageTerms('lệ phí'), chunkTerms(chunk('thời hạn giải quyết'))]);
    expect(['le_phi', 'giai_quyet', 'phi'].map((t) => u.has(t))).toEqual([true, true, true]);
    expect(u.has('phi_thoi')).toBe(false);
  });
});
