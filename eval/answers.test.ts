import { describe, expect, it } from 'vitest';
import type { Citation } from '../core/model.ts';
import type { Answerer, AnswerRequest, AnswerResult } from '../core/answer/types.ts';
import type { Corpus, SearchHit } from '../core/search/types.ts';
import { latencyStats, rate, runAnswerEval } from './answers.ts';
import type { ProcedureQuestion, UnanswerableQuestion } from './datasets/answer-datasets.ts';

function hit(sourceId: string): SearchHit {
  return { docId: `d-${sourceId}`, sourceId, chunkId: `d-${sourceId}#0`, label: 0, title: `Thủ tục ${sourceId}`, section: 'Lệ phí', score: 1, text: '' };
}

/** Finds the residence procedure for any question about "thường trú", nothing else. */
const corpus: Corpus = {
  search: async (query) => (query.includes('thường trú') ? [hit('9.000002'), hit('1.004222')] : []),
  document: () => undefined,
  chunksOf: () => [],
  chunk: () => undefined,
};

function citation(sourceId: string, quote: string): Citation {
  return { n: 1, docId: `d-${sourceId}`, sourceId, title: `Thủ tục ${sourceId}`, section: 'Lệ phí', quote };
}

/** A scripted answerer: answers residence questions (and their follow-ups), refuses the rest. */
class ScriptedAnswerer implements Answerer {
  readonly name = 'extractive' as const;
  readonly seen: AnswerRequest[] = [];
  async answer(req: AnswerRequest): Promise<AnswerResult> {
    this.seen.push(req);
    const base = { notices: [], answerer: this.name };
    if (req.question.includes('thường trú')) {
      return {
        ...base, refused: false,
        answer: 'Thời hạn giải quyết 7 ngày làm việc [1].',
        citations: [citation('1.004222', 'Thời hạn giải quyết: 7 ngày làm việc.')],
        context: { focusDocIds: ['d-1.004222'] },
      };
    }
    if (req.context?.focusDocIds.includes('d-1.004222')) {
      // States a fee the quote does not contain: an unsupported fact.
      return {
        ...base, refused: false,
        answer: 'Lệ phí 20.000 đồng [1].',
        citations: [citation('1.004222', 'Phí, lệ phí: 10.000 đồng.')],
        context: req.context,
      };
    }
    return { ...base, refused: true, reason: 'NO_SOURCE', answer: 'Chưa tìm thấy văn bản.', citations: [], context: { focusDocIds: [] } };
  }
}

const questions: ProcedureQuestion[] = [
  { qid: 'a', text: 'đăng ký thường trú mất bao lâu', gold_codes: ['1.004222'], intent: 'time', expected_facts: ['07 ngày làm việc'] },
  { qid: 'b', text: 'còn lệ phí?', gold_codes: ['1.004222'], intent: 'fee', expected_facts: ['10.000'], follow_up_of: 'a' },
  { qid: 'c', text: 'làm hộ chiếu cần gì', gold_codes: ['1.001456'], intent: 'papers', expected_facts: ['Tờ khai'] },
];
const unanswerable: UnanswerableQuestion[] = [
  { qid: 'u1', text: 'thời tiết ngày mai', note: 'thời tiết' },
  { qid: 'u2', text: 'giá vé thường trú vũ trụ', note: 'bịa' },
];

describe('runAnswerEval', () => {
  it('scores citations, facts, unsupported facts and refusals, asking follow-ups in their parent conversation', async () => {
    const answerer = new ScriptedAnswerer();
    const r = await runAnswerEval({ indexDir: 'unused', corpus, answerer, questions, unanswerable });

    // The follow-up reached the answerer with the context its parent left.
    expect(answerer.seen.find((q) => q.question === 'còn lệ phí?')?.context?.focusDocIds).toEqual(['d-1.004222']);
    expect(r.procedure.goldCited).toEqual(rate(2, 3));
    expect(r.procedure.goldRetrieved).toEqual(rate(1, 2));
    expect(r.outcomes.find((o) => o.qid === 'a')?.goldRetrievedRank).toBe(2);
    expect(r.procedure.factsFound).toEqual(rate(1, 3));
    expect(r.procedure.falseRefusals).toEqual(rate(1, 3));
    expect(r.unanswerable.correctRefusals).toEqual(rate(1, 2));
    expect(r.unsupported).toEqual({ total: 1, items: [{ qid: 'b', facts: ['20000 đồng'] }] });
    expect(r.byIntent.map((b) => [b.intent, b.questions, b.goldCited.rate])).toEqual([['papers', 1, 0], ['fee', 1, 1], ['time', 1, 1]]);
    expect(r.failures.map((f) => [f.qid, f.kinds])).toEqual([
      ['b', ['missing-facts', 'unsupported-facts']],
      ['c', ['false-refusal']],
      ['u2', ['answered-unanswerable']],
    ]);
    expect(r.latency.answer.p95).toBeGreaterThanOrEqual(r.latency.answer.p50);
    expect(r.answerer).toBe('extractive');
  });
});

describe('latencyStats', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(latencyStats(values)).toEqual({ p50: 50, p95: 95, mean: 50.5 });
    expect(latencyStats([])).toEqual({ p50: 0, p95: 0, mean: 0 });
  });
});
