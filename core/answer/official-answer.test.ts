import { beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from './extractive-answerer.ts';
import { unsupportedInLine } from './ground/line-check.ts';
import { answerFixtures, type AnswerFixtures } from './testing/fixtures.ts';
import type { AnswerRequest, AnswerResult } from './types.ts';

let fx: AnswerFixtures;
const answerer = new ExtractiveAnswerer();
const given: AnswerResult[] = [];

async function ask(req: AnswerRequest): Promise<AnswerResult> {
  const r = await answerer.answer(req, fx.corpus);
  given.push(r);
  return r;
}
const official = (question: string, context?: AnswerRequest['context']) => ask({ question, role: 'official', ...(context ? { context } : {}) });
const seedId = (title: RegExp) => fx.seeds.find((s) => title.test(s.record.title))!.record.id;

beforeAll(() => {
  fx = answerFixtures();
});

describe('officials: a document\'s own header', () => {
  it('names the signer of the document the question names by number, cited to its signature', async () => {
    const r = await official('Thông báo 114/TB-SKHCN do ai ký?');
    expect(r.refused).toBe(false);
    expect(r.answer).toContain('Nguyễn Trọng Tâm');
    const notice = seedId(/Danh mục nhu cầu công nghệ/u);
    expect(r.citations.every((c) => c.docId === notice)).toBe(true);
    expect(r.citations.some((c) => c.quote.includes('Nguyễn Trọng Tâm'))).toBe(true);
    // A follow-up asks the same document.
    const date = await official('ban hành ngày nào vậy?', r.context);
    expect(date.answer).toContain('04/6/2026');
    expect(date.citations.every((c) => c.docId === notice)).toBe(true);
  });

  it('says plainly what the document does not record, offering it to open, and never borrows another\'s number', async () => {
    const r = await official('Báo cáo kết quả thực hiện Chiến lược quốc gia về trí tuệ nhân tạo năm 2025 của Sở KH&CN số mấy?');
    expect(r).toMatchObject({ refused: true, reason: 'NO_SOURCE' });
    expect(r.answer).toContain('không ghi số ký hiệu');
    expect(r.answer).not.toContain('114/TB-SKHCN');
    expect(r.nearest?.map((d) => d.docId)).toContain(seedId(/Trí tuệ nhân tạo/u));
  });

  it('says no indexed document bears a number asked about', async () => {
    const r = await official('Thông báo số 115/TB-SKHCN của Sở KH&CN nói về việc gì?');
    expect(r.refused).toBe(true);
    expect(r.answer).toContain('115/TB-SKHCN');
  });
});

describe('officials: what the documents do not hold', () => {
  it('refuses a figure of a place no document writes, and answers the same figure of a place one does', async () => {
    const other = await official('Tỉnh Bình Định hiện có bao nhiêu doanh nghiệp công nghệ số?');
    expect(other.refused).toBe(true);
    const own = await official('Khu vực Đông Quảng Ngãi đã triển khai bao nhiêu nhiệm vụ KH&CN?');
    expect(own.refused).toBe(false);
    expect(own.answer).toContain('50 nhiệm vụ');
  });
});

describe('officials: shapes and ranking', () => {
  it('gives the whole list under the heading asked, each item cited', async () => {
    const r = await official('Kết luận ngày 29/12/2025 giao Sở Khoa học và Công nghệ những nhiệm vụ gì?');
    expect(r.refused).toBe(false);
    const items = r.answer.split('\n').filter((l) => l.startsWith('- '));
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) expect(item).toMatch(/\[\d+\]/u);
    expect(r.answer).toContain('20/01/2026');
    expect(r.answer).toContain('10/01/2026');
  });

  it('answers a province question from the province\'s report, not from a procedure sharing its words', async () => {
    const r = await official('Tính đến ngày 30/9/2025 có bao nhiêu cơ sở khám, chữa bệnh đã hoàn thành công bố bệnh án điện tử?');
    expect(r.refused).toBe(false);
    expect(r.answer).toContain('36/36');
    expect(r.citations.every((c) => c.docId === seedId(/Trí tuệ nhân tạo/u))).toBe(true);
  });

  it('still answers an official\'s procedure question from the procedure', async () => {
    const d = fx.featured.fee;
    const r = await official(`Lệ phí thủ tục ${d.record.title} là bao nhiêu?`);
    expect(r.refused).toBe(false);
    expect(r.citations.some((c) => c.docId === d.record.id)).toBe(true);
  });

  it('refuses an official in the officials\' wording, with the nearest documents, never the one-stop desk', async () => {
    const r = await official('Chỉ số chuyển đổi số DTI năm 2024 của Quảng Ngãi xếp thứ mấy cả nước?');
    expect(r).toMatchObject({ refused: true, reason: 'NO_SOURCE' });
    expect(r.answer).toContain('Không tìm thấy');
    expect(r.answer).toContain('đã lập chỉ mục');
    expect(r.answer).not.toMatch(/Một cửa/u);
    expect(r.nearest?.length).toBeGreaterThan(0);
  });
});

describe('grounding of every official answer above', () => {
  it('holds every number, date and name of each line in the quotes of the citations it marks', () => {
    expect(given.length).toBeGreaterThan(0);
    for (const r of given.filter((x) => !x.refused)) {
      for (const line of r.answer.split('\n')) expect(unsupportedInLine(line, r.citations), line).toEqual([]);
    }
  });
});
