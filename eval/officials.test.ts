import { describe, expect, it } from 'vitest';
import type { Citation } from '../core/model.ts';
import type { Answerer, AnswerRequest, AnswerResult } from '../core/answer/types.ts';
import type { Corpus } from '../core/search/types.ts';
import type { OfficialQuestion } from './datasets/officials-questions.ts';
import { expectedItems, nearestOf, runOfficialsEval } from './officials.ts';
import { officialsNames, officialsSection } from './officials-report.ts';

const corpus: Corpus = { search: async () => [], document: () => undefined, chunksOf: () => [], chunk: () => undefined };

function citation(sourceId: string, quote: string): Citation {
  return { n: 1, docId: `d-${sourceId}`, sourceId, title: 'Thông báo', section: 'Phần đầu', quote };
}

/** Answers the signer question, follows up with a date the quote lacks, refuses the rest (offering a document). */
class ScriptedAnswerer implements Answerer {
  readonly name = 'extractive' as const;
  readonly seen: AnswerRequest[] = [];
  async answer(req: AnswerRequest): Promise<AnswerResult> {
    this.seen.push(req);
    const base = { notices: [], answerer: this.name };
    if (req.question.includes('ai ký')) {
      return { ...base, refused: false, answer: 'Người ký: Nguyễn Văn A, Phó Giám đốc [1].', citations: [citation('qn/tb.md', 'PHÓ GIÁM ĐỐC\nNguyễn Văn A')], context: { focusDocIds: ['d-qn/tb.md'] } };
    }
    if (req.context?.focusDocIds.includes('d-qn/tb.md')) {
      return { ...base, refused: false, answer: 'Ban hành ngày 04/6/2026 [1].', citations: [citation('qn/tb.md', 'Số: 114/TB-SKHCN')], context: req.context };
    }
    return {
      ...base, refused: true, reason: 'NO_SOURCE', answer: 'Không tìm thấy.', citations: [], context: { focusDocIds: [] },
      nearest: [{ docId: 'd-qn/tb.md', sourceId: 'qn/tb.md', title: 'Thông báo', link: '/sources/d-qn%2Ftb.md' }],
    };
  }
}

const questions: OfficialQuestion[] = [
  { id: 'off-001', kind: 'doc_facts', question: 'Thông báo 114 do ai ký?', goldDocs: ['qn/tb.md'], facts: ['Nguyễn Văn A'], anyOf: [['Phó Giám đốc', 'PGĐ']], forbidden: ['Trần Văn B'], note: 'n' },
  { id: 'off-002', kind: 'doc_facts', question: 'ban hành ngày nào?', goldDocs: ['qn/tb.md'], anyOf: [['04/6/2026', 'ngày 04 tháng 6 năm 2026']], followUpOf: 'off-001', note: 'n' },
  { id: 'off-003', kind: 'list', question: 'Thông báo gửi những nơi nào?', goldDocs: ['qn/tb.md'], listItems: ['UBND tỉnh', 'Lưu: VT'], note: 'n' },
  { id: 'off-004', kind: 'unanswerable', question: 'Thông báo 115 nói gì?', note: 'Not indexed; nearest: qn/tb.md.' },
  { id: 'off-005', kind: 'draft', question: 'Soạn công văn', goldDocs: ['qn/tb.md'], facts: ['x'], forbidden: ['y'], note: 'n' },
];

describe('officials evaluation', () => {
  it('reads the nearest document a refusal should offer from the note', () => {
    expect(nearestOf(questions[3]!)).toBe('qn/tb.md');
    expect(nearestOf(questions[0]!)).toBeUndefined();
  });

  it('counts facts, one spelling of each anyOf group and list items; a refusal has none', () => {
    expect(expectedItems(questions[0]!, 'Người ký: Nguyễn Văn A, PGĐ', false)).toEqual({ expected: ['Nguyễn Văn A', 'Phó Giám đốc'], missing: [] });
    expect(expectedItems(questions[2]!, 'Gửi UBND tỉnh.', false).missing).toEqual(['Lưu: VT']);
    expect(expectedItems(questions[0]!, 'Nguyễn Văn A', true).missing).toHaveLength(2);
  });

  it('asks as an official, follow-ups in their conversation, drafts left out, and scores by kind', async () => {
    const answerer = new ScriptedAnswerer();
    const r = await runOfficialsEval({ indexDir: 'mem', corpus, answerer, questions });
    expect(answerer.seen.every((q) => q.role === 'official')).toBe(true);
    expect(r.questions).toBe(4);
    expect(r.followUps).toBe(1);
    expect(answerer.seen.find((q) => q.question === 'ban hành ngày nào?')?.context?.focusDocIds).toEqual(['d-qn/tb.md']);
    const docFacts = r.byKind.find((b) => b.kind === 'doc_facts')!;
    expect(docFacts.facts.mean).toBe(1);
    expect(docFacts.goldCited).toMatchObject({ n: 2, of: 2 });
    // The follow-up's date is not in its quote.
    expect(r.unsupported.items).toEqual([{ id: 'off-002', facts: ['04/06/2026'] }]);
    expect(r.overall.falseRefusals).toMatchObject({ n: 1, of: 3 });
    expect(r.unanswerable.correctRefusals).toMatchObject({ n: 1, of: 1 });
    expect(r.unanswerable.nearestOffered).toMatchObject({ n: 1, of: 1 });
    expect(r.failures.map((f) => f.id)).toEqual(['off-002', 'off-003']);
    expect(officialsSection(r)).toContain('| doc_facts | 2 | 1.000 |');
    expect(r.set).toBe('dev');
    expect(officialsSection(r)).toContain('**A development set**');
  });

  it('names the fresh set\'s report and BENCHMARKS section apart from the development set\'s', async () => {
    const r = await runOfficialsEval({ indexDir: 'mem', corpus, answerer: new ScriptedAnswerer(), questions, set: 'fresh' });
    expect(officialsNames(r)).toEqual({ base: `officials-fresh-${r.date}`, marker: 'eval-officials-fresh' });
    expect(officialsNames({ ...r, set: 'dev' })).toEqual({ base: `officials-${r.date}`, marker: 'eval-officials' });
    expect(officialsSection(r)).toContain('`npm run eval -- officials --set fresh`');
    expect(officialsSection(r)).toContain('**A fresh set**');
    const r2 = await runOfficialsEval({ indexDir: 'mem', corpus, answerer: new ScriptedAnswerer(), questions, set: 'fresh2' });
    expect(officialsNames(r2)).toEqual({ base: `officials-fresh2-${r2.date}`, marker: 'eval-officials-fresh2' });
    expect(officialsSection(r2)).toContain('`npm run eval -- officials --set fresh2`');
    expect(officialsSection(r2)).toContain('**A second fresh set**');
    const r3 = await runOfficialsEval({ indexDir: 'mem', corpus, answerer: new ScriptedAnswerer(), questions, set: 'fresh3' });
    expect(officialsNames(r3)).toEqual({ base: `officials-fresh3-${r3.date}`, marker: 'eval-officials-fresh3' });
    expect(officialsSection(r3)).toContain('`npm run eval -- officials --set fresh3`');
    expect(officialsSection(r3)).toContain('**A third fresh set**');
  });
});
