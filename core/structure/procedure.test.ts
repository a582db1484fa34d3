import { describe, expect, it } from 'vitest';
import { parseProcedure } from './procedure.ts';
import { parseLegalBases, parsePaperGroups } from './procedure-tables.ts';
import { readProcedures } from './testing/fixtures.ts';

const records = readProcedures();
const firstWhere = (pred: (r: Record<string, unknown>) => boolean): Record<string, unknown> => {
  const r = records.find(pred);
  if (!r) throw new Error('no record with that feature');
  return r;
};
const field = (r: Record<string, unknown>, k: string): string => (typeof r[k] === 'string' ? r[k] : '');

describe('parseProcedure on a record with a fee in đồng', () => {
  const record = firstWhere((r) => field(r, 'cach_thuc_thuc_hien').includes('Việt Nam Đồng'));
  const { fields, sections } = parseProcedure(record);

  it('recovers one row per channel with deadline and fee', () => {
    expect(fields.code).toBe('1.000757');
    expect(fields.channels.map((c) => [c.channel, c.deadline?.text, c.deadline?.value, c.fee.kind, c.fee.amount])).toEqual([
      ['Trực tuyến', '7 ngày làm việc', 7, 'free', undefined],
      ['Trực tiếp', '7 ngày làm việc', 7, 'amount', '70.000 đồng'],
    ]);
    expect(fields.channels[0]?.fee.note).toBe('Chưa quy định.');
    expect(fields.channels[1]?.description).toMatch(/^- Trực tiếp tại cơ quan quản lý căn cước/);
  });

  it('summarises deadline and fee per channel only where they differ', () => {
    expect(fields.deadlineSummary).toBe('7 ngày làm việc (trực tuyến, trực tiếp)');
    expect(fields.feeSummary).toMatch(/^Trực tuyến: miễn phí \(Chưa quy định\.\); Trực tiếp: lệ phí 70\.000 đồng \(- Cấp lại thẻ căn cước/);
  });

  it('splits the dossier into its case groups with form files and quantities', () => {
    expect(fields.paperGroups.map((g) => g.papers.length)).toEqual([1, 1, 1]);
    expect(fields.paperGroups[0]?.caption).toBe('Phiếu này là biểu mẫu điện tử, công dân kê khai đối với trường hợp nộp hồ sơ trực tuyến');
    expect(fields.paperGroups[0]?.papers[0]).toEqual({
      name: 'Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02 ban hành kèm theo Thông tư số 17/2024/TT-BCA của Bộ Công an)',
      template: 'Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc',
      originals: 1, copies: 0, quantity: '1 bản chính, 0 bản sao',
    });
  });

  it('lists legal bases with numbers and cleans the result of its codes', () => {
    expect(fields.legalBases.slice(0, 3)).toEqual([
      { name: 'Thông tư quy định quy định về quy trình cấp, cấp đổi, cấp lại thẻ căn cước, giấy chứng nhận căn cước', number: '18/2024/TT-BCA' },
      { name: 'Nghị định của Chính phủ: Quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước', number: '70/2024/NĐ-CP' },
      { name: 'Luật Căn cước', number: '26/2023/QH15' },
    ]);
    expect(fields.results).toEqual(['Thẻ căn cước']);
  });

  it('writes readable sections for citation', () => {
    const byLabel = Object.fromEntries(sections.map((s) => [s.label, s.text]));
    expect(byLabel['Thời hạn giải quyết']).toBe('7 ngày làm việc (trực tuyến, trực tiếp).');
    expect(byLabel['Cách thức thực hiện']).toContain('Trực tiếp: thời hạn 7 ngày làm việc; lệ phí 70.000 đồng (');
    expect(byLabel['Kết quả thực hiện']).toBe('- Thẻ căn cước');
    expect(byLabel['Thông tin chung']).toBe('Mã thủ tục: 1.000757. Cấp thực hiện: Cấp bộ. Lĩnh vực: Cấp, quản lý căn cước.');
    expect(sections.map((s) => s.label)).toEqual(expect.arrayContaining(['Trình tự thực hiện', 'Thành phần hồ sơ', 'Lệ phí', 'Căn cứ pháp lý', 'Cơ quan thực hiện']));
  });
});

describe('procedure tables from crawled strings', () => {
  it('separates glued numbers from the next name', () => {
    const raw = 'Tên văn bản pháp lýMã văn bảnHướng dẫn xử lý khiếu nại68/2013/TT-BCALuật Khiếu nại  năm 201102/2011/QH13Nghị định 05/2012/NĐ-CP05/2012/NĐ-CPLuật 54/2014/QH1354/2014/QH13';
    expect(parseLegalBases(raw)).toEqual([
      { name: 'Hướng dẫn xử lý khiếu nại', number: '68/2013/TT-BCA' },
      { name: 'Luật Khiếu nại năm 2011', number: '02/2011/QH13' },
      { name: 'Nghị định 05/2012/NĐ-CP', number: '05/2012/NĐ-CP' },
      { name: 'Luật 54/2014/QH13', number: '54/2014/QH13' },
    ]);
    expect(parseLegalBases('Không có thông tin')).toEqual([]);
  });

  it('reads a form file name glued between the paper and its quantity', () => {
    const groups = parsePaperGroups('--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị theo Mẫu số 08;Mus08.docx1 bản chínhẢnh chụp hiện trạng0 bản chính,1 bản sao');
    expect(groups).toEqual([{ papers: [
      { name: 'Đơn đề nghị theo Mẫu số 08', template: 'Mus08.docx', originals: 1, copies: 0, quantity: '1 bản chính, 0 bản sao' },
      { name: 'Ảnh chụp hiện trạng', originals: 0, copies: 1, quantity: '0 bản chính, 1 bản sao' },
    ] }]);
  });
});

describe('parseProcedure across the whole catalogue', () => {
  it('never throws and finds a deadline wherever the catalogue states one', () => {
    let withDeadline = 0;
    let stated = 0;
    let statedFound = 0;
    for (const r of records) {
      const { fields, sections } = parseProcedure(r);
      expect(sections.length).toBeGreaterThan(0);
      const has = fields.channels.some((c) => c.deadline !== undefined);
      if (has) withDeadline += 1;
      const parsed = r.thoi_han_parsed;
      if (Array.isArray(parsed) && parsed.length > 0) {
        stated += 1;
        if (has) statedFound += 1;
      }
    }
    expect(records.length).toBe(2642);
    // Every record whose catalogue text states a duration yields it; the rest (~7 %) say
    // "Không có thông tin" or name a fee only, so the overall share is bounded by the data.
    expect(statedFound).toBe(stated);
    expect(withDeadline / records.length).toBeGreaterThanOrEqual(0.93);
  });
});
