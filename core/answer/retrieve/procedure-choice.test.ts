import { beforeAll, describe, expect, it } from 'vitest';
import { contentUnits, passageTerms } from './coverage.ts';
import { acceptsProcedure, chooseProcedure, storyExcuses, unseenWords } from './procedure-choice.ts';
import {
  HIGH_TITLE_RECALL, MIN_TITLE_PRECISION, RARE_MISS_PENALTY, RECALLED_TITLE_PRECISION, STORY_MIN_TITLE_RECALL, STRONG_TITLE_PRECISION, SUPPORTED_TITLE_PRECISION, SUPPORTED_TITLE_SCORE,
} from '../tuning.ts';
import type { SearchHit } from '../../search/types.ts';
import { readProcedures } from '../../structure/testing/fixtures.ts';
import { analyzeQuestion } from '../understand/question.ts';
import { rarityWeight } from './term-rarity.ts';
import { answerFixtures, type AnswerFixtures } from '../testing/fixtures.ts';
import { procedureDocument } from '../testing/memory-corpus.ts';

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

  it('does not count a rare unit as missed when the retrieved field of a generic name states it', () => {
    const d = procedureDocument(readProcedures().find((r) => r.ten_thu_tuc === 'Cấp giấy phép lái xe')!);
    const fee = d.chunks.find((c) => /hạng xe A1/u.test(c.text))!;
    const general = d.chunks.find((c) => c.sectionLabel === 'Thông tin chung' && !/A1/u.test(c.text))!;
    const hitOf = (c: typeof fee): SearchHit => ({
      docId: d.record.id, sourceId: d.record.sourceId, chunkId: c.id, label: 0, title: d.record.title, section: c.sectionLabel, score: 1, text: c.text,
    });
    const weight = (t: string): number => (t === 'a1' ? 8 : 1);
    const q = analyzeQuestion('phí thi sát hạch lái xe máy hạng A1 là bao nhiêu');
    const units = contentUnits(q, weight);
    const pick = (c: typeof fee) => chooseProcedure(q, units, [hitOf(c)], () => d.record, { weight });
    expect(pick(fee)!.score - pick(general)!.score).toBeCloseTo(RARE_MISS_PENALTY);
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

  it('accepts a title below the least precision when precision and recall together say most of the question and its rare units', async () => {
    const { choice } = await choose(`${fx.featured.fee.record.title} là bao nhiêu?`);
    const precision = (SUPPORTED_TITLE_PRECISION + MIN_TITLE_PRECISION) / 2;
    const said = { ...choice!, precision, recall: SUPPORTED_TITLE_SCORE - precision, rareMissed: 1, rareTotal: 5 };
    expect(acceptsProcedure(said, [])).toBe(true);
    expect(acceptsProcedure({ ...said, recall: said.recall - 0.05 }, [])).toBe(false);
    expect(acceptsProcedure({ ...said, rareMissed: 3 }, [])).toBe(false);
    expect(acceptsProcedure({ ...said, precision: SUPPORTED_TITLE_PRECISION - 0.05, recall: 1 }, [])).toBe(false);
    // Words no retrieved passage holds still ask for a strong name.
    expect(acceptsProcedure(said, ['bitcoin'])).toBe(false);
  });
});

describe('unseenWords', () => {
  it('lists the content words that none of the passages contains', () => {
    const q = analyzeQuestion('Cấp giấy chứng nhận sở hữu bitcoin ở đâu?');
    expect(unseenWords(q, [passageTerms('Cấp Giấy chứng nhận quyền sở hữu nhà ở')])).toEqual(['bitcoin']);
  });

  it('with term weights, counts only a word the corpus barely knows, not a common one the passages happen to lack', () => {
    const q = analyzeQuestion('Công ty tôi xin chấp thuận thuê tàu bay có được giảm phí bitcoin không?');
    const passages = [passageTerms('Chấp thuận việc thuê tàu bay')];
    const weight = (t: string) => (t === 'bitcoin' ? 11 : 2.5);
    expect(unseenWords(q, passages)).toEqual(expect.arrayContaining(['ty', 'bitcoin']));
    expect(unseenWords(q, passages, weight)).toEqual(['bitcoin']);
  });

  it('does not count an age ("10 tuổi") as a word the corpus does not know', () => {
    const q = analyzeQuestion('Làm căn cước cho con 10 tuổi cần giấy tờ gì?');
    expect(unseenWords(q, ['Cấp thẻ căn cước cho người dưới 14 tuổi', 'người đại diện của con'].map(passageTerms))).toEqual([]);
    expect(unseenWords(analyzeQuestion('Kế hoạch 83 là gì'), [passageTerms('Kế hoạch phát triển')])).toEqual(['83']);
  });

  it('lets unseen words of the asker\'s story pass at the usual precision only when the title says a fair part of the question', async () => {
    const { choice } = await choose(`${fx.featured.fee.record.title} là bao nhiêu?`);
    const middling = { ...choice!, precision: (MIN_TITLE_PRECISION + STRONG_TITLE_PRECISION) / 2, recall: STORY_MIN_TITLE_RECALL + 0.1 };
    expect(storyExcuses(middling)).toBe(true);
    expect(acceptsProcedure(middling, [], ['keo', 'quat'])).toBe(true);
    // The same word in the request still asks for a strong name.
    expect(acceptsProcedure(middling, ['keo'], [])).toBe(false);
    // A name matched through a word or two of the request vouches for nothing else.
    const narrow = { ...middling, recall: STORY_MIN_TITLE_RECALL - 0.05 };
    expect(storyExcuses(narrow)).toBe(false);
    expect(acceptsProcedure(narrow, [], ['nham'])).toBe(false);
    expect(acceptsProcedure({ ...narrow, precision: STRONG_TITLE_PRECISION }, [], ['nham'])).toBe(true);
  });
});
