import { describe, expect, it } from 'vitest';
import { citedOrdinal, docIdFromPath } from './location.ts';

describe('the source view address', () => {
  it('reads the document id, decoded, and keeps a malformed one as it is', () => {
    expect(docIdFromPath('/sources/1.001193')).toBe('1.001193');
    expect(docIdFromPath('/sources/th%C3%B4ng-b%C3%A1o.txt')).toBe('thông-báo.txt');
    expect(docIdFromPath('/sources/%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('reads the cited ordinal from the chunk id, or none', () => {
    expect(citedOrdinal('?chunk=1.001193%234')).toBe(4);
    expect(citedOrdinal('?chunk=ke-hoach.txt%2312&x=1')).toBe(12);
    expect(citedOrdinal('')).toBeNull();
    expect(citedOrdinal('?chunk=abc%23x')).toBeNull();
  });
});
