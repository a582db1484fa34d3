import { describe, expect, it } from 'vitest';
import { detectSecrecyMarking, extractMetadata, findDocumentNumbers, parseVietnameseDate } from './metadata.ts';
import { cleanExtractedText } from './pdf-text.ts';
import { readSeed } from './testing/fixtures.ts';

const metaOf = (prefix: string) => extractMetadata(cleanExtractedText(readSeed(prefix)).text);

describe('extractMetadata on the seeds', () => {
  it('reads notice 114/TB-SKHCN from its header', () => {
    const { header, ...meta } = metaOf('001');
    expect(header).toMatchObject({
      number: '114/TB-SKHCN', date: '2026-06-04', place: 'Quảng Ngãi', type: 'thông báo',
      subject: 'Danh mục nhu cầu công nghệ của các sở, ban, ngành, địa phương tỉnh Quảng Ngãi',
      signer: 'Nguyễn Trọng Tâm', signerTitle: 'PHÓ GIÁM ĐỐC', signingAuthority: 'KT.', signingFor: ['KT. GIÁM ĐỐC'],
    });
    expect(header?.sources.number).toEqual({ block: 'header', line: 0 });
    expect(header?.sources.signer?.block).toBe('signature');
    expect(header?.issuer).toBeUndefined();
    expect(meta).toEqual({
      title: 'Danh mục nhu cầu công nghệ của các sở, ban, ngành, địa phương tỉnh Quảng Ngãi',
      type: 'thông báo',
      number: '114/TB-SKHCN',
      issuedDate: '2026-06-04',
      place: 'Quảng Ngãi',
      issuer: 'Sở Khoa học và Công nghệ',
      status: 'in_force',
      audience: 'public',
    });
  });

  it('takes the report title from the lines after the type heading and never a body date', () => {
    const meta = metaOf('000');
    expect(meta.type).toBe('báo cáo');
    expect(meta.title).toBe('Kết quả thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng Trí tuệ nhân tạo đến năm 2030 trên địa bàn tỉnh Quảng Ngãi');
    expect(meta.issuedDate).toBeUndefined();
    expect(meta.number).toBeUndefined();
    expect(meta.issuer).toBe('Sở Khoa học và Công nghệ');
  });

  it('reads the conclusion notice of seed 004', () => {
    const meta = metaOf('004');
    expect(meta.type).toBe('thông báo');
    expect(meta.title).toBe('Kết luận của Phó Chủ tịch UBND tỉnh Trần Phước Hiền tại cuộc họp nghe và cho ý kiến về ứng dụng AI và giải pháp chuyển đổi số giai đoạn 2026-2030');
    expect(meta.issuedDate).toBeUndefined();
  });
});

describe('extractMetadata on synthetic headers', () => {
  const decision = [
    'ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 12/2024/QĐ-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Quảng Ngãi, ngày 5 tháng 3 năm 2024', 'QUYẾT ĐỊNH', 'Ban hành Quy chế quản lý dữ liệu số',
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    'Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý dữ liệu số.',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày 15/3/2024 và thay thế Quyết định số 30/2019/QĐ-UBND ngày 01/8/2019.',
  ].join('\n');

  it('reads issuer, number, date, title, effective date and what it replaces', () => {
    const { header, ...meta } = extractMetadata(decision);
    expect(header).toMatchObject({ issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi', number: '12/2024/QĐ-UBND', date: '2024-03-05' });
    expect(meta).toEqual({
      title: 'Ban hành Quy chế quản lý dữ liệu số',
      type: 'quyết định',
      number: '12/2024/QĐ-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
      issuedDate: '2024-03-05',
      place: 'Quảng Ngãi',
      effectiveDate: '2024-03-15',
      relations: [{
        kind: 'replaces', target: { number: '30/2019/QĐ-UBND', docType: 'quyết định', year: 2019, date: '2019-08-01' }, parts: [], from: '2024-03-15',
        quote: 'Điều 2. Quyết định này có hiệu lực kể từ ngày 15/3/2024 và thay thế Quyết định số 30/2019/QĐ-UBND ngày 01/8/2019.',
      }],
      status: 'in_force',
      audience: 'public',
    });
  });

  it('lets hints from a sidecar override extracted values', () => {
    const meta = extractMetadata(decision, { title: 'Quy chế dữ liệu', status: 'superseded', supersededBy: '20/2025/QĐ-UBND' });
    expect(meta.title).toBe('Quy chế dữ liệu');
    expect(meta.status).toBe('superseded');
    expect(meta.supersededBy).toBe('20/2025/QĐ-UBND');
    expect(meta.number).toBe('12/2024/QĐ-UBND');
  });

  it('recognises an official letter by its V/v line', () => {
    const meta = extractMetadata('SỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 3062/SKHCN-CN&CN\nV/v báo cáo tình hình thực hiện Chiến lược\nQuảng Ngãi, ngày 24 tháng 11 năm 2025\nKính gửi: Các đơn vị.');
    expect(meta.type).toBe('công văn');
    expect(meta.title).toBe('báo cáo tình hình thực hiện Chiến lược');
    expect(meta.issuer).toBe('Sở Khoa học và Công nghệ');
    expect(meta.issuedDate).toBe('2025-11-24');
  });

  it('leaves the date out when the place-date line was left blank for signing', () => {
    const meta = extractMetadata('Số: 83/KH-UBND\nQuảng Ngãi, ngày    tháng 6 năm 2021\nKẾ HOẠCH\nThực hiện Chiến lược quốc gia về trí tuệ nhân tạo');
    expect(meta.type).toBe('kế hoạch');
    expect(meta.issuedDate).toBeUndefined();
    expect(meta.issuer).toBe('Ủy ban nhân dân');
  });
});

describe('findDocumentNumbers', () => {
  it('finds state and Party numbers with their types', () => {
    const text = 'Kế hoạch số 83/KH-UBND, Số: 114 /TB-SKHCN, Quyết định 127/QĐ-TTg, Nghị quyết 57-NQ/TW, 14/2021/NQ-HĐND, 30/2020/NĐ-CP, 362-KH/TU, Luật 02/2011/QH13 ngày 04/6/2021, 24/7, 5/2 hộ';
    expect(findDocumentNumbers(text).map((r) => [r.number, r.type])).toEqual([
      ['83/KH-UBND', 'kế hoạch'], ['114/TB-SKHCN', 'thông báo'], ['127/QĐ-TTg', 'quyết định'], ['57-NQ/TW', 'nghị quyết'],
      ['14/2021/NQ-HĐND', 'nghị quyết'], ['30/2020/NĐ-CP', 'nghị định'], ['362-KH/TU', 'kế hoạch'], ['02/2011/QH13', 'luật'],
    ]);
  });
});

describe('parseVietnameseDate', () => {
  it('parses worded and numeric dates to ISO', () => {
    expect(parseVietnameseDate('Quảng Ngãi, ngày 04 tháng 6 năm 2026')).toBe('2026-06-04');
    expect(parseVietnameseDate('ban hành ngày 04/6/2021')).toBe('2021-06-04');
    expect(parseVietnameseDate('29-02-2024')).toBe('2024-02-29');
  });

  it('rejects impossible days and months', () => {
    expect(parseVietnameseDate('31/4/2025')).toBeUndefined();
    expect(parseVietnameseDate('29/02/2025')).toBeUndefined();
    expect(parseVietnameseDate('ngày 12 tháng 13 năm 2025')).toBeUndefined();
    expect(parseVietnameseDate('không có ngày')).toBeUndefined();
  });
});

describe('detectSecrecyMarking', () => {
  it('finds a secrecy stamp near the top whatever its spacing or case', () => {
    expect(detectSecrecyMarking('ỦY BAN NHÂN DÂN\nMẬT\nSố: 1/BC-UBND')).toBe('MẬT');
    expect(detectSecrecyMarking('  T Ố I   M Ậ T  \nBÁO CÁO')).toBe('TỐI MẬT');
    expect(detectSecrecyMarking('[Tuyệt mật]\nQUYẾT ĐỊNH')).toBe('TUYỆT MẬT');
    expect(detectSecrecyMarking('Độ mật: Mật\nCÔNG VĂN')).toBe('MẬT');
  });

  it('finds a stamp written in lower case or decomposed', () => {
    expect(detectSecrecyMarking('mật\nBÁO CÁO')).toBe('MẬT');
    expect(detectSecrecyMarking('TỐI MẬT'.normalize('NFD'))).toBe('TỐI MẬT');
  });

  it('ignores the word in ordinary prose', () => {
    expect(detectSecrecyMarking('Tăng cường bảo mật thông tin.\nĐổi mật khẩu định kỳ.\nBảo vệ bí mật nhà nước.')).toBeUndefined();
    expect(detectSecrecyMarking(cleanExtractedText(readSeed('000')).text)).toBeUndefined();
  });

  it('marks a stamped document internal', () => {
    expect(extractMetadata('MẬT\nBÁO CÁO\nTình hình an ninh').audience).toBe('internal');
  });
});
