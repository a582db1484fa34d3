import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../search/types.ts';
import { passageTerms } from './coverage.ts';
import { analyzeQuestion } from '../understand/question.ts';
import { idf, rarityWeight, rareWordsMissing, spellingVariant, unitRarity } from './term-rarity.ts';
import { MIN_TERM_WEIGHT, RARE_IDF } from '../tuning.ts';
import { answerFixtures, type AnswerFixtures } from '../testing/fixtures.ts';

let fx: AnswerFixtures;
beforeAll(() => {
  fx = answerFixtures();
});

describe('idf', () => {
  it('is higher for rarer terms and never negative', () => {
    expect(idf(1, 1000)).toBeGreaterThan(idf(100, 1000));
    expect(idf(1000, 1000)).toBeGreaterThanOrEqual(0);
  });
});

describe('spellingVariant', () => {
  it('swaps i/y after a consonant, syllable by syllable', () => {
    expect(spellingVariant('dang_ki')).toBe('dang_ky');
    expect(spellingVariant('ly')).toBe('li');
    expect(spellingVariant('khai_sinh')).toBe('khai_sinh');
  });
});

describe('rarityWeight', () => {
  it('weighs words by the corpus statistics: rare words more, absent words most', () => {
    const w = rarityWeight(fx.corpus)!;
    expect(w('bitcoin')).toBeGreaterThan(w('khai_sinh'));
    expect(w('khai_sinh')).toBeGreaterThan(w('giay'));
    expect(w('giay')).toBeGreaterThanOrEqual(MIN_TERM_WEIGHT);
  });

  it('reads "kí" as common as "ký", and an absent pair as its rarer word', () => {
    const w = rarityWeight(fx.corpus)!;
    expect(w('ki')).toBe(w('ky'));
    expect(w('giay_bitcoin')).toBe(w('bitcoin'));
  });

  it('is undefined for a corpus without statistics', () => {
    const plain: Corpus = {
      search: (query, opts) => fx.corpus.search(query, opts),
      document: (id) => fx.corpus.document(id),
      chunksOf: (id) => fx.corpus.chunksOf(id),
      chunk: (label) => fx.corpus.chunk(label),
    };
    expect(rarityWeight(plain)).toBeUndefined();
  });
});

describe('unitRarity', () => {
  it('is the rarity of the most usual way of saying a unit', () => {
    const w = (t: string): number => ({ a: 1, b: 9, c: 7 })[t] ?? 0;
    expect(unitRarity([['a', 'b'], ['c']], w)).toBe(7);
  });
});

describe('rareWordsMissing', () => {
  it('lists the rare words of the question a text lacks', () => {
    const w = rarityWeight(fx.corpus)!;
    const q = analyzeQuestion('làm thẻ căn cước cho bitcoin ở đâu');
    expect(w('bitcoin')).toBeGreaterThanOrEqual(RARE_IDF);
    expect(rareWordsMissing(q, w, passageTerms('Cấp đổi thẻ căn cước'))).toEqual(['bitcoin']);
    expect(rareWordsMissing(q, w, passageTerms('thẻ căn cước bitcoin'))).toEqual([]);
  });
});

describe('unitRarity of a dictionary term', () => {
  it('is the rarity of the official phrase, not of the asker\'s everyday words ("sửa sai" → "cải chính")', async () => {
    const { unitRarity } = await import('./term-rarity.ts');
    const weight = (t: string): number => ({ sua: 2, sai: 5, sua_sai: 5, cai: 4, chinh: 1, cai_chinh: 6.5 } as Record<string, number>)[t] ?? 1;
    expect(unitRarity([['sua', 'sai', 'sua_sai'], ['cai', 'chinh', 'cai_chinh']], weight)).toBe(6.5);
    expect(unitRarity([['ten']], weight)).toBe(1);
  });
});
