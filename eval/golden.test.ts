import { describe, expect, it } from 'vitest';
import type { Answerer, AnswerRequest, AnswerResult } from '../core/answer/types.ts';
import type { Corpus } from '../core/search/types.ts';
import { compareGolden, goldenHolds, goldenSummary, runGolden, type GoldenQuestion } from './golden.ts';

const corpus: Corpus = { search: async () => [], document: () => undefined, chunksOf: () => [], chunk: () => undefined };

/** Answers "thường trú" questions; a follow-up is answered about the previous turn's document. */
class ScriptedAnswerer implements Answerer {
  readonly name = 'extractive' as const;
  constructor(private readonly fee = '10.000 đồng') {}
  async answer(req: AnswerRequest): Promise<AnswerResult> {
    const base = { notices: [], answerer: this.name, citations: [] };
    if (req.question.includes('thường trú')) {
      return { ...base, refused: false, answer: `Đăng ký thường trú (${req.role}).`, context: { focusDocIds: ['d-1'], lastIntent: 'time' } };
    }
    if (req.context?.focusDocIds[0] === 'd-1') return { ...base, refused: false, answer: `Lệ phí ${this.fee}.`, context: req.context };
    return { ...base, refused: true, reason: 'NO_SOURCE', answer: 'Chưa tìm thấy.', context: { focusDocIds: [] } };
  }
}

const questions: GoldenQuestion[] = [
  { id: 'a', text: 'đăng ký thường trú mất bao lâu' },
  { id: 'b', text: 'còn lệ phí?', followUpOf: 'a' },
  { id: 'c', text: 'thủ tục cấp phép nuôi rồng' },
];

describe('golden answers', () => {
  it('asks every question as citizen and official, follow-ups in their parent conversation', async () => {
    const out = await runGolden(corpus, questions, new ScriptedAnswerer());
    expect(out.map((o) => o.id)).toEqual(['citizen/a', 'citizen/b', 'citizen/c', 'official/a', 'official/b', 'official/c']);
    expect(out[1]).toMatchObject({ answer: 'Lệ phí 10.000 đồng.', refused: false, context: { focusDocIds: ['d-1'], lastIntent: 'time' } });
    expect(out[2]).toMatchObject({ refused: true, reason: 'NO_SOURCE' });
    expect(out[3]!.answer).toBe('Đăng ký thường trú (official).');
    // No random ids: the same run gives the same outputs.
    expect(compareGolden(out, await runGolden(corpus, questions, new ScriptedAnswerer()))).toMatchObject({ compared: 6, identical: 6 });
  });

  it('reports every output that changed, with the fields that differ', async () => {
    const saved = await runGolden(corpus, questions, new ScriptedAnswerer());
    const changed = await runGolden(corpus, questions, new ScriptedAnswerer('20.000 đồng'));
    const c = compareGolden(saved, changed);
    expect(c).toMatchObject({ compared: 6, identical: 4, missing: [], added: [] });
    expect(c.differing).toEqual([{ id: 'citizen/b', fields: ['answer'] }, { id: 'official/b', fields: ['answer'] }]);
    expect(goldenHolds(c)).toBe(false);
    expect(goldenSummary(c)).toContain('differs: citizen/b (answer)');
  });

  it('counts questions saved but not asked, and asked but not saved', async () => {
    const saved = await runGolden(corpus, questions, new ScriptedAnswerer());
    const c = compareGolden(saved, await runGolden(corpus, [questions[0]!, { id: 'd', text: 'hộ chiếu' }], new ScriptedAnswerer()));
    expect(c.missing).toEqual(['citizen/b', 'citizen/c', 'official/b', 'official/c']);
    expect(c.added).toEqual(['citizen/d', 'official/d']);
    expect(goldenHolds(c)).toBe(false);
    expect(goldenHolds(compareGolden(saved, saved))).toBe(true);
  });
});
