import { describe, expect, it } from 'vitest';
import { readProcedures } from '../../structure/testing/fixtures.ts';
import { CitationList } from '../ground/citations.ts';
import { composeProcedureAnswer } from './procedure-answer.ts';
import { analyzeQuestion } from '../understand/question.ts';
import { asksDeadline, relatedTimeFacts } from './related-facts.ts';
import { procedureDocument, type IndexedDocument } from '../testing/memory-corpus.ts';

const all = readProcedures();

function byTitle(title: string): IndexedDocument {
  const raw = all.find((r) => r.ten_thu_tuc === title);
  if (!raw) throw new Error(`no procedure ${title}`);
  return procedureDocument(raw);
}

describe('relatedTimeFacts', () => {
  it("finds the citizen's own deadline under 'Yêu cầu, điều kiện' when the question asks before when", () => {
    const q = analyzeQuestion('Gia hạn tạm trú phải làm trước khi hết hạn bao nhiêu ngày?');
    expect(asksDeadline(q)).toBe(true);
    const facts = relatedTimeFacts(q, byTitle('Gia hạn tạm trú').chunks);
    expect(facts[0]?.chunk.sectionLabel).toBe('Yêu cầu, điều kiện');
    expect(facts[0]?.text).toContain('15 ngày trước ngày kết thúc thời hạn tạm trú');
  });

  it('states the hour by which a stay must be reported', () => {
    const q = analyzeQuestion('nhà có khách về ở qua đêm thì phải báo lưu trú trước mấy giờ?');
    const facts = relatedTimeFacts(q, byTitle('Thông báo lưu trú').chunks);
    expect(facts[0]?.text).toContain('trước 23 giờ');
  });

  it('is not asked by a plain processing-time question', () => {
    expect(asksDeadline(analyzeQuestion('gia hạn tạm trú mất bao lâu'))).toBe(false);
  });

  it('adds the time the steps state when the catalogue gives no deadline for a channel', () => {
    const d = byTitle('Đăng ký thành lập hộ kinh doanh');
    const q = analyzeQuestion('mấy ngày thì có giấy chứng nhận?');
    expect(asksDeadline(q)).toBe(false);
    const answer = composeProcedureAnswer({ doc: d.record, chunks: d.chunks, intents: ['time'], channels: [], citations: new CitationList(), question: q });
    expect(answer).toContain('chưa có thông tin về thời hạn giải quyết');
    expect(answer).toMatch(/Trình tự thực hiện: .*Giấy chứng nhận đăng ký hộ kinh doanh.*trong thời hạn 03 ngày làm việc/u);
  });
});
