import { describe, expect, it } from 'vitest';
import type { CitizenTrap } from './datasets/citizen-traps.ts';
import { scoreTrap, summariseTraps } from './traps.ts';
import { trapsFreshSection } from './traps-report.ts';

const trap = (over: Partial<CitizenTrap>): CitizenTrap => ({
  id: 'trap-x', kind: 'fee_hidden_amount', question: 'q', asOf: '2026-12-07', goldProcedure: '3.000347',
  facts: ['135.000'], anyOf: [], forbidden: ['miễn phí'], expect: 'answer', note: '', ...over,
});
const cite = (sourceId: string, quote: string) => ({ sourceId, quote });

describe('scoreTrap', () => {
  it('passes an answer citing the gold procedure with every fact and no forbidden string', () => {
    const o = scoreTrap(trap({}), { answer: 'Lệ phí: 135,000 đồng/lần [1].', refused: false, citations: [cite('3.000347', 'Lệ phí 135.000 đồng/lần')] });
    expect(o).toMatchObject({ passed: true, goldCited: true, missingFacts: [], forbiddenFound: [], unsupportedFacts: [] });
  });

  it('fails on a forbidden string, a missing fact or anyOf group, another procedure, or a refusal', () => {
    const reply = (answer: string, sourceId = '3.000347') => ({ answer, refused: false, citations: [cite(sourceId, answer)] });
    expect(scoreTrap(trap({}), reply('Miễn phí; lệ phí 135.000 đồng')).forbiddenFound).toEqual(['miễn phí']);
    expect(scoreTrap(trap({}), reply('Lệ phí 1.135.000 đồng')).missingFacts).toEqual(['135.000']);
    expect(scoreTrap(trap({ anyOf: [['HĐND', 'Hội đồng nhân dân']] }), reply('135.000 đồng')).missingAnyOf).toEqual([['HĐND', 'Hội đồng nhân dân']]);
    expect(scoreTrap(trap({}), reply('135.000 đồng', '3.000348')).passed).toBe(false);
    expect(scoreTrap(trap({}), { answer: '135.000', refused: true, reason: 'NO_SOURCE', citations: [] }).passed).toBe(false);
  });

  it('passes a refusal only with the reason the item expects', () => {
    const pd = trap({ kind: 'personal_data', expect: 'personal_data', goldProcedure: null, facts: ['tra cứu'], forbidden: ['001099012345'] });
    expect(scoreTrap(pd, { answer: 'Số đã được ẩn; bạn tra cứu hồ sơ trên Cổng Dịch vụ công quốc gia.', refused: true, reason: 'PERSONAL_DATA', citations: [] }).passed).toBe(true);
    expect(scoreTrap(pd, { answer: 'Số đã được ẩn; bạn tra cứu hồ sơ.', refused: true, reason: 'NO_SOURCE', citations: [] }).passed).toBe(false);
  });

  it('counts facts no cited quote supports, and sums per kind', () => {
    const t = trap({});
    const o = scoreTrap(t, { answer: 'Lệ phí 135.000 đồng, hạn 31/12/2027.', refused: false, citations: [cite('3.000347', 'Lệ phí 135.000 đồng')] });
    expect(o.unsupportedFacts).toEqual(['31/12/2027']);
    const r = summariseTraps([o], [t], { date: 'd', machine: 'm', node: 'n', indexDir: 'i' });
    expect(r.byKind).toEqual([expect.objectContaining({ kind: 'fee_hidden_amount', questions: 1, forbidden: 0 })]);
    expect(r.unsupported).toBe(1);
    expect(r.byKind[0]!.factsFound).toEqual({ n: 1, of: 1, rate: 1 });
  });

  it('writes the fresh set\'s section with its own command, file and table', () => {
    const t = trap({});
    const o = scoreTrap(t, { answer: 'Lệ phí 135.000 đồng.', refused: false, citations: [cite('3.000347', 'Lệ phí 135.000 đồng')] });
    const section = trapsFreshSection(summariseTraps([o], [t], { date: '2026-12-07', machine: 'm', node: 'n', indexDir: 'data/eval/full-index' }));
    expect(section).toContain('`npm run eval -- traps --set fresh`');
    expect(section).toContain('citizen-traps-fresh.jsonl');
    expect(section).toContain('| fee_hidden_amount | 1 | 100.0% (1/1) |');
    const section2 = trapsFreshSection(summariseTraps([o], [t], { date: '2026-12-07', machine: 'm', node: 'n', indexDir: 'data/eval/full-index' }), 'fresh2');
    expect(section2).toContain('`npm run eval -- traps --set fresh2`');
    expect(section2).toContain('citizen-traps-fresh2.jsonl');
    expect(section2).toContain('check-citizen-traps.ts --fresh2');
    expect(section2).not.toContain('citizen-traps-fresh.jsonl');
    const section3 = trapsFreshSection(summariseTraps([o], [t], { date: '2026-12-07', machine: 'm', node: 'n', indexDir: 'data/eval/full-index' }), 'fresh3');
    expect(section3).toContain('`npm run eval -- traps --set fresh3`');
    expect(section3).toContain('citizen-traps-fresh3.jsonl');
    expect(section3).toContain('check-citizen-traps.ts --fresh3');
    const section4 = trapsFreshSection(summariseTraps([o], [t], { date: '2026-12-07', machine: 'm', node: 'n', indexDir: 'data/eval/full-index' }), 'fresh4');
    expect(section4).toContain('`npm run eval -- traps --set fresh4`');
    expect(section4).toContain('citizen-traps-fresh4.jsonl');
    expect(section4).toContain('never read to write rules');
    expect(section3).toContain('development data');
  });
});
