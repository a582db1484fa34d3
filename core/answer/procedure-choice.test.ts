import { beforeAll, describe, expect, it } from 'vitest';
import { contentUnits } from './coverage.ts';
import {
  acceptsProcedure, chooseProcedure, HIGH_TITLE_RECALL, MIN_TITLE_PRECISION, RECALLED_TITLE_PRECISION, STRONG_TITLE_PRECISION, unseenWords,
} from './procedure-choice.ts';
import { analyzeQuestion } from './question.ts';
import { rarityWeight } from './term-rarity.ts';
import { answerFixtures, type AnswerFixtures } from './testing/fixtures.ts';

let fx: AnswerFixtures;
beforeAll(() => {
  fx = answerFixtures();
});

async function choose(question: string) {
  const q = analyzeQuestion(question);
  const hits = await fx.corpus.search(question, { k: 40, perDoc: 1, types: ['thủ tục'] });
  return { q, hits, choice: chooseProcedure(q, contentUnits(q), hits, (id) => fx.corpus.document(id)) };
}

describe('chooseProcedure', () => {
  it('picks the procedure whose name the question states, among real catalogue records', async () => {
    for (const d of [fx.featured.fee, fx.featured.papers, fx.featured.timeByChannel]) {
      const { choice } = await choose(`${d.record.title} cần những giấy tờ gì?`);
      expect(choice?.doc.id).toBe(d.record.id);
      expect(choice?.precision).toBe(1);
    }
  });

  it('ranks first a title holding the rare words of the question, given term weights', async () => {
    const title = fx.featured.papers.record.title;
    const q = analyzeQuestion(title);
    const hits = await fx.corpus.search(title, { k: 40, perDoc: 1, types: ['thủ tục'] });
    const weight = rarityWeight(fx.corpus)!;
    const choice = chooseProcedure(q, contentUnits(q, weight), hits, (id) => fx.corpus.document(id), { weight });
    expect(choice?.doc.id).toBe(fx.featured.papers.record.id);
    expect(choice?.rareMissed).toBe(0);
  });

  it('is undefined when no candidate is a procedure', () => {
    const q = analyzeQuestion('lệ phí bao nhiêu');
    expect(chooseProcedure(q, contentUnits(q), [], () => undefined)).toBeUndefined();
  });
});

describe('acceptsProcedure', () => {
  it('asks for a stronger name match when the question has words no retrieved passage contains', async () => {
    const { choice } = await choose(`${fx.featured.fee.record.title} là bao nhiêu?`);
    const middling = { ...choice!, precision: (MIN_TITLE_PRECISION + STRONG_TITLE_PRECISION) / 2 };
    expect(acceptsProcedure(middling, [])).toBe(true);
    expect(acceptsProcedure(middling, ['bitcoin'])).toBe(false);
    expect(acceptsProcedure(undefined, [])).toBe(false);
  });

  it('accepts a long title at a lower precision when it holds the whole question and its rare units', async () => {
    const { choice } = await choose(`${fx.featured.fee.record.title} là bao nhiêu?`);
    const long = { ...choice!, precision: (RECALLED_TITLE_PRECISION + MIN_TITLE_PRECISION) / 2, recall: HIGH_TITLE_RECALL, rareMissed: 0 };
    expect(acceptsProcedure(long, [])).toBe(true);
    expect(acceptsProcedure({ ...long, recall: HIGH_TITLE_RECALL - 0.1 }, [])).toBe(false);
    expect(acceptsProcedure({ ...long, rareMissed: 1, rareTotal: 1 }, [])).toBe(false);
  });
});

describe('unseenWords', () => {
  it('lists the content words that none of the passages contains', () => {
    const q = analyzeQuestion('Cấp giấy chứng nhận sở hữu bitcoin ở đâu?');
    expect(unseenWords(q, ['Cấp Giấy chứng nhận quyền sở hữu nhà ở'])).toEqual(['bitcoin']);
  });
});
