import { describe, expect, it } from 'vitest';
import { jobInfoSchema, toJobProgress } from './job-info.ts';

describe('job progress', () => {
  it('counts the pages OCR\'d in the current file towards the percentage and names the file, not its path', () => {
    const before = toJobProgress({ phase: 'load', sourcesDone: 1, sourcesTotal: 2, chunks: 10 });
    const during = toJobProgress({ phase: 'load', sourcesDone: 1, sourcesTotal: 2, chunks: 10, pages: { source: '/srv/uploads/ban-scan.pdf', done: 100, total: 200 } });
    expect(during.pages).toEqual({ file: 'ban-scan.pdf', done: 100, total: 200 });
    expect(before.percent).toBe(38);
    expect(during.percent).toBe(54);
    expect(before.pages).toBeUndefined();
  });

  it('keeps the pages and the extraction summary through the persisted job schema', () => {
    const job = {
      id: 'j1', kind: 'reindex', status: 'succeeded', requestedBy: 'admin', createdAt: '2026-12-07T00:00:00Z', options: { rebuild: false },
      progress: { phase: 'done', sourcesDone: 1, sourcesTotal: 1, chunks: 3, percent: 100, pages: { file: 'a.pdf', done: 1, total: 1 } },
      summary: {
        published: true, added: 1, updated: 0, removed: 0, unchanged: 0, skipped: [], documents: 1, chunks: 3, durationMs: 5,
        extraction: [{ sourceId: 'a.pdf', pages: 1, ocrPages: [1], pageConfidence: [95.5], meanConfidence: 95.5, lowConfidencePages: [], warnings: [] }],
      },
    };
    expect(jobInfoSchema.parse(job)).toEqual(job);
  });
});
