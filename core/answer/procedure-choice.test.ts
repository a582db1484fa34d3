import { beforeAll, describe, expect, it } from 'vitest';
import { contentUnits } from './coverage.ts';
import { acceptsProcedure, chooseProcedure, MIN_TITLE_PRECISION, STRONG_TITLE_PRECISION, unseenWords } from './procedure-choice.ts';
import { analyzeQuestion } from './question.ts';
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
});

describe('unseenWords', () => {
  it('lists the content words that none of the passages contains', () => {
    const q = analyzeQuestion('Cấp giấy chứng nhận sở hữu bitcoin ở đâu?');
    expect(unseenWords(q, ['Cấp Giấy chứng nhận quyền sở hữu nhà ở'])).toEqual(['bitcoin']);
  });
});
