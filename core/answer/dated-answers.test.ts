import { beforeAll, describe, expect, it } from 'vitest';
import { readProcedures } from '../structure/testing/fixtures.ts';
import { ExtractiveAnswerer } from './extractive-answerer.ts';
import { unsupportedFacts } from './ground/facts.ts';
import { MemoryCorpus, procedureDocument, textDocument } from './testing/memory-corpus.ts';
import type { AnswerRequest, AnswerResult } from './types.ts';

/** Real records with the traps these tests ask about, among other real procedures. */
const CODES = ['3.000347', '3.000348', '1.014063', '1.014064', '1.001193', '1.000656', '2.001159', '1.004359', '1.000894', '1.013225'];
const DISTRACTORS = 80;

/**
 * An invented provincial resolution (number, date and amounts made up for this test): the
 * province's own lệ phí for a procedure whose catalogue fee the HĐND sets.
 */
const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 99/2026/NQ-HĐND

Quảng Ngãi, ngày 10 tháng 7 năm 2026
NGHỊ QUYẾT
Quy định mức thu lệ phí hộ tịch trên địa bàn tỉnh
Điều 1. Mức thu lệ phí hộ tịch
1. Lệ phí đăng ký khai tử: 8.000 đồng/trường hợp.
2. Lệ phí đăng ký kết hôn có yếu tố nước ngoài: 1.000.000 đồng/trường hợp.
`;

let corpus: MemoryCorpus;
const answerer = new ExtractiveAnswerer();
const given: AnswerResult[] = [];
async function ask(question: string, asOf = '2026-12-07', extra: Partial<AnswerRequest> = {}): Promise<AnswerResult> {
  const r = await answerer.answer({ question, role: 'citizen', asOf, ...extra }, corpus);
  given.push(r);
  return r;
}

beforeAll(() => {
  const all = readProcedures();
  const picked = all.filter((r) => CODES.includes(String(r.ma_thu_tuc)));
  const others = all.filter((r) => !CODES.includes(String(r.ma_thu_tuc))).slice(0, DISTRACTORS);
  corpus = new MemoryCorpus([...[...picked, ...others].map(procedureDocument), textDocument('nq-99-2026-hdnd.txt', RESOLUTION)]);
});

describe('fees on the day asked', () => {
  it('says an ended online reduction has ended, and the rate now (3.000347 on 2026-12-07)', async () => {
    const r = await ask('Đổi giấy phép lái xe nộp online hết bao nhiêu tiền?');
    expect(r.citations.map((c) => c.sourceId)).toEqual(['3.000347']);
    expect(r.answer).toContain('135.000 đồng/lần');
    expect(r.answer).toMatch(/115\.000 đồng\/lần cấp \(kể từ ngày 01\/12\/2023 đến hết ngày 31\/12\/2025\) đã hết hiệu lực/u);
    expect(r.answer).not.toMatch(/miễn phí/iu);
  });

  it('applies the same reduction while it runs (asked on 2025-06-01)', async () => {
    const r = await ask('Đổi giấy phép lái xe nộp online hết bao nhiêu tiền?', '2025-06-01');
    expect(r.answer).toContain('- Hiện áp dụng mức 115.000 đồng/lần cấp (kể từ ngày 01/12/2023 đến hết ngày 31/12/2025) [1].');
    expect(r.answer).not.toContain('đã hết hiệu lực');
  });

  it('reads the fee on the day the question names ("đầu năm 2027"), after a 50% reduction ends', async () => {
    const now = await ask('Đổi thẻ căn cước nộp trực tiếp hết bao nhiêu tiền?');
    expect(now.answer).toContain('- Hiện áp dụng mức thu bằng 50% mức thu quy định (kể từ ngày 01/7/2025 đến hết ngày 31/12/2026) [1].');
    const later = await ask('Đầu năm 2027 đổi thẻ căn cước nộp trực tiếp hết bao nhiêu tiền?');
    expect(later.citations[0]?.sourceId).toBe('1.014063');
    expect(later.answer).toContain('đã hết hiệu lực; nay áp dụng mức 50.000 đồng/thẻ căn cước');
  });

  it('says the HĐND sets the fee, never "miễn phí", and cites the province\'s resolution when one is indexed', async () => {
    const r = await ask('Làm giấy khai tử có phải đóng lệ phí không?');
    expect(r.answer).toContain('Hội đồng nhân dân (HĐND) tỉnh quyết định');
    expect(r.answer).not.toMatch(/miễn phí/iu);
    const resolution = r.citations.find((c) => c.sourceId === 'nq-99-2026-hdnd.txt');
    expect(resolution?.quote).toContain('Lệ phí đăng ký khai tử: 8.000 đồng/trường hợp');
    expect(r.answer).toContain(`Mức lệ phí tại tỉnh theo nghị quyết của Hội đồng nhân dân tỉnh: Lệ phí đăng ký khai tử: 8.000 đồng/trường hợp [${resolution!.n}].`);
    expect(resolution?.label).toBe('Nghị quyết số 99/2026/NQ-HĐND ngày 10/7/2026');
    expect(r.answer).not.toContain('1.000.000');
  });
});

describe('time and place', () => {
  it('gives hours as hours, and a bare number its unit from the steps with the sentence', async () => {
    expect((await ask('Thông báo lưu trú mất bao lâu?')).answer).toContain('là 1 giờ');
    const r = await ask('Cấp giấy phép khai thác thủy sản mất bao lâu?');
    expect(r.answer).toContain('là 5 ngày làm việc');
    expect(r.answer).toContain('đơn vị theo Trình tự thực hiện: “');
  });

  it('names the level and office when the catalogue names no cơ quan, with the page to submit online', async () => {
    const r = await ask('Làm giấy khai sinh cho con thì nộp ở đâu?');
    expect(r.citations[0]?.sourceId).toBe('1.001193');
    expect(r.answer).toContain('được thực hiện ở cấp xã');
    expect(r.answer).toContain('Ủy ban nhân dân cấp xã');
    expect(r.answer).toMatch(/Nộp hồ sơ trực tuyến: https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/\S+ \[1\]/u);
    expect(r.answer).not.toContain('chưa có thông tin về cơ quan');
  });
});

describe('follow-ups and the papers checklist', () => {
  it('offers the fields not yet asked, as follow-ups that stay on the procedure', async () => {
    const first = await ask('Đăng ký kết hôn cần giấy tờ gì?');
    expect(first.suggestions?.map((s) => s.label)).toEqual(['Lệ phí?', 'Nộp ở đâu?', 'Thời hạn?']);
    const sections: Record<string, string> = { 'Lệ phí?': 'Lệ phí', 'Nộp ở đâu?': 'Cơ quan thực hiện', 'Thời hạn?': 'Thời hạn giải quyết' };
    for (const s of first.suggestions!) {
      const next = await ask(s.question, '2026-12-07', { context: first.context });
      expect(next.refused, s.question).toBe(false);
      expect(next.citations.every((c) => c.sourceId === first.citations[0]!.sourceId), s.question).toBe(true);
      expect(next.citations[0]?.section, s.question).toBe(sections[s.label]);
      expect(next.suggestions?.map((x) => x.label)).not.toContain(s.label);
    }
  });

  it('returns the papers as a printable checklist', async () => {
    const r = await ask('Đăng ký kết hôn cần giấy tờ gì?');
    expect(r.checklist?.length).toBeGreaterThanOrEqual(3);
    expect(r.checklist?.every((i) => i.paper.length > 0 && i.original + i.copies > 0)).toBe(true);
    expect((await ask('Đăng ký kết hôn lệ phí bao nhiêu?')).checklist).toBeUndefined();
  });
});

describe('every answer given here', () => {
  it('states no fact its quotes lack, cites each section once, and has none of the old artefacts', () => {
    expect(given.length).toBeGreaterThan(8);
    for (const r of given) {
      expect(unsupportedFacts(r.answer, r.citations.map((c) => c.quote)), r.answer).toEqual([]);
      const sections = r.citations.map((c) => `${c.docId}|${c.section}`);
      expect(new Set(sections).size).toBe(sections.length);
      expect(r.answer).not.toMatch(/“Thủ tục|Lưu ý: - Lưu ý|\(\(|0 bản chính, 0 bản sao|0, 0/u);
      const lines = r.answer.split('\n').filter(Boolean);
      expect(new Set(lines).size).toBe(lines.length);
    }
  });
});
