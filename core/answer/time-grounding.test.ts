import { beforeAll, describe, expect, it } from 'vitest';
import { readProcedures } from '../structure/testing/fixtures.ts';
import { ExtractiveAnswerer } from './extractive-answerer.ts';
import { unsupportedFacts } from './ground/facts.ts';
import { MemoryCorpus, procedureDocument } from './testing/memory-corpus.ts';

/**
 * 1.014316 "Hỗ trợ chi phí" writes its time as a bare "1"; the only "01 tháng" of the record
 * is a date ("chậm nhất ngày 01 tháng 10 hằng năm"). Among real distractors.
 */
const CODE = '1.014316';
const DISTRACTORS = 60;

let corpus: MemoryCorpus;
const answerer = new ExtractiveAnswerer();

beforeAll(() => {
  const all = readProcedures();
  const picked = all.filter((r) => String(r.ma_thu_tuc) === CODE);
  const others = all.filter((r) => String(r.ma_thu_tuc) !== CODE).slice(0, DISTRACTORS);
  corpus = new MemoryCorpus([...picked, ...others].map(procedureDocument));
});

describe('a bare time next to a date in the steps', () => {
  it('does not read "ngày 01 tháng 10" as a unit for the bare "1", and states only what its quotes hold', async () => {
    const r = await answerer.answer({ question: 'Thủ tục hỗ trợ chi phí đầu tư mất bao lâu thì giải quyết xong?', role: 'citizen', asOf: '2026-12-08' }, corpus);
    expect(r.refused).toBe(false);
    expect(r.citations[0]?.sourceId).toBe(CODE);
    expect(r.answer).not.toMatch(/\b1 tháng\b/u);
    expect(unsupportedFacts(r.answer, r.citations.map((c) => c.quote)), r.answer).toEqual([]);
  });

  it('shows no unit its sentence does not state, when the typed fields hold one (an index built before the fix)', async () => {
    const all = readProcedures();
    const stale = procedureDocument(all.find((r) => String(r.ma_thu_tuc) === CODE)!);
    const facts = stale.record.procedure!;
    // The fields as the faulty parse wrote them: the bare "1" given "tháng" from "ngày 01 tháng 10".
    stale.record.procedure = { ...facts, times: facts.times.map((t) => ({ ...t, unit: 'tháng' as const, unitFrom: 'text' as const, evidence: 'báo cáo Cơ quan điều hành Quỹ chậm nhất ngày 01 tháng 10 hằng năm' })) };
    const old = new MemoryCorpus([stale, ...all.filter((r) => String(r.ma_thu_tuc) !== CODE).slice(0, DISTRACTORS).map(procedureDocument)]);
    const r = await answerer.answer({ question: 'Thủ tục hỗ trợ chi phí đầu tư mất bao lâu thì giải quyết xong?', role: 'citizen', asOf: '2026-12-08' }, old);
    expect(r.answer).not.toMatch(/\b1 tháng\b/u);
    // The recovered unit's sentence states no "1 tháng": the time is shown as the bare number the catalogue gives.
    expect(r.refused).toBe(false);
    expect(r.answer).not.toContain('đơn vị theo Trình tự thực hiện');
    expect(unsupportedFacts(r.answer, r.citations.map((c) => c.quote)), r.answer).toEqual([]);
  });
});
