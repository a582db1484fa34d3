import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentRecord } from '../model.ts';
import { FakeEmbedder } from '../embed/fake-embedder.ts';
import { analyzeForIndex } from './analysis.ts';
import { Bm25Index } from './bm25.ts';
import { FlatIndex } from './flat-index.ts';
import { hybridSearch, type SearchParts } from './hybrid-search.ts';
import { indexTextOf } from './index-text.ts';

type DocSpec = Partial<DocumentRecord> & { id: string; title: string; sections: string[] };

/** A small in-memory index built the way ingest builds one (same analyzer, index text). */
function build(specs: DocSpec[]): SearchParts {
  const embedder = new FakeEmbedder(32);
  const bm25 = new Bm25Index(['terms', 'folded']);
  const vectors = new FlatIndex(32);
  const docs = new Map<string, DocumentRecord>();
  const chunks = new Map<number, Chunk>();
  let label = 0;
  for (const s of specs) {
    const doc: DocumentRecord = {
      type: 'kế hoạch', status: 'in_force', audience: 'public', sourceId: s.id, source: `${s.id}.txt`,
      contentHash: s.id, chunkCount: s.sections.length, ...s,
    };
    docs.set(doc.id, doc);
    s.sections.forEach((text, i) => {
      const chunk: Chunk = { id: `${doc.id}#${i}`, docId: doc.id, sectionPath: [String(i)], sectionLabel: `Mục ${i + 1}`, headingTrail: [], text };
      chunks.set(label, chunk);
      const indexed = indexTextOf(doc, chunk);
      bm25.add(label, analyzeForIndex(indexed));
      vectors.add(label, embedder.embed(indexed));
      label++;
    });
  }
  return { bm25, vectors, embedder, chunk: (l) => chunks.get(l), document: (id) => docs.get(id) };
}

const parts = build([
  { id: 'kh83', title: 'Kế hoạch thực hiện chuyển đổi số năm 2021', number: '83/KH-UBND', sections: ['Mục tiêu chuyển đổi số trong cơ quan nhà nước.', 'Tổ chức thực hiện kế hoạch.'] },
  { id: 'kh12', title: 'Kế hoạch phát triển du lịch', number: '12/KH-UBND', sections: ['Phát triển du lịch biển đảo, kế hoạch số 83 năm trước đã hoàn thành.'] },
  { id: 'cc', title: 'Cấp thẻ căn cước', type: 'thủ tục', sections: ['Thành phần hồ sơ: tờ khai căn cước.', 'Thời hạn giải quyết: 7 ngày làm việc.', 'Lệ phí: 30.000 đồng cấp đổi thẻ căn cước.'] },
  { id: 'mat', title: 'Kế hoạch bảo vệ bí mật nhà nước về chuyển đổi số', audience: 'internal', sections: ['Chuyển đổi số bảo đảm bí mật nhà nước, chuyển đổi số an toàn.'] },
  { id: 'cu', title: 'Kế hoạch chuyển đổi số năm 2019', status: 'superseded', sections: ['Chuyển đổi số chuyển đổi số chuyển đổi số.'] },
  // Other plans, so that "kế hoạch", "số" and "UBND" are as common as in a real corpus.
  ...['giáo dục', 'y tế', 'nông nghiệp', 'giao thông', 'môi trường', 'văn hóa'].map((topic, i) => ({
    id: `kh${i + 40}`, title: `Kế hoạch phát triển ${topic}`, number: `${i + 40}/KH-UBND`,
    sections: [`Thực hiện kế hoạch số ${i + 20}/KH-UBND của Ủy ban nhân dân tỉnh về ${topic}.`],
  })),
]);

describe('hybridSearch', () => {
  it('finds a plan by its number typed as "kế hoạch 83" and as the full number', async () => {
    expect((await hybridSearch(parts, 'kế hoạch 83', { k: 3 }))[0]!.sourceId).toBe('kh83');
    const full = await hybridSearch(parts, 'Kế hoạch số 83/KH-UBND', { k: 3 });
    expect(full[0]!.sourceId).toBe('kh83');
    expect(full[0]!.number).toBe('83/KH-UBND');
  });

  it('finds the identity-card procedure from the abbreviation CCCD', async () => {
    const hits = await hybridSearch(parts, 'làm lại CCCD mất bao nhiêu tiền', { k: 2 });
    expect(hits[0]!.sourceId).toBe('cc');
    expect(hits[0]!.section).toBe('Mục 3');
  });

  it('never returns internal documents to citizens, but does to officials who ask for them', async () => {
    const citizen = await hybridSearch(parts, 'bí mật nhà nước chuyển đổi số', { k: 10 });
    expect(citizen.map((h) => h.sourceId)).not.toContain('mat');
    expect(citizen.length).toBeGreaterThan(0);
    const official = await hybridSearch(parts, 'bí mật nhà nước chuyển đổi số', { k: 10, audiences: ['public', 'internal'] });
    expect(official[0]!.sourceId).toBe('mat');
  });

  it('keeps superseded documents out unless their status is asked for', async () => {
    expect((await hybridSearch(parts, 'chuyển đổi số 2019', { k: 10 })).map((h) => h.sourceId)).not.toContain('cu');
    const all = await hybridSearch(parts, 'chuyển đổi số 2019', { k: 10, statuses: ['in_force', 'superseded'] });
    expect(all[0]!.sourceId).toBe('cu');
  });

  it('limits the hits of one document to perDoc', async () => {
    const hits = await hybridSearch(parts, 'căn cước hồ sơ thời hạn lệ phí', { k: 10, perDoc: 1 });
    expect(hits.filter((h) => h.sourceId === 'cc')).toHaveLength(1);
    expect((await hybridSearch(parts, 'căn cước hồ sơ thời hạn lệ phí', { k: 10, perDoc: 2 })).filter((h) => h.sourceId === 'cc')).toHaveLength(2);
  });
});

describe('hybridSearch filtered by document type', () => {
  it('keeps to the types asked, search after search, and reads a label anew once the index changes', async () => {
    const small = build([
      { id: 'kh', title: 'Kế hoạch chuyển đổi số', sections: ['Chuyển đổi số trong cơ quan nhà nước.'] },
      { id: 'tt', title: 'Thủ tục chuyển đổi số', type: 'thủ tục', sections: ['Chuyển đổi số cho người dân.'] },
    ]);
    const plans = async () => (await hybridSearch(small, 'chuyển đổi số', { k: 5, types: ['kế hoạch'] })).map((h) => h.sourceId);
    expect(await plans()).toEqual(['kh']);
    expect(await plans()).toEqual(['kh']);
    expect((await hybridSearch(small, 'chuyển đổi số', { k: 5, types: ['thủ tục'] })).map((h) => h.sourceId)).toEqual(['tt']);
    // Label 1 now holds a plan's passage: what was known of it before is stale.
    const chunk1 = small.chunk(1)!;
    small.bm25.remove(1, analyzeForIndex(indexTextOf(small.document('tt')!, chunk1)));
    Object.assign(chunk1, { docId: 'kh', text: 'Chuyển đổi số trong trường học.' });
    small.bm25.add(1, analyzeForIndex(indexTextOf(small.document('kh')!, chunk1)));
    expect((await hybridSearch(small, 'chuyển đổi số', { k: 5, perDoc: 5, types: ['kế hoạch'] })).map((h) => h.label).sort()).toEqual([0, 1]);
  });
});
