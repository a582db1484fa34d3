import { describe, expect, it } from 'vitest';
import { buildCitation, CitationList, documentLabel, procedureDisplayName, quoteAround, vietnameseDate, withMark } from './citations.ts';

describe('documentLabel', () => {
  it('names a document by type, number and administrative date', () => {
    expect(documentLabel({ type: 'kế hoạch', title: 'Thực hiện Chiến lược', number: '83/KH-UBND', issuedDate: '2021-06-04' })).toBe('Kế hoạch số 83/KH-UBND ngày 04/6/2021');
    expect(documentLabel({ type: 'quyết định', title: 'X', number: '12/QĐ-UBND', issuedDate: '2024-01-10' })).toBe('Quyết định số 12/QĐ-UBND ngày 10/01/2024');
    expect(documentLabel({ type: 'báo cáo', title: 'Sơ kết 03 năm' })).toBe('Báo cáo “Sơ kết 03 năm”');
    expect(documentLabel({ type: 'thủ tục', title: 'Cấp hộ chiếu', number: '1.001471' })).toBe('Thủ tục “Cấp hộ chiếu” (mã 1.001471)');
  });

  it('writes dates the Vietnamese administrative way and rejects non-dates', () => {
    expect(vietnameseDate('2025-11-21')).toBe('21/11/2025');
    expect(vietnameseDate('2026-02-05')).toBe('05/02/2026');
    expect(vietnameseDate('2026-13-05')).toBeUndefined();
    expect(vietnameseDate('04/6/2021')).toBeUndefined();
  });
});

describe('quoteAround', () => {
  const text = 'Câu thứ nhất nói về bối cảnh. Câu thứ hai có con số 850 triệu đồng. Câu thứ ba nói về thời hạn 30/10/2026. Câu thứ tư kết thúc.';
  const second = { start: text.indexOf('Câu thứ hai'), end: text.indexOf(' Câu thứ ba') };

  it('keeps a short passage whole', () => {
    expect(quoteAround(text, [second], 500)).toBe(text);
  });

  it('cuts a long passage on sentence boundaries around the focus, marking cuts', () => {
    const q = quoteAround(text, [second], 70);
    expect(q).toContain('Câu thứ hai có con số 850 triệu đồng.');
    expect(q.startsWith('… ') || q.endsWith(' …')).toBe(true);
    expect(q.length).toBeLessThanOrEqual(70 + 4);
  });

  it('starts from the beginning without a focus', () => {
    expect(quoteAround(text, [], 60)).toBe('Câu thứ nhất nói về bối cảnh. …');
  });
});

describe('citations', () => {
  it('numbers from 1, reuses the number of a passage cited again, and links to the passage', () => {
    const list = new CitationList();
    const doc = { id: 'ke hoach/83', sourceId: 'kh-83.pdf', title: 'Kế hoạch', number: '83/KH-UBND' };
    expect(list.cite({ id: 'ke hoach/83#2', sectionLabel: 'Mục II' }, doc, 'quote')).toBe(1);
    expect(list.cite({ id: 'ke hoach/83#5', sectionLabel: 'Mục III' }, doc, 'other')).toBe(2);
    expect(list.cite({ id: 'ke hoach/83#2', sectionLabel: 'Mục II' }, doc, 'quote')).toBe(1);
    expect(list.items[0]).toEqual({ n: 1, docId: 'ke hoach/83', sourceId: 'kh-83.pdf', title: 'Kế hoạch', number: '83/KH-UBND', section: 'Mục II', quote: 'quote', link: '/sources/ke%20hoach%2F83?chunk=ke%20hoach%2F83%232' });
    expect(list.docIds()).toEqual(['ke hoach/83']);
  });

  it('gives one citation per section of a document, its quote holding every passage cited from it', () => {
    const list = new CitationList();
    const doc = { id: 'tt/1', sourceId: '1.000894', title: 'Đăng ký kết hôn', number: '1.000894' };
    expect(list.cite({ id: 'tt/1#3', sectionLabel: 'Thành phần hồ sơ' }, doc, 'Tờ khai: 1 bản chính')).toBe(1);
    expect(list.cite({ id: 'tt/1#4', sectionLabel: 'Thành phần hồ sơ' }, doc, 'Giấy xác nhận: 1 bản chính')).toBe(1);
    expect(list.cite({ id: 'tt/1#4', sectionLabel: 'Thành phần hồ sơ' }, doc, 'Giấy xác nhận: 1 bản chính')).toBe(1);
    expect(list.cite({ id: 'tt/1#6', sectionLabel: 'Lệ phí' }, doc, 'Miễn lệ phí')).toBe(2);
    expect(list.items).toHaveLength(2);
    expect(list.items[0]!.quote).toBe('Tờ khai: 1 bản chính\n…\nGiấy xác nhận: 1 bản chính');
    expect(list.items[0]!.link).toBe('/sources/tt%2F1?chunk=tt%2F1%233');
  });

  it('names a procedure without nested quotes or a doubled "thủ tục"', () => {
    expect(procedureDisplayName('Thủ tục đăng ký khai sinh')).toBe('Đăng ký khai sinh');
    expect(procedureDisplayName('Cấp tem “AB” cho người nước ngoài')).toBe('Cấp tem ‘AB’ cho người nước ngoài');
    expect(documentLabel({ type: 'thủ tục', title: 'Thủ tục đăng ký khai sinh', number: '1.001193' })).toBe('Thủ tục “Đăng ký khai sinh” (mã 1.001193)');
  });

  it('puts the marker before the closing punctuation', () => {
    expect(withMark('Lệ phí 20.000 đồng.', 3)).toBe('Lệ phí 20.000 đồng [3].');
    expect(withMark('Hồ sơ gồm:', 1)).toBe('Hồ sơ gồm [1]:');
    expect(withMark('- Tờ khai: 1 bản chính', 2)).toBe('- Tờ khai: 1 bản chính [2]');
    expect(withMark('thị trấn..', 2)).toBe('thị trấn [2].');
  });
});

describe('buildCitation with the document label', () => {
  it('carries the issue date and the Vietnamese label of the document', () => {
    const c = buildCitation(1, { id: 'kh-83#3', sectionLabel: 'Mục II.4.b' }, {
      id: 'kh-83', sourceId: 'kh-83.pdf', title: 'Thực hiện Chiến lược quốc gia về trí tuệ nhân tạo', number: '83/KH-UBND', type: 'kế hoạch', issuedDate: '2021-06-04',
    }, 'Trích dẫn.');
    expect(c.issuedDate).toBe('2021-06-04');
    expect(c.label).toBe('Kế hoạch số 83/KH-UBND ngày 04/6/2021');
    expect(c.section).toBe('Mục II.4.b');
    expect(c.link).toBe('/sources/kh-83?chunk=kh-83%233');
  });
});
