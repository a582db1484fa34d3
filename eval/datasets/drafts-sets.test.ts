import { describe, expect, it } from 'vitest';
import { FRESH2_DRAFTS_PATH, FRESH3_DRAFTS_PATH, FRESH_DRAFTS_PATH, loadFreshDrafts } from '../drafts.ts';
import { checkOfficialQuestions, loadCorpusDocs } from './check-officials-questions.ts';
import { loadOfficialQuestions } from './officials-questions.ts';

describe('the held-out drafting sets', () => {
  it('quote facts found verbatim in their gold documents and forbid passages that are in the corpus, with ids and requests of their own', async () => {
    const [fresh, fresh2, fresh3, dev, docs] = await Promise.all([
      loadFreshDrafts(FRESH_DRAFTS_PATH), loadFreshDrafts(FRESH2_DRAFTS_PATH), loadFreshDrafts(FRESH3_DRAFTS_PATH),
      loadOfficialQuestions(), loadCorpusDocs(),
    ]);
    const sets = [fresh, fresh2, fresh3];
    for (const set of sets) {
      expect(checkOfficialQuestions(set, docs)).toEqual([]);
      expect(set.every((q) => q.kind === 'draft')).toBe(true);
    }
    const all = [...dev, ...sets.flat()];
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    expect(new Set(all.map((q) => q.question.toLowerCase())).size).toBe(all.length);
  });

  it('asks the third set in natural phrasings and across the document types an official drafts', async () => {
    const fresh3 = await loadFreshDrafts(FRESH3_DRAFTS_PATH);
    expect(fresh3.length).toBeGreaterThanOrEqual(12);
    const openings = new Set(fresh3.map((q) => q.question.split(' ').slice(0, 2).join(' ').toLowerCase()));
    expect(openings.size).toBeGreaterThanOrEqual(6);
    const types = ['công văn', 'báo cáo', 'kế hoạch', 'tờ trình', 'thông báo', 'giấy mời', 'quyết định'];
    for (const type of types) expect(fresh3.some((q) => q.question.toLowerCase().includes(type))).toBe(true);
  });
});
