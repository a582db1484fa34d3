import { describe, expect, it } from 'vitest';
import { contentUnits } from './coverage.ts';
import { analyzeQuestion } from '../understand/question.ts';
import { matchTitle, questionTitleTerms } from './title-match.ts';

function match(question: string, title: string) {
  const q = analyzeQuestion(question);
  return matchTitle(questionTitleTerms(q, contentUnits(q)), title);
}

describe('matchTitle', () => {
  it('gives full precision to the plain procedure and less to near-duplicates with qualifiers the user did not say', () => {
    const question = 'Đăng ký khai sinh cho con cần những giấy tờ gì?';
    const plain = match(question, 'Thủ tục đăng ký khai sinh');
    expect(plain.precision).toBe(1);
    for (const title of [
      'Thủ tục đăng ký khai sinh lưu động',
      'Thủ tục đăng ký khai sinh có yếu tố nước ngoài',
      'Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con có yếu tố nước ngoài',
    ]) expect(match(question, title).precision).toBeLessThan(0.75);
  });

  it('treats "thủ tục", "cấp", "đăng ký" as generic: "làm khai sinh" names "Thủ tục đăng ký khai sinh"', () => {
    expect(match('Làm khai sinh cho bé cần nộp gì?', 'Thủ tục đăng ký khai sinh').precision).toBe(1);
  });

  it('matches official title words through dictionary expansions (GPLX, sổ đỏ)', () => {
    expect(match('doi GPLX het han le phi bao nhieu', 'Đổi giấy phép lái xe').precision).toBeGreaterThan(0.85);
    expect(match('Sổ đỏ bị mất thì xin cấp lại thế nào?', 'Cấp lại Giấy chứng nhận do bị mất').precision).toBeGreaterThan(0.85);
  });

  it('reads a title\'s abbreviations in their words, as citizens write them (BHXH, BHYT)', () => {
    const q = 'đăng ký đóng bảo hiểm xã hội tự nguyện mất mấy ngày';
    const voluntary = match(q, 'Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ BHXH');
    expect(voluntary.precision).toBeGreaterThan(0.9);
    const lost = 'Sổ bảo hiểm xã hội bị mất thì xin cấp lại ở đâu?';
    expect(match(lost, 'Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT').precision)
      .toBeGreaterThan(match(lost, 'Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ BHXH').precision);
    expect(voluntary.precision).toBeGreaterThan(match(q, 'Hỗ trợ khám chữa bệnh, trợ cấp tai nạn cho lực lượng xung kích phòng chống thiên tai cấp xã trong trường hợp chưa tham gia bảo hiểm y tế, bảo hiểm xã hội').precision);
  });

  it('does not read the last item of a list closing a title ("bảo hiểm y tế, bảo hiểm xã hội") as an alternative name', () => {
    const q = 'muốn bảo hiểm xã hội thanh toán lại chi phí khám chữa bệnh thì bao lâu';
    const militia = 'Hỗ trợ khám chữa bệnh, trợ cấp tai nạn cho lực lượng xung kích phòng chống thiên tai cấp xã trong trường hợp chưa tham gia bảo hiểm y tế, bảo hiểm xã hội';
    expect(match('đóng bảo hiểm xã hội', militia).precision).toBeLessThan(0.4);
    expect(match(q, 'Thanh toán trực tiếp chi phí khám, chữa bệnh BHYT').precision).toBeGreaterThan(match(q, militia).precision);
    expect(match('xin bản sao giấy khai sinh', 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh').precision).toBeGreaterThan(0.6);
  });

  it('sets aside how and where a procedure is done unless asked, but keeps a single level as a variant', () => {
    const transfer = 'Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe (đăng ký sang tên xe) bằng dịch vụ công trực tuyến một phần hoặc trực tiếp thực hiện tại cấp trung ương, cấp tỉnh, cấp xã';
    expect(match('sang tên xe máy cũ cần giấy gì', transfer).precision).toBeGreaterThan(0.55);
    expect(match('sang tên xe nộp trực tuyến một phần được không', transfer).precision).toBeLessThan(0.55);
    const q = 'mất căn cước làm lại phí bao nhiêu';
    expect(match(q, 'Cấp lại thẻ căn cước').precision).toBeGreaterThan(match(q, 'Cấp lại thẻ căn cước (thực hiện tại cấp tỉnh)').precision);
  });

  it('does not read "mất" of "mất bao lâu" as the lost paper of a re-issue title', () => {
    const title = 'Cấp lại Giấy chứng nhận do bị mất';
    expect(match('sổ đỏ mất bao lâu', title).precision).toBeLessThan(match('sổ đỏ bị mất', title).precision);
  });

  it('reads i/y spelling variants and leading zeros as the same ("đăng kí", "mức 2" / "mức độ 02")', () => {
    expect(match('thủ tục đăng kí kết hôn', 'Thủ tục đăng ký kết hôn')).toMatchObject({ precision: 1, recall: 1 });
    expect(match('tài khoản định danh điện tử mức độ 2', 'Cấp tài khoản định danh điện tử mức độ 02').precision).toBe(1);
  });

  it('credits a title alternative the question names ("…, bản sao Giấy khai sinh")', () => {
    const m = match('xin bản sao giấy khai sinh', 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh');
    expect(m.precision).toBeGreaterThanOrEqual(0.8);
    expect(m.recall).toBe(1);
  });

  it('reads a dictionary term in place, with its neighbours: "đổi GPLX" names the whole of "Đổi giấy phép lái xe"', () => {
    expect(match('doi GPLX het han le phi bao nhieu', 'Đổi giấy phép lái xe').precision).toBe(1);
    expect(match('doi GPLX het han le phi bao nhieu', 'Đổi giấy phép lái xe quân sự do Bộ Quốc phòng cấp').precision).toBeLessThan(0.6);
  });

  it('sets aside an age range of applicants that the question does not state, and keeps it when an age is asked', () => {
    const q = 'Làm căn cước lần đầu cần mang theo những gì?';
    const adults = match(q, 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên');
    expect(adults.precision).toBe(match(q, 'Cấp thẻ căn cước cho người dưới 14 tuổi').precision);
    expect(adults.precision).toBeGreaterThan(0.5);
    const child = 'làm căn cước cho con 10 tuổi';
    expect(match(child, 'Cấp thẻ căn cước cho người dưới 14 tuổi').precision)
      .toBeGreaterThan(match(child, 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên').precision);
  });

  it('does not count the office the asker names as recalled by a title that names the same office: what is asked decides', () => {
    const question = 'Làm thẻ ABTC ở Cục Quản lý xuất nhập cảnh thì lệ phí bao nhiêu?';
    const asked = match(question, 'Cấp mới thẻ ABTC');
    const sameOffice = match(question, 'Cấp thẻ tạm trú cho người nước ngoài tại Cục Quản lý xuất nhập cảnh, Bộ Công an');
    expect(asked.recall).toBeGreaterThan(sameOffice.recall);
    // Without the office, the same question's other words decide as before.
    expect(match('Làm thẻ ABTC thì lệ phí bao nhiêu?', 'Cấp mới thẻ ABTC').recall).toBeCloseTo(asked.recall, 5);
  });

  it('gives low precision when the title names much the user did not say', () => {
    const m = match('Thủ tục cấp giấy phép hành nghề xem bói', 'Cấp giấy phép hành nghề khoan nước dưới đất');
    expect(m.precision).toBeLessThan(0.7);
    expect(m.recall).toBeLessThan(1);
  });
});

describe('matchTitle with short alternatives sharing one object', () => {
  it('scores "cải chính …" against "thay đổi, cải chính, bổ sung thông tin hộ tịch" as "cải chính thông tin hộ tịch"', () => {
    const title = 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc';
    const q = 'cải chính thông tin hộ tịch cho con';
    expect(match(q, title).precision).toBe(match(q, 'Thủ tục cải chính thông tin hộ tịch').precision);
    expect(match(q, title).precision).toBeGreaterThan(0.9);
  });

  it('reaches the alternative through the dictionary ("sửa sai" → "cải chính")', () => {
    const title = 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc';
    expect(match('sửa sai thông tin hộ tịch', title).precision).toBeGreaterThan(match('sửa sai thông tin hộ tịch', 'Thủ tục đăng ký khai sinh').precision);
    expect(match('sua sai thong tin ho tich', title).precision).toBe(match('sửa sai thông tin hộ tịch', title).precision);
  });

  it('names the whole civil-status correction procedure from "sửa sai" in a birth certificate question', () => {
    const q = 'Sửa sai tên trong giấy khai sinh thì làm thế nào?';
    expect(match(q, 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc').precision).toBeGreaterThan(0.85);
  });

  it('names official procedures through everyday words of the dictionary (đóng cửa hộ kinh doanh, đất vườn sang đất ở, làm căn cước, đăng ký HKD)', () => {
    const close = 'đóng cửa hộ kinh doanh có mất phí không';
    expect(match(close, 'Chấm dứt hoạt động hộ kinh doanh').precision).toBe(1);
    expect(match(close, 'Chấm dứt hoạt động hộ kinh doanh').precision)
      .toBeGreaterThan(match(close, 'Dừng thực hiện thủ tục đăng ký hộ kinh doanh').precision);
    const land = 'chuyển đất vườn sang đất ở thì làm thủ tục gì';
    expect(match(land, 'Chuyển mục đích sử dụng đất').precision).toBe(1);
    expect(match('làm căn cước cần gì', 'Cấp thẻ căn cước cho người dưới 14 tuổi').recall).toBe(1);
    const open = 'mo quan ca phe nho dang ky HKD le phi bao nhieu';
    expect(match(open, 'Đăng ký thành lập hộ kinh doanh').precision)
      .toBeGreaterThan(match(open, 'Dừng thực hiện thủ tục đăng ký hộ kinh doanh').precision);
  });
});
