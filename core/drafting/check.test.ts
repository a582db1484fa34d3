import { describe, expect, it } from 'vitest';
import { checkDraft } from './check.ts';
import { composeDraft } from './compose.ts';
import type { Draft, DraftFields, DraftType } from './model.ts';

function draft(type: DraftType, over: Partial<Draft> = {}): Draft {
  const f: DraftFields = {
    type, superiorBody: 'UBND TỈNH QUẢNG NGÃI', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', issuingBodyCode: 'SKHCN', draftingUnitCode: 'VP', place: 'Quảng Ngãi', date: '2026-02-05',
    subject: 'báo cáo kết quả chuyển đổi số', recipients: ['UBND tỉnh'], signerTitle: 'GIÁM ĐỐC', signerName: 'Trần Thị Bình', deadline: '20/02/2026', request: '',
  };
  return { ...composeDraft(f, []), ...over };
}

const errors = (d: Draft) => checkDraft(d).filter((f) => f.severity === 'error');

describe('checkDraft', () => {
  it('passes a composed draft, warning only about the places to complete', () => {
    const findings = checkDraft(draft('tờ trình'));
    expect(findings.map((f) => [f.element, f.severity])).toEqual([['noi-dung', 'warning']]);
  });

  it('catches a missing trích yếu', () => {
    const e = errors(draft('tờ trình', { subjectLine: '' }));
    expect(e.map((f) => f.element)).toEqual(['trich-yeu']);
    expect(e[0]!.rule).toContain('Phụ lục I');
  });

  it('catches a ký hiệu without the type abbreviation of a tờ trình', () => {
    const e = errors(draft('tờ trình', { numberLine: '12/TT-SKHCN' }));
    expect(e.map((f) => f.element)).toEqual(['so-ky-hieu']);
    expect(e[0]!.message).toContain('…/TTr-SKHCN');
    expect(errors(draft('tờ trình', { numberLine: '12/TTr-SKHCN' }))).toEqual([]);
  });

  it('accepts the year only in a quyết định number and rejects a type code in a công văn', () => {
    expect(errors(draft('quyết định', { numberLine: '12/2026/QĐ-SKHCN' }))).toEqual([]);
    expect(errors(draft('báo cáo', { numberLine: '12/2026/BC-SKHCN' })).map((f) => f.element)).toEqual(['so-ky-hieu']);
    expect(errors(draft('công văn', { numberLine: '12/CV-SKHCN' })).map((f) => f.element)).toEqual(['so-ky-hieu']);
    expect(errors(draft('công văn', { numberLine: '12/SKHCN-VP' }))).toEqual([]);
  });

  it('warns about a number below 10 without its leading 0', () => {
    const f = checkDraft(draft('báo cáo', { numberLine: '5/BC-SKHCN' }));
    expect(f.filter((x) => x.element === 'so-ky-hieu').map((x) => x.severity)).toEqual(['warning']);
  });

  it('catches dates written without or with a wrong leading zero', () => {
    for (const line of ['Quảng Ngãi, ngày 5 tháng 2 năm 2026', 'Quảng Ngãi, ngày 05 tháng 2 năm 2026', 'Quảng Ngãi, ngày 15 tháng 03 năm 2026', 'Quảng Ngãi, 05/02/2026', 'Quảng Ngãi, ngày 30 tháng 02 năm 2026']) {
      expect(errors(draft('báo cáo', { placeDateLine: line })).map((f) => f.element), line).toEqual(['dia-danh-ngay']);
    }
    expect(errors(draft('báo cáo', { placeDateLine: 'Quảng Ngãi, ngày … tháng … năm 2026' }))).toEqual([]);
    expect(errors(draft('báo cáo', { placeDateLine: 'Quảng Ngãi, ngày 15 tháng 3 năm 2026' }))).toEqual([]);
  });

  it('catches a nơi nhận without "Lưu: VT" and an empty one', () => {
    expect(errors(draft('báo cáo', { recipientsBlock: ['- UBND tỉnh.'] })).map((f) => f.message)).toEqual(['Dòng cuối của nơi nhận phải là "- Lưu: VT, …".']);
    expect(errors(draft('báo cáo', { recipientsBlock: [] })).map((f) => f.element)).toEqual(['noi-nhan']);
    expect(errors(draft('quyết định', { recipientsBlock: ['- Lưu: VT, VP.'] })).map((f) => f.element)).toEqual(['noi-nhan']);
  });

  it('catches a công văn without V/v and without Kính gửi', () => {
    const e = errors(draft('công văn', { subjectLine: 'Báo cáo kết quả', salutation: [] }));
    expect(e.map((f) => f.element)).toEqual(['trich-yeu', 'kinh-gui']);
  });

  it('catches a missing signer and a malformed authority', () => {
    const e = errors(draft('thông báo', { signature: { authority: 'K/T GIÁM ĐỐC', title: '', name: '' } }));
    expect(e.map((f) => f.message)).toEqual([
      'Quyền hạn ký "K/T GIÁM ĐỐC" không hợp lệ (chỉ dùng TM., KT., TL., TUQ., Q. kèm chức vụ hoặc tập thể).',
      'Thiếu chức vụ của người ký.',
      'Thiếu họ và tên của người ký.',
    ]);
  });

  it('catches a lower-case issuing body, a wrong type name, an empty body and a missing DỰ THẢO mark', () => {
    const bad = { ...draft('kế hoạch', { typeName: 'KẾ HOẠCH HÀNH ĐỘNG', body: [] }), draftMark: false } as unknown as Draft;
    bad.fields = { ...bad.fields, issuingBody: 'Sở Khoa học và Công nghệ' };
    expect(errors(bad).map((f) => f.element)).toEqual(['co-quan-ban-hanh', 'ten-loai', 'noi-dung', 'du-thao']);
  });

  it('counts the places left to complete', () => {
    const d = draft('giấy mời');
    const holes = d.body.filter((p) => p.placeholder).length;
    expect(holes).toBeGreaterThan(0);
    expect(checkDraft(d).find((f) => f.severity === 'warning')!.message).toBe(`Còn ${holes} chỗ cần bổ sung trong nội dung.`);
  });
});

describe('checkDraft: the parent body line', () => {
  const without = (issuingBody: string, issuingBodyCode: string) => {
    const d = draft('công văn');
    const { superiorBody: _s, ...fields } = d.fields;
    return { ...d, fields: { ...fields, issuingBody, issuingBodyCode } };
  };

  it('flags a Sở without its cơ quan chủ quản, with an example and the decree rule', () => {
    const e = errors(without('SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'SKHCN'));
    expect(e.map((f) => f.element)).toEqual(['co-quan-chu-quan']);
    expect(e[0]!.message).toContain('Sở Khoa học và Công nghệ');
    expect(e[0]!.message).toContain('UBND TỈNH QUẢNG NGÃI');
    expect(e[0]!.rule).toContain('Phụ lục I, Phần I, mục II.2');
  });

  it('does not ask a UBND, at province or commune level, for a parent body', () => {
    expect(errors(without('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', 'UBND'))).toEqual([]);
    expect(errors(without('ỦY BAN NHÂN DÂN XÃ TỊNH KHÊ', 'UBND'))).toEqual([]);
  });

  it('accepts the Sở once the parent body is written', () => {
    expect(errors(draft('công văn')).map((f) => f.element)).not.toContain('co-quan-chu-quan');
  });
});
