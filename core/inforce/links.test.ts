import { describe, expect, it } from 'vitest';
import { inForceNotices } from '../answer/ground/inforce-notices.ts';
import type { DocumentRecord, DocumentRelation } from '../model.ts';
import { changesByTarget, linkKey, linkRelations, type LinkDecision } from './links.ts';
import { inForceOn, preferInForce, standingOn } from './standing.ts';
import { vietnamDay } from '../answer/as-of.ts';

function doc(id: string, number: string, issuedDate: string, more: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id, sourceId: `${id}.txt`, source: `${id}.txt`, contentHash: id, chunkCount: 1, title: id, type: 'quyết định', number, issuedDate,
    status: 'in_force', audience: 'public', ...more,
  };
}

function rel(kind: DocumentRelation['kind'], number: string, more: Partial<DocumentRelation> = {}): DocumentRelation {
  return { kind, target: { number }, parts: [], quote: '…', ...more };
}

const none = () => undefined;

describe('linkRelations', () => {
  it('links a number with its year, ignoring spacing and case', () => {
    const old = doc('old', '25/2022/QĐ-UBND', '2022-06-01');
    const neu = doc('new', '41/2026/QĐ-UBND', '2026-11-27', { relations: [rel('replaces', '25/2022/qđ-UBND ', { from: '2027-01-01' })] });
    const [link] = linkRelations([old, neu], none);
    expect(link).toMatchObject({ key: linkKey('replaces', '25/2022/QĐ-UBND'), byId: 'new', targetId: 'old', state: 'automatic', from: '2027-01-01' });
  });

  it('tells apart numbers issued again each year by the year of the written date', () => {
    const a = doc('a', '1287/QĐ-UBND', '2020-08-12');
    const b = doc('b', '1287/QĐ-UBND', '2023-04-02');
    const neu = doc('new', '900/QĐ-UBND', '2026-10-20', { relations: [rel('replaces', '1287/QĐ-UBND', { target: { number: '1287/QĐ-UBND', year: 2020, date: '2020-08-12' } })] });
    expect(linkRelations([a, b, neu], none)[0]).toMatchObject({ targetId: 'a', candidates: ['a'] });
  });

  it('links nothing when the number fits several documents, until an admin picks one', () => {
    const a = doc('a', '1287/QĐ-UBND', '2020-08-12');
    const b = doc('b', '1287/QĐ-UBND', '2023-04-02');
    const neu = doc('new', '900/QĐ-UBND', '2026-10-20', { relations: [rel('replaces', '1287/QĐ-UBND')] });
    const [link] = linkRelations([a, b, neu], none);
    expect(link?.state).toBe('ambiguous');
    expect(link?.targetId).toBeUndefined();
    const picked = linkRelations([a, b, neu], () => ({ [link!.key]: { decision: 'confirmed', targetId: 'b' } }));
    expect(picked[0]).toMatchObject({ state: 'confirmed', targetId: 'b' });
  });

  it('never takes a text issued after the relating one', () => {
    const later = doc('later', '5/2027/QĐ-UBND', '2027-02-01');
    const neu = doc('new', '1/2026/QĐ-UBND', '2026-10-20', { relations: [rel('repeals', '5/2027/QĐ-UBND')] });
    expect(linkRelations([later, neu], none)[0]?.state).toBe('unmatched');
  });

  it('applies an admin rejection, and a confirmation only to an indexed document (fail closed)', () => {
    const old = doc('old', '12/2022/QĐ-UBND', '2022-01-10');
    const neu = doc('new', '27/2026/QĐ-UBND', '2026-11-01', { relations: [rel('repeals', '12/2022/QĐ-UBND', { parts: ['khoản 3 Điều 5'] })] });
    const key = linkKey('repeals', '12/2022/QĐ-UBND');
    const decided = (d: LinkDecision) => linkRelations([old, neu], (id) => (id === 'new' ? { [key]: d } : undefined))[0];
    expect(decided({ decision: 'rejected' })).toMatchObject({ state: 'rejected' });
    expect(decided({ decision: 'rejected' })?.targetId).toBeUndefined();
    expect(decided({ decision: 'confirmed' })).toMatchObject({ state: 'confirmed', targetId: 'old' });
    expect(decided({ decision: 'confirmed', targetId: 'gone' })).toMatchObject({ state: 'unmatched' });
    expect(decided({ decision: 'confirmed', targetId: 'gone' })?.targetId).toBeUndefined();
  });
});

describe('standing on a day', () => {
  const old = doc('old', '1024/QĐ-UBND', '2022-03-01');
  const neu = doc('new', '2318/QĐ-UBND', '2026-10-20', { effectiveDate: '2026-10-20', relations: [rel('replaces', '1024/QĐ-UBND')] });
  const later = doc('later', '41/2026/QĐ-UBND', '2026-11-27', { effectiveDate: '2027-01-01', relations: [rel('replaces', '1024/QĐ-UBND', { from: '2027-01-01' })] });
  const withChanges = (docs: DocumentRecord[]) => {
    const byId = new Map(docs.map((d) => [d.id, d]));
    const changes = changesByTarget(linkRelations(docs, none), (id) => byId.get(id));
    return docs.map((d) => ({ ...d, ...(changes.get(d.id) ? { changedBy: changes.get(d.id) } : {}) }));
  };

  it('is ended from the day the replacing text says, and not before', () => {
    const [o] = withChanges([old, neu]);
    expect(standingOn(o!, '2026-10-19').state).toBe('in_force');
    expect(standingOn(o!, '2026-10-20').state).toBe('ended');
    expect(inForceOn(o!, '2026-12-07')).toBe(false);
  });

  it('says a future replacement is coming, and a text not yet in force is not in force', () => {
    const [o, l] = withChanges([old, later]);
    expect(standingOn(o!, '2026-12-07')).toMatchObject({ state: 'in_force', upcoming: { byId: 'later', from: '2027-01-01' } });
    expect(standingOn(l!, '2026-12-07')).toMatchObject({ state: 'not_yet', from: '2027-01-01' });
    expect(preferInForce([{ doc: l! }, { doc: o! }], '2026-12-07').map((p) => p.doc.id)).toEqual(['old', 'later']);
    expect(preferInForce([{ doc: l! }, { doc: o! }], '2027-01-02').map((p) => p.doc.id)).toEqual(['later', 'old']);
  });

  it('puts a text whose parts were amended after the text that amended them, still before texts out of force', () => {
    const amending = doc('amending', '31/2026/QĐ-UBND', '2026-11-01', { effectiveDate: '2026-11-10', relations: [rel('amends', '1024/QĐ-UBND', { from: '2026-11-10', parts: ['khoản 1 Điều 4'] })] });
    const [o, a] = withChanges([old, amending]);
    expect(standingOn(o!, '2026-12-07')).toMatchObject({ state: 'in_force', partly: [{ byId: 'amending' }] });
    expect(preferInForce([{ doc: o! }, { doc: a! }], '2026-12-07').map((p) => p.doc.id)).toEqual(['amending', 'old']);
    // Before the amendment takes effect the old text is whole, and the new one not yet in force.
    expect(preferInForce([{ doc: o! }, { doc: a! }], '2026-11-01').map((p) => p.doc.id)).toEqual(['old', 'amending']);
  });

  it('words the notices in Vietnamese with the replacing text and its day', () => {
    const [o, n] = withChanges([old, neu]);
    expect(inForceNotices([o!], '2026-12-07')).toEqual([
      'Lưu ý: Quyết định số 1024/QĐ-UBND ngày 01/3/2022 đã được thay thế bởi Quyết định số 2318/QĐ-UBND ngày 20/10/2026 từ ngày 20/10/2026; nội dung trích dẫn từ văn bản này có thể không còn áp dụng.',
    ]);
    expect(inForceNotices([n!], '2026-12-07')).toEqual([]);
    const [o2] = withChanges([old, later]);
    expect(inForceNotices([o2!], '2026-12-07')[0]).toContain('từ ngày 01/01/2027, văn bản này sẽ được thay thế theo Quyết định số 41/2026/QĐ-UBND');
  });

  it('tells a partial change by its units', () => {
    const amending = doc('amending', '31/2026/QĐ-UBND', '2026-10-28', { relations: [rel('amends', '1024/QĐ-UBND', { parts: ['khoản 2 Điều 4'] })] });
    const [o] = withChanges([old, amending]);
    expect(standingOn(o!, '2026-12-07').state).toBe('in_force');
    expect(inForceNotices([o!], '2026-12-07')).toEqual([
      'Lưu ý: Khoản 2 Điều 4 của Quyết định số 1024/QĐ-UBND ngày 01/3/2022 đã được sửa đổi, bổ sung bởi Quyết định số 31/2026/QĐ-UBND ngày 28/10/2026 từ ngày 28/10/2026; hãy đối chiếu với văn bản đó.',
    ]);
  });

  it('counts the day in Việt Nam time', () => {
    expect(vietnamDay(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
  });
});
