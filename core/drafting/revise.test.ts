import { describe, expect, it } from 'vitest';
import type { DraftFact } from './compose.ts';
import { parseDraftEdits } from './edits.ts';
import type { DraftFields } from './model.ts';
import { applyEdits, countedParagraphs, initialState, renderDraft, type DraftState } from './revise.ts';

const FIELDS: DraftFields = {
  type: 'công văn', superiorBody: 'UBND TỈNH QUẢNG NGÃI', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', issuingBodyCode: 'SKHCN', draftingUnitCode: 'VP',
  place: 'Quảng Ngãi', subject: 'báo cáo kết quả chuyển đổi số năm 2025', recipients: ['UBND các xã, phường, đặc khu'],
  signerTitle: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn An', deadline: '15/12/2025', request: '',
};

function fact(n: number, text: string): DraftFact {
  return { text, citation: { n, docId: `doc-${n}`, sourceId: `doc-${n}.txt`, title: `Văn bản ${n}`, label: `Kế hoạch số ${n}/KH-UBND`, section: 'Mục 1', quote: text, link: `/sources/doc-${n}?chunk=doc-${n}%230` } };
}

const STATE = initialState(FIELDS, [fact(1, 'Đã ban hành Kế hoạch số 41/KH-UBND ngày 10/9/2025 về Chuyển đổi số tỉnh Quảng Ngãi năm 2025.'), fact(2, 'Đã có 69/78 nhiệm vụ đã được triển khai thực hiện.')]);

function edit(state: DraftState, message: string): DraftState {
  const edits = parseDraftEdits(message);
  if (!edits) throw new Error(`not an edit: ${message}`);
  const r = applyEdits(state, edits);
  if (!r.ok) throw new Error(r.problem);
  return r.state;
}

const bodyText = (s: DraftState) => renderDraft(s).draft.body.map((p) => p.text);

describe('applyEdits', () => {
  it('adds a recipient to Kính gửi, the body and says so', () => {
    const r = applyEdits(STATE, parseDraftEdits('thêm nơi nhận Sở Tài chính')!);
    expect(r.ok && r.changes).toEqual(['Đã thêm nơi nhận: Sở Tài chính.']);
    const { draft } = renderDraft((r as { state: DraftState }).state);
    expect(draft.salutation).toEqual(['Kính gửi:', '- UBND các xã, phường, đặc khu;', '- Sở Tài chính.']);
    expect(draft.body[0]!.text).toContain('UBND các xã, phường, đặc khu, Sở Tài chính');
  });

  it('removes a quoted fact by its paragraph number and renumbers the citations', () => {
    const before = renderDraft(STATE).draft;
    expect(before.citations.map((c) => c.docId)).toEqual(['doc-1', 'doc-2']);
    const after = edit(STATE, 'bỏ đoạn 2');
    const { draft } = renderDraft(after);
    expect(draft.body.map((p) => p.text).join('\n')).not.toContain('41/KH-UBND');
    expect(draft.citations.map((c) => [c.n, c.docId])).toEqual([[1, 'doc-2']]);
    expect(draft.body[1]!.text).toContain('[1]');
  });

  it('keeps a removed paragraph removed when a later edit changes the deadline, and rewrites the deadline sentence', () => {
    const removed = edit(STATE, 'bỏ đoạn 4');
    const text = bodyText(removed);
    expect(text.some((t) => t.includes('Nội dung cần bổ sung: các nội dung cụ thể'))).toBe(false);
    const later = edit(removed, 'đổi thời hạn thành 30/12/2026');
    const after = bodyText(later);
    expect(after.some((t) => t.includes('Nội dung cần bổ sung: các nội dung cụ thể'))).toBe(false);
    expect(after.join('\n')).toContain('trước ngày 30/12/2026');
    expect(after.join('\n')).not.toContain('15/12/2025');
  });

  it('rewrites a paragraph in the official\'s words, without citations', () => {
    const s = edit(STATE, 'sửa đoạn 2 thành: Kế hoạch số 41/KH-UBND đã được ban hành.');
    const { draft } = renderDraft(s);
    expect(draft.body[1]).toEqual({ text: 'Kế hoạch số 41/KH-UBND đã được ban hành.', level: 0 });
    expect(draft.citations.map((c) => c.docId)).toEqual(['doc-2']);
  });

  it('makes a deputy sign KT. for the head (Điều 13), and the head sign alone again', () => {
    const deputy = edit(STATE, 'người ký là Phó Giám đốc Trần Thị Bình');
    expect(renderDraft(deputy).draft.signature).toEqual({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Thị Bình' });
    const head = edit(deputy, 'đổi người ký thành Giám đốc Nguyễn Văn An');
    expect(renderDraft(head).draft.signature).toEqual({ authority: '', title: 'GIÁM ĐỐC', name: 'Nguyễn Văn An' });
  });

  it('changes the trích yếu, and the parent body in capitals', () => {
    const s = edit(edit(STATE, 'sửa trích yếu thành V/v triển khai thí điểm Trợ lý ảo'), 'cơ quan chủ quản là UBND tỉnh Quảng Ngãi');
    const { draft } = renderDraft(s);
    expect(draft.subjectLine).toBe('V/v triển khai thí điểm Trợ lý ảo');
    expect(draft.fields.superiorBody).toBe('UBND TỈNH QUẢNG NGÃI');
  });

  it('changes nothing and says why when an edit cannot apply', () => {
    const count = countedParagraphs(renderDraft(STATE).draft.body).length;
    expect(applyEdits(STATE, parseDraftEdits('bỏ đoạn 9')!)).toEqual({ ok: false, problem: `Dự thảo chỉ có ${count} đoạn nội dung, không có đoạn 9.` });
    expect(applyEdits(STATE, parseDraftEdits('bỏ nơi nhận Sở Xây dựng')!)).toEqual({ ok: false, problem: 'Không thấy “Sở Xây dựng” trong nơi nhận của dự thảo.' });
    const last = applyEdits(STATE, parseDraftEdits('bỏ nơi nhận UBND các xã')!);
    expect(last.ok).toBe(false);
    // All or nothing: a failing second edit keeps the first from applying too.
    expect(applyEdits(STATE, parseDraftEdits('thêm nơi nhận Sở Tài chính; bỏ đoạn 9')!).ok).toBe(false);
    expect(STATE.fields.recipients).toEqual(['UBND các xã, phường, đặc khu']);
  });

  it('edits a model-written body by its own paragraphs, changing the deadline in its words', () => {
    const written = initialState(FIELDS, [fact(1, 'Câu một.')], [
      { text: 'Đề nghị các đơn vị gửi báo cáo trước ngày 15/12/2025.', level: 0 },
      { text: 'Kết quả năm 2024 đạt 90% [1].', level: 0, citations: [1] },
    ]);
    const s = edit(edit(written, 'đổi thời hạn thành 30/12/2026'), 'bỏ đoạn 2');
    const { draft } = renderDraft(s);
    expect(draft.body).toEqual([{ text: 'Đề nghị các đơn vị gửi báo cáo trước ngày 30/12/2026.', level: 0 }]);
    expect(draft.citations).toEqual([]);
  });
});
