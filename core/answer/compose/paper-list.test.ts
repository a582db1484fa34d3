import { describe, expect, it } from 'vitest';
import { readProcedures } from '../../structure/testing/fixtures.ts';
import { fieldText } from './procedure-fields.ts';
import { paperChecklist, plainCount, plainPapers, shortName, type PaperRow } from './paper-list.ts';
import { MAX_NOTES } from '../tuning.ts';
import { procedureDocument } from '../testing/memory-corpus.ts';

/** The `Thành phần hồ sơ` lines of a real catalogue record, numbered by chunk. */
function paperRows(code: string): { rows: PaperRow[]; texts: string[] } {
  const raw = readProcedures().find((r) => r.ma_thu_tuc === code)!;
  const chunks = procedureDocument(raw).chunks.filter((c) => c.sectionLabel === 'Thành phần hồ sơ');
  const rows = chunks.flatMap((c, n) => fieldText(c.text, c.sectionLabel).split('\n').filter(Boolean).map((text) => ({ text, n })));
  return { rows, texts: chunks.map((c) => c.text) };
}

describe('plainPapers on the marriage registration record (1.000894)', () => {
  const { rows, texts } = paperRows('1.000894');
  const plain = plainPapers(rows)!;
  const papers = plain.groups.flatMap((g) => g.papers.map((p) => p.text));

  it('lists the papers to hand in first, the form before the papers to show, by name and number', () => {
    expect(plain.groups[0]!.caption).toBeUndefined();
    expect(plain.groups[0]!.papers.some((p) => p.text.startsWith('Tờ khai đăng ký kết hôn theo mẫu') && p.text.endsWith(': 1 bản chính'))).toBe(true);
    expect(plain.groups[1]!.caption?.text).toBe('Giấy tờ phải xuất trình');
  });

  it('leaves out notes of no copy from the papers and keeps at most a few, each shortened', () => {
    expect(papers.every((p) => !/0 bản chính, 0 bản sao/u.test(p))).toBe(true);
    expect(papers).toHaveLength(4);
    expect(plain.notes.length).toBeLessThanOrEqual(MAX_NOTES);
    expect(plain.shortened).toBe(true);
  });

  it('cuts every line from the text of the chunk it cites', () => {
    for (const g of plain.groups) {
      for (const p of g.papers) {
        // A cut name is its head, then " … ", then (maybe) its closing condition: each piece verbatim.
        const name = p.text.slice(0, p.text.lastIndexOf(': ')).replace(/ …$/u, '');
        for (const piece of name.split(' … ')) expect(texts[p.n]).toContain(piece);
      }
    }
    for (const note of plain.notes) expect(texts[note.n]).toContain(note.text.replace(/ …$/u, ''));
  });

  it('keeps the condition that says when a paper is needed, so alternatives do not read as both required', () => {
    const lines = plain.groups.flatMap((g) => g.papers.map((p) => p.text));
    expect(lines.some((l) => /Tờ khai đăng ký kết hôn.*\(nếu[^)]*trực tiếp\)/u.test(l))).toBe(true);
    expect(lines.some((l) => /Mẫu hộ tịch điện tử.*nếu[^)]*trực tuyến\)/u.test(l))).toBe(true);
  });

  it('picks the notes that speak of the asker\'s situation', () => {
    expect(plain.notes.some((n) => n.text.includes('bưu chính'))).toBe(false);
    const withSituation = plainPapers(rows, new Set(['buu', 'chinh']))!;
    expect(withSituation.notes.some((n) => n.text.includes('bưu chính'))).toBe(true);
  });
});

describe('shortName', () => {
  it('keeps a short name whole and cuts a long one at its first sentence or a clause, marking the cut', () => {
    expect(shortName('Tờ khai đăng ký kết hôn theo mẫu')).toBe('Tờ khai đăng ký kết hôn theo mẫu');
    expect(shortName('Tờ khai theo mẫu. Hai bên có thể khai chung')).toBe('Tờ khai theo mẫu …');
    const long = `Giấy tờ chứng minh nơi cư trú, ${'thông tin '.repeat(30)}`;
    expect(shortName(long).length).toBeLessThan(200);
    expect(shortName(long).endsWith('…')).toBe(true);
  });
});

describe('a paper with a long closing condition', () => {
  it('keeps the condition whole once, after the name shortened without it', () => {
    const condition = '(nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính)';
    const papers = plainPapers([{ text: `- Tờ khai đăng ký khai sinh theo mẫu ${condition}: 1 bản chính, 0 bản sao`, n: 0 }])!;
    const line = papers.groups.flatMap((g) => g.papers.map((p) => p.text))[0]!;
    expect(line).toBe(`Tờ khai đăng ký khai sinh theo mẫu ${condition}: 1 bản chính`);
    expect(line.split('(nếu').length).toBe(2);
  });
});

describe('plainPapers without papers to hand in', () => {
  it('gives undefined so the field is shown as written', () => {
    expect(plainPapers([{ text: '- Người tiếp nhận kiểm tra hồ sơ: 0 bản chính, 0 bản sao', n: 0 }])).toBeUndefined();
  });
});

describe('counts, notes and the printable checklist', () => {
  it('says a count plainly and drops the empty one', () => {
    expect(plainCount('- Tờ khai: 1 bản chính, 0 bản sao')).toBe('- Tờ khai: 1 bản chính');
    expect(plainCount('Ảnh chụp hiện trạng: 0 bản chính, 1 bản sao')).toBe('Ảnh chụp hiện trạng: 1 bản sao');
    expect(plainCount('- Số lượng hồ sơ: 01 bộ: 0 bản chính, 0 bản sao')).toBe('- Số lượng hồ sơ: 01 bộ');
    expect(plainCount('Giấy khai sinh: 1 bản chính, 2 bản sao')).toBe('Giấy khai sinh: 1 bản chính, 2 bản sao');
  });

  it('gives no note its own "Lưu ý:" under the list\'s', () => {
    const rows = [{ text: '- Tờ khai: 1 bản chính, 0 bản sao', n: 1 }, { text: '- Lưu ý: Người nộp phải xuất trình bản chính để đối chiếu.', n: 1 }];
    expect(plainPapers(rows)!.notes.map((r) => r.text)).toEqual(['Người nộp phải xuất trình bản chính để đối chiếu']);
  });

  it('lists every paper to hand in with its counts and case, once each, and no note', () => {
    const { rows } = paperRows('1.000894');
    const list = paperChecklist(rows);
    expect(list.length).toBeGreaterThanOrEqual(4);
    expect(list.every((i) => i.original + i.copies > 0)).toBe(true);
    expect(list.some((i) => i.paper.startsWith('Tờ khai đăng ký kết hôn') && i.original === 1)).toBe(true);
    expect(list.some((i) => i.note === 'Giấy tờ phải xuất trình')).toBe(true);
    expect(new Set(list.map((i) => `${i.paper}|${i.note ?? ''}`)).size).toBe(list.length);
    expect(list.every((i) => !/\(mẫu: /u.test(i.paper))).toBe(true);
  });
});
