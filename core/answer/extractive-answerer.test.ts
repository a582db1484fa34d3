import { beforeAll, describe, expect, it } from 'vitest';
import type { Chunk } from '../model.ts';
import { foldDiacritics } from '../text/fold.ts';
import { ExtractiveAnswerer, pieces } from './extractive-answerer.ts';
import { answerFixtures, channelPairs, INTERNAL_PLAN, type AnswerFixtures } from './testing/fixtures.ts';
import type { IndexedDocument } from './testing/memory-corpus.ts';
import type { AnswerRequest, AnswerResult } from './types.ts';
import { validateAnswer } from './ground/validate.ts';
import { procedureDisplayName } from './ground/citations.ts';

let fx: AnswerFixtures;
const answerer = new ExtractiveAnswerer();
/** Every answer given in this file, for the invariants at the end. */
const given: AnswerResult[] = [];

async function ask(req: AnswerRequest): Promise<AnswerResult> {
  const r = await answerer.answer(req, fx.corpus);
  given.push(r);
  return r;
}

const field = (d: IndexedDocument, label: string): Chunk => d.chunks.find((c) => c.sectionLabel === label)!;
const citedChunk = (r: AnswerResult, d: IndexedDocument, label: string) =>
  r.citations.find((c) => c.docId === d.record.id && c.section === label);

beforeAll(() => {
  fx = answerFixtures();
});

describe('procedure questions', () => {
  it('answers a fee question with the fee from the cited Lệ phí passage', async () => {
    const d = fx.featured.fee;
    const r = await ask({ question: `Lệ phí ${d.record.title} là bao nhiêu?`, role: 'citizen' });
    expect(r.refused).toBe(false);
    const cited = citedChunk(r, d, 'Lệ phí');
    expect(cited).toBeDefined();
    const amounts = field(d, 'Lệ phí').text.match(/\d[\d.]* đồng/gu)!;
    for (const a of amounts.slice(0, 2)) {
      expect(r.answer).toContain(a);
      expect(cited!.quote).toContain(a);
    }
    expect(r.answer.split('\n')[0]).toContain(procedureDisplayName(d.record.title));
    expect(r.context).toEqual({ focusDocIds: [d.record.id], lastQuestion: `Lệ phí ${d.record.title} là bao nhiêu?`, lastIntent: 'fee' });
  });

  it('answers a time question with the days per submission channel', async () => {
    const d = fx.featured.timeByChannel;
    const r = await ask({ question: `${d.record.title} mất bao lâu?`, role: 'citizen' });
    const cited = citedChunk(r, d, 'Thời hạn giải quyết');
    expect(cited).toBeDefined();
    const lines = r.answer.split('\n');
    for (const [channel, days] of channelPairs(field(d, 'Thời hạn giải quyết').text.split('\n')[1]!)) {
      const line = lines.find((l) => l.toLowerCase().includes(channel.toLowerCase()));
      expect(line, channel).toBeDefined();
      expect(line).toContain(`${days} [${cited!.n}]`);
    }
  });

  it('lists the papers of the dossier', async () => {
    const d = fx.featured.papers;
    const r = await ask({ question: `${d.record.title} cần chuẩn bị những giấy tờ gì?`, role: 'citizen' });
    const cited = citedChunk(r, d, 'Thành phần hồ sơ');
    expect(cited).toBeDefined();
    const papers = field(d, 'Thành phần hồ sơ').text.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2).split(':')[0]!);
    expect(papers.length).toBeGreaterThanOrEqual(3);
    for (const p of papers.slice(0, 3)) expect(r.answer).toContain(`- ${p}`);
  });

  it('works the same for a question typed without diacritics', async () => {
    const d = fx.featured.fee;
    const accented = await ask({ question: `Lệ phí ${d.record.title} là bao nhiêu?`, role: 'citizen' });
    const bare = await ask({ question: foldDiacritics(`lệ phí ${d.record.title} là bao nhiêu`), role: 'citizen' });
    expect(bare.refused).toBe(false);
    expect(bare.citations.map((c) => c.link)).toEqual(accented.citations.map((c) => c.link));
    expect(bare.answer).toBe(accented.answer);
  });

  it('says plainly when the catalogue has no fee information and points to the one-stop desk', async () => {
    const d = fx.featured.noFeeInfo;
    const r = await ask({ question: `Phí ${d.record.title} là bao nhiêu?`, role: 'citizen' });
    expect(citedChunk(r, d, 'Lệ phí')).toBeDefined();
    expect(r.answer).toContain('chưa có thông tin về phí, lệ phí');
    expect(r.answer).toContain('Bộ phận Một cửa');
    expect(r.answer).not.toMatch(/\d[\d.]* đồng/u);
  });

  it('answers a follow-up "còn lệ phí thì sao?" about the procedure of the previous turn', async () => {
    const d = fx.featured.timeByChannel;
    const first = await ask({ question: `${d.record.title} mất bao lâu?`, role: 'citizen' });
    const next = await ask({ question: 'còn lệ phí thì sao?', role: 'citizen', context: first.context });
    expect(next.refused).toBe(false);
    expect(next.citations.map((c) => [c.docId, c.section])).toEqual([[d.record.id, 'Lệ phí']]);
    expect(next.context.focusDocIds).toEqual([d.record.id]);
    expect(next.context.lastIntent).toBe('fee');
    const where = await ask({ question: 'the nop o dau', role: 'citizen', context: next.context });
    expect(where.citations.every((c) => c.docId === d.record.id)).toBe(true);
    expect(where.citations[0]!.section).toBe('Cơ quan thực hiện');
  });
});

describe('choosing the procedure by its name', () => {
  it('answers from the procedure when the question names it amid everyday context words', async () => {
    const d = fx.featured.papers;
    const r = await ask({ question: `Sinh viên thuê trọ muốn ${d.record.title.toLowerCase()} thì cần giấy tờ gì?`, role: 'citizen' });
    expect(r.refused).toBe(false);
    expect(r.citations[0]?.docId).toBe(d.record.id);
    expect(r.citations[0]?.section).toBe('Thành phần hồ sơ');
  });

  it('keeps a short follow-up "mất mấy ngày?" on the procedure of the previous turn', async () => {
    const d = fx.featured.timeByChannel;
    const first = await ask({ question: `${d.record.title} cần giấy tờ gì?`, role: 'citizen' });
    expect(first.citations[0]?.docId).toBe(d.record.id);
    const r = await ask({ question: 'mất mấy ngày?', role: 'citizen', context: first.context });
    expect(r.refused).toBe(false);
    expect(r.citations.map((c) => c.docId)).toEqual([d.record.id]);
    expect(r.citations[0]?.section).toBe('Thời hạn giải quyết');
  });
});

describe('a follow-up after an unanswered question', () => {
  it('marks a refusal unanswered, and a follow-up that names nothing stays refused after one about nothing known', async () => {
    const refused = await ask({ question: 'giá vé máy bay đi Hà Nội bao nhiêu', role: 'citizen' });
    expect(refused.context).toMatchObject({ lastQuestion: 'giá vé máy bay đi Hà Nội bao nhiêu', unanswered: true });
    const next = await ask({ question: 'mất mấy ngày?', role: 'citizen', context: refused.context });
    expect(next.refused).toBe(true);
    expect(next.context.lastQuestion).toBe('giá vé máy bay đi Hà Nội bao nhiêu mất mấy ngày?');
  });

  it('reads "mất mấy ngày?" with the unanswered question before it: the conversation keeps its topic', async () => {
    const d = fx.featured.timeByChannel;
    const context = { focusDocIds: [], lastQuestion: `Tôi muốn ${d.record.title.toLowerCase()} thì cần giấy tờ gì?`, unanswered: true };
    const r = await ask({ question: 'mất mấy ngày?', role: 'citizen', context });
    expect(r.refused).toBe(false);
    expect(r.citations.map((c) => c.docId)).toEqual([d.record.id]);
    expect(r.citations[0]?.section).toBe('Thời hạn giải quyết');
    expect(r.context.unanswered).toBeUndefined();
  });
});

describe('refusals', () => {
  it('refuses a question nothing in the corpus answers, pointing to where to ask', async () => {
    // An administrative word keeps it in scope: the one-stop desk may know what the corpus does not.
    const r = await ask({ question: 'lệ phí cấp phép bay thả khinh khí cầu ở đâu bao nhiêu', role: 'citizen' });
    expect(r).toMatchObject({ refused: true, reason: 'NO_SOURCE', citations: [], answerer: 'extractive' });
    expect(r.answer).toContain('Bộ phận Một cửa');
    expect(r.answer).toContain('dichvucong.gov.vn');
  });

  it('refuses an everyday question no text covers as out of scope, in its own words, without sending the asker to the one-stop desk', async () => {
    const r = await ask({ question: 'Cho tôi công thức pha cà phê trứng thật ngon', role: 'citizen' });
    expect(r).toMatchObject({ refused: true, reason: 'OUT_OF_SCOPE', citations: [] });
    expect(r.answer).toContain('ngoài phạm vi');
    expect(r.answer).not.toContain('Một cửa');
  });

  it('keeps an unanswered procedure question a NO_SOURCE refusal, never out of scope', async () => {
    const r = await ask({ question: 'thủ tục xin giấy phép nuôi rồng cảnh cần giấy tờ gì', role: 'citizen' });
    expect(r).toMatchObject({ refused: true, reason: 'NO_SOURCE' });
  });

  it('refuses an empty question', async () => {
    const r = await ask({ question: '  \n ', role: 'citizen' });
    expect(r).toMatchObject({ refused: true, reason: 'EMPTY_QUESTION', citations: [] });
  });

  it('exposes its thresholds: a stricter one refuses, a looser one answers', async () => {
    // Officials: the evidence of the province's documents (official-answer.ts).
    const question = 'Báo cáo kết quả thực hiện Chiến lược trí tuệ nhân tạo nêu những khó khăn, vướng mắc gì?';
    expect((await new ExtractiveAnswerer({ minEvidence: 1.01 }).answer({ question, role: 'official' }, fx.corpus)).refused).toBe(true);
    expect((await new ExtractiveAnswerer({ minEvidence: 0.3 }).answer({ question, role: 'official' }, fx.corpus)).refused).toBe(false);
    // Citizens: the coverage of one passage.
    const report = 'Kế hoạch số 83/KH-UBND về trí tuệ nhân tạo được ban hành ngày nào?';
    expect((await new ExtractiveAnswerer({ minScore: 1.01 }).answer({ question: report, role: 'citizen' }, fx.corpus)).reason).toBe('NO_SOURCE');
    expect((await new ExtractiveAnswerer({ minScore: 0.3 }).answer({ question: report, role: 'citizen' }, fx.corpus)).refused).toBe(false);
  });

  it('refuses a procedure-like question whose key words no indexed text contains', async () => {
    const r = await ask({ question: 'Thủ tục cấp giấy phép hành nghề xem bói', role: 'citizen' });
    expect(r).toMatchObject({ refused: true, reason: 'NO_SOURCE', citations: [] });
  });

  it('refuses to tell the status of the asker\'s own application', async () => {
    const d = fx.featured.fee;
    const r = await ask({ question: `Hồ sơ ${d.record.title} tôi nộp hôm qua đã được duyệt chưa?`, role: 'citizen' });
    expect(r).toMatchObject({ refused: true, reason: 'NO_SOURCE' });
  });
});

describe('documents by role', () => {
  it('never cites an internal document to a citizen, even asked by its exact title; an official gets it', async () => {
    const question = `${INTERNAL_PLAN.title}: kinh phí bao nhiêu?`;
    const citizen = await ask({ question, role: 'citizen' });
    expect(citizen.citations.some((c) => c.docId === fx.internal.record.id)).toBe(false);
    expect(citizen.answer).not.toContain('850');
    const official = await ask({ question, role: 'official' });
    expect(official.refused).toBe(false);
    expect(official.citations[0]!.docId).toBe(fx.internal.record.id);
    expect(official.answer).toContain('850 triệu đồng');
    // A citizen's follow-up cannot reach it through a borrowed context either.
    const borrowed = await ask({ question: 'còn thời hạn báo cáo thì sao?', role: 'citizen', context: official.context });
    expect(borrowed.citations.some((c) => c.docId === fx.internal.record.id)).toBe(false);
  });

  it('answers officials from a superseded document with a notice naming what replaced it', async () => {
    const question = 'Quyết định 12/QĐ-UBND: đường dây nóng tiếp nhận phản ánh hoạt động mấy giờ?';
    const official = await ask({ question, role: 'official' });
    expect(official.citations.some((c) => c.docId === fx.oldDecision.record.id)).toBe(true);
    expect(official.notices).toEqual([expect.stringContaining('Quyết định số 45/QĐ-UBND ngày 20/5/2025')]);
    expect(official.notices[0]).toContain('Quyết định số 12/QĐ-UBND ngày 10/01/2024');
    const citizen = await ask({ question, role: 'citizen' });
    expect(citizen.citations.some((c) => c.docId === fx.oldDecision.record.id)).toBe(false);
  });
});

describe('other documents', () => {
  it('answers an official from the seed reports with the sentence that holds the fact asked, first', async () => {
    const r = await ask({ question: 'Kế hoạch số 83/KH-UBND về trí tuệ nhân tạo được ban hành ngày nào?', role: 'official' });
    expect(r.refused).toBe(false);
    const lines = r.answer.split('\n');
    expect(lines[0]).toContain('83/KH-UBND');
    expect(lines[0]).toContain('04/6/2021');
    const seedIds = new Set(fx.seeds.map((s) => s.record.id));
    expect(r.citations.every((c) => seedIds.has(c.docId))).toBe(true);
  });
});

describe('streaming', () => {
  it('streams the answer in pieces that add up to it', async () => {
    const d = fx.featured.timeByChannel;
    const got: string[] = [];
    const r = await answerer.stream({ question: `${d.record.title} mất bao lâu?`, role: 'citizen' }, fx.corpus, (t) => got.push(t));
    expect(got.length).toBeGreaterThan(1);
    expect(got.join('')).toBe(r.answer);
    expect(got).toEqual(pieces(r.answer));
  });

  it('cuts a line of several sentences into one piece per sentence, markers kept with their sentence', () => {
    const answer = 'Thời hạn giải quyết là 15 ngày làm việc [1]. Nộp trực tuyến: 12 ngày [1]. TP. Quảng Ngãi tiếp nhận hồ sơ.\n- Tờ khai [2]\n- Giấy chứng sinh [2]';
    const got = pieces(answer);
    expect(got).toEqual([
      'Thời hạn giải quyết là 15 ngày làm việc [1].',
      ' Nộp trực tuyến: 12 ngày [1].',
      ' TP. Quảng Ngãi tiếp nhận hồ sơ.\n',
      '- Tờ khai [2]\n',
      '- Giấy chứng sinh [2]',
    ]);
    expect(got.join('')).toBe(answer);
  });

  it('stops when aborted', async () => {
    const d = fx.featured.papers;
    const controller = new AbortController();
    const got: string[] = [];
    const run = answerer.stream({ question: `${d.record.title} cần giấy tờ gì?`, role: 'citizen' }, fx.corpus, (t) => {
      got.push(t);
      controller.abort();
    }, controller.signal);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(got).toHaveLength(1);
  });
});

describe('grounding of every answer given above', () => {
  it('refers every [n] to a citation', () => {
    expect(given.length).toBeGreaterThan(10);
    for (const r of given) {
      const marks = [...r.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
      if (!r.refused) expect(marks.length, r.answer).toBeGreaterThan(0);
      for (const n of marks) expect(r.citations.map((c) => c.n), r.answer).toContain(n);
      expect(r.citations.map((c) => c.n)).toEqual(r.citations.map((_, i) => i + 1));
    }
  });

  it('takes every number in an answer from a cited quote', () => {
    for (const r of given.filter((x) => !x.refused)) {
      const quotes = r.citations.map((c) => c.quote).join('\n');
      for (const num of r.answer.replace(/\[\d+\]/g, '').match(/\d+(?:[.,/]\d+)*/g) ?? []) expect(quotes, `${num} in ${r.answer}`).toContain(num);
    }
  });

  it('passes the project fact check against its own quotes, unchanged', () => {
    for (const r of given.filter((x) => !x.refused)) {
      const passages = r.citations.map((c) => c.quote);
      const checked = validateAnswer(r.answer, r.citations, passages);
      expect(checked.droppedSentences, r.answer).toEqual([]);
    }
  });
});
