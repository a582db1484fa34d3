import { describe, expect, it } from 'vitest';
import { clauseUnits, dropGluedMarkers, hasSplicedFootnote, quotableSentences, unquotable } from './quotable.ts';

describe('quotable sentences', () => {
  it('refuses a sentence with a footnote spliced into it by the PDF extraction', () => {
    expect(hasSplicedFootnote('Với phương châm lấy doanh nghiệp làm trung tâm, ngành KH&CN đã ưu tiên xét duyệt các 1 Về việc báo cáo tình hình thực hiện Chiến lược.')).toBe(true);
    expect(hasSplicedFootnote('Nay thông báo các cơ quan thực hiện. Phùng Tô Long 1 Về hướng dẫn xây dựng Kế hoạch chuyển đổi số giai đoạn 2026 - 2030.')).toBe(true);
    expect(hasSplicedFootnote('UBND tỉnh đã triển khai thực hiện các 1 Nghị quyết số 14/2021/NQ-HĐND.')).toBe(true);
    // A number that belongs to the sentence.
    expect(hasSplicedFootnote('Theo khoản 2 Điều 3 của Quyết định, tháng 3 Về đích sớm.')).toBe(false);
    expect(hasSplicedFootnote('Sở đã hoàn thành 12 nhiệm vụ trong năm.')).toBe(false);
  });

  it('drops footnote markers glued to a word or a year', () => {
    expect(dropGluedMarkers('trên 99% văn bản được ký số khi phát hành văn bản điện tử3.')).toBe('trên 99% văn bản được ký số khi phát hành văn bản điện tử.');
    expect(dropGluedMarkers('Khu vực Đông Quảng Ngãi4: Xây dựng 50 nhiệm vụ.')).toBe('Khu vực Đông Quảng Ngãi: Xây dựng 50 nhiệm vụ.');
    expect(dropGluedMarkers('Công văn số 4889/UBND-KGVX ngày 21/11/20251, Sở đã có văn bản2 đề nghị.')).toBe('Công văn số 4889/UBND-KGVX ngày 21/11/2025, Sở đã có văn bản đề nghị.');
    expect(dropGluedMarkers('Diện tích 120 m2, mã H5N1, Luật số 23/2018/QH14.')).toBe('Diện tích 120 m2, mã H5N1, Luật số 23/2018/QH14.');
  });

  it('says why a sentence is not quoted: a list announced with ":", cut, begun mid-sentence, a heading, a closing formula', () => {
    expect(unquotable('Phó Chủ tịch Ủy ban nhân dân tỉnh Trần Phước Hiền kết luận và chỉ đạo như sau:')).toBe('announces-list');
    expect(unquotable('Trên cơ sở tổng hợp đề xuất của các Sở, ban, ngành, địa phương trên địa bàn tỉnh; đồng thời, nhằm tập trung nguồn lực,')).toBe('cut');
    expect(unquotable('nhiệm vụ KH&CN triển khai hàng năm với sự tham gia của doanh nghiệp để hỗ trợ.')).toBe('starts-mid-sentence');
    expect(unquotable('II. Kết quả đạt được')).toBe('short');
    expect(unquotable('Trên đây là báo cáo kết quả thực hiện Chiến lược, kính đề nghị Bộ Khoa học và Công nghệ tổng hợp./.')).toBe('closing-formula');
    expect(unquotable('Sở Khoa học và Công nghệ thông báo đến các cơ quan, tổ chức, đơn vị, địa phương biết, triển khai thực hiện./.')).toBe('closing-formula');
    expect(unquotable('Đã ban hành Kế hoạch số 41/KH-UBND ngày 10/9/2025 về Chuyển đổi số tỉnh Quảng Ngãi năm 2025.')).toBeUndefined();
  });

  it('keeps the whole clauses before the last ";" of a sentence announcing a list, and nothing of one without them', () => {
    const opening = 'Thực hiện chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số 1125/UBND-KTTH ngày 07/08/2025 về việc báo cáo sơ kết; Sở Khoa học và Công nghệ báo cáo, như sau:';
    expect(quotableSentences(opening).map((s) => s.text)).toEqual(['Thực hiện chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số 1125/UBND-KTTH ngày 07/08/2025 về việc báo cáo sơ kết']);
    expect(quotableSentences('Phó Chủ tịch Ủy ban nhân dân tỉnh Trần Phước Hiền kết luận và chỉ đạo như sau:')).toEqual([]);
    expect(quotableSentences('ngành KH&CN đã ưu tiên xét duyệt các nhiệm vụ; Sở báo cáo như sau:')).toEqual([]);
  });

  it('quotes a sentence announcing a list together with its items when the whole list is in the passage and short', () => {
    const passage = [
      'Sở Khoa học và Công nghệ đề nghị các đơn vị thực hiện các nội dung sau:',
      '- Rà soát, chuẩn hóa cơ sở dữ liệu của ngành, lĩnh vực;',
      '- Phê duyệt cấp độ an toàn thông tin các hệ thống.',
      'Nay thông báo các cơ quan, đơn vị thực hiện.',
    ].join('\n');
    const [list] = quotableSentences(passage);
    expect(list).toEqual({
      text: 'Sở Khoa học và Công nghệ đề nghị các đơn vị thực hiện các nội dung sau: Rà soát, chuẩn hóa cơ sở dữ liệu của ngành, lĩnh vực; Phê duyệt cấp độ an toàn thông tin các hệ thống.',
      lead: 'Sở Khoa học và Công nghệ đề nghị các đơn vị thực hiện các nội dung sau:',
      index: 0,
      paragraph: 0,
    });
    // A list that runs to the end of the passage may go on in the next one: the announcing sentence stays unquoted.
    expect(quotableSentences(passage.split('\n').slice(0, 2).join('\n')).some((s) => s.lead)).toBe(false);
    // So does one whose items do not fit.
    const long = [passage.split('\n')[0], ...Array.from({ length: 12 }, (_v, i) => `- Nội dung số ${i + 1} của danh sách rất dài này gồm nhiều chữ để vượt giới hạn;`), '- Nội dung cuối cùng.'].join('\n');
    expect(quotableSentences(long).some((s) => s.lead)).toBe(false);
  });

  it('quotes what follows the heading-like lead of a sentence too long to quote whole, and says which paragraph each sentence is in', () => {
    const results = 'Đến cuối năm 2025, đã hỗ trợ 61 lượt doanh nghiệp áp dụng các giải pháp về tiêu chuẩn, quy chuẩn kỹ thuật, truy xuất nguồn gốc; hỗ trợ 920 lượt người được tham gia đào tạo, tập huấn chuyên môn về năng suất chất lượng.';
    const lead = `(6) Triển khai thực hiện có hiệu quả các mục tiêu của Kế hoạch triển khai thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 - 2025 trên địa bàn tỉnh Quảng Ngãi, ${'gồm nhiều nội dung khác nhau, '.repeat(6)}cụ thể:`;
    const passage = `Mở đầu đoạn văn của báo cáo kết quả thực hiện.\n${lead} ${results}`;
    expect(`${lead} ${results}`.length).toBeGreaterThan(600);
    const quoted = quotableSentences(passage);
    expect(quoted.map((q) => [q.text, q.paragraph])).toEqual([['Mở đầu đoạn văn của báo cáo kết quả thực hiện.', 0], [results, 1]]);
    expect(quoted[1]!.about).toBe(`${lead} ${results}`);
    // A long sentence with no lead before a capitalised clause stays unquoted.
    expect(quotableSentences(`Một câu rất dài ${'gồm nhiều nội dung, '.repeat(40)}kết thúc.`)).toEqual([]);
  });

  it('quotes list items whole, without their dash or closing ";", and skips the cut first sentence of a continuing passage', () => {
    const passage = [
      '2. Sở Khoa học và Công nghệ:',
      '- Khẩn trương rà soát, tham mưu Đề án đầu tư đồng bộ trang thiết bị công nghệ thông tin, thiết bị chuyên ngành;',
      '- Hướng dẫn các đơn vị, địa phương xây dựng Kế hoạch chuyển đổi số giai đoạn 2026 - 2030.',
    ].join('\n');
    expect(quotableSentences(passage).map((s) => s.text)).toEqual([
      'Khẩn trương rà soát, tham mưu Đề án đầu tư đồng bộ trang thiết bị công nghệ thông tin, thiết bị chuyên ngành',
      'Hướng dẫn các đơn vị, địa phương xây dựng Kế hoạch chuyển đổi số giai đoạn 2026 - 2030.',
    ]);
    expect(quotableSentences('Kế hoạch chuyển đổi số của tỉnh đã được ban hành đúng hạn. Sở đã hướng dẫn các đơn vị xây dựng kế hoạch.', { continues: true }).map((s) => s.text))
      .toEqual(['Sở đã hướng dẫn các đơn vị xây dựng kế hoạch.']);
  });
});

describe('clauses of a sentence too long to quote', () => {
  const run = 'Tổ chức 02 khóa đào tạo chuyên sâu cho doanh nghiệp khởi nghiệp tại hai địa điểm trong tỉnh; Tổ chức Ngày hội Đổi mới sáng tạo với sự tham gia hơn 40 nhà khoa học trong và ngoài tỉnh; 300 đại biểu gồm lãnh đạo các sở, ban, ngành, địa phương và doanh nghiệp tham dự.';

  it('quotes each clause that begins like a sentence, without its closing ";"', () => {
    expect(clauseUnits(run, {}).map((c) => c.text)).toEqual([
      'Tổ chức 02 khóa đào tạo chuyên sâu cho doanh nghiệp khởi nghiệp tại hai địa điểm trong tỉnh',
      'Tổ chức Ngày hội Đổi mới sáng tạo với sự tham gia hơn 40 nhà khoa học trong và ngoài tỉnh',
      '300 đại biểu gồm lãnh đạo các sở, ban, ngành, địa phương và doanh nghiệp tham dự.',
    ]);
  });

  it('quotes a clause in lower case with the clauses before it, from the sentence start', () => {
    const s = 'Qua đó, hình thành cơ sở dữ liệu quản lý di tích lịch sử trên địa bàn tỉnh; xây dựng cơ sở dữ liệu 4D trên nền GIS phục vụ quảng bá du lịch đặc khu Lý Sơn.';
    expect(clauseUnits(s, {}).map((c) => c.text)).toEqual([
      'Qua đó, hình thành cơ sở dữ liệu quản lý di tích lịch sử trên địa bàn tỉnh',
      s,
    ]);
  });

  it('skips the cut first clause of a sentence begun in the passage before, and its lower-case followers', () => {
    const cut = `hoạt động tuyên truyền và tập huấn cho doanh nghiệp khởi nghiệp trên địa bàn tỉnh; lớp học trực tuyến cho các dự án khởi nghiệp của tỉnh; ${run}`;
    const texts = clauseUnits(cut, { cutStart: true }).map((c) => c.text);
    expect(texts[0]).toMatch(/^Tổ chức 02 khóa/u);
    expect(texts.some((t) => /^(?:hoạt động|lớp học)/u.test(t))).toBe(false);
  });

  it('leaves a sentence without ";" to the other rules', () => {
    expect(clauseUnits('Tỉnh đã đầu tư xây dựng Trung tâm dữ liệu tỉnh, với tổng dung lượng lưu trữ là 170 TB.', {})).toEqual([]);
  });

  it('gives the clauses of a passage that begins mid-sentence', () => {
    const passage = `các hoạt động tuyên truyền trong năm 2024; ${run}\nMột câu khác của đoạn sau nói về kết quả đạt được của tỉnh trong năm.`;
    const texts = quotableSentences(passage, { continues: true }).map((s) => s.text);
    expect(texts).toContain('Tổ chức Ngày hội Đổi mới sáng tạo với sự tham gia hơn 40 nhà khoa học trong và ngoài tỉnh');
    expect(texts.some((t) => t.startsWith('các hoạt động'))).toBe(false);
  });
});
