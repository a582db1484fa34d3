import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { composeDraft } from '../../core/drafting/compose.ts';
import type { DraftFact } from '../../core/drafting/compose.ts';
import { DRAFT_TYPES } from '../../core/drafting/model.ts';
import type { Draft, DraftFields, DraftType } from '../../core/drafting/model.ts';
import { draftToDocx } from './docx.ts';

// ---- builders -------------------------------------------------------------------------

const CITATIONS: Draft['citations'] = [
  {
    n: 1,
    docId: 'kh-83-2021',
    sourceId: 'ubnd-qn',
    title: 'Kế hoạch chuyển đổi số tỉnh Quảng Ngãi',
    label: 'Kế hoạch số 83/KH-UBND ngày 04/6/2021',
    section: 'Mục II.1',
    quote: 'Đến năm 2025, 100% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.',
  },
  {
    n: 2,
    docId: 'qd-749-2020',
    sourceId: 'ttg',
    title: 'Chương trình Chuyển đổi số quốc gia',
    section: 'Điều 1, khoản 2',
    quote: 'Phát triển chính phủ số.',
  },
];

function makeFields(type: DraftType, over: Partial<DraftFields> = {}): DraftFields {
  return {
    type,
    superiorBody: 'UBND tỉnh Quảng Ngãi',
    issuingBody: 'Sở Khoa học và Công nghệ',
    issuingBodyCode: 'SKHCN',
    place: 'Quảng Ngãi',
    date: '2026-03-05',
    subject: 'báo cáo tình hình chuyển đổi số năm 2025',
    recipients: ['Ủy ban nhân dân các huyện, thị xã, thành phố'],
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signingAuthority: 'KT.',
    onBehalfOf: 'GIÁM ĐỐC',
    signerName: 'Nguyễn Văn An',
    request: 'Soạn công văn đề nghị các địa phương báo cáo chuyển đổi số',
    ...over,
  };
}

/** A công văn by default; `over` replaces whole top-level members. */
function makeDraft(over: Partial<Draft> = {}): Draft {
  return {
    fields: makeFields('công văn'),
    numberLine: '…/SKHCN-VP',
    placeDateLine: 'Quảng Ngãi, ngày 05 tháng 3 năm 2026',
    typeName: '',
    subjectLine: 'V/v báo cáo tình hình chuyển đổi số năm 2025',
    salutation: ['Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.'],
    body: [
      { text: 'Thực hiện Kế hoạch số 83/KH-UBND ngày 04/6/2021 của UBND tỉnh [1], Sở Khoa học và Công nghệ đề nghị:', level: 0, citations: [1] },
      { text: 'I. NỘI DUNG BÁO CÁO', level: 1 },
      { text: '1. Kết quả triển khai Chương trình Chuyển đổi số quốc gia', level: 2, citations: [2] },
      { text: 'Số hồ sơ công việc được xử lý trên môi trường mạng trong năm 2025: …', level: 0, placeholder: true },
      { text: 'Báo cáo gửi về Sở Khoa học và Công nghệ trước ngày 20/3/2026 để tổng hợp.', level: 0 },
    ],
    signature: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
    recipientsBlock: ['Như trên;', 'Giám đốc Sở (để b/c);', 'Lưu: VT, VP.'],
    draftMark: true,
    citations: CITATIONS,
    ...over,
  };
}

const TO_TRINH = (): Draft =>
  makeDraft({
    fields: makeFields('tờ trình', { recipients: ['Ủy ban nhân dân tỉnh Quảng Ngãi'] }),
    numberLine: '…/TTr-SKHCN',
    typeName: 'TỜ TRÌNH',
    subjectLine: 'Về việc phê duyệt Kế hoạch chuyển đổi số năm 2026',
    salutation: ['Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi.'],
    recipientsBlock: ['Như trên;', 'Lưu: VT, KHTC.'],
  });

const QUYET_DINH = (): Draft =>
  makeDraft({
    fields: makeFields('quyết định', { superiorBody: undefined, issuingBody: 'Ủy ban nhân dân tỉnh Quảng Ngãi', issuingBodyCode: 'UBND' }),
    numberLine: '…/QĐ-UBND',
    typeName: 'QUYẾT ĐỊNH',
    subjectLine: 'Về việc ban hành Kế hoạch chuyển đổi số năm 2026',
    salutation: [],
    body: [
      { text: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', level: 1 },
      { text: 'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.', level: 0 },
      { text: 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.', level: 0 },
    ],
    signature: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Trần Thị Bình' },
    recipientsBlock: ['Như Điều 2;', 'Lưu: VT, KGVX.'],
    citations: [],
  });

const FACTS: DraftFact[] = CITATIONS.map((citation) => ({ text: citation.quote, citation }));

/** What an official would give for each type, as the chat collects it. */
function composedFields(type: DraftType): DraftFields {
  const common = makeFields(type, { date: '2026-03-05', draftingUnitCode: 'VP', number: undefined });
  switch (type) {
    case 'công văn':
      return { ...common, subject: 'đề nghị báo cáo tình hình chuyển đổi số năm 2025', recipients: ['Ủy ban nhân dân các huyện, thị xã, thành phố'] };
    case 'tờ trình':
      return { ...common, subject: 'phê duyệt Kế hoạch chuyển đổi số năm 2026', recipients: ['Ủy ban nhân dân tỉnh Quảng Ngãi'] };
    case 'báo cáo':
      return { ...common, subject: 'Kết quả chuyển đổi số năm 2025', recipients: ['Ủy ban nhân dân tỉnh'] };
    case 'kế hoạch':
      return { ...common, subject: 'Triển khai chuyển đổi số năm 2026', recipients: ['Các phòng, đơn vị thuộc Sở'], deadline: '2026-12-31' };
    case 'thông báo':
      return { ...common, subject: 'lịch tiếp công dân tháng 4 năm 2026', recipients: ['Các phòng, đơn vị thuộc Sở'] };
    case 'quyết định':
      return {
        ...common,
        superiorBody: undefined,
        issuingBody: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
        issuingBodyCode: 'UBND',
        subject: 'ban hành Kế hoạch chuyển đổi số năm 2026',
        recipients: ['Sở Khoa học và Công nghệ'],
        signingAuthority: 'TM.',
        onBehalfOf: 'Ủy ban nhân dân',
        signerTitle: 'CHỦ TỊCH',
        signerName: 'Trần Thị Bình',
      };
    case 'giấy mời':
      return { ...common, subject: 'Hội nghị triển khai chuyển đổi số năm 2026', recipients: ['Ủy ban nhân dân các huyện'], deadline: '2026-03-20' };
  }
}

// ---- reading the .docx back -------------------------------------------------------------

async function rawText(buffer: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer })).value;
}

/** The text entries of the zip (XML parts), by name. */
function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const out = new Map<string, string>();
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

async function documentXml(buffer: Buffer): Promise<string> {
  const xml = (await unzip(buffer)).get('word/document.xml');
  if (!xml) throw new Error('no word/document.xml');
  return xml;
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

interface Para {
  xml: string;
  text: string;
  /** Font size in points (from w:sz), or undefined for a paragraph without runs. */
  sizePt?: number;
  bold: boolean;
  italic: boolean;
  align?: string;
}

function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => {
    const text = decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    const sz = /<w:sz w:val="(\d+)"/.exec(p)?.[1];
    return {
      xml: p,
      text,
      ...(sz ? { sizePt: Number(sz) / 2 } : {}),
      bold: /<w:b\/>|<w:b w:val="(?:true|1)"\/>/.test(p),
      italic: /<w:i\/>|<w:i w:val="(?:true|1)"\/>/.test(p),
      ...(/<w:jc w:val="(\w+)"/.exec(p) ? { align: /<w:jc w:val="(\w+)"/.exec(p)?.[1] } : {}),
    };
  });
}

function para(all: Para[], text: string): Para {
  const found = all.find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph "${text}" in: ${all.map((p) => p.text).join(' | ')}`);
  return found;
}

/** Asserts each needle occurs in `text` after the previous one. */
function expectInOrder(text: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `"${needle}" after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

const attr = (xml: string, el: string, name: string): number | undefined => {
  const tag = new RegExp(`<${el} [^>]*>`).exec(xml)?.[0];
  const v = tag && new RegExp(`${name}="(\\d+)"`).exec(tag)?.[1];
  return v === undefined ? undefined : Number(v);
};

const inSizeRange = (p: Para, min: number, max: number): void => {
  expect(p.sizePt, p.text).toBeGreaterThanOrEqual(min);
  expect(p.sizePt, p.text).toBeLessThanOrEqual(max);
};

const TWIPS_PER_MM = 1440 / 25.4;

// ---- tests ------------------------------------------------------------------------------

describe('draftToDocx', () => {
  it("lays a công văn out in the decree's reading order, from DỰ THẢO to the signer's name", async () => {
    const text = await rawText(await draftToDocx(makeDraft()));
    expectInOrder(text, [
      'DỰ THẢO',
      'UBND TỈNH QUẢNG NGÃI',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: …/SKHCN-VP',
      'V/v báo cáo tình hình chuyển đổi số năm 2025',
      'Quảng Ngãi, ngày 05 tháng 3 năm 2026',
      'Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.',
      'Thực hiện Kế hoạch số 83/KH-UBND',
      'I. NỘI DUNG BÁO CÁO',
      '1. Kết quả triển khai',
      'Số hồ sơ công việc',
      'Báo cáo gửi về Sở',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, VP.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn An',
    ]);
    expect(text).not.toMatch(/^CÔNG VĂN$/m);
  });

  it('puts the type name and trích yếu of a tờ trình after the place-date line and before Kính gửi', async () => {
    const text = await rawText(await draftToDocx(TO_TRINH()));
    expectInOrder(text, [
      'DỰ THẢO',
      'UBND TỈNH QUẢNG NGÃI',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: …/TTr-SKHCN',
      'Quảng Ngãi, ngày 05 tháng 3 năm 2026',
      'TỜ TRÌNH',
      'Về việc phê duyệt Kế hoạch chuyển đổi số năm 2026',
      'Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi.',
      'Thực hiện Kế hoạch số 83/KH-UBND',
      'Nơi nhận:',
      'Lưu: VT, KHTC.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn An',
    ]);
  });

  it('writes a quyết định without a superior body or Kính gửi, signed TM. the collective', async () => {
    const text = await rawText(await draftToDocx(QUYET_DINH()));
    expectInOrder(text, [
      'DỰ THẢO',
      'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: …/QĐ-UBND',
      'Quảng Ngãi, ngày 05 tháng 3 năm 2026',
      'QUYẾT ĐỊNH',
      'Về việc ban hành Kế hoạch chuyển đổi số năm 2026',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      'Điều 1. Ban hành',
      'Điều 2. Quyết định này',
      'Nơi nhận:',
      'Lưu: VT, KGVX.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Trần Thị Bình',
    ]);
    expect(text).not.toContain('Kính gửi');
    expect(text).not.toContain('UBND TỈNH QUẢNG NGÃI');
    expect(text).not.toContain('Nguồn trích dẫn');
  });

  it('lists several Kính gửi recipients one per line, in the order given', async () => {
    const salutation = ['Kính gửi:', '- Sở Tài chính;', '- Sở Nội vụ.'];
    const all = paragraphs(await documentXml(await draftToDocx(makeDraft({ salutation }))));
    const idx = salutation.map((s) => all.findIndex((p) => p.text === s));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    expect(attr(all[idx[1] ?? 0]?.xml ?? '', 'w:ind', 'w:left')).toBeGreaterThan(attr(all[idx[0] ?? 0]?.xml ?? '', 'w:ind', 'w:left') ?? 0);
  });

  it('marks the draft of every document type DỰ THẢO, first thing on the page', async () => {
    for (const type of DRAFT_TYPES) {
      const draft = type === 'công văn' ? makeDraft() : makeDraft({ ...TO_TRINH(), fields: makeFields(type), typeName: type.toLocaleUpperCase('vi') });
      const text = await rawText(await draftToDocx(draft));
      expect(text.trimStart().startsWith('DỰ THẢO'), type).toBe(true);
    }
  });

  it('sets A4 portrait, margins 20/20/30/15 mm and Times New Roman', async () => {
    const buffer = await draftToDocx(makeDraft());
    const xml = await documentXml(buffer);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"(?: w:orient="portrait")?\/>/);
    expect(attr(xml, 'w:pgMar', 'w:top')).toBe(1134);
    expect(attr(xml, 'w:pgMar', 'w:bottom')).toBe(1134);
    expect(attr(xml, 'w:pgMar', 'w:left')).toBe(1701);
    expect(attr(xml, 'w:pgMar', 'w:right')).toBe(850);
    const fonts = [...xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(20);
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    const styles = (await unzip(buffer)).get('word/styles.xml') ?? '';
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"/);
  });

  it('draws the header and the signature area as borderless two-column tables', async () => {
    const buffer = await draftToDocx(makeDraft());
    const xml = await documentXml(buffer);
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    for (const tbl of tables) {
      const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(tbl)?.[1] ?? '';
      for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
        expect(borders, side).toMatch(new RegExp(`<w:${side} w:val="(none|nil)"`));
      }
      expect(tbl).not.toMatch(/<w:tcBorders>/);
      expect(tbl.match(/<w:gridCol /g)).toHaveLength(2);
    }
    const [head, foot] = tables as [string, string];
    expect(head).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(head).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(head).toContain('Số: …/SKHCN-VP');
    expect(foot).toContain('Nơi nhận:');
    expect(foot).toContain('Nguyễn Văn An');

    const html = (await mammoth.convertToHtml({ buffer })).value;
    const htmlTables = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(htmlTables).toHaveLength(2);
    expect(htmlTables[0]).toMatch(/<td>[\s\S]*SỞ KHOA HỌC VÀ CÔNG NGHỆ[\s\S]*<\/td><td>[\s\S]*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(htmlTables[1]).toMatch(/<td>[\s\S]*Nơi nhận:[\s\S]*<\/td><td>[\s\S]*KT. GIÁM ĐỐC/);
  });

  it("sizes, weights and rules the header's elements within the decree's ranges", async () => {
    const all = paragraphs(await documentXml(await draftToDocx(makeDraft())));
    const mark = para(all, 'DỰ THẢO');
    inSizeRange(mark, 13, 14);
    expect(mark.bold).toBe(true);
    expect(mark.xml).toMatch(/<w:pBdr><w:top w:val="single"[\s\S]*<w:left [\s\S]*<w:bottom [\s\S]*<w:right /);

    const superior = para(all, 'UBND TỈNH QUẢNG NGÃI');
    inSizeRange(superior, 12, 13);
    expect(superior.bold).toBe(false);
    const issuing = para(all, 'SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    inSizeRange(issuing, 12, 13);
    expect(issuing.bold).toBe(true);
    const nation = para(all, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    inSizeRange(nation, 12, 13);
    expect(nation.bold).toBe(true);
    const motto = para(all, 'Độc lập - Tự do - Hạnh phúc');
    inSizeRange(motto, 13, 14);
    expect(motto.bold).toBe(true);
    inSizeRange(para(all, 'Số: …/SKHCN-VP'), 13, 13);
    inSizeRange(para(all, 'V/v báo cáo tình hình chuyển đổi số năm 2025'), 12, 13);
    const date = para(all, 'Quảng Ngãi, ngày 05 tháng 3 năm 2026');
    inSizeRange(date, 13, 14);
    expect(date.italic).toBe(true);

    // The solid rules: an empty paragraph with a bottom border right under the issuing body
    // (short: about 1/3–1/2 of the name) and under the motto (about as long as the motto).
    const ruleAfter = (p: Para): Para => {
      const next = all[all.indexOf(p) + 1];
      expect(next?.text).toBe('');
      expect(next?.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
      return next as Para;
    };
    const [leftCol, rightCol] = [...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(await documentXml(await draftToDocx(makeDraft())))?.[1] ?? '')
      .matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]) - 216);
    const ruleMm = (p: Para, col: number): number =>
      (col - (attr(p.xml, 'w:ind', 'w:left') ?? 0) - (attr(p.xml, 'w:ind', 'w:right') ?? 0)) / TWIPS_PER_MM;
    const issuingRule = ruleMm(ruleAfter(issuing), leftCol ?? 0);
    expect(issuingRule).toBeGreaterThanOrEqual(15);
    expect(issuingRule).toBeLessThanOrEqual(40);
    const mottoRule = ruleMm(ruleAfter(motto), rightCol ?? 0);
    expect(mottoRule).toBeGreaterThanOrEqual(45);
    expect(mottoRule).toBeLessThanOrEqual(65);
  });

  it('sets the type name and trích yếu in bold, centred, with a short rule under the trích yếu', async () => {
    const all = paragraphs(await documentXml(await draftToDocx(TO_TRINH())));
    const name = para(all, 'TỜ TRÌNH');
    const subject = para(all, 'Về việc phê duyệt Kế hoạch chuyển đổi số năm 2026');
    for (const p of [name, subject]) {
      inSizeRange(p, 13, 14);
      expect(p.bold).toBe(true);
      expect(p.align).toBe('center');
    }
    expect(all[all.indexOf(subject) + 1]?.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it('sets the body at 13–14 pt, justified, first line indented 1–1.27 cm, ≥ 6 pt after; headings bold, placeholders italic', async () => {
    const draft = makeDraft();
    const all = paragraphs(await documentXml(await draftToDocx(draft)));
    for (const src of draft.body) {
      const p = all.find((x) => x.text.startsWith(src.text));
      expect(p, src.text).toBeDefined();
      if (!p) continue;
      inSizeRange(p, 13, 14);
      expect(p.align).toBe('both');
      const indentMm = (attr(p.xml, 'w:ind', 'w:firstLine') ?? 0) / TWIPS_PER_MM;
      expect(indentMm).toBeGreaterThanOrEqual(10);
      expect(indentMm).toBeLessThanOrEqual(12.71);
      expect(attr(p.xml, 'w:spacing', 'w:after')).toBeGreaterThanOrEqual(120);
      expect(p.bold, src.text).toBe(src.level === 1 || src.level === 2);
      expect(p.italic, src.text).toBe(src.placeholder === true);
    }
  });

  it('keeps citation markers in the text and lists the sources, small and italic, after the body', async () => {
    const text = await rawText(await draftToDocx(makeDraft()));
    expect(text).toContain('của UBND tỉnh [1], Sở Khoa học');
    // A paragraph citing [2] without a marker gets one, so every source shown is anchored.
    expect(text).toContain('1. Kết quả triển khai Chương trình Chuyển đổi số quốc gia [2]');
    expect(text.match(/\[1\]/g)).toHaveLength(2);
    expectInOrder(text, [
      'Báo cáo gửi về Sở',
      'Nguồn trích dẫn',
      '[1] Kế hoạch số 83/KH-UBND ngày 04/6/2021 — Mục II.1',
      '[2] Chương trình Chuyển đổi số quốc gia — Điều 1, khoản 2',
      'Nơi nhận:',
    ]);
    const all = paragraphs(await documentXml(await draftToDocx(makeDraft())));
    for (const p of all.filter((x) => x.text.startsWith('Nguồn trích dẫn') || /^\[\d\] /.test(x.text))) {
      expect(p.italic, p.text).toBe(true);
      expect(p.sizePt, p.text).toBeLessThanOrEqual(12);
    }
  });

  it('sets Nơi nhận at 12 pt bold italic, its list at 11 pt, and the signature bold with room to sign', async () => {
    const all = paragraphs(await documentXml(await draftToDocx(makeDraft())));
    const label = para(all, 'Nơi nhận:');
    expect(label.sizePt).toBe(12);
    expect(label.bold && label.italic).toBe(true);
    for (const item of ['- Như trên;', '- Giám đốc Sở (để b/c);', '- Lưu: VT, VP.']) {
      const p = para(all, item);
      expect(p.sizePt).toBe(11);
      expect(p.bold || p.italic).toBe(false);
    }
    const authority = para(all, 'KT. GIÁM ĐỐC');
    const title = para(all, 'PHÓ GIÁM ĐỐC');
    const name = para(all, 'Nguyễn Văn An');
    for (const p of [authority, title, name]) {
      inSizeRange(p, 13, 14);
      expect(p.bold).toBe(true);
      expect(p.align).toBe('center');
    }
    const gap = all.slice(all.indexOf(title) + 1, all.indexOf(name));
    expect(gap.length).toBeGreaterThanOrEqual(3);
    expect(gap.every((p) => p.text === '')).toBe(true);
  });

  it('sets "Điều n." of a quyết định in bold and the rest of the article upright', async () => {
    const all = paragraphs(await documentXml(await draftToDocx(QUYET_DINH())));
    const article = para(all, 'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.');
    const runs = [...article.xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatch(/<w:b\/>[\s\S]*>Điều 1\. <\/w:t>/);
    expect(runs[1]).not.toMatch(/<w:b\/>/);
  });

  it('is a plain editable document: no images, drawings or fields but the page number', async () => {
    const parts = await unzip(await draftToDocx(makeDraft()));
    expect([...parts.keys()].filter((k) => k.startsWith('word/media/'))).toEqual([]);
    const xml = parts.get('word/document.xml') ?? '';
    expect(xml).not.toMatch(/<w:drawing>|<w:pict>|<w:object>|<w:fldChar/);
    // Page numbers from page 2: a distinct (empty) first-page header, PAGE in the others.
    expect(xml).toContain('<w:titlePg/>');
    const headers = [...parts.entries()].filter(([k]) => /^word\/header\d+\.xml$/.test(k)).map(([, v]) => v);
    expect(headers.some((h) => /PAGE/.test(h))).toBe(true);
  });

  describe.each(DRAFT_TYPES.map((type) => [type]))('a composed %s', (type) => {
    it('keeps every element of composeDraft in the reading order of the decree', async () => {
      const draft = composeDraft(composedFields(type), FACTS, { today: '2026-03-01' });
      const text = await rawText(await draftToDocx(draft));
      const up = (x: string): string => x.toLocaleUpperCase('vi');
      const isCongVan = draft.typeName === '';
      expect(isCongVan).toBe(type === 'công văn');
      expect(draft.body.length).toBeGreaterThan(0);
      expectInOrder(text, [
        'DỰ THẢO',
        ...(draft.fields.superiorBody ? [up(draft.fields.superiorBody)] : []),
        up(draft.fields.issuingBody),
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        `Số: ${draft.numberLine}`,
        ...(isCongVan ? [draft.subjectLine, draft.placeDateLine] : [draft.placeDateLine, up(draft.typeName), draft.subjectLine]),
        ...draft.salutation,
        ...draft.body.map((p) => p.text.slice(0, 40)),
        ...(draft.citations.length ? ['Nguồn trích dẫn'] : []),
        'Nơi nhận:',
        'Lưu: VT',
        ...(draft.signature.authority ? [up(draft.signature.authority)] : []),
        up(draft.signature.title),
        draft.signature.name,
      ]);
      for (const c of draft.citations) expect(text).toContain(`[${c.n}] ${c.label ?? c.title}`);
    });
  });
});
