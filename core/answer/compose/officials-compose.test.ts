import { describe, expect, it } from 'vitest';
import type { Chunk, DocumentRecord } from '../../model.ts';
import { CitationList } from '../ground/citations.ts';
import { contentUnits } from '../retrieve/coverage.ts';
import { analyzeDocumentQuestion } from '../understand/document-question.ts';
import { analyzeQuestion } from '../understand/question.ts';
import { headerView } from './document-header.ts';
import { askedFactAt, composeDocumentPassages, cutAround } from './document-passages.ts';
import { composeHeaderAnswer } from './header-answer.ts';
import { composeList, findList, findSentenceList } from './section-list.ts';
import { composeRow, findRow, spellColumn, tableRows } from './table-answer.ts';

const doc = (over: Partial<DocumentRecord> = {}): DocumentRecord => ({
  id: 'tb', sourceId: 'qn/tb.md', source: 'qn/tb.md', contentHash: '', chunkCount: 0, title: 'Kết luận về chuyển đổi số', type: 'thông báo',
  audience: 'public', status: 'in_force', ...over,
});
let next = 0;
const chunk = (text: string, path: string[] = [], trail: string[] = [], extra: Record<string, unknown> = {}): Chunk =>
  ({ id: `tb#${next++}`, docId: 'tb', sectionPath: path, sectionLabel: path.length ? `Mục ${path.join('.')}` : 'Phần mở đầu', headingTrail: trail, text, ...extra }) as Chunk;
const parts = (question: string) => {
  const q = analyzeQuestion(question);
  const dq = analyzeDocumentQuestion(q);
  return { q, dq, units: contentUnits({ ...q, content: q.content.filter((i) => !dq.cueTokens.has(i)) }) };
};

describe('whole lists', () => {
  const sections = [
    chunk('THÔNG BÁO\nKết luận về chuyển đổi số\nNgày 29/12/2025, tại Trụ sở Ủy ban nhân dân tỉnh, cuộc họp đã diễn ra.'),
    chunk('1. Các sở, ban, ngành, địa phương:\n- Khẩn trương ban hành Kế hoạch chuyển đổi số giai đoạn 2026 - 2030.\n- Chuẩn hóa, cập nhật cơ sở dữ liệu của ngành.', ['1'], ['1. Các sở, ban, ngành, địa phương:']),
    chunk('2. Sở Khoa học và Công nghệ:\n- Tham mưu Đề án đầu tư trang thiết bị công nghệ thông tin.\n- Chủ trì triển khai thí điểm Trợ lý ảo; hoàn thành trước ngày 20/01/2026.', ['2'], ['2. Sở Khoa học và Công nghệ:']),
    // The list goes on in the next chunk, under the same heading.
    chunk('- Hướng dẫn kết nối, chia sẻ dữ liệu.\n- Tham mưu nội dung làm việc; hoàn thành trước ngày 10/01/2026.\nNay thông báo các cơ quan, đơn vị thực hiện./.', ['2'], ['2. Sở Khoa học và Công nghệ:']),
  ];

  it('takes every item under the heading the question names, across chunks, closing formula left out', () => {
    const { units } = parts('Những nhiệm vụ giao cho Sở Khoa học và Công nghệ là gì?');
    const list = findList(doc(), sections, units, new Set())!;
    expect(list.heading).toBe('2. Sở Khoa học và Công nghệ:');
    expect(list.items.map((i) => i.text)).toEqual([
      'Tham mưu Đề án đầu tư trang thiết bị công nghệ thông tin.', 'Chủ trì triển khai thí điểm Trợ lý ảo; hoàn thành trước ngày 20/01/2026.',
      'Hướng dẫn kết nối, chia sẻ dữ liệu.', 'Tham mưu nội dung làm việc; hoàn thành trước ngày 10/01/2026.',
    ]);
    const citations = new CitationList();
    const lines = composeList(doc(), list, citations);
    expect(lines).toHaveLength(5);
    // Every item is cited to the chunk that holds it, whose quote holds the item.
    for (const line of lines.slice(1)) {
      const n = Number(/\[(\d+)\]/u.exec(line)![1]);
      expect(citations.items[n - 1]!.quote).toContain(line.slice(2, 30));
    }
  });

  it('gives a section\'s subsection headings when it has subsections', () => {
    const outline = [
      chunk('1. Danh mục gồm các nhóm:\na. Nhóm Chuyển đổi số\n- Trí tuệ nhân tạo.', ['1', 'a'], ['1. Danh mục gồm các nhóm:', 'a. Nhóm Chuyển đổi số']),
      chunk('b. Nhóm Nông nghiệp\n- IoT.', ['1', 'b'], ['1. Danh mục gồm các nhóm:', 'b. Nhóm Nông nghiệp']),
      chunk('c. Nhóm Năng lượng\n- Điện gió.', ['1', 'c'], ['1. Danh mục gồm các nhóm:', 'c. Nhóm Năng lượng']),
    ];
    const list = findList(doc({ title: 'Danh mục nhu cầu công nghệ' }), outline, parts('Danh mục gồm những nhóm nào?').units, new Set())!;
    expect(list.items.map((i) => i.text)).toEqual(['Nhóm Chuyển đổi số', 'Nhóm Nông nghiệp', 'Nhóm Năng lượng']);
  });

  it('reads a lead-in ending in a colon and its inline (a) … (b) … parts', () => {
    const chunks = [chunk('Tỉnh khuyến khích doanh nghiệp triển khai một số nội dung:\n(a) Nghiên cứu IoT, AI; (b) Phát triển thương mại điện tử; (c) Số hóa dữ liệu.', ['I'], ['I. Kết quả'])];
    const list = findList(doc(), chunks, parts('Tỉnh khuyến khích doanh nghiệp triển khai những nội dung nào?').units, new Set())!;
    expect(list.items.map((i) => i.text)).toEqual(['Nghiên cứu IoT, AI', 'Phát triển thương mại điện tử', 'Số hóa dữ liệu']);
  });
});

describe('lists written as prose', () => {
  const prose = [
    chunk('a) Ứng dụng công nghệ trong nông nghiệp\nTriển khai lắp đặt hệ thống camera tại các khu vực rừng có nguy cơ cháy cao. Hệ thống này được kết nối với trung tâm giám sát. Ứng dụng phần mềm trên điện thoại để tiếp nhận tin báo cháy rừng. Ứng dụng flycam để xác minh hiện trường mất rừng.', ['a'], ['a) Ứng dụng công nghệ trong nông nghiệp']),
    chunk('b) Y tế\nSử dụng căn cước công dân trong khám bệnh. Triển khai bệnh án điện tử tại các bệnh viện.', ['b'], ['b) Y tế']),
  ];

  it('takes the measures, sentence by sentence, of the paragraph that covers the question best', () => {
    const { units } = parts('Để bảo vệ rừng và phòng cháy rừng, tỉnh đã dùng những công nghệ gì?');
    const list = findSentenceList(prose, units, new Set())!;
    expect(list.items.map((i) => i.text)).toEqual([
      'Triển khai lắp đặt hệ thống camera tại các khu vực rừng có nguy cơ cháy cao.',
      'Ứng dụng phần mềm trên điện thoại để tiếp nhận tin báo cháy rừng.',
      'Ứng dụng flycam để xác minh hiện trường mất rừng.',
    ]);
    for (const item of list.items) expect(item.chunk.text.slice(item.start, item.start + item.text.length)).toBe(item.text);
  });

  it('gives nothing when the best-covering paragraph is not such a list', () => {
    const chunks = [...prose, chunk('c) Môi trường\nĐến nay đã tiếp nhận dữ liệu quan trắc tự động của 8 đơn vị trên địa bàn tỉnh.', ['c'], ['c) Môi trường'])];
    expect(findSentenceList(chunks, parts('Những đơn vị nào truyền dữ liệu quan trắc tự động?').units, new Set())).toBeUndefined();
  });
});

describe('table rows', () => {
  const rows = [
    chunk('STT 3: Chỉ tiêu: Số thuê bao internet; Đơn vị tính: Thuê bao; Thực hiện 2024: 1.666.283; Năm 2025 - ƯTH cả năm: 1.838.623; Năm 2025 - ƯTH2025/TH2024 (%): 110; Dự kiến năm 2026 - Kế hoạch: 1.892.700',
      ['Phụ lục', 'dòng 3'], ['Phụ lục', 'STT 3'], { kind: 'table-row' }),
    chunk('STT 4 - Kon Tum\nNgân sách đầu tư cho chuyển đổi số còn hạn chế.\nĐang thực hiện', ['Phụ lục số 02', 'dòng 4'], ['Phụ lục số 02', 'STT 4 - Kon Tum'], { kind: 'table-row' }),
  ];

  it('spells a column header out', () => {
    expect(spellColumn('Năm 2025 - ƯTH2025/TH2024 (%)')).toBe('Năm 2025 - ước thực hiện 2025 / thực hiện 2024 (%)');
  });

  it('gives the value of the column the question names, with its header', () => {
    const { q, dq, units } = parts('Số thuê bao internet thực hiện năm 2024 là bao nhiêu?');
    const row = findRow(tableRows(rows), q.text, units)!;
    const lines = composeRow(doc(), rows, row, units, dq.years, new CitationList());
    expect(lines[0]).toContain('Số thuê bao internet (Thuê bao)');
    expect(lines.slice(1)).toEqual(['- Thực hiện 2024: 1.666.283 [1]']);
  });

  it('takes the percentage column only when a percentage is asked', () => {
    const { q, dq, units } = parts('Số thuê bao internet ước thực hiện 2025 so với thực hiện 2024 đạt bao nhiêu phần trăm?');
    const row = findRow(tableRows(rows), q.text, units)!;
    expect(composeRow(doc(), rows, row, units, dq.years, new CitationList()).join('\n')).toContain('(%): 110');
  });

  it('finds a row by its number and gives its cells with its merged first cell', () => {
    const { q, units } = parts('Dòng số 4 của Phụ lục 02 nêu hạn chế gì?');
    const row = findRow(tableRows(rows), q.text, units)!;
    expect(composeRow(doc(), rows, row, units, [], new CitationList())).toEqual([
      'Phụ lục số 02, dòng 4 (Kon Tum):', '- Ngân sách đầu tư cho chuyển đổi số còn hạn chế [1].', '- Đang thực hiện [1]',
    ]);
  });
});

describe('passages that hold the fact asked', () => {
  it('counts a figure only by a word of the question next to it, never a year or the question\'s own numbers', () => {
    const { dq } = parts('Bao nhiêu học sinh tham gia cuộc thi năm học 2025-2026?');
    expect(askedFactAt('Tổ chức 02 khóa đào tạo cho cuộc thi năm học 2025-2026.', 'number', dq)).toBe(-1);
    expect(askedFactAt('Cuộc thi năm học 2025-2026 có 1.200 học sinh tham gia.', 'number', dq)).toBeGreaterThan(0);
  });

  it('never cuts a long sentence before the fact', () => {
    const long = `${'Các cơ quan đã triển khai nhiều nhiệm vụ, '.repeat(30)}trong đó có 2.725 doanh nghiệp công nghệ số, ${'và các nội dung khác, '.repeat(20)}`;
    const cut = cutAround(long, long.indexOf('2.725'), 300);
    expect(cut).toContain('2.725 doanh nghiệp công nghệ số');
    expect(cut.length).toBeLessThanOrEqual(310);
  });

  it('starts a cut sentence at a word, never inside one', () => {
    // No clause boundary near where the cut falls: words of six letters, the fact far in.
    const long = `${'trạm BTS mới '.repeat(60)}thực hiện lộ trình tắt sóng 2G từ ngày 16/10/2024 ${'trên toàn tỉnh '.repeat(20)}`;
    for (const max of [250, 251, 252, 253, 254, 300]) {
      const cut = cutAround(long, long.indexOf('16/10/2024'), max);
      expect(cut).toContain('16/10/2024');
      expect(['trạm', 'BTS', 'mới']).toContain(cut.replace(/^… /u, '').split(' ')[0]);
    }
  });

  it('refuses by finding nothing when no sentence holds the fact, and cites the one that does', () => {
    const chunks = [chunk('Đến nay tỉnh có 6.900 doanh nghiệp. Có 2.725 doanh nghiệp công nghệ số, trong đó 1.602 doanh nghiệp ICT.', ['II'], ['II. Kết quả'])];
    const asked = parts('Có bao nhiêu doanh nghiệp công nghệ số?');
    const citations = new CitationList();
    const answer = composeDocumentPassages(asked.dq, asked.units, [{ doc: doc(), chunks }], citations);
    expect(answer.lines[0]).toMatch(/^Có 2\.725 doanh nghiệp công nghệ số/u);
    expect(citations.items[0]!.quote).toContain('2.725');
    const none = parts('Có bao nhiêu doanh nghiệp công nghệ số năm 2019?');
    expect(composeDocumentPassages(none.dq, none.units, [{ doc: doc(), chunks }], new CitationList()).lines).toEqual([]);
  });

  it('does not ask each sentence for a rare date the question names the document or event by', () => {
    const chunks = [
      chunk('THÔNG BÁO\nNgày 29/12/2025, tại Trụ sở Ủy ban nhân dân tỉnh, cuộc họp về chuyển đổi số đã diễn ra.'),
      chunk('2. Sở Khoa học và Công nghệ:\n- Tham mưu thí điểm Trợ lý ảo; hoàn thành trước ngày 20/01/2026.\n- Tham mưu nội dung làm việc của lãnh đạo tỉnh; hoàn thành trước ngày 10/01/2026.', ['2'], ['2. Sở Khoa học và Công nghệ:']),
    ];
    const q = analyzeQuestion('Theo kết luận ngày 29/12/2025, Sở Khoa học và Công nghệ có hai việc, hạn hoàn thành của từng việc là ngày nào?');
    const dq = analyzeDocumentQuestion(q);
    // Term statistics as the index gives them: a date is rarer than any word.
    const units = contentUnits({ ...q, content: q.content.filter((i) => !dq.cueTokens.has(i)) }, (t) => (/\d/u.test(t) ? 9 : 1));
    const answer = composeDocumentPassages(dq, units, [{ doc: doc(), chunks }], new CitationList()).lines.join('\n');
    expect(answer).toContain('20/01/2026');
    expect(answer).toContain('10/01/2026');
  });

  it('sets a figure beside the target of a text no index holds, one side naming the text', () => {
    const chunks = [chunk('Tỷ lệ sử dụng văn bản điện tử của các sở đạt 99,35%, cấp xã đạt 85,35%. Chỉ tiêu Nghị quyết số 13-NQ/TU đến năm 2025 cấp xã là 70%.', ['1'], ['1. Kết quả'])];
    const asked = parts('Tỷ lệ sử dụng văn bản điện tử cấp xã đạt bao nhiêu, so với chỉ tiêu Nghị quyết 13-NQ/TU cho cấp xã?');
    expect(asked.dq.shape).toBe('comparison');
    const answer = composeDocumentPassages(asked.dq, asked.units, [{ doc: doc(), chunks }], new CitationList(), ['13-NQ/TU']).lines.join('\n');
    expect(answer).toContain('85,35%');
    expect(answer).toContain('70%');
    // Without a sentence that names the text, nothing is set beside it.
    const unnamed = [chunk('Tỷ lệ sử dụng văn bản điện tử của các sở đạt 99,35%, cấp xã đạt 85,35%.', ['1'], ['1. Kết quả'])];
    expect(composeDocumentPassages(asked.dq, asked.units, [{ doc: doc(), chunks: unnamed }], new CitationList(), ['13-NQ/TU']).lines).toEqual([]);
  });

  it('takes the period of a text whose number is asked as part of its name, not the period of a fact', () => {
    const chunks = [chunk('Tỉnh ủy đã ban hành Kế hoạch số 362-KH/TU về chuyển đổi số giai đoạn 2025 - 2030. UBND tỉnh ban hành Kế hoạch số 41/KH-UBND về chuyển đổi số năm 2025.', ['1'], ['1. Kết quả'])];
    const other = parts('Kế hoạch chuyển đổi số giai đoạn 2026-2030 là kế hoạch số mấy?');
    expect(other.dq.periods).toEqual(['2026-2030']);
    expect(composeDocumentPassages(other.dq, other.units, [{ doc: doc(), chunks }], new CitationList()).lines).toEqual([]);
    const same = parts('Kế hoạch chuyển đổi số giai đoạn 2025-2030 là kế hoạch số mấy?');
    expect(composeDocumentPassages(same.dq, same.units, [{ doc: doc(), chunks }], new CitationList()).lines.join('\n')).toContain('362-KH/TU');
    // A programme's own period in the sentence does not stop the answer to a figure of the period asked.
    const programme = [chunk('Giai đoạn 2021-2025, khu vực miền núi triển khai 05 dự án thuộc Chương trình hỗ trợ nông thôn giai đoạn 2016-2025; 35 đề tài, dự án được phê duyệt.', ['2'], ['2. Khoa học'])];
    const figure = parts('Giai đoạn 2021-2025 khu vực miền núi có bao nhiêu đề tài, dự án được phê duyệt?');
    expect(composeDocumentPassages(figure.dq, figure.units, [{ doc: doc(), chunks: programme }], new CitationList()).lines.join('\n')).toContain('35 đề tài');
  });
});

describe('the subject of a figure asked', () => {
  // Term statistics as the index gives them: word pairs rare (telling), single words common.
  const weighted = (question: string) => {
    const q = analyzeQuestion(question);
    const dq = analyzeDocumentQuestion(q);
    return { dq, units: contentUnits({ ...q, content: q.content.filter((i) => !dq.cueTokens.has(i)) }, (t) => (t.includes('_') ? 8 : 2)) };
  };
  const report = [
    chunk('a) Hoạt động khởi nghiệp\n- Có 40 lượt tổ chức, doanh nghiệp tham gia trưng bày sản phẩm tại Ngày hội đổi mới sáng tạo.', ['3', 'a'], ['a) Hoạt động khởi nghiệp']),
    chunk('d) Thương mại điện tử\nDuy trì sàn thương mại điện tử của tỉnh, đưa thông tin doanh nghiệp lên hệ thống.', ['4', 'd'], ['d) Thương mại điện tử']),
    chunk('(2) Triển khai khóa tập huấn trên Cổng Bình dân học vụ số của tỉnh. Thống kê số liệu đến hiện tại: Tổng số tài khoản học viên tham gia: 81.935 học viên.', ['4', 'a'], ['a) Tập huấn']),
  ];

  it('answers a figure only where the question\'s subject stands, not a figure of the same kind about another matter', () => {
    const asked = weighted('Sàn thương mại điện tử của tỉnh có bao nhiêu doanh nghiệp?');
    expect(composeDocumentPassages(asked.dq, asked.units, [{ doc: doc(), chunks: report }], new CitationList()).lines).toEqual([]);
    const event = weighted('Ngày hội đổi mới sáng tạo có bao nhiêu doanh nghiệp?');
    expect(composeDocumentPassages(event.dq, event.units, [{ doc: doc(), chunks: report }], new CitationList()).lines.join('\n')).toContain('40 lượt');
  });

  it('finds the subject in the passage before the sentence that holds the figure', () => {
    const asked = weighted('Cổng Bình dân học vụ số có bao nhiêu tài khoản học viên?');
    expect(composeDocumentPassages(asked.dq, asked.units, [{ doc: doc(), chunks: report }], new CitationList()).lines.join('\n')).toContain('81.935 học viên');
  });

  it('reads the year of an event from the end of the section\'s previous chunk when the sentence\'s chunk begins inside its paragraph', () => {
    const chunks = [
      chunk('a) Khởi nghiệp\nTổ chức Ngày hội đổi mới sáng tạo năm 2025 với 300 đại biểu tham dự.', ['3', 'a'], ['a) Khởi nghiệp']),
      chunk('Trong khuôn khổ Ngày hội, đã ký kết thỏa thuận hợp tác với 07 đơn vị.', ['3', 'a'], ['a) Khởi nghiệp']),
    ];
    const asked = parts('Trong khuôn khổ Ngày hội đổi mới sáng tạo năm 2025 đã ký kết thỏa thuận hợp tác với bao nhiêu đơn vị?');
    expect(composeDocumentPassages(asked.dq, asked.units, [{ doc: doc(), chunks }], new CitationList()).lines.join('\n')).toContain('07 đơn vị');
    // Another section's chunk before it does not lend its year.
    const apart = [{ ...chunks[0]!, sectionPath: ['2'] } as Chunk, chunks[1]!];
    expect(composeDocumentPassages(asked.dq, asked.units, [{ doc: doc(), chunks: apart }], new CitationList()).lines.join('\n')).not.toContain('07 đơn vị');
  });

  it('answers a figure asked of a period only from the text that gives it for that period', () => {
    const chunks = [chunk('Phối hợp tổ chức trưng bày sản phẩm STEM trong Cuộc thi Khoa học, kỹ thuật cấp tỉnh, năm học 2025-2026.', ['c'], ['c) Giáo dục STEM']), chunk('Trong năm 2025, tỉnh đã tổ chức các cuộc thi khoa học với 200 lượt học sinh tham gia.', ['a'], ['a) Khởi nghiệp'])];
    const asked = parts('Bao nhiêu học sinh tham gia cuộc thi khoa học năm học 2025-2026?');
    expect(asked.dq.periods).toEqual(['2025-2026']);
    expect(composeDocumentPassages(asked.dq, asked.units, [{ doc: doc(), chunks }], new CitationList()).lines).toEqual([]);
    const year = parts('Bao nhiêu học sinh tham gia cuộc thi khoa học năm 2025?');
    expect(composeDocumentPassages(year.dq, year.units, [{ doc: doc(), chunks }], new CitationList()).lines.join('\n')).toContain('200 lượt');
  });
});

describe('header facts', () => {
  const stored = doc({
    number: '114/TB-SKHCN', issuedDate: '2026-06-04', title: 'Danh mục nhu cầu công nghệ',
    header: { number: '114/TB-SKHCN', date: '2026-06-04', subject: 'Danh mục nhu cầu công nghệ', signer: 'Nguyễn Trọng Tâm', signerTitle: 'PHÓ GIÁM ĐỐC', signingFor: ['KT. GIÁM ĐỐC'], recipients: ['UBND tỉnh (b/c)', 'Lưu: VT'], sources: {} },
  } as Partial<DocumentRecord>);
  const blocks = [
    chunk('Số: 114 /TB-SKHCN\nQuảng Ngãi, ngày 04 tháng 6 năm 2026\nTHÔNG BÁO\nDanh mục nhu cầu công nghệ', [], [], { kind: 'header' }),
    chunk('Thực hiện Thông báo số 333/TB-UBND ngày 10/4/2026 của UBND tỉnh; Sở thông báo như sau:'),
    chunk('Nơi nhận:\n- UBND tỉnh (b/c);\n- Lưu: VT.', [], [], { kind: 'recipients' }),
    chunk('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Trọng Tâm', [], [], { kind: 'signature' }),
  ];

  it('answers from the stored header, each fact cited to the block that shows it', () => {
    const citations = new CitationList();
    const { lines, missing } = composeHeaderAnswer(stored, blocks, ['signer', 'date', 'number', 'recipients', 'basis'], citations);
    expect(missing).toEqual([]);
    const text = lines.join('\n');
    expect(text).toContain('Người ký: Nguyễn Trọng Tâm (KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC)');
    expect(text).toContain('Ngày ban hành: 04/6/2026');
    expect(text).toContain('Số ký hiệu: 114/TB-SKHCN');
    expect(text).toContain('- Lưu: VT');
    expect(text).toContain('333/TB-UBND ngày 10/4/2026');
    expect(citations.items.map((c) => c.quote).join('\n')).toContain('Nguyễn Trọng Tâm');
  });

  it('reads a Nơi nhận chunk of an index without block chunks, a spliced footnote cut off the name', () => {
    const view = headerView(doc(), [chunk('THÔNG BÁO\nKết luận về chuyển đổi số'), chunk('Nơi nhận:\n- Các sở, ban, ngành tỉnh;\n- VPUB: CVP, PCVP,\nCác phòng, ban, đơn vị;\n- Lưu: VT.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nPhùng Tô Long 1 Về hướng dẫn xây dựng kế hoạch.')]);
    expect(view.recipients?.value).toEqual(['Các sở, ban, ngành tỉnh', 'VPUB: CVP, PCVP, Các phòng, ban, đơn vị', 'Lưu: VT']);
    expect(view.signingFor?.value).toEqual(['TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG']);
    expect(view.signerTitle?.value).toBe('PHÓ CHÁNH VĂN PHÒNG');
    expect(view.signer?.value).toBe('Phùng Tô Long');
  });

  it('says what the document does not hold instead of answering it', () => {
    const { lines, missing } = composeHeaderAnswer(doc(), [chunk('BÁO CÁO\nKết luận về chuyển đổi số')], ['number', 'date'], new CitationList());
    expect(lines).toEqual([]);
    expect(missing).toEqual(['number', 'date']);
  });
});
