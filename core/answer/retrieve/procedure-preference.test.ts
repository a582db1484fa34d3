import { describe, expect, it } from 'vitest';
import { readProcedures } from '../../structure/testing/fixtures.ts';
import { preferenceAdjustment, preferenceCues } from './procedure-preference.ts';
import { ACTION_BONUS, ACTION_PENALTY, ACTIONLESS_PENALTY, ASKED_LEVEL_BONUS, CHANGE_PENALTY, DEREGISTER_BONUS, FIRST_TIME_BONUS, INDIVIDUAL_BONUS, LOCAL_LEVEL_BONUS, REDO_BONUS, VARIANT_PENALTY } from '../tuning.ts';
import { analyzeQuestion } from '../understand/question.ts';
import { procedureDocument, type IndexedDocument } from '../testing/memory-corpus.ts';
import type { Role } from '../types.ts';

const all = readProcedures();

/** A real catalogue record, as ingest indexes it (level kept in `extra`). */
function record(test: (raw: Record<string, unknown>) => boolean): IndexedDocument {
  const raw = all.find(test);
  if (!raw) throw new Error('no such record');
  const d = procedureDocument(raw);
  return { record: { ...d.record, extra: { cap_thuc_hien: String(raw.cap_thuc_hien ?? '') } }, chunks: d.chunks };
}

const byTitle = (title: string) => record((r) => r.ten_thu_tuc === title);

function adjust(question: string, d: IndexedDocument, role: Role = 'citizen'): number {
  return preferenceAdjustment(preferenceCues(analyzeQuestion(question), role), d.record, d.chunks);
}

describe('preferenceAdjustment', () => {
  it('(a) prefers a procedure for individuals over one only for organisations when a citizen asks', () => {
    const level = 'Cấp tỉnh';
    const people = record((r) => r.doi_tuong_thuc_hien === 'Công dân Việt Nam' && r.cap_thuc_hien === level);
    const firms = record((r) => r.doi_tuong_thuc_hien === 'Doanh nghiệp' && r.cap_thuc_hien === level);
    const question = 'thủ tục này cần giấy tờ gì';
    expect(adjust(question, people) - adjust(question, firms)).toBeCloseTo(INDIVIDUAL_BONUS);
    expect(adjust('công ty tôi cần giấy tờ gì', people) - adjust('công ty tôi cần giấy tờ gì', firms)).toBeCloseTo(0);
    expect(adjust(question, people, 'official') - adjust(question, firms, 'official')).toBeCloseTo(0);
  });

  it('(b) prefers a local level over a procedure done only centrally, unless the central level is asked', () => {
    const subjects = 'Công dân Việt Nam';
    const local = record((r) => r.cap_thuc_hien === 'Cấp xã' && r.doi_tuong_thuc_hien === subjects);
    const central = record((r) => r.cap_thuc_hien === 'Cấp bộ' && r.doi_tuong_thuc_hien === subjects && !/trung ương/iu.test(String(r.ten_thu_tuc)));
    expect(adjust('làm ở đâu', local) - adjust('làm ở đâu', central)).toBeCloseTo(LOCAL_LEVEL_BONUS);
    // Asked for the central level, the local one loses rule (f)'s bonus twice over.
    expect(adjust('làm ở cấp trung ương ở đâu', local) - adjust('làm ở cấp trung ương ở đâu', central)).toBeCloseTo(-2 * ASKED_LEVEL_BONUS);
  });

  it('(c) prefers "Thủ tục đăng ký khai sinh" over its "lưu động" and "có yếu tố nước ngoài" variants unless asked', () => {
    const base = byTitle('Thủ tục đăng ký khai sinh');
    for (const title of ['Thủ tục đăng ký khai sinh lưu động', 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài']) {
      const variant = byTitle(title);
      expect(adjust('đăng ký khai sinh cho con', base) - adjust('đăng ký khai sinh cho con', variant)).toBeCloseTo(VARIANT_PENALTY);
    }
    const foreign = byTitle('Thủ tục đăng ký khai sinh có yếu tố nước ngoài');
    const q = 'đăng ký khai sinh cho con có bố là người nước ngoài';
    expect(adjust(q, base) - adjust(q, foreign)).toBeCloseTo(0);
  });

  it('(a) sets aside a title naming organisations as its applicants when a citizen asks plainly', () => {
    const firms = record((r) => /^Đăng ký đất đai, .* lần đầu đối với tổ chức đang sử dụng đất$/u.test(String(r.ten_thu_tuc)));
    const q = 'cấp sổ đỏ lần đầu nộp hồ sơ ở đâu';
    expect(adjust(q, firms) - adjust('công ty tôi xin cấp sổ đỏ lần đầu ở đâu', firms)).toBeCloseTo(-VARIANT_PENALTY);
    expect(adjust(q, firms, 'official') - adjust(q, firms, 'citizen')).toBeCloseTo(VARIANT_PENALTY);
  });

  it("(c') prefers the identity card for everyone over the one for minors unless a child or an age is named", () => {
    const adults = byTitle('Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên');
    const minors = byTitle('Cấp thẻ căn cước cho người dưới 14 tuổi');
    const q = 'Làm căn cước lần đầu cần mang theo những gì?';
    expect(adjust(q, adults) - adjust(q, minors)).toBeCloseTo(VARIANT_PENALTY);
    const child = 'làm căn cước cho con cần gì';
    expect(adjust(child, adults) - adjust(child, minors)).toBeCloseTo(0);
  });

  it('(d) prefers the new-construction permit when the question is about building a house, not repairing one', () => {
    const fresh = record((r) => /^Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV/u.test(String(r.ten_thu_tuc)));
    const repair = record((r) => /^Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, cấp IV/u.test(String(r.ten_thu_tuc)));
    const build = 'xin giấy phép xây nhà cần gì';
    expect(adjust(build, fresh) - adjust(build, repair)).toBeCloseTo(FIRST_TIME_BONUS + CHANGE_PENALTY);
    const mend = 'xin giấy phép sửa chữa nhà cần gì';
    expect(adjust(mend, fresh) - adjust(mend, repair)).toBeCloseTo(0);
  });

  it('(d) reads "mất bao lâu" as how long it takes, not as a lost paper, and a term in its official words', () => {
    const fresh = record((r) => /^Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV/u.test(String(r.ten_thu_tuc)));
    const repair = record((r) => /^Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, cấp IV/u.test(String(r.ten_thu_tuc)));
    for (const q of ['xây nhà mất bao lâu', 'xin GPXD nhà ở riêng lẻ mất bao lâu', 'xin GPXD nha o rieng le mat bao lau', 'xây nhà có mất phí không']) {
      expect(adjust(q, fresh) - adjust(q, repair), q).toBeCloseTo(FIRST_TIME_BONUS + CHANGE_PENALTY);
    }
    // A lost permit is still a change.
    const lost = 'giấy phép xây dựng nhà bị mất';
    expect(adjust(lost, fresh) - adjust(lost, repair)).toBeCloseTo(0);
  });

  it('(d) sets a re-issue or renewal aside when the question asks for a first card', () => {
    const first = byTitle('Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên');
    const again = byTitle('Cấp lại thẻ căn cước');
    const renew = byTitle('Cấp đổi thẻ căn cước');
    const q = 'Làm căn cước lần đầu cần mang theo những gì?';
    expect(adjust(q, first) - adjust(q, again)).toBeCloseTo(CHANGE_PENALTY);
    expect(adjust(q, first) - adjust(q, renew)).toBeCloseTo(CHANGE_PENALTY);
    // Asked plainly, a re-issue is a variant not asked for (c'').
    const plain = 'làm căn cước cần gì';
    expect(adjust(plain, first) - adjust(plain, again)).toBeCloseTo(CHANGE_PENALTY);
  });

  it('(e) prefers re-registration when the question asks to redo a lost birth certificate', () => {
    const base = byTitle('Thủ tục đăng ký khai sinh');
    const again = byTitle('Thủ tục đăng ký lại khai sinh');
    const lost = 'làm lại giấy khai sinh bị mất';
    expect(adjust(lost, again) - adjust(lost, base)).toBeCloseTo(REDO_BONUS);
    const plain = 'đăng ký khai sinh cho con cần gì';
    expect(adjust(plain, again) - adjust(plain, base)).toBeCloseTo(-CHANGE_PENALTY);
  });

  it('(g) prefers the deregistration when the question asks to remove a registration ("xóa thế chấp", "xoá tạm trú")', () => {
    const remove = byTitle('Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất');
    const other = byTitle('Thủ tục đăng ký khai sinh');
    const asked = 'trả hết nợ rồi, xóa thế chấp sổ đỏ ở đâu';
    const plain = 'trả hết nợ rồi, thế chấp sổ đỏ ở đâu';
    expect(adjust(asked, remove) - adjust(plain, remove)).toBeCloseTo(DEREGISTER_BONUS);
    expect(adjust(asked, other) - adjust(plain, other)).toBeCloseTo(0);
    const stay = byTitle('Xóa đăng ký tạm trú');
    expect(adjust('xoá tạm trú cho người thuê nhà', stay) - adjust('tạm trú cho người thuê nhà', stay)).toBeCloseTo(DEREGISTER_BONUS);
  });

  it('(h) weighs the title\'s action against the question\'s: change, move, stop', () => {
    const amend = byTitle('Đăng ký cập nhật, bổ sung thông tin trong hồ sơ đăng ký hộ kinh doanh, hiệu đính thông tin đăng ký hộ kinh doanh');
    const stop = byTitle('Dừng thực hiện thủ tục đăng ký hộ kinh doanh');
    const found = byTitle('Đăng ký thành lập hộ kinh doanh');
    const fix = 'giấy chứng nhận hộ kinh doanh ghi sai thông tin, muốn sửa lại cho đúng';
    const plain = 'giấy chứng nhận hộ kinh doanh cần gì';
    // "đúng" typed is no "dừng" of the title: that title states only an action not asked.
    expect(adjust(fix, amend) - adjust(plain, amend)).toBeCloseTo(ACTION_BONUS);
    expect(adjust(fix, stop) - adjust(plain, stop)).toBeCloseTo(-ACTION_PENALTY);
    expect(adjust(fix, found) - adjust(plain, found)).toBeCloseTo(-ACTIONLESS_PENALTY);
    expect(adjust('muốn dừng đăng ký hộ kinh doanh', stop) - adjust(plain, stop)).toBeCloseTo(ACTION_BONUS);
    const move = byTitle('Giải quyết chuyển hưởng sang địa bàn khác đối với người đang hưởng lương hưu, trợ cấp BHXH hàng tháng và người chờ hưởng lương hưu, trợ cấp hàng tháng');
    expect(adjust('chuyển nơi nhận lương hưu sang tỉnh khác', move) - adjust('nhận lương hưu', move)).toBeCloseTo(ACTION_BONUS);
  });

  it('(c) weighs each special case on its own: asking "có yếu tố nước ngoài" does not ask "kết hợp"', () => {
    const foreign = byTitle('Thủ tục đăng ký khai sinh có yếu tố nước ngoài');
    const combined = byTitle('Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con có yếu tố nước ngoài');
    const q = 'khai sinh cho con có yếu tố nước ngoài lệ phí bao nhiêu';
    expect(adjust(q, foreign) - adjust(q, combined)).toBeCloseTo(VARIANT_PENALTY);
    const both = 'khai sinh kết hợp nhận cha cho con có yếu tố nước ngoài';
    expect(adjust(both, foreign) - adjust(both, combined)).toBeCloseTo(0);
  });

  it('(c) prefers the border-area twin only when the question says "biên giới"; a neighbouring country is a foreign element', () => {
    const foreign = byTitle('Thủ tục đăng ký kết hôn có yếu tố nước ngoài');
    const border = byTitle('Thủ tục đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới');
    const plain = 'đăng ký kết hôn với người nước ngoài cần giấy tờ gì';
    expect(adjust(plain, foreign) - adjust(plain, border)).toBeCloseTo(VARIANT_PENALTY);
    const atBorder = 'tôi ở xã biên giới, kết hôn với người nước láng giềng thì lệ phí bao nhiêu';
    expect(adjust(atBorder, border)).toBeCloseTo(adjust(atBorder, foreign));
    // Both special cases asked, the border twin is not set aside against the base procedure either.
    const base = byTitle('Thủ tục đăng ký kết hôn');
    expect(adjust(atBorder, base) - adjust(atBorder, border)).toBeCloseTo(0);
  });

  it("(c'') sets a title led by a re-issue aside unless the question asks to redo, change or renew", () => {
    const passport = byTitle('Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)');
    const stamp = record((r) => /^Cấp lại tem “AB” trong trường hợp hộ chiếu bị mất/u.test(String(r.ten_thu_tuc)) && r.cap_thuc_hien === 'Cấp tỉnh');
    const q = 'Làm hộ chiếu nộp online có rẻ hơn không?';
    expect(adjust(q, passport) - adjust(q, stamp)).toBeCloseTo(CHANGE_PENALTY);
    const lost = 'hộ chiếu bị mất làm lại tem AB ở đâu';
    expect(adjust(lost, stamp) - adjust(lost, passport)).toBeGreaterThanOrEqual(0);
    // "Cấp, cấp lại, gia hạn …" covers the first issue too: not led by a re-issue.
    const all = record((r) => /^Cấp, cấp lại, gia hạn, phục hồi Quyết định công nhận lưu hành giống cây trồng/u.test(String(r.ten_thu_tuc)));
    expect(adjust('xin quyết định công nhận lưu hành giống cây trồng', all) - adjust('gia hạn quyết định công nhận lưu hành giống cây trồng', all)).toBeCloseTo(0);
  });

  it('(f) prefers the level the question names: Bộ Công an, công an tỉnh, công an xã', () => {
    const central = byTitle('Cấp lại thẻ căn cước (thực hiện tại cấp trung ương)');
    const province = byTitle('Cấp lại thẻ căn cước (thực hiện tại cấp tỉnh)');
    const commune = byTitle('Cấp lại thẻ căn cước');
    const atMinistry = 'Cấp lại thẻ căn cước ở Bộ Công an có mất lệ phí không?';
    expect(adjust(atMinistry, central) - adjust(atMinistry, commune)).toBeCloseTo(2 * ASKED_LEVEL_BONUS);
    const atProvince = 'làm lại căn cước ở công an tỉnh hết bao nhiêu';
    expect(adjust(atProvince, province) - adjust(atProvince, commune)).toBeCloseTo(2 * ASKED_LEVEL_BONUS);
    const atCommune = 'làm lại căn cước ở công an xã hết bao nhiêu';
    expect(adjust(atCommune, commune) - adjust(atCommune, province)).toBeCloseTo(2 * ASKED_LEVEL_BONUS);
    // "ở xã" says where to go, unless a place name follows: then it says where the asker lives.
    const goThere = 'làm lại căn cước ở xã tốn bao nhiêu';
    expect(adjust(goThere, commune) - adjust(goThere, province)).toBeCloseTo(2 * ASKED_LEVEL_BONUS);
    // No level, where the asker lives, or two levels: no preference beyond rule (b).
    for (const q of ['làm lại căn cước hết bao nhiêu', 'tôi ở xã Tịnh Hà, làm lại căn cước hết bao nhiêu', 'làm lại căn cước ở công an xã hay công an tỉnh']) {
      expect(adjust(q, province) - adjust(q, commune), q).toBeCloseTo(0);
    }
  });
});
