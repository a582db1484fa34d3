import { describe, expect, it } from 'vitest';
import { extractRelations, ownEffectiveDate } from './extract-relations.ts';
import { articleParts, annexParts } from './parts.ts';

/** Kind and number of each relation found, for short assertions. */
function found(text: string, context = {}): string[] {
  return extractRelations(text, context).map((r) => `${r.kind} ${r.target.number}`);
}

// Sentences written for these tests, not taken from eval/datasets/replacement-clauses.jsonl.
describe('extractRelations: the four kinds', () => {
  it('reads "thay thế" with a number that carries its year', () => {
    const [r] = extractRelations('Quyết định này có hiệu lực kể từ ngày 10/02/2027 và thay thế Quyết định số 44/2023/QĐ-UBND ngày 03/7/2023 của UBND tỉnh.');
    expect(r).toMatchObject({ kind: 'replaces', target: { number: '44/2023/QĐ-UBND', docType: 'quyết định', year: 2023, date: '2023-07-03', issuer: 'UBND tỉnh' }, parts: [], from: '2027-02-10' });
  });

  it('reads a number without a year, taking the year from the date written after it', () => {
    const [r] = extractRelations('Kế hoạch này thay thế Kế hoạch số 215/KH-UBND ngày 9 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh.');
    expect(r?.target).toMatchObject({ number: '215/KH-UBND', year: 2024, date: '2024-05-09' });
  });

  it('leaves the year unknown when neither the number nor a date gives it', () => {
    const [r] = extractRelations('Bãi bỏ Quyết định số 377/QĐ-UBND của Chủ tịch UBND tỉnh về việc thành lập Hội đồng thẩm định.');
    expect(r).toMatchObject({ kind: 'repeals', target: { number: '377/QĐ-UBND' } });
    expect(r?.target.year).toBeUndefined();
  });

  it('reads "sửa đổi, bổ sung" with the units it changes', () => {
    const [r] = extractRelations('Sửa đổi, bổ sung điểm c khoản 1 và khoản 3 Điều 7 của Quyết định số 08/2025/QĐ-UBND ngày 20/3/2025 của UBND tỉnh như sau:');
    expect(r).toMatchObject({ kind: 'amends', target: { number: '08/2025/QĐ-UBND' } });
    expect(r?.parts).toEqual(['điểm c khoản 1 Điều 7', 'khoản 3 Điều 7']);
  });

  it('reads "hết hiệu lực" with its subject before the verb and the day from the own effective date', () => {
    const text = 'Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2027.\nNghị quyết số 09/2020/NQ-HĐND ngày 10/7/2020 của HĐND tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.';
    expect(extractRelations(text)).toMatchObject([{ kind: 'expires', target: { number: '09/2020/NQ-HĐND' }, from: '2027-03-01' }]);
  });

  it('takes "kể từ ngày ký" as the issue date, and gives no day for "sau 45 ngày kể từ ngày ký"', () => {
    expect(extractRelations('Quyết định này có hiệu lực kể từ ngày ký, thay thế Quyết định số 88/QĐ-STP ngày 02/3/2024 của Giám đốc Sở Tư pháp.', { issuedDate: '2026-09-01' })[0]?.from).toBe('2026-09-01');
    expect(extractRelations('Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký và thay thế Thông tư số 11/2021/TT-BYT.', { issuedDate: '2026-09-01' })[0]?.from).toBeUndefined();
  });

  it('reads the passive voice: the target before "được sửa đổi" or "bị bãi bỏ"', () => {
    expect(found('Khoản 4 Điều 2 Quyết định số 560/QĐ-UBND ngày 14/4/2025 của Chủ tịch UBND tỉnh được sửa đổi như sau:')).toEqual(['amends 560/QĐ-UBND']);
    expect(found('Điều 11 của Quy chế ban hành kèm theo Quyết định số 19/2022/QĐ-UBND bị bãi bỏ.')).toEqual(['repeals 19/2022/QĐ-UBND']);
  });

  it('gives every number of a list its relation, and a shared date to each', () => {
    const rels = extractRelations('Bãi bỏ các Quyết định số 101/QĐ-UBND, 102/QĐ-UBND ngày 02/01/2019 và Chỉ thị số 03/CT-UBND ngày 15/02/2020 của UBND tỉnh.');
    expect(rels.map((r) => [r.target.number, r.target.date])).toEqual([['101/QĐ-UBND', '2019-01-02'], ['102/QĐ-UBND', '2019-01-02'], ['03/CT-UBND', '2020-02-15']]);
  });

  it('keeps two verbs of one sentence apart, each with its own units', () => {
    const rels = extractRelations('Sửa đổi Điều 4 và thay thế Phụ lục II của Quyết định số 12/2025/QĐ-UBND ngày 06/6/2025 của UBND tỉnh.');
    expect(rels.map((r) => [r.kind, r.parts])).toEqual([['amends', ['Điều 4']], ['replaces', ['Phụ lục II']]]);
  });

  it('lends a lead-in target to the items under it', () => {
    const text = [
      'Điều 1. Sửa đổi, bổ sung, bãi bỏ một số điều của Luật Ví dụ số 10/2015/QH13 như sau:',
      'a) Bãi bỏ khoản 2 Điều 5;',
      'b) Bổ sung khoản 4 vào sau khoản 3 Điều 9 như sau:',
      '“4. Nội dung mới được bổ sung.”',
    ].join('\n');
    const rels = extractRelations(text);
    expect(rels.map((r) => [r.kind, r.target.number, r.parts])).toEqual([
      ['amends', '10/2015/QH13', ['khoản 4 Điều 9']], ['repeals', '10/2015/QH13', ['khoản 2 Điều 5']],
    ]);
  });

  it('takes the numbers listed under a lead-in without one', () => {
    const text = 'Các văn bản sau đây hết hiệu lực kể từ ngày 01/01/2027:\na) Quyết định số 31/2018/QĐ-UBND;\nb) Quyết định số 07/2019/QĐ-UBND.\nĐiều 4. Tổ chức thực hiện.';
    expect(extractRelations(text).map((r) => [r.kind, r.target.number, r.from])).toEqual([
      ['expires', '31/2018/QĐ-UBND', '2027-01-01'], ['expires', '07/2019/QĐ-UBND', '2027-01-01'],
    ]);
  });

  it('joins a number broken over two lines', () => {
    expect(found('Quyết định này thay thế Quyết định số\n905/QĐ-UBND ngày 11/10/2022 của Chủ tịch UBND tỉnh.')).toEqual(['replaces 905/QĐ-UBND']);
  });

  it('skips the history after "đã được sửa đổi, bổ sung một số điều theo"', () => {
    const text = 'Luật Ví dụ số 20/2010/QH12 đã được sửa đổi, bổ sung một số điều theo Luật số 30/2014/QH13 và Luật số 40/2018/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.';
    expect(found(text)).toEqual(['expires 20/2010/QH12']);
  });
});

describe('extractRelations: what is not a relation', () => {
  it.each([
    ['a person replaced', 'Điều 2. Cử bà Trần Thị Mai thay thế người đại diện phần vốn nhà nước theo Quyết định số 77/QĐ-UBND ngày 05/5/2025.'],
    ['a person replaced, no number', 'Chấp thuận thay thế người đại diện theo pháp luật của hợp tác xã.'],
    ['equipment replaced under a decision', 'Thay thế máy phát điện dự phòng theo Quyết định số 45/QĐ-SXD ngày 01/4/2026.'],
    ['a legal ground', 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ sửa đổi, bổ sung về công tác văn thư;'],
    ['a proposal', 'Sở Tài chính đề xuất bãi bỏ Quyết định số 14/2019/QĐ-UBND trong quý I năm 2027.'],
    ['a task', 'Giao Sở Xây dựng tham mưu sửa đổi, bổ sung Quyết định số 22/2024/QĐ-UBND.'],
    ['a general rule', 'Khi các văn bản dẫn chiếu tại Quy chế này được sửa đổi, bổ sung hoặc thay thế thì áp dụng theo văn bản mới.'],
    ['a report', 'Năm 2025, UBND tỉnh đã bãi bỏ Quyết định số 50/2016/QĐ-UBND.'],
    ['a reference', 'Hồ sơ thực hiện theo quy định tại Thông tư số 01/2023/TT-BTP của Bộ trưởng Bộ Tư pháp.'],
    ['a transitional clause', 'Hồ sơ nộp trước ngày Quyết định này có hiệu lực tiếp tục giải quyết theo Quyết định số 15/2021/QĐ-UBND.'],
    ['its own term', 'Kế hoạch này có hiệu lực kể từ ngày ký đến hết ngày 31/12/2027.'],
    ['a listed text\'s own title', 'Tham mưu ban hành các văn bản: Quyết định số 789/QĐ-UBND ngày 21/6/2022 sửa đổi, bổ sung Chương trình được phê duyệt tại Quyết định số 1444/QĐ-UBND ngày 16/9/2021; số 117/KH-UBND ngày 27/7/2022 Bổ sung nhiệm vụ năm 2022, số 103/KH-UBND ngày 23/6/2022.'],
  ])('%s', (_name, text) => {
    expect(extractRelations(text)).toEqual([]);
  });

  it('never names the document itself', () => {
    expect(found('Quyết định số 12/2026/QĐ-UBND thay thế Quyết định số 12/2026/QĐ-UBND.', { ownNumber: '12/2026/QĐ-UBND' })).toEqual([]);
  });
});

describe('units and dates', () => {
  it('lists ranges and shares higher levels among coordinated units', () => {
    expect(articleParts('từ Điều 3 đến Điều 5 và điểm a, điểm b khoản 2 Điều 8')).toEqual(['Điều 3', 'Điều 4', 'Điều 5', 'điểm a khoản 2 Điều 8', 'điểm b khoản 2 Điều 8']);
    expect(articleParts('điểm e vào khoản 1 Điều 4')).toEqual(['điểm e khoản 1 Điều 4']);
  });

  it('names annex units with their section and part', () => {
    expect(annexParts('mục 4 và mục 5 thuộc Phần III Phụ lục II ban hành kèm theo')).toEqual(['mục 4 Phần III Phụ lục II', 'mục 5 Phần III Phụ lục II']);
  });

  it('reads the own effective date, not the date of a single part', () => {
    const text = '1. Khoản 2 Điều 4 của Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.\n2. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.';
    expect(ownEffectiveDate(text, undefined)).toBe('2027-01-01');
    expect(ownEffectiveDate('Quyết định này có hiệu lực kể từ ngày ký.', '2026-05-05')).toBe('2026-05-05');
  });
});
