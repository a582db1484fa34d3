import { describe, expect, it } from 'vitest';
import { detectSecrecyMarking, findSecrecyMarking, secrecyOf } from './secrecy.ts';

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc';

/** A decision whose header lines are given, then an ordinary body. */
function decision(header: string): string {
  return `${header}\nQUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch số hóa hồ sơ\nCăn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Phê duyệt kế hoạch.`;
}

describe('findSecrecyMarking: stamps in the header zone', () => {
  it('reads a stamp on a line of its own, bracketed, letter-spaced, labelled, in any case', () => {
    const cases: Array<[string, string]> = [
      ['ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nMẬT\nSố: 12/QĐ-UBND', 'MẬT'],
      ['  T Ố I   M Ậ T  \nBÁO CÁO', 'TỐI MẬT'],
      ['[Tuyệt mật]\nQUYẾT ĐỊNH', 'TUYỆT MẬT'],
      ['(MẬT)\nCÔNG VĂN', 'MẬT'],
      ['**TỐI MẬT**\nBÁO CÁO', 'TỐI MẬT'],
      ['M.Ậ.T\nBÁO CÁO', 'MẬT'],
      ['Độ mật: Mật\nCÔNG VĂN', 'MẬT'],
      ['Độ mật: Tối mật\nCÔNG VĂN', 'TỐI MẬT'],
      ['Do mat: Tuyet mat\nCONG VAN', 'TUYỆT MẬT'],
      ['Độ mật:\nMật\nCÔNG VĂN', 'MẬT'],
      ['TUYET MAT\nBAO CAO', 'TUYỆT MẬT'],
      ['toi mat\nBÁO CÁO', 'TỐI MẬT'],
      ['tuyệt mật\nBÁO CÁO', 'TUYỆT MẬT'],
      ['mật\nBÁO CÁO', 'MẬT'],
      ['MAT\nBAO CAO', 'MẬT'],
      ['TỐI MẬT'.normalize('NFD'), 'TỐI MẬT'],
      ['Classification: Top Secret\nREPORT', 'TUYỆT MẬT'],
    ];
    for (const [text, level] of cases) expect(detectSecrecyMarking(text), text).toBe(level);
  });

  it('reads a stamp in either column of a two-column header line, with or without the gap', () => {
    const cases: Array<[string, string]> = [
      [decision(`ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI TUYỆT MẬT\n${QUOC_HIEU}`), 'TUYỆT MẬT'],
      [decision(`ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI     TUYỆT MẬT\n${QUOC_HIEU}`), 'TUYỆT MẬT'],
      [decision(`ỦY BAN NHÂN DÂN\tMẬT\nTỈNH QUẢNG NGÃI\n${QUOC_HIEU}`), 'MẬT'],
      [decision(`ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI MẬT\n${QUOC_HIEU}`), 'MẬT'],
      [decision(`ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI    Độc lập - Tự do - Hạnh phúc\nSỐ: 12/QĐ-UBND    MẬT`), 'MẬT'],
      [decision(`${QUOC_HIEU}\nSố: 12/QĐ-UBND MẬT`), 'MẬT'],
      [decision(`${QUOC_HIEU} TỐI MẬT`), 'TỐI MẬT'],
      [decision('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM MẬT\nĐộc lập - Tự do - Hạnh phúc'), 'MẬT'],
      [decision(`ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nMẬT    Quảng Ngãi, ngày 12 tháng 3 năm 2026`), 'MẬT'],
      [decision(`TUYỆT MẬT ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n${QUOC_HIEU}`), 'TUYỆT MẬT'],
      [decision(`UY BAN NHAN DAN TINH QUANG NGAI TUYET MAT\nCONG HOA XA HOI CHU NGHIA VIET NAM`), 'TUYỆT MẬT'],
      [decision(`UY BAN NHAN DAN TINH QUANG NGAI toi mat\nCONG HOA XA HOI CHU NGHIA VIET NAM`), 'TỐI MẬT'],
      [decision(`ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI [MẬT]\n${QUOC_HIEU}`), 'MẬT'],
      [decision(`ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI M Ậ T\n${QUOC_HIEU}`), 'MẬT'],
      [decision(`Độ khẩn: Hỏa tốc    Độ mật: Mật\n${QUOC_HIEU}`), 'MẬT'],
      [decision(`SỞ TƯ PHÁP    ${QUOC_HIEU.split('\n')[0]}\nSố: 45/BC-STP    Độ mật: Tối mật`), 'TỐI MẬT'],
    ];
    for (const [text, level] of cases) expect(detectSecrecyMarking(text), text.split('\n').slice(0, 3).join(' / ')).toBe(level);
  });

  it('says which marking and which line, in English for logs and in Vietnamese for people', () => {
    const m = findSecrecyMarking(`${QUOC_HIEU}\nỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI     TUYỆT MẬT\nQUYẾT ĐỊNH`)!;
    expect(m).toMatchObject({ level: 'TUYỆT MẬT', form: 'header-column', where: 'text', line: 3 });
    expect(m.reason).toBe('secrecy marking TUYỆT MẬT (header-column) on line 3 of the header');
    expect(m.message).toBe('Dấu độ mật "TUYỆT MẬT" ở dòng 3 phần đầu văn bản: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI     TUYỆT MẬT".');
    expect(findSecrecyMarking('\n\nMẬT\nBÁO CÁO')).toMatchObject({ form: 'stamp-line', line: 3 });
    expect(findSecrecyMarking('Độ mật: Mật\nCÔNG VĂN')).toMatchObject({ form: 'label', line: 1 });
  });
});

describe('findSecrecyMarking: prose and other headers never count', () => {
  it('ignores the word in ordinary prose near the top', () => {
    const texts = [
      'Tăng cường bảo mật thông tin.\nĐổi mật khẩu định kỳ.\nBảo vệ bí mật nhà nước.',
      'THÔNG BÁO\nMật độ dân số của tỉnh tăng.\nHội chợ mật ong Quảng Ngãi.',
      decision(`ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n${QUOC_HIEU}\nSố: 12/QĐ-UBND\nĐộ khẩn: Hỏa tốc`),
      decision(`ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n${QUOC_HIEU}\nQUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC`),
      'QUY CHẾ\nBảo vệ bí mật nhà nước trên địa bàn tỉnh\nCHƯƠNG I\nMẬT',
      'DANH MỤC BÍ MẬT NHÀ NƯỚC ĐỘ TUYỆT MẬT\nCủa ngành tư pháp',
      'HƯỚNG DẪN CÔNG TÁC BẢO MẬT\nV/v bảo mật tài khoản',
      'QUY ĐỊNH VỀ TÀI LIỆU TỐI MẬT, TUYỆT MẬT\nCăn cứ Luật Bảo vệ bí mật nhà nước',
      'TRUNG TÂM GIÁM SÁT AN TOÀN THÔNG TIN\nMÃ HÓA VÀ MẬT MÃ',
      'Sản phẩm: mật ong\nMật mía\nMật gấu',
      'Mat\nBAO CAO',
      'Bảo vệ bí mật nhà nước\nBí mật nhà nước được phân loại theo 3 độ mật:\nTuyệt mật;\nTối mật;\nMật.',
      'Phân loại bí mật nhà nước\n\na) Tuyệt mật;\n\nb) Tối mật;\n\nc) Mật.',
      'Độ mật\nBí mật nhà nước gồm ba độ mật: tuyệt mật, tối mật và mật.',
      'BÁO CÁO\nSố liệu về mật độ xây dựng\nMẬT ĐỘ DÂN SỐ',
      'MAT giay to tuy than thi lam lai o dau',
      'Toi bi MAT CCCD - lam lai the nao',
      'MẬT ONG có cần giấy phép không',
    ];
    for (const text of texts) expect(findSecrecyMarking(text), text).toBeUndefined();
  });

  it('ignores a stamp-like line in the body, after the header zone', () => {
    expect(detectSecrecyMarking(decision('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI') + '\nMẬT\n')).toBeUndefined();
    expect(detectSecrecyMarking(`${'Nội dung báo cáo. '.repeat(150)}\nTUYỆT MẬT`)).toBeUndefined();
  });

  it('reads only the start of a first line longer than the zone', () => {
    expect(detectSecrecyMarking(`TUYỆT MẬT Giải quyết khiếu nại ${'nội dung '.repeat(400)}`)).toBe('TUYỆT MẬT');
    expect(detectSecrecyMarking(`Giải quyết khiếu nại ${'nội dung '.repeat(400)}ỦY BAN NHÂN DÂN TỈNH MẬT`)).toBeUndefined();
  });
});

const procedure = (extra: Record<string, string>): Record<string, string> => ({
  ma_thu_tuc: '1.000178', ten_thu_tuc: 'Đăng ký khai sinh', linh_vuc: 'Hộ tịch', raw_text: 'Đăng ký khai sinhTên thủ tụcĐăng ký khai sinhMã thủ tục1.000178', ...extra,
});

describe('secrecyOf: every shape of loaded document', () => {
  it('marks a catalog procedure by its text, its title or a field', () => {
    const base = procedure({});
    expect(secrecyOf({ text: base.raw_text!, title: base.ten_thu_tuc!, fields: base })).toBeUndefined();
    const stamped = procedure({ raw_text: `TUYỆT MẬT\n${base.raw_text}` });
    expect(secrecyOf({ text: stamped.raw_text!, title: stamped.ten_thu_tuc!, fields: stamped })).toMatchObject({ level: 'TUYỆT MẬT', where: 'text', line: 1 });
    const titled = procedure({ ten_thu_tuc: '[MẬT] Đăng ký khai sinh' });
    expect(secrecyOf({ text: titled.raw_text!, fields: titled })).toMatchObject({ level: 'MẬT', where: 'title' });
    const field = procedure({ do_mat: 'Tối mật' });
    expect(secrecyOf({ text: field.raw_text!, title: field.ten_thu_tuc!, fields: field })).toMatchObject({ level: 'TỐI MẬT', where: 'field', field: 'do_mat' });
  });

  it('marks a law article record stamped at its top or in a field, never for quoting the levels', () => {
    const article = { law_id: 'Luật Bảo vệ bí mật nhà nước', article_id: '8', text: 'Phân loại bí mật nhà nước\n\nBí mật nhà nước được phân loại thành 3 độ mật:\n\na) Tuyệt mật;\n\nb) Tối mật;\n\nc) Mật.' };
    expect(secrecyOf({ text: article.text, title: `${article.law_id} — Điều 8. Phân loại bí mật nhà nước`, fields: article })).toBeUndefined();
    const article10 = { ...article, article_id: '10', text: 'Tuyệt mật\n\nBí mật nhà nước độ Tuyệt mật là bí mật nhà nước liên quan đến chính trị.' };
    expect(secrecyOf({ text: article10.text, title: `${article.law_id} — Điều 10. Tuyệt mật`, fields: { ...article10, title: 'Tuyệt mật' } })).toBeUndefined();
    const stamped = { ...article, text: `MẬT\n${article.text}` };
    expect(secrecyOf({ text: stamped.text, fields: stamped })).toMatchObject({ level: 'MẬT', line: 1 });
    const labelled = { ...article, classification: 'Confidential' };
    expect(secrecyOf({ text: article.text, fields: labelled })).toMatchObject({ level: 'MẬT', field: 'classification' });
  });

  it('marks a generic record by title, first lines or a field named for secrecy', () => {
    expect(secrecyOf({ text: 'Nội dung.', title: 'TỐI MẬT - Báo cáo tình hình an ninh' })).toMatchObject({ level: 'TỐI MẬT', where: 'title' });
    expect(secrecyOf({ text: 'Nội dung.', title: 'Báo cáo tình hình an ninh (MẬT)' })).toMatchObject({ level: 'MẬT', where: 'title' });
    expect(secrecyOf({ text: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI MẬT\nBÁO CÁO', title: 'Báo cáo' })).toMatchObject({ where: 'text', line: 1 });
    for (const [name, value, level] of [['Độ mật', 'Mật', 'MẬT'], ['do_mat', 'TUYET MAT', 'TUYỆT MẬT'], ['secrecy', 'secret', 'TỐI MẬT'], ['doMat', 'tối mật', 'TỐI MẬT'], ['mat', 'true', 'MẬT'], ['security_level', 'Top secret', 'TUYỆT MẬT']] as const) {
      expect(secrecyOf({ text: 'Nội dung.', fields: { id: 'X-1', [name]: value } }), name).toMatchObject({ level, where: 'field', field: name });
    }
    expect(secrecyOf({ text: 'Nội dung.', fields: { id: 'X-1', ghi_chu: '[TUYỆT MẬT]' } })).toMatchObject({ level: 'TUYỆT MẬT', field: 'ghi_chu' });
  });

  it('leaves records with ordinary fields, and fields that say not secret, alone', () => {
    for (const value of ['Không', 'thường', 'Công khai', 'public', '', 'false']) {
      expect(secrecyOf({ text: 'Nội dung.', fields: { id: 'X', do_mat: value } }), value).toBeUndefined();
    }
    expect(secrecyOf({ text: 'Nội dung.', title: 'Quy chế bảo vệ bí mật nhà nước', fields: { mat_khau: '1', linh_vuc: 'Bảo mật', id: 'X' } })).toBeUndefined();
    expect(secrecyOf({ text: 'Nội dung.', title: 'Hội chợ mật ong', fields: { do_khan: 'Hỏa tốc' } })).toBeUndefined();
    expect(secrecyOf({ text: 'Nội dung.', title: 'Luật Bảo vệ bí mật nhà nước — Điều 9. Tuyệt mật, tối mật' })).toBeUndefined();
  });

  it('explains a field marking in Vietnamese', () => {
    expect(secrecyOf({ text: '', fields: { do_mat: 'Tối mật' } })!.message).toBe('Trường "do_mat" của bản ghi ghi độ mật "Tối mật".');
    expect(secrecyOf({ text: '', title: '[MẬT] Báo cáo' })!.message).toBe('Tiêu đề mang dấu độ mật "MẬT": "[MẬT] Báo cáo".');
  });
});

describe('secrecyOf: markings as the loaders lay them out', () => {
  it('reads a label in Markdown syntax: a blockquote, bold, under the title heading', () => {
    const md = '# Báo cáo tình hình an ninh trật tự quý IV\n\n> **Độ mật:** Tối mật\n> **Số:** 7/BC-CA\n\n## 1. Tình hình\n\nNội dung báo cáo.';
    expect(secrecyOf({ text: md })).toMatchObject({ level: 'TỐI MẬT', form: 'label', line: 3 });
    expect(secrecyOf({ text: '# Chính sách bảo mật\n\n> **Lưu ý:** mật khẩu phải đủ 8 ký tự.\n\n## 1. Phạm vi' })).toBeUndefined();
  });

  it('reads a stamp glued by the PDF loader to the lower-case text of the other column', () => {
    const pdf = 'SỞ Y TẾ TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/BC-SYT Độc lập - Tự do - Hạnh phúc\nV/v kiểm tra an toàn thực phẩm MẬT\nBÁO CÁO\n1. Kết quả kiểm tra.';
    expect(secrecyOf({ text: pdf })).toMatchObject({ level: 'MẬT', form: 'header-column', line: 3 });
    for (const line of ['V/v tăng cường công tác bảo MẬT', 'V/v quản lý tài liệu mật', 'V/v hướng dẫn đổi MẬT khẩu tài khoản']) {
      expect(secrecyOf({ text: `SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 3/CV-STTTT\n${line}\nKính gửi: các sở.` }), line).toBeUndefined();
    }
  });

  it('reads a stamp standing alone at the foot of a page, where a stamping tool\'s box is extracted', () => {
    const page1 = 'CÔNG AN TỈNH QUẢNG NGÃI\nSố: 9/BC-PC02\nBÁO CÁO\nI. Diễn biến\n1. Nội dung.\nNơi nhận: lưu hồ sơ.\nMẬT';
    expect(secrecyOf({ text: `${page1}\n\nTrang hai.`, pages: [page1, 'Trang hai.'] })).toMatchObject({ level: 'MẬT', form: 'stamp-line', line: 7 });
    expect(secrecyOf({ text: 'Trang một.\n\nII. Kết luận\n[TỐI MẬT]', pages: ['Trang một.', 'II. Kết luận\n[TỐI MẬT]'] })).toMatchObject({ level: 'TỐI MẬT', line: 4 });
  });

  it('leaves the law\'s list of levels and a wrapped word at the end of the text alone', () => {
    const law = 'Điều 8. Phân loại bí mật nhà nước\nCăn cứ tính chất quan trọng, bí mật nhà nước được phân loại thành 03 độ mật:\na) Tuyệt mật;\nb) Tối mật;\nc) Mật.';
    expect(secrecyOf({ text: law })).toBeUndefined();
    expect(secrecyOf({ text: 'Căn cứ Luật Bảo vệ bí mật nhà nước;\nCán bộ phải giữ gìn bí\nmật' })).toBeUndefined();
  });

  it('reads Word page headers and footers kept apart from the body', () => {
    const body = 'SỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 3/BC-SKHCN\nBÁO CÁO\n1. Kết quả rà soát.';
    expect(secrecyOf({ text: body, margins: ['MẬT'] })).toMatchObject({ level: 'MẬT', where: 'margin' });
    expect(secrecyOf({ text: body, margins: ['Trang 1/3', 'Sở Khoa học và Công nghệ - Bảo mật thông tin'] })).toBeUndefined();
  });
});
