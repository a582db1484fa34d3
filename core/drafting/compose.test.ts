import { describe, expect, it } from 'vitest';
import type { Citation } from '../model.ts';
import { checkDraft } from './check.ts';
import { composeDraft, deadlineText, missingFields, parseDraftRequest } from './compose.ts';
import { DRAFT_TYPES, type DraftFields, type DraftType } from './model.ts';

function fields(type: DraftType, over: Partial<DraftFields> = {}): DraftFields {
  return {
    type,
    superiorBody: 'UBND TỈNH QUẢNG NGÃI',
    issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
    issuingBodyCode: 'SKHCN',
    draftingUnitCode: 'VP',
    place: 'Quảng Ngãi',
    date: '2026-03-05',
    subject: 'báo cáo kết quả chuyển đổi số năm 2025',
    recipients: ['UBND các xã, phường'],
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signingAuthority: 'KT.',
    onBehalfOf: 'GIÁM ĐỐC',
    signerName: 'Nguyễn Văn An',
    deadline: '15/03/2026',
    request: 'Soạn văn bản',
    ...over,
  };
}

function citation(docId: string, section: string, label: string): Citation {
  return { n: 99, docId, sourceId: `${docId}.pdf`, title: label, label, section, quote: '…' };
}

const FACTS = [
  { text: 'Đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.', citation: citation('kh-83', 'Mục II.1', 'Kế hoạch số 83/KH-UBND ngày 04/6/2021') },
  { text: 'Các xã báo cáo kết quả định kỳ 6 tháng và hằng năm.', citation: citation('qd-12', 'Điều 5', 'Quyết định số 12/QĐ-UBND ngày 10/01/2022') },
];

describe('composeDraft', () => {
  it.each(DRAFT_TYPES)('writes a %s that the checker passes with placeholder warnings only', (type) => {
    const draft = composeDraft(fields(type, type === 'quyết định' ? { subject: 'thành lập Tổ công tác chuyển đổi số' } : {}), FACTS);
    const findings = checkDraft(draft);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.element)).toEqual(['noi-dung']);
    expect(findings[0]!.message).toMatch(/^Còn \d+ chỗ cần bổ sung/);
    expect(draft.draftMark).toBe(true);
    expect(draft.placeDateLine).toBe('Quảng Ngãi, ngày 05 tháng 3 năm 2026');
    expect(draft.recipientsBlock.at(-1)).toBe('- Lưu: VT, VP.');
    expect(draft.signature).toEqual({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' });
  });

  it('lays out a công văn with V/v, Kính gửi on one line and "Như trên"', () => {
    const d = composeDraft(fields('công văn', { number: '7' }), FACTS);
    expect(d.numberLine).toBe('07/SKHCN-VP');
    expect(d.typeName).toBe('');
    expect(d.subjectLine).toBe('V/v báo cáo kết quả chuyển đổi số năm 2025');
    expect(d.salutation).toEqual(['Kính gửi: UBND các xã, phường']);
    expect(d.recipientsBlock).toEqual(['- Như trên;', '- Lưu: VT, VP.']);
    expect(d.body[0]!.text).toBe('Sở Khoa học và Công nghệ đề nghị UBND các xã, phường quan tâm, thực hiện một số nội dung liên quan đến báo cáo kết quả chuyển đổi số năm 2025, cụ thể như sau:');
    expect(d.body.map((p) => p.text)).toContain('Đề nghị gửi kết quả về Sở Khoa học và Công nghệ trước ngày 15/03/2026.');
  });

  it('lists several Kính gửi recipients one per line, the last ending with a full stop', () => {
    const d = composeDraft(fields('tờ trình', { recipients: ['UBND tỉnh', 'Sở Tài chính'] }), []);
    expect(d.numberLine).toBe('…/TTr-SKHCN');
    expect(d.salutation).toEqual(['Kính gửi:', '- UBND tỉnh;', '- Sở Tài chính.']);
  });

  it('turns each fact into a cited paragraph and states nothing else as fact', () => {
    const d = composeDraft(fields('báo cáo'), FACTS);
    expect(d.citations.map((c) => [c.n, c.docId])).toEqual([[1, 'kh-83'], [2, 'qd-12']]);
    const cited = d.body.filter((p) => p.citations?.length);
    expect(cited.map((p) => p.text)).toEqual([
      'Theo Kế hoạch số 83/KH-UBND ngày 04/6/2021, Mục II.1: “Đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.” [1]',
      'Theo Quyết định số 12/QĐ-UBND ngày 10/01/2022, Điều 5: “Các xã báo cáo kết quả định kỳ 6 tháng và hằng năm.” [2]',
    ]);
    expect(cited.map((p) => p.citations)).toEqual([[1], [2]]);
    // Every other paragraph is a heading, a placeholder, or a sentence built only from the given fields.
    const given = ['Sở Khoa học và Công nghệ', 'báo cáo kết quả chuyển đổi số năm 2025'];
    for (const p of d.body.filter((x) => !x.citations)) {
      const heading = p.level > 0;
      const hole = p.placeholder === true && /\[Nội dung cần bổ sung: [^\]]+\]/.test(p.text);
      const fromFields = given.some((g) => p.text.includes(g));
      expect(heading || hole || fromFields, p.text).toBe(true);
    }
    expect(d.body.map((p) => p.text)).toContain('I. KẾT QUẢ THỰC HIỆN');
  });

  it('cites each basis document of a quyết định once, with "QUYẾT ĐỊNH:" and Điều 1–3', () => {
    const facts = [...FACTS, { text: 'Một đoạn khác cùng văn bản.', citation: citation('kh-83', 'Mục III', 'Kế hoạch số 83/KH-UBND ngày 04/6/2021') }];
    const d = composeDraft(fields('quyết định', { subject: 'thành lập Tổ công tác', number: '12' }), facts);
    const texts = d.body.map((p) => p.text);
    expect(texts[0]).toBe('GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(texts.filter((t) => t.startsWith('Căn cứ '))).toEqual(['Căn cứ Kế hoạch số 83/KH-UBND ngày 04/6/2021 [1];', 'Căn cứ Quyết định số 12/QĐ-UBND ngày 10/01/2022 [2];']);
    expect(texts).toContain('QUYẾT ĐỊNH:');
    expect(texts.filter((t) => /^Điều [123]\. /.test(t))).toHaveLength(3);
    expect(d.recipientsBlock).toEqual(['- Như Điều 3;', '- UBND các xã, phường;', '- Lưu: VT, VP.']);
    expect(d.numberLine).toBe('12/QĐ-SKHCN');
    expect(d.subjectLine).toBe('Về việc thành lập Tổ công tác');
  });

  it('quotes a quyết định\'s facts after its Điều 1, as material to write it from, and writes no such line without facts', () => {
    const d = composeDraft(fields('quyết định', { subject: 'thành lập Tổ công tác' }), FACTS);
    const texts = d.body.map((p) => p.text);
    const article1 = texts.findIndex((t) => t.startsWith('Điều 1. '));
    const lead = texts.findIndex((t) => t.includes('thông tin tra cứu được để soạn Điều 1'));
    const quote = texts.findIndex((t) => t.includes('“Đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.”'));
    expect(article1).toBeGreaterThan(-1);
    expect(lead).toBe(article1 + 1);
    expect(quote).toBeGreaterThan(lead);
    expect(texts.findIndex((t) => t.startsWith('Điều 2. '))).toBeGreaterThan(quote);
    expect(d.body[lead]!.placeholder).toBe(true);
    const bare = composeDraft(fields('quyết định', { subject: 'thành lập Tổ công tác' }), []);
    expect(bare.body.some((p) => p.text.includes('thông tin tra cứu được'))).toBe(false);
  });

  it('marks what the official must supply instead of inventing it', () => {
    const d = composeDraft(fields('công văn', { deadline: undefined, date: undefined, recipients: [] }), [], { today: '2026-04-20' });
    expect(d.placeDateLine).toBe('Quảng Ngãi, ngày … tháng … năm 2026');
    expect(d.salutation).toEqual(['Kính gửi: [Nội dung cần bổ sung: nơi nhận]']);
    expect(d.body.filter((p) => p.placeholder).map((p) => p.text)).toEqual([
      'Sở Khoa học và Công nghệ đề nghị [Nội dung cần bổ sung: nơi nhận] quan tâm, thực hiện một số nội dung liên quan đến báo cáo kết quả chuyển đổi số năm 2025, cụ thể như sau:',
      '[Nội dung cần bổ sung: căn cứ, văn bản chỉ đạo liên quan]',
      '[Nội dung cần bổ sung: các nội dung cụ thể đề nghị cơ quan nhận thực hiện]',
      '[Nội dung cần bổ sung: thời hạn gửi kết quả (nếu có)]',
    ]);
    expect(d.citations).toEqual([]);
  });

  it('writes the leading zero for day < 10 and months 1–2 only', () => {
    expect(composeDraft(fields('báo cáo', { date: '2026-02-05' }), []).placeDateLine).toBe('Quảng Ngãi, ngày 05 tháng 02 năm 2026');
    expect(composeDraft(fields('báo cáo', { date: '2026-11-20' }), []).placeDateLine).toBe('Quảng Ngãi, ngày 20 tháng 11 năm 2026');
  });

  it('signs with the title alone when there is no authority, and TM. for a collective', () => {
    expect(composeDraft(fields('thông báo', { signingAuthority: undefined, onBehalfOf: undefined, signerTitle: 'GIÁM ĐỐC' }), []).signature)
      .toEqual({ authority: '', title: 'GIÁM ĐỐC', name: 'Nguyễn Văn An' });
    const ubnd = composeDraft(fields('quyết định', { issuingBody: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', issuingBodyCode: 'UBND', signingAuthority: 'TM.', onBehalfOf: 'ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH' }), []);
    expect(ubnd.signature.authority).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(ubnd.body[0]!.text).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI');
    expect(checkDraft(ubnd).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('parseDraftRequest', () => {
  it('reads type, recipients and subject of a công văn', () => {
    const text = 'Soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025';
    expect(parseDraftRequest(text)).toEqual({ type: 'công văn', recipients: ['UBND các xã'], subject: 'báo cáo kết quả chuyển đổi số năm 2025', request: text });
  });

  it('takes a recipient\'s word written with diacritics for an opener only when it spells one ("Môi trường" is not "mời")', () => {
    const text = 'Soạn báo cáo tiến độ số hóa dữ liệu đất đai gửi Sở Nông nghiệp và Môi trường.';
    expect(parseDraftRequest(text)).toMatchObject({ recipients: ['Sở Nông nghiệp và Môi trường'], subject: 'tiến độ số hóa dữ liệu đất đai' });
    expect(parseDraftRequest('Soạn giấy mời gửi các Sở mời dự hội nghị')).toMatchObject({ recipients: ['các Sở'], subject: 'mời dự hội nghị' });
    expect(parseDraftRequest('Soan giay moi gui cac So moi du hoi nghi')).toMatchObject({ recipients: ['cac So'], subject: 'moi du hoi nghi' });
  });

  it('reads a deadline and a request typed without diacritics', () => {
    const p = parseDraftRequest('soan to trinh gui UBND tinh ve viec phe duyet du toan, han 15/3/2026');
    expect(p).toMatchObject({ type: 'tờ trình', recipients: ['UBND tinh'], subject: 'phe duyet du toan', deadline: '15/03/2026' });
  });

  it('reads a báo cáo with "trước ngày" and several recipients', () => {
    const p = parseDraftRequest('Làm báo cáo kết quả cải cách hành chính quý I gửi UBND tỉnh, Sở Nội vụ trước ngày 5/4/2026.');
    expect(p).toMatchObject({ type: 'báo cáo', recipients: ['UBND tỉnh', 'Sở Nội vụ'], subject: 'kết quả cải cách hành chính quý I', deadline: '05/04/2026' });
  });

  it('reads a giấy mời with time and date, a kế hoạch, a thông báo and a quyết định', () => {
    expect(parseDraftRequest('Soạn giấy mời họp giao ban lúc 8 giờ 30 ngày 12/3/2026 gửi các phòng, Trung tâm CNTT'))
      .toMatchObject({ type: 'giấy mời', subject: 'họp giao ban', deadline: '8 giờ 30, ngày 12/03/2026', recipients: ['các phòng', 'Trung tâm CNTT'] });
    expect(parseDraftRequest('Lập kế hoạch triển khai chuyển đổi số năm 2026')).toMatchObject({ type: 'kế hoạch', subject: 'triển khai chuyển đổi số năm 2026' });
    expect(parseDraftRequest('Viết thông báo lịch tiếp công dân tháng 3/2026')).toMatchObject({ type: 'thông báo', subject: 'lịch tiếp công dân tháng 3/2026' });
    const qd = parseDraftRequest('Dự thảo quyết định thành lập Tổ công tác chuyển đổi số');
    expect(qd).toMatchObject({ type: 'quyết định', subject: 'thành lập Tổ công tác chuyển đổi số' });
    expect(qd.recipients).toBeUndefined();
    expect(qd.deadline).toBeUndefined();
  });

  it('leaves the type out when no document type is named', () => {
    expect(parseDraftRequest('giúp tôi một văn bản về việc họp').type).toBeUndefined();
  });
});

describe('missingFields', () => {
  it('asks for everything a bare request lacks, in form order', () => {
    const asked = missingFields(parseDraftRequest('Soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025'));
    expect(asked.map((q) => q.field)).toEqual(['issuingBody', 'superiorBody', 'issuingBodyCode', 'place', 'deadline', 'signerTitle', 'signerName']);
    expect(asked[0]!.question).toBe('Văn bản do cơ quan nào ban hành?');
  });

  it('asks nothing when the fields are complete, and never for the number or date', () => {
    expect(missingFields(fields('công văn', { number: undefined, date: undefined }))).toEqual([]);
  });

  it('asks for the meeting time of a giấy mời and on whose behalf a KT. signer signs', () => {
    const asked = missingFields(fields('giấy mời', { deadline: undefined, onBehalfOf: '' }));
    expect(asked.map((q) => q.field)).toEqual(['deadline', 'onBehalfOf']);
    expect(asked[0]!.question).toMatch(/họp/);
  });

  it('does not ask for a deadline for a kế hoạch, but asks for the type and recipients when missing', () => {
    expect(missingFields(fields('kế hoạch', { deadline: undefined }))).toEqual([]);
    expect(missingFields({ ...fields('công văn'), type: undefined, recipients: [] }).map((q) => q.field)).toEqual(['type', 'recipients']);
  });
});

describe('deadlineText', () => {
  it('writes ISO dates as dd/mm/yyyy and never doubles "ngày"', () => {
    expect(deadlineText('2026-03-20')).toBe('20/03/2026');
    expect(deadlineText('ngày 15/12/2025')).toBe('15/12/2025');
    expect(deadlineText('8 giờ 30, ngày 12/03/2026')).toBe('8 giờ 30, ngày 12/03/2026');
    expect(deadlineText('  ')).toBeUndefined();
  });
});
