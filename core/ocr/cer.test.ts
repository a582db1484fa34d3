import { describe, expect, it } from 'vitest';
import { canonicalForCer, characterErrorRate, editDistance } from './cer.ts';

describe('character error rate', () => {
  it('counts insertions, deletions and substitutions of code points', () => {
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3);
    expect(editDistance([], [...'abc'])).toBe(3);
    expect(characterErrorRate('Quyết định', 'Quyêt định')).toBeCloseTo(1 / 10, 10);
  });

  it('ignores layout: line breaks and runs of spaces are one space, NFD equals NFC', () => {
    expect(canonicalForCer('  Điều 1.\n\nLệ   phí ')).toBe('Điều 1. Lệ phí');
    expect(characterErrorRate('Lệ phí\n8.000 đồng', 'Lệ phí 8.000 đồng'.normalize('NFD'))).toBe(0);
  });

  it('is 1 for text against an empty reference and 0 for two empty texts', () => {
    expect(characterErrorRate('', 'x')).toBe(1);
    expect(characterErrorRate('', '')).toBe(0);
  });
});
