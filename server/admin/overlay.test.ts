import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../core/model.ts';
import { buildOverlay, referenceKey, type MetadataOverride } from './overlay.ts';

/** A document record with plausible defaults; `id` also gives the source id. */
function doc(id: string, fields: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id, sourceId: `${id}.pdf`, source: `/data/uploads/${id}.pdf`, contentHash: 'ab', chunkCount: 3,
    title: `Văn bản ${id}`, type: 'kế hoạch', status: 'in_force', audience: 'public', ...fields,
  };
}

function override(fields: Omit<MetadataOverride, 'updatedAt' | 'updatedBy'>): MetadataOverride {
  return { ...fields, updatedAt: '2026-06-04T08:00:00.000Z', updatedBy: 'quan-tri' };
}

const none = new Map<string, MetadataOverride>();

describe('buildOverlay', () => {
  it('gives back the very same object when nothing applies', () => {
    const docs = [doc('a'), doc('b', { number: '12/KH-UBND' }), doc('c', { status: 'expired' })];
    const overlay = buildOverlay(docs, none);
    for (const d of docs) expect(overlay(d)).toBe(d);
  });

  it('lets the override fields win and keeps the other fields, extra ones included', () => {
    const stored = { ...doc('a', { number: '12/KH-UBND' }), labels: [4, 5, 6] };
    const overlay = buildOverlay([stored], new Map([['a', override({ audience: 'internal', status: 'expired' })]]));
    const effective = overlay(stored);
    expect(effective).toEqual({ ...stored, audience: 'internal', status: 'expired' });
    expect(effective.labels).toEqual([4, 5, 6]);
    expect(stored.audience).toBe('public');
  });

  it('returns the same effective object on every call, and the original when the override changes nothing', () => {
    const a = doc('a');
    const b = doc('b', { audience: 'internal' });
    const overlay = buildOverlay([a, b], new Map([['a', override({ audience: 'internal' })], ['b', override({ audience: 'internal' })]]));
    expect(overlay(a)).toBe(overlay(a));
    expect(overlay(b)).toBe(b);
  });

  it('applies the override of a document that is not in the set it was built on', () => {
    const overlay = buildOverlay([], new Map([['x', override({ audience: 'internal' })]]));
    expect(overlay(doc('x')).audience).toBe('internal');
  });

  it('marks what a document supersedes, matched by number, docId or sourceId, NFC and case aside', () => {
    const newer = doc('moi', { number: '20/KH-UBND', issuedDate: '2026-03-01', supersedes: ['12/kh-ubnd'.normalize('NFD'), 'CU-HAI', 'cũ-ba.pdf'.normalize('NFD')] });
    const byNumber = doc('cu-mot', { number: '12/KH-UBND', issuedDate: '2025-01-01' });
    const byId = doc('cu-hai');
    const bySource = doc('cu-ba', { sourceId: 'Cũ-Ba.pdf' });
    const other = doc('khac', { number: '13/KH-UBND' });
    const overlay = buildOverlay([newer, byNumber, byId, bySource, other], none);
    for (const d of [byNumber, byId, bySource]) {
      expect(overlay(d), d.id).toMatchObject({ status: 'superseded', supersededBy: '20/KH-UBND' });
    }
    expect(overlay(newer)).toBe(newer);
    expect(overlay(other)).toBe(other);
  });

  it('names the replacing document by its id when it has no number', () => {
    const overlay = buildOverlay([doc('moi', { supersedes: ['cu'] }), doc('cu')], none);
    expect(overlay(doc('cu'))).toMatchObject({ status: 'superseded', supersededBy: 'moi' });
  });

  it('propagates supersession set by an override, without re-indexing', () => {
    const newer = doc('moi', { number: '20/KH-UBND' });
    const older = doc('cu', { number: '12/KH-UBND' });
    const overlay = buildOverlay([newer, older], new Map([['moi', override({ supersedes: ['12/KH-UBND'] })]]));
    expect(overlay(older)).toMatchObject({ status: 'superseded', supersededBy: '20/KH-UBND' });
    expect(overlay(newer).supersedes).toEqual(['12/KH-UBND']);
  });

  it('lets an explicit status override of the older document win over propagation', () => {
    const newer = doc('moi', { number: '20/KH-UBND', supersedes: ['12/KH-UBND'] });
    const older = doc('cu', { number: '12/KH-UBND' });
    const overlay = buildOverlay([newer, older], new Map([['cu', override({ status: 'in_force' })]]));
    expect(overlay(older)).toBe(older);
  });

  it('keeps an explicit supersededBy of the older document while marking it superseded', () => {
    const newer = doc('moi', { number: '20/KH-UBND', supersedes: ['cu'] });
    const older = doc('cu');
    const overlay = buildOverlay([newer, older], new Map([['cu', override({ supersededBy: '21/KH-UBND' })]]));
    expect(overlay(older)).toMatchObject({ status: 'superseded', supersededBy: '21/KH-UBND' });
  });

  it('cancels an extracted supersession with an empty supersedes override', () => {
    const newer = doc('moi', { supersedes: ['cu'] });
    const older = doc('cu');
    const overlay = buildOverlay([newer, older], new Map([['moi', override({ supersedes: [] })]]));
    expect(overlay(older)).toBe(older);
    expect(overlay(newer).supersedes).toEqual([]);
  });

  it('does not mark a later document that reuses the number of the one replaced', () => {
    const newer = doc('kh-2024', { number: '83/KH-UBND', issuedDate: '2024-05-01', supersedes: ['83/KH-UBND'] });
    const older = doc('kh-2021', { number: '83/KH-UBND', issuedDate: '2021-06-04' });
    const later = doc('kh-2026', { number: '83/KH-UBND', issuedDate: '2026-01-10' });
    const overlay = buildOverlay([newer, older, later], none);
    expect(overlay(older)).toMatchObject({ status: 'superseded', supersededBy: '83/KH-UBND' });
    expect(overlay(newer)).toBe(newer);
    expect(overlay(later)).toBe(later);
  });

  it('names the latest of several replacing documents', () => {
    const first = doc('lan-1', { number: '5/QĐ-UBND', issuedDate: '2024-01-01', supersedes: ['cu'] });
    const second = doc('lan-2', { number: '9/QĐ-UBND', issuedDate: '2025-01-01', supersedes: ['cu'] });
    for (const order of [[first, second], [second, first]]) {
      expect(buildOverlay([...order, doc('cu')], none)(doc('cu')).supersededBy).toBe('9/QĐ-UBND');
    }
  });
});

describe('referenceKey', () => {
  it('compares document numbers in NFC, without case, with spaces and dashes unified', () => {
    expect(referenceKey(' 14/2021/NQ-HĐND '.normalize('NFD'))).toBe(referenceKey('14/2021/nq\u2013hđnd'));
    expect(referenceKey('Kế  hoạch')).toBe('kế hoạch');
  });
});
