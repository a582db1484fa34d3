/**
 * The header block of a Vietnamese official document (Decree 30/2020/NĐ-CP, Phụ lục I):
 * cơ quan chủ quản and cơ quan ban hành, số ký hiệu, Quốc hiệu and Tiêu ngữ, place and date,
 * the type heading, trích yếu (or `V/v …` of a công văn), the enacting authority of a
 * quyết định and `Kính gửi`. Reads cleaned lines (one paragraph per line, pdf-text.ts) laid
 * out in one column, or in two columns extracted side by side on one line
 * (`UBND TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`). Only what is written is
 * returned: a number or date left blank stays absent.
 */
import type { DocumentType } from '../model.ts';
import { findDocumentNumbers } from './document-numbers.ts';
import { HEADER_START, toNameCase } from './issuers.ts';
import { isAllCaps, matchLineMarker } from './markers.ts';
import { findPlaceDate } from './vietnamese-date.ts';

/** Facts read from the header block; each present one has its line in `lines`. */
export interface HeaderFacts {
  /** Cơ quan chủ quản, the body above the issuer (`UBND TỈNH QUẢNG NGÃI` → `Ủy ban nhân dân tỉnh Quảng Ngãi`). */
  parentBody?: string;
  /** Cơ quan ban hành as its header names it (`Sở Khoa học và Công nghệ`). */
  issuer?: string;
  /** Số ký hiệu (`114/TB-SKHCN`); absent when the number was left blank. */
  number?: string;
  /** Place of the place-date line (`Quảng Ngãi`). */
  place?: string;
  /** ISO date of the place-date line; absent when left blank. */
  date?: string;
  /** The type its heading names (`THÔNG BÁO` → `thông báo`; a `V/v` line → `công văn`). */
  type?: DocumentType;
  /** Trích yếu: the subject under the type heading, or after `V/v`. */
  subject?: string;
  /** The enacting authority line of a quyết định (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI`). */
  authority?: string;
  /** Addressees after `Kính gửi:`. */
  addressees?: string[];
  /** True when Quốc hiệu and Tiêu ngữ are written. */
  nationalMotto?: boolean;
}

export type HeaderFactName = keyof HeaderFacts;

export interface HeaderBlock {
  facts: HeaderFacts;
  /** 0-based line (of the lines given) each fact was read from. */
  lines: Partial<Record<HeaderFactName, number>>;
  /** The header is lines [0, end); 0 when the text opens directly with its body. */
  end: number;
}

/** Type headings, longest first so `BỘ LUẬT` wins over `LUẬT`. */
const TYPE_HEADINGS: Array<[string, DocumentType]> = ([
  ['BÁO CÁO', 'báo cáo'], ['THÔNG BÁO', 'thông báo'], ['KẾ HOẠCH', 'kế hoạch'], ['QUYẾT ĐỊNH', 'quyết định'],
  ['NGHỊ QUYẾT', 'nghị quyết'], ['NGHỊ ĐỊNH', 'nghị định'], ['THÔNG TƯ LIÊN TỊCH', 'thông tư'], ['THÔNG TƯ', 'thông tư'],
  ['CHỈ THỊ', 'chỉ thị'], ['TỜ TRÌNH', 'tờ trình'], ['CÔNG VĂN', 'công văn'], ['CHƯƠNG TRÌNH', 'chương trình'],
  ['HƯỚNG DẪN', 'hướng dẫn'], ['PHỤ LỤC', 'phụ lục'], ['BỘ LUẬT', 'bộ luật'], ['LUẬT', 'luật'],
  ['GIẤY MỜI', 'khác'], ['ĐỀ ÁN', 'khác'], ['QUY CHẾ', 'khác'], ['QUY ĐỊNH', 'khác'], ['BIÊN BẢN', 'khác'],
] as Array<[string, DocumentType]>).sort((a, b) => b[0].length - a[0].length);

/** The document type a capitalised heading line names (`BÁO CÁO`, `PHỤ LỤC SỐ 02`), if any. */
export function typeOfHeading(line: string): { type: DocumentType; word: string } | undefined {
  if (!isAllCaps(line) || line.length > 120) return undefined;
  for (const [word, type] of TYPE_HEADINGS) {
    if (line === word || line.startsWith(`${word} `)) return { type, word };
  }
  return undefined;
}

const QUOC_HIEU = /CỘNG\s+HO?[ÒOÀ]A?\s*XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/iu;
const TIEU_NGU = /Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/iu;
const NUMBER_LINE = /(?:^|\s)(?:(?:Bộ luật|BỘ LUẬT|Luật|LUẬT)\s+)?(?:Số|SỐ|số)\s*:\s*/u;
const PLACE_DATE = /(?<![\p{L}\d])[\p{Lu}][\p{L}.]*(?:\s+[\p{L}.]+){0,4},\s*ngày(?![\p{L}])[\s\d.]*tháng(?![\p{L}])[\s\d.]*năm\s+\d{4}/u;
/** `Số: 114 /TB-SKHCN` (or a blank `Số: /BC-SKHCN`) at the start of a line, up to the end of the code. */
const NUMBER_CELL = /^(?:(?:Bộ luật|BỘ LUẬT|Luật|LUẬT)\s+)?(?:Số|SỐ|số)\s*:\s*(?:\S*\s?\/\s?\S+|\S+)/u;
const VV = /^V\/v\b\.?\s*/iu;
const KINH_GUI = /^Kính\s+gửi\s*:?\s*/u;
/** A body opening: the first paragraph of the text proper, never part of a trích yếu. */
const BODY_START = /^(?:Căn cứ|Thực hiện|Theo|Ngày\s+\d|Nhằm|Để|Trên cơ sở|Qua\s|Sau khi|Xét|Tiếp theo|Vừa qua|Hiện nay|Năm\s+\d{4}|Nay\s)/u;
const PLACE_WORD = /^(?:TỈNH|THÀNH PHỐ|HUYỆN|XÃ|PHƯỜNG|QUẬN|THỊ XÃ|ĐẶC KHU)\s+\p{Lu}/u;
/** How many lines the header may take at most. */
const MAX_HEADER_LINES = 24;

/** One line cut at the anchors of the right column (Quốc hiệu, Tiêu ngữ, place-date). */
function splitColumns(line: string): { left: string; right: string[] } {
  const numberCell = NUMBER_CELL.exec(line);
  if (numberCell && numberCell[0].length < line.length) {
    const rest = splitColumns(line.slice(numberCell[0].length).trim());
    return { left: numberCell[0], right: rest.left ? [rest.left, ...rest.right] : rest.right };
  }
  const anchors = [QUOC_HIEU, TIEU_NGU, PLACE_DATE]
    .map((re) => re.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index);
  if (anchors.length === 0) return { left: line, right: [] };
  const left = line.slice(0, anchors[0]!.index).trim();
  const right = anchors.map((m, i) => line.slice(m.index, anchors[i + 1]?.index ?? line.length).trim());
  return { left, right };
}

/** `UBND TỈNH …` and `HĐND …` spelled out before name-casing. */
function orgName(caps: string): string {
  return toNameCase(caps.replace(/^UBND\b/u, 'ỦY BAN NHÂN DÂN').replace(/^HĐND\b/u, 'HỘI ĐỒNG NHÂN DÂN'));
}

function isDecoration(line: string): boolean {
  return /^[-_=–—.*·\s]{3,}$/u.test(line);
}

/** Read the header block from the first lines of a cleaned document. */
export function parseHeader(lines: string[]): HeaderBlock {
  const facts: HeaderFacts = {};
  const at: Partial<Record<HeaderFactName, number>> = {};
  const orgs: Array<{ text: string; line: number }> = [];
  let end = 0;
  let motto = 0;
  let typeLine = -1;
  let subjectLines: string[] = [];
  let vvOpen = false;
  let kinhGuiOpen = false;

  for (let i = 0; i < Math.min(lines.length, MAX_HEADER_LINES); i += 1) {
    const line = (lines[i] ?? '').trim();
    if (!line || isDecoration(line)) {
      end = i + 1;
      continue;
    }
    const { left, right } = splitColumns(line);
    let used = right.length > 0;
    for (const part of right) {
      if (QUOC_HIEU.test(part) || TIEU_NGU.test(part)) {
        motto += 1;
        at.nationalMotto ??= i;
      }
      else readPlaceDate(part, i, facts, at);
    }
    if (left) {
      const took = readLeft(left, i);
      used ||= took;
      if (!took && right.length > 0) used = true;
      if (!took && right.length === 0) break;
    }
    if (used) end = i + 1;
  }
  if (motto >= 2) facts.nationalMotto = true;
  else delete at.nationalMotto;
  assignOrgs(orgs, facts, at);
  if (subjectLines.length > 0) {
    facts.subject = subjectLines.join(' ').replace(/\s+/g, ' ').trim();
  }
  return { facts, lines: at, end };

  /** One left-column piece (or a whole one-column line): whether it belongs to the header. */
  function readLeft(text: string, i: number): boolean {
    const numberAt = NUMBER_LINE.exec(text);
    if (numberAt && numberAt.index === 0) {
      const ref = findDocumentNumbers(text.slice(numberAt[0].length))[0];
      if (ref) {
        facts.number = ref.number;
        at.number = i;
      }
      vvOpen = false;
      return true;
    }
    if (VV.test(text)) {
      subjectLines = [text.replace(VV, '')];
      at.subject = i;
      facts.type ??= 'công văn';
      at.type ??= i;
      vvOpen = true;
      return true;
    }
    const kinhGui = KINH_GUI.exec(text);
    if (kinhGui) {
      facts.addressees = splitAddressees(text.slice(kinhGui[0].length));
      at.addressees = i;
      kinhGuiOpen = true;
      return true;
    }
    if (kinhGuiOpen && /^[-+•]\s*\S/u.test(text)) {
      facts.addressees = [...(facts.addressees ?? []), ...splitAddressees(text.replace(/^[-+•]\s*/u, ''))];
      return true;
    }
    if (PLACE_DATE.test(text)) return readPlaceDate(text, i, facts, at);
    const heading = typeOfHeading(text);
    if (heading && typeLine < 0) {
      facts.type = heading.type;
      at.type = i;
      typeLine = i;
      vvOpen = false;
      return true;
    }
    if (isAllCaps(text) && text.length <= 90 && !kinhGuiOpen) {
      if (typeLine >= 0 && subjectLines.length > 0 && facts.authority === undefined && !heading) {
        facts.authority = text;
        at.authority = i;
        return true;
      }
      // An organisation's name, or the second line of one (`TỈNH QUẢNG NGÃI`, `CÔNG NGHỆ` after `… VÀ`).
      const prevOrg = orgs[orgs.length - 1];
      const continuing = prevOrg !== undefined && prevOrg.line === i - 1 && (PLACE_WORD.test(text) || /(?:\s(?:VÀ|CỦA)|[,&-])$/u.test(prevOrg.text));
      if (typeLine < 0 && (HEADER_START.test(text) || continuing)) {
        orgs.push({ text, line: i });
        return true;
      }
      if (typeLine >= 0 && subjectLines.length === 0) {
        // A trích yếu set in capitals under the heading (laws: `LUẬT` / `DỮ LIỆU MẪU`).
        subjectLines.push(toSentenceCase(text));
        at.subject = i;
        return true;
      }
      return false;
    }
    if (vvOpen && subjectLines.length < 3 && text.length <= 150 && !BODY_START.test(text) && !/[.:;]$/u.test(subjectLines[subjectLines.length - 1] ?? '')) {
      subjectLines.push(text);
      return true;
    }
    if (typeLine >= 0 && facts.authority === undefined && !kinhGuiOpen && subjectLines.length < 3 && isSubjectLine(text)) {
      if (subjectLines.length === 0) at.subject = i;
      subjectLines.push(text);
      return true;
    }
    return false;
  }
}

function isSubjectLine(text: string): boolean {
  if (BODY_START.test(text) || text.length > 300) return false;
  const marker = matchLineMarker(text);
  if (marker && marker.kind !== 'paren') return false;
  return !/[.;:]$/u.test(text) || /^Về việc\b/u.test(text);
}

function readPlaceDate(text: string, i: number, facts: HeaderFacts, at: Partial<Record<HeaderFactName, number>>): boolean {
  const found = findPlaceDate(text);
  if (!found) return false;
  facts.place = found.place;
  at.place = i;
  if (found.date) {
    facts.date = found.date;
    at.date = i;
  }
  return true;
}

/** Org lines to parent body and issuer: wrapped names are rejoined first. */
function assignOrgs(orgs: Array<{ text: string; line: number }>, facts: HeaderFacts, at: Partial<Record<HeaderFactName, number>>): void {
  const merged: Array<{ text: string; line: number }> = [];
  for (const o of orgs) {
    const prev = merged[merged.length - 1];
    const prevHasPlace = prev !== undefined && /\s(?:TỈNH|THÀNH PHỐ|HUYỆN|XÃ|PHƯỜNG|QUẬN|THỊ XÃ|ĐẶC KHU)\s/u.test(` ${prev.text} `);
    if (prev && ((PLACE_WORD.test(o.text) && !prevHasPlace) || /(?:\s(?:VÀ|CỦA)|[,&-])$/u.test(prev.text))) {
      prev.text = `${prev.text} ${o.text}`;
      continue;
    }
    merged.push({ ...o });
  }
  const issuer = merged[merged.length - 1];
  if (issuer) {
    facts.issuer = orgName(issuer.text);
    at.issuer = issuer.line;
  }
  const parent = merged.length > 1 ? merged[merged.length - 2] : undefined;
  if (parent) {
    facts.parentBody = orgName(parent.text);
    at.parentBody = parent.line;
  }
}

function splitAddressees(text: string): string[] {
  return text.split(/\s*;\s*/u).map((s) => s.replace(/[.;,]+$/u, '').trim()).filter((s) => s.length > 0);
}

function toSentenceCase(caps: string): string {
  const lower = caps.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
