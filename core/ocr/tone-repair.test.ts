import { describe, expect, it } from 'vitest';
import data from './syllables.vi.json' with { type: 'json' };
import { repairSyllable, repairTones, syllableKey, toneNeighbours } from './tone-repair.ts';

const counts = new Map(Object.entries(data as Record<string, number>));

describe('OCR tone repair', () => {
  it('lists the spellings one tone mark away, with canonical tone placement', () => {
    const n = toneNeighbours('hoa');
    expect(n).toEqual(expect.arrayContaining(['hòa', 'hóa', 'hỏa', 'họa', 'hõa']));
    expect(n).not.toContain('hoa');
    expect(toneNeighbours('quyết')).toEqual(expect.arrayContaining(['quyêt', 'quyệt']));
  });

  it('repairs a syllable that is not Vietnamese when exactly one frequent syllable is one tone away', () => {
    // "quyêt" cannot be a syllable (a closed -t syllable needs sắc or nặng); "quyết" is frequent, "quyệt" is not.
    expect(counts.has(syllableKey('quyêt'))).toBe(false);
    expect(repairSyllable('quyêt', counts)).toBe('quyết');
    expect(repairSyllable('Quyêt', counts)).toBe('Quyết');
    expect(repairSyllable('QUYÊT', counts)).toBe('QUYẾT');
  });

  it('never touches a possible syllable, even one the table lacks (mạnh mẽ, may mắn, hầu hết)', () => {
    for (const word of ['mẽ', 'may', 'hầu', 'giày']) expect(repairSyllable(word, counts)).toBeUndefined();
  });

  it('leaves known syllables, ambiguous ones, names and numbers as recognised', () => {
    expect(repairSyllable('định', counts)).toBeUndefined();
    expect(repairSyllable('ma', counts)).toBeUndefined(); // "ma" is itself a syllable
    expect(repairSyllable('Internet', counts)).toBeUndefined();
    expect(repairSyllable('2025', counts)).toBeUndefined();
  });

  it('refuses a repair when two frequent syllables are one tone away', () => {
    // "hoc" (level tone before -c) cannot be a syllable; "học" and "hóc" are both one tone away.
    expect(repairSyllable('hoc', new Map([['học', 50], ['hóc', 50]]))).toBeUndefined();
    // A candidate seen fewer than MIN_REPAIR_COUNT times does not count as an alternative.
    expect(repairSyllable('hoc', new Map([['học', 50], ['hóc', 3]]))).toBe('học');
  });

  it('repairs every word of a text and counts the repairs', () => {
    expect(repairTones('Quyêt định số 12 về Internet', counts)).toEqual({ text: 'Quyết định số 12 về Internet', repaired: 1 });
  });
});
