import { describe, expect, it } from 'vitest';
import { coverage, queryTerms, rankFacts, selectFacts, statesFigure, type FactPassage } from './select-facts.ts';

const AI_REPORT = 'Kết quả thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng Trí tuệ nhân tạo đến năm 2030 trên địa bàn tỉnh Quảng Ngãi';
const passage = (over: Partial<FactPassage<string>> & Pick<FactPassage<string>, 'text' | 'docId'>): FactPassage<string> => ({
  chunkId: `${over.docId}#${over.text.length}`, docTitle: 'Văn bản', docType: 'báo cáo', ref: over.docId, ...over,
});

const PASSAGES = [
  passage({
    docId: 'ai-report', docTitle: AI_REPORT, firstOfDocument: true,
    text: 'Thực hiện Công văn số 6824/BKHCN-CN ngày 19/11/2025 của Bộ Khoa học và Công nghệ về việc báo cáo tình hình thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng Trí tuệ nhân tạo đến năm 2025, Sở Khoa học và Công nghệ đã có văn bản đề nghị các đơn vị phối hợp báo cáo kết quả thực hiện năm 2025.',
  }),
  passage({
    docId: 'ket-luan', docTitle: 'Kết luận của Phó Chủ tịch UBND tỉnh về ứng dụng AI và giải pháp chuyển đổi số giai đoạn 2026-2030', docType: 'thông báo',
    text: 'Sau khi nghe các đơn vị báo cáo kết quả chuyển đổi số năm 2025 và ý kiến thảo luận của các đại biểu, Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận và chỉ đạo như sau:',
  }),
  passage({
    docId: 'phu-luc', docTitle: 'Phụ lục số 02: tình hình thực hiện nhiệm vụ về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Quảng Ngãi', docType: 'phụ lục',
    headings: ['Kết quả thực hiện'],
    text: '- Đã ban hành Kế hoạch số 41/KH-UBND ngày 10/9/2025 về Chuyển đổi số tỉnh Quảng Ngãi năm 2025.\n- Tỷ lệ sử dụng văn bản điện tử đạt trên 99,35%, ngành KH&CN đã ưu tiên xét duyệt các 1 Về việc báo cáo chuyển đổi số năm 2025.',
  }),
  passage({
    docId: 'tthc', docTitle: 'Cấp giấy phép hoạt động chuyển đổi số', docType: 'thủ tục',
    text: 'Tổ chức báo cáo kết quả chuyển đổi số năm 2025 cho cơ quan quản lý theo mẫu.',
  }),
];

const QUERY = { subject: 'báo cáo kết quả chuyển đổi số năm 2025', request: 'Viết giúp công văn về việc báo cáo kết quả chuyển đổi số năm 2025 gửi UBND tỉnh.', recipients: ['UBND tỉnh'] };

describe('selectFacts', () => {
  it('quotes the sentence about the subject, not an unrelated report\'s opening, a sentence ending in ":" or a spliced footnote', () => {
    const chosen = selectFacts(PASSAGES, QUERY).map((f) => f.text);
    expect(chosen[0]).toBe('Đã ban hành Kế hoạch số 41/KH-UBND ngày 10/9/2025 về Chuyển đổi số tỉnh Quảng Ngãi năm 2025.');
    expect(chosen.join('\n')).not.toContain('6824/BKHCN-CN');
    expect(chosen.join('\n')).not.toContain('như sau:');
    expect(chosen.join('\n')).not.toContain('các 1 Về việc');
  });

  it('puts a national procedure below a provincial document that says as much', () => {
    const chosen = selectFacts(PASSAGES, QUERY);
    const procedure = chosen.findIndex((f) => f.passage.docType === 'thủ tục');
    expect(procedure === -1 || procedure > 0).toBe(true);
  });

  it('quotes an opening when its document is the subject of the draft', () => {
    const chosen = selectFacts(PASSAGES, { subject: 'kết quả thực hiện Chiến lược quốc gia về trí tuệ nhân tạo năm 2025', request: '' }).map((f) => f.text);
    expect(chosen.some((t) => t.includes('6824/BKHCN-CN'))).toBe(true);
  });

  it('reads a document the request names even when its words are elsewhere, and weighs nothing on words of the request itself', () => {
    const named = selectFacts([{ ...PASSAGES[2]!, docTitle: 'Phụ lục', named: true }], { subject: 'số liệu văn bản điện tử', request: 'Soạn công văn' });
    expect(named.map((f) => f.passage.docId)).toEqual(['phu-luc']);
    expect([...queryTerms({ subject: 'ngân sách', request: 'Hãy soạn giúp tôi công văn gửi Sở' }).keys()].sort()).toEqual(['ngan', 'ngan_sach', 'sach', 'so']);
  });

  it('compares whichever way a name is written: abbreviations spelled out, leading zeros dropped', () => {
    const terms = queryTerms({ subject: 'sơ kết 3 năm phần KH&CN' });
    expect(coverage('Sơ kết 03 năm phần khoa học và công nghệ', terms)).toBe(1);
  });

  it('tells a figure from a date, a year, a document number or a list marker', () => {
    for (const s of ['Đã có 69/78 nhiệm vụ được triển khai.', 'Tập huấn cho 8.000 cán bộ, công chức.', 'Tỷ lệ đạt trên 99,35%.', 'Tổng dung lượng lưu trữ là 170 TB.', 'Tổ chức 02 khóa đào tạo.']) {
      expect(statesFigure(s), s).toBe(true);
    }
    for (const s of ['Thực hiện Quyết định số 127/QĐ-TTg ngày 26/01/2021 của Thủ tướng.', 'Quyết định số 127 và Kế hoạch số 83 đến cán bộ.', 'Kế hoạch chuyển đổi số giai đoạn 2026 - 2030 năm 2025.', 'Hoàn thành trước ngày 20/01/2026.', 'Theo khoản 2 Điều 3 của Luật.']) {
      expect(statesFigure(s), s).toBe(false);
    }
  });

  it('in the document the draft is about, quotes its results before its general statements, and more of them than from any other document', () => {
    const report = (text: string, order: number): FactPassage<string> => passage({
      docId: 'so-ket', docTitle: 'Sơ kết 03 năm thực hiện Nghị quyết số 26-NQ/TW', chunkId: `so-ket#${order}`, text, order, named: true, subject: true,
      headings: ['Kết quả thực hiện phần khoa học và công nghệ'],
    });
    const passages = [
      report('Các sở, ban, ngành tiếp tục quan tâm triển khai các nhiệm vụ về khoa học và công nghệ.', 0),
      report('Đã triển khai 50 nhiệm vụ về khoa học và công nghệ.', 1),
      report('Đã hỗ trợ 220 đối tượng sở hữu trí tuệ về khoa học và công nghệ.', 2),
      report('Đã hình thành 14 doanh nghiệp về khoa học và công nghệ.', 3),
      report('Đã hỗ trợ 30 lượt doanh nghiệp về khoa học và công nghệ.', 4),
    ];
    const chosen = selectFacts(passages, { subject: 'báo cáo sơ kết 3 năm thực hiện Nghị quyết 26-NQ/TW phần khoa học và công nghệ' }, undefined, 4).map((f) => f.text);
    // Four from the one document (a document that is not the subject gives three at most), the figures first and in its order.
    expect(chosen).toHaveLength(4);
    expect(chosen.map((t) => /\d+/.exec(t)?.[0])).toEqual(['50', '220', '14', '30']);
    // A document that is not the subject gives three at most while another document has facts to give.
    const other = passages.map((p) => ({ ...p, subject: false }));
    const elsewhere = passage({ docId: 'khac', docTitle: 'Sơ kết 03 năm thực hiện Nghị quyết số 26-NQ/TW của Sở Nội vụ', text: 'Sơ kết 3 năm thực hiện Nghị quyết 26-NQ/TW: đã hỗ trợ 12 doanh nghiệp về khoa học và công nghệ.' });
    const mixed = selectFacts([...other, elsewhere], { subject: 'báo cáo sơ kết 3 năm thực hiện Nghị quyết 26-NQ/TW phần khoa học và công nghệ' }, undefined, 4);
    expect(mixed.filter((f) => f.passage.docId === 'so-ket')).toHaveLength(3);
    expect(mixed.map((f) => f.passage.docId)).toContain('khac');
    // When no other document has one, the room left goes to the capped document.
    expect(selectFacts(other, { subject: 'báo cáo sơ kết 3 năm thực hiện Nghị quyết 26-NQ/TW phần khoa học và công nghệ' }, undefined, 4)).toHaveLength(4);
  });

  it('gives the sentence after the one naming the subject part of its relevance: the paragraph\'s figures and decisions are quoted', () => {
    const urban = passage({
      docId: 'ai-report', docTitle: 'Báo cáo năm 2025', chunkId: 'ai#10',
      text: 'Tỉnh đã tổ chức lập Đề án phát triển đô thị thông minh giai đoạn 2020 - 2025.  Đề án đã được UBND tỉnh phê duyệt tại Quyết định số 1551/QĐ-UBND ngày 31/12/2022.\nCác doanh nghiệp đã được hỗ trợ tham gia hội chợ tại nhiều tỉnh.',
    });
    const chosen = selectFacts([urban], { subject: 'phát triển đô thị thông minh' }).map((f) => f.text);
    expect(chosen).toContain('Đề án đã được UBND tỉnh phê duyệt tại Quyết định số 1551/QĐ-UBND ngày 31/12/2022.');
    // Not a sentence of another paragraph.
    expect(chosen.join(' ')).not.toContain('hội chợ');
    const ranked = rankFacts([urban], { subject: 'phát triển đô thị thông minh' });
    expect(ranked.find((f) => f.text.includes('hội chợ'))?.rejected).toBe('low-coverage');
  });

  it('quotes the best sentence of another paragraph before a neighbour of one already quoted', () => {
    const report = passage({
      docId: 'ai-report', docTitle: 'Báo cáo năm 2025', chunkId: 'ai#3',
      text: [
        'Đến nay tỉnh có 6.900 doanh nghiệp công nghệ số đang hoạt động. Có 2.725 doanh nghiệp công nghệ số có mã ngành. Có 2 doanh nghiệp công nghệ số sản xuất bán dẫn.',
        'Tổ chức tập huấn cho 8.000 người của các doanh nghiệp công nghệ số.',
      ].join('\n'),
    });
    const chosen = selectFacts([{ ...report, subject: true }], { subject: 'doanh nghiệp công nghệ số' }, undefined, 2).map((f) => f.text);
    expect(chosen).toHaveLength(2);
    expect(chosen[1]).toBe('Tổ chức tập huấn cho 8.000 người của các doanh nghiệp công nghệ số.');
    // Without the penalty the neighbour would come second: it scores as much.
    expect(rankFacts([{ ...report, subject: true }], { subject: 'doanh nghiệp công nghệ số' }).filter((f) => f.paragraph === 0 && !f.rejected).length).toBeGreaterThanOrEqual(2);
  });

  it('quotes the opening of the document the request names, the clause before its "như sau:"', () => {
    const opening = passage({
      docId: 'so-ket', docTitle: 'Sơ kết 03 năm thực hiện Nghị quyết số 26-NQ/TW', firstOfDocument: true, named: true, subject: true,
      text: 'Thực hiện chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số 1125/UBND-KTTH ngày 07/08/2025 về việc báo cáo sơ kết 03 năm thực hiện Nghị quyết số 26-NQ/TW; Sở Khoa học và Công nghệ báo cáo như sau:',
    });
    const chosen = selectFacts([opening], { subject: 'báo cáo sơ kết 3 năm thực hiện Nghị quyết 26-NQ/TW' }).map((f) => f.text);
    expect(chosen).toEqual(['Thực hiện chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số 1125/UBND-KTTH ngày 07/08/2025 về việc báo cáo sơ kết 03 năm thực hiện Nghị quyết số 26-NQ/TW']);
    // Not when the document is not the draft's subject.
    expect(selectFacts([{ ...opening, named: false, subject: false, docTitle: 'Báo cáo khác' }], { subject: 'kế hoạch chuyển đổi số năm 2026' })).toEqual([]);
  });

  it('gives a figure its bonus by what the sentence adds to its document title about the subject: another section\'s figure does not outrank the sentence on the subject', () => {
    const report = (text: string, order: number): FactPassage<string> => passage({
      docId: 'ai-report', docTitle: 'Báo cáo kết quả ứng dụng trí tuệ nhân tạo năm 2025', chunkId: `ai#${order}`, text, order, named: true, subject: true,
    });
    const training = report('Tập huấn kỹ năng sử dụng trí tuệ nhân tạo cho 8.000 cán bộ, công chức, viên chức.', 0);
    const forest = report('Lắp đặt hệ thống camera ứng dụng trí tuệ nhân tạo tại các khu vực rừng có nguy cơ cháy cao.', 1);
    const pick = (subject: string) => selectFacts([training, forest], { subject }, undefined, 1).map((f) => f.text);
    expect(pick('ứng dụng trí tuệ nhân tạo trong phòng cháy, chữa cháy rừng')).toEqual([forest.text]);
    // The same figure keeps its bonus when it is about the subject.
    expect(pick('ứng dụng trí tuệ nhân tạo trong tập huấn cán bộ, công chức')).toEqual([training.text]);
  });

  it('counts a date for its year: a sentence dated 2025 is about the year 2025', () => {
    const terms = queryTerms({ subject: 'kết quả năm 2025' });
    expect(coverage('Tính đến ngày 30/9/2025, 36/36 cơ sở đã hoàn thành.', terms)).toBeGreaterThan(coverage('Tính đến nay, 36/36 cơ sở đã hoàn thành.', terms));
  });

  it('quotes nothing when no sentence is about the subject', () => {
    expect(selectFacts(PASSAGES, { subject: 'phòng chống thiên tai mùa mưa bão' })).toEqual([]);
  });
});

describe('the topic of a request', () => {
  it('leaves out the frame around the topic: what is asked about it, the meeting, the obvious place', () => {
    const terms = [...queryTerms({ subject: 'đề nghị báo cáo kết quả số hóa di tích lịch sử trên địa bàn tỉnh', request: 'Giúp tôi soạn giấy mời dự hội thảo giới thiệu giải pháp tăng cường an ninh mạng' }).keys()];
    for (const frame of ['de_nghi', 'bao_cao', 'ket_qua', 'dia_ban', 'hoi_thao', 'gioi_thieu', 'tang_cuong']) expect(terms).not.toContain(frame);
    for (const topic of ['so_hoa', 'di_tich', 'lich_su', 'giai_phap', 'an_ninh', 'ninh_mang']) expect(terms).toContain(topic);
    // No pair spans a word left out: "đơn vị tăng cường bảo đảm" gives no "vi_bao".
    expect([...queryTerms({ subject: 'các đơn vị tăng cường bảo đảm an toàn thông tin' }).keys()]).not.toContain('vi_bao');
  });

  it('ranks the sentence on the topic above one that shares only the request\'s frame words', () => {
    const report = passage({
      docId: 'so-ket', docTitle: 'Báo cáo sơ kết', headings: ['Kết quả'],
      text: '- Về bảo đảm an toàn, an ninh mạng: đã chỉ đạo các cơ quan chức năng bảo đảm an toàn, an ninh mạng, xử lý kịp thời các lỗ hổng bảo mật.',
    });
    const frame = passage({
      docId: 'cong-van', docTitle: 'Công văn', headings: ['Tổ chức thực hiện'],
      text: '- Các cơ quan, đơn vị tăng cường báo cáo kết quả công tác trên địa bàn tỉnh theo đề nghị của Sở trước ngày 15 hằng tháng.',
    });
    const ranked = rankFacts([frame, report], { subject: 'đề nghị các cơ quan, đơn vị tăng cường bảo đảm an toàn, an ninh mạng', request: 'Soạn công văn đề nghị các cơ quan, đơn vị tăng cường bảo đảm an toàn, an ninh mạng.' });
    expect(ranked[0]).toMatchObject({ text: 'Về bảo đảm an toàn, an ninh mạng: đã chỉ đạo các cơ quan chức năng bảo đảm an toàn, an ninh mạng, xử lý kịp thời các lỗ hổng bảo mật.' });
    expect(ranked.find((f) => f.passage.docId === 'cong-van')?.rejected).toBeDefined();
  });
});
