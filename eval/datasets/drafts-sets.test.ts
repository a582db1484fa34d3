import { describe, expect, it } from 'vitest';
import { FRESH2_DRAFTS_PATH, FRESH3_DRAFTS_PATH, FRESH4_DRAFTS_PATH, FRESH_DRAFTS_PATH, loadFreshDrafts } from '../drafts.ts';
import { checkOfficialQuestions, loadCorpusDocs } from './check-officials-questions.ts';
import { loadOfficialQuestions } from './officials-questions.ts';

describe('the held-out drafting sets', () => {
  it('quote facts found verbatim in their gold documents and forbid passages that are in the corpus, with ids and requests of their own', async () => {
    const [fresh, fresh2, fresh3, fresh4, dev, docs] = await Promise.all([
      loadFreshDrafts(FRESH_DRAFTS_PATH), loadFreshDrafts(FRESH2_DRAFTS_PATH), loadFreshDrafts(FRESH3_DRAFTS_PATH),
      loadFreshDrafts(FRESH4_DRAFTS_PATH), loadOfficialQuestions(), loadCorpusDocs(),
    ]);
    const sets = [fresh, fresh2, fresh3, fresh4];
    for (const set of sets) {
      expect(checkOfficialQuestions(set, docs)).toEqual([]);
      expect(set.every((q) => q.kind === 'draft')).toBe(true);
    }
    const all = [...dev, ...sets.flat()];
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    expect(new Set(all.map((q) => q.question.toLowerCase())).size).toBe(all.length);
  });

  it.each([['third', FRESH3_DRAFTS_PATH], ['fourth', FRESH4_DRAFTS_PATH]])('asks the %s set in natural phrasings and across the document types an official drafts', async (_name, path) => {
    const set = await loadFreshDrafts(path);
    expect(set.length).toBeGreaterThanOrEqual(12);
    const openings = new Set(set.map((q) => q.question.split(' ').slice(0, 2).join(' ').toLowerCase()));
    expect(openings.size).toBeGreaterThanOrEqual(6);
    const types = ['công văn', 'báo cáo', 'kế hoạch', 'tờ trình', 'thông báo', 'giấy mời', 'quyết định'];
    for (const type of types) expect(set.some((q) => q.question.toLowerCase().includes(type))).toBe(true);
  });

  it('has short, vague requests and requests across two documents in the fourth set', async () => {
    const fresh4 = await loadFreshDrafts(FRESH4_DRAFTS_PATH);
    expect(fresh4.filter((q) => q.question.split(' ').length <= 9).length).toBeGreaterThanOrEqual(2);
    expect(fresh4.filter((q) => (q.goldDocs ?? []).length >= 2).length).toBeGreaterThanOrEqual(2);
  });
});
