import { describe, expect, it } from 'vitest';
import { parseHeader } from './official-header.ts';
import { cleanExtractedText } from './pdf-text.ts';
import { layoutDocument } from './document-layout.ts';
import { readSeed } from './testing/fixtures.ts';

/** Lines as cleanExtractedText hands them over. */
const cleanLines = (raw: string): string[] => cleanExtractedText(raw).text.split('\n');

describe('parseHeader in the layout of Decree 30/2020/NĐ-CP', () => {
  it('reads a quyết định extracted one column after the other', () => {
    const lines = cleanLines([
      'ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', '-------', 'Số: 1234/QĐ-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '---------------',
      'Quảng Ngãi, ngày 15 tháng 9 năm 2025', 'QUYẾT ĐỊNH', 'Về việc phê duyệt Kế hoạch chuyển đổi số năm 2025',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      'QUYẾT ĐỊNH:', 'Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2025.',
    ].join('\n'));
    const { facts, lines: at, end } = parseHeader(lines);
    expect(facts).toEqual({
      issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi', number: '1234/QĐ-UBND', nationalMotto: true,
      place: 'Quảng Ngãi', date: '2025-09-15', type: 'quyết định',
      subject: 'Về việc phê duyệt Kế hoạch chuyển đổi số năm 2025',
      authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
    });
    expect(lines[at.number ?? -1]).toBe('Số: 1234/QĐ-UBND');
    expect(lines[at.date ?? -1]).toBe('Quảng Ngãi, ngày 15 tháng 9 năm 2025');
    expect(lines[end]).toMatch(/^Căn cứ Luật/u);
  });

  it('reads a công văn whose two header columns were extracted side by side on one line', () => {
    const lines = cleanLines([
      'UBND TỈNH QUẢNG NGÃI    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ    Độc lập - Tự do - Hạnh phúc',
      'Số: 3062/SKHCN-CN&CN    Quảng Ngãi, ngày 24 tháng 11 năm 2025',
      'V/v báo cáo tình hình thực hiện', 'Chiến lược quốc gia về trí tuệ nhân tạo',
      'Kính gửi: Các sở, ban, ngành tỉnh; UBND các xã, phường, đặc khu.',
      'Thực hiện Công văn số 6824/BKHCN-CN ngày 19/11/2025 của Bộ Khoa học và Công nghệ, Sở đề nghị các đơn vị báo cáo.',
    ].join('\n'));
    const { facts, end } = parseHeader(lines);
    expect(facts).toEqual({
      parentBody: 'Ủy ban nhân dân tỉnh Quảng Ngãi', issuer: 'Sở Khoa học và Công nghệ', nationalMotto: true,
      number: '3062/SKHCN-CN&CN', place: 'Quảng Ngãi', date: '2025-11-24', type: 'công văn',
      subject: 'báo cáo tình hình thực hiện Chiến lược quốc gia về trí tuệ nhân tạo',
      addressees: ['Các sở, ban, ngành tỉnh', 'UBND các xã, phường, đặc khu'],
    });
    expect(lines[end]).toMatch(/^Thực hiện Công văn/u);
  });

  it('reads a notice whose left column (parent body, issuer, số) came first and leaves a blank number and date out', () => {
    const lines = cleanLines([
      'UBND TỈNH QUẢNG NGÃI', 'SỞ KHOA HỌC VÀ', 'CÔNG NGHỆ', 'Số: /TB-SKHCN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Ngãi, ngày tháng 6 năm 2026',
      'THÔNG BÁO', 'Danh mục nhu cầu công nghệ', 'Thực hiện Thông báo Kết luận số 333/TB-UBND ngày 10/4/2026 của Ủy ban nhân dân tỉnh.',
    ].join('\n'));
    const { facts } = parseHeader(lines);
    expect(facts).toEqual({
      parentBody: 'Ủy ban nhân dân tỉnh Quảng Ngãi', issuer: 'Sở Khoa học và Công nghệ', nationalMotto: true,
      place: 'Quảng Ngãi', type: 'thông báo', subject: 'Danh mục nhu cầu công nghệ',
    });
  });

  it('reads a law header with its Luật số line and a trích yếu in capitals', () => {
    const { facts } = parseHeader(cleanLines(['QUỐC HỘI', 'Luật số: 06/2022/QH15', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'LUẬT', 'THI ĐUA, KHEN THƯỞNG', 'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;'].join('\n')));
    expect(facts).toMatchObject({ issuer: 'Quốc hội', number: '06/2022/QH15', type: 'luật', subject: 'Thi đua, khen thưởng' });
  });

  it('takes no capitalised title for an issuer', () => {
    const { facts, end } = parseHeader(cleanLines(['THÔNG TIN CHUNG', 'Cổng thông tin giới thiệu các dịch vụ công của tỉnh.'].join('\n')));
    expect(facts).toEqual({});
    expect(end).toBe(0);
  });

  it('finds no header in a text that opens with its body', () => {
    expect(parseHeader(['Thực hiện Kế hoạch số 83/KH-UBND, các đơn vị đã triển khai.', 'I. Kết quả'])).toEqual({ facts: {}, lines: {}, end: 0 });
  });
});

describe('header facts of the five provincial documents', () => {
  const factsOf = (prefix: string) => {
    const cleaned = cleanExtractedText(readSeed(prefix));
    const first = cleaned.tables[0]?.rows[0];
    const firstLine = first ? cleaned.text.slice(0, first.start).split('\n').length - 1 : undefined;
    return layoutDocument(cleaned.text, firstLine).facts;
  };

  it('keeps what each header holds and leaves lost numbers and dates empty', () => {
    const ai = factsOf('000');
    expect(ai).toMatchObject({ type: 'báo cáo', subject: expect.stringMatching(/^Kết quả thực hiện Chiến lược quốc gia/u), signingAuthority: 'KT.', signerTitle: 'PHÓ GIÁM ĐỐC' });
    expect(ai.recipients).toEqual(['Bộ KH&CN (báo cáo)', 'UBND tỉnh (báo cáo)', 'GĐ, PGĐ (Tâm)', 'Lưu: VT, CN&CN']);
    // Số, date, issuer lines and the signer's name are not in this extraction.
    for (const missing of ['number', 'date', 'issuer', 'signer'] as const) expect(ai[missing]).toBeUndefined();

    const notice = factsOf('001');
    expect(notice).toMatchObject({ number: '114/TB-SKHCN', date: '2026-06-04', place: 'Quảng Ngãi', type: 'thông báo', signer: 'Nguyễn Trọng Tâm' });
    expect(notice.recipients).toHaveLength(13);

    const review = factsOf('002');
    expect(review).toMatchObject({ type: 'báo cáo', signerTitle: 'GIÁM ĐỐC', signer: 'Nguyễn Tấn Liêm' });
    expect(review.signingAuthority).toBeUndefined();
    expect(review.number).toBeUndefined();

    const appendix = factsOf('003');
    expect(appendix).toEqual({ type: 'phụ lục', sources: { type: { block: 'header', line: 0 } } });

    const conclusion = factsOf('004');
    expect(conclusion).toMatchObject({
      type: 'thông báo', signingAuthority: 'TL.', signingFor: ['TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG'],
      signerTitle: 'PHÓ CHÁNH VĂN PHÒNG', signer: 'Phùng Tô Long',
    });
    expect(conclusion.recipients).toContain('Viettel Quảng Ngãi');
  });
});
