import { describe, expect, it } from 'vitest';
import { analyzeDocumentQuestion } from './document-question.ts';
import { analyzeQuestion } from './question.ts';

const dq = (question: string) => analyzeDocumentQuestion(analyzeQuestion(question));

describe('analyzeDocumentQuestion', () => {
  it('reads the header facts asked, with or without diacritics', () => {
    expect(dq('Thông báo 114/TB-SKHCN do ai ký?').fields).toEqual(['signer']);
    expect(dq('thông báo đó số mấy, ngày nào ban hành?').fields).toEqual(['number', 'date']);
    expect(dq('bao cao so ket 3 nam cua so khcn ai ky').fields).toEqual(['signer']);
    expect(dq('Thông báo 114 gửi những nơi nào?').fields).toEqual(['recipients']);
    expect(dq('Báo cáo được lập theo chỉ đạo tại văn bản nào?').fields).toEqual(['basis']);
    expect(dq('Thông báo 114/TB-SKHCN do ai ký?').shape).toBe('header');
    expect(dq('Quyết định 1024/QĐ-UBND quy định gì?').fields).toEqual(['subject']);
    expect(dq('Quyết định 1024/QĐ-UBND có nội dung gì?').fields).toEqual(['subject']);
  });

  it('names documents by number, by type and serial, and keeps the types in order', () => {
    const q = dq('Thông báo 114 của Sở về việc gì?');
    expect(q.serials).toEqual([{ type: 'thông báo', serial: '114' }]);
    expect(q.types).toEqual(['thông báo']);
    expect(dq('Thông báo số 115/TB-SKHCN nói về việc gì?').numbers.map((n) => n.number)).toEqual(['115/TB-SKHCN']);
    expect(dq('công văn của bộ yêu cầu báo cáo chiến lược AI số mấy').types).toEqual(['công văn', 'báo cáo']);
  });

  it('takes the type of another text whose number is asked only from right before the cue', () => {
    expect(dq('UBND tỉnh thực hiện Chiến lược theo kế hoạch số mấy?').askedNumberType).toBe('kế hoạch');
    expect(dq('Đề án được phê duyệt tại quyết định nào?').askedNumberType).toBe('quyết định');
    // "hướng dẫn" here is not the type of the text asked for.
    expect(dq('Kế hoạch phải bảo đảm theo hướng dẫn tại văn bản nào?').askedNumberType).toBeUndefined();
  });

  it('asks the number of the text a document is based on when a basis lead names its type', () => {
    expect(dq('Quyết định này được ban hành căn cứ Công văn số mấy?').fields).toEqual(['basis']);
    expect(dq('Kế hoạch này thực hiện Nghị quyết nào, số mấy?').fields).toEqual(['basis']);
    // The type's number is written: the document's own number is asked.
    expect(dq('Báo cáo thực hiện Nghị quyết 26-NQ/TW có số ký hiệu là gì?').fields).toEqual(['number']);
    expect(dq('Thông báo về nhu cầu công nghệ số mấy?').fields).toEqual(['number']);
  });

  it('takes a count cue of two words for no subject, and a bare one-word cue never', () => {
    const tokensOf = (t: string) => { const q = analyzeQuestion(t); const d = analyzeDocumentQuestion(q); return q.tokens.filter((_, i) => d.cueTokens.has(i)).map((k) => k.folded); };
    expect(tokensOf('tinh minh hien co tong cong bao nhieu doanh nghiep')).toEqual(['tong', 'cong', 'bao', 'nhieu']);
    // "may" typed bare is "máy" here ("kho máy chủ"), not the cue "mấy".
    expect(tokensOf('kho may chu du lieu chua duoc bao nhieu')).toEqual(['bao', 'nhieu']);
  });

  it('answers whose conclusion a notice reports from its trích yếu, which names the person', () => {
    expect(dq('Thông báo này là kết luận của ai?').fields).toEqual(['subject']);
  });

  it('says what the answer must hold: a percentage or an amount rather than a count', () => {
    expect(dq('Tỷ lệ hộ gia đình sử dụng cáp quang là bao nhiêu?').asks).toEqual(['percent']);
    expect(dq('Tổng chi ngân sách năm 2025 là bao nhiêu tỷ đồng?').asks).toEqual(['money']);
    expect(dq('Có bao nhiêu doanh nghiệp công nghệ số?').asks).toEqual(['number']);
    expect(dq('Lễ đó tổ chức ngày nào?').asks).toEqual(['date']);
    expect(dq('Tỉnh bố trí kinh phí cho thí điểm không?').asks).toEqual([]);
    // The cue asks how much on its own, without a separate "bao nhiêu".
    expect(dq('Hệ thống camera được đầu tư bao nhiêu tiền?').asks).toEqual(['money']);
  });

  it('needs single years, not the ends of a period, and keeps the question\'s own numbers and dates', () => {
    const q = dq('Giai đoạn 2021-2025, năm 2024 có bao nhiêu nhiệm vụ, theo kết luận ngày 29/12/2025?');
    expect(q.years).toEqual(['2024']);
    expect(q.ownNumbers.has('2021')).toBe(true);
    expect(q.ownDates.has('29/12/2025')).toBe(true);
  });

  it('tells lists, comparisons and tables apart, and procedure and law questions', () => {
    expect(dq('Báo cáo nêu những khó khăn, vướng mắc gì?').shape).toBe('list');
    expect(dq('Năm 2023 và năm 2024 mỗi năm có bao nhiêu lượt?').shape).toBe('comparison');
    expect(dq('Chỉ tiêu số thuê bao internet kế hoạch năm 2026 là bao nhiêu?').wantsTable).toBe(true);
    // "trụ cột" is not a table column.
    expect(dq('Danh mục gồm những nhóm trụ cột chính nào?').shape).toBe('list');
    expect(dq('Thủ tục cấp hộ chiếu cần giấy tờ gì?').procedureCue).toBe(true);
    expect(dq('Đã số hóa bao nhiêu thủ tục hành chính?').procedureCue).toBe(false);
    expect(dq('Luật Đất đai quy định thế nào?').lawCue).toBe(true);
  });
});
