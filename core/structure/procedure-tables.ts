/**
 * Recovers the tables that the national TTHC catalogue crawl flattened into one string:
 * submission channels (`Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp7 Ngày làm việc…`),
 * dossier papers (`Tên giấy tờMẫu đơn, tờ khaiSố lượng…1 bản chính`), legal bases
 * (`Tên văn bản pháp lýMã văn bản…02/2011/QH13`) and results (`…Mã: KQ.G01.00262Từ khóa…`).
 */
import { amountValue, moneyAmounts, unwrap } from './fee-clauses.ts';

export type { Channel } from './channels.ts';
import type { Channel } from './channels.ts';

/** A processing deadline as written (`7 Ngày làm việc`), with its number and unit when present. */
export interface Deadline {
  text: string;
  value?: number;
  unit?: string;
}

/** A fee cell: `Miễn phí`, `Không có thông tin`, or an amount (`70.000 đồng`), with its note. */
export interface Fee {
  kind: 'free' | 'unknown' | 'amount';
  /** Amount in Vietnamese notation, e.g. `70.000 đồng`, `145 USD`. */
  amount?: string;
  /** The amount's value and currency, when its digits fit a convention. */
  value?: number;
  currency?: 'VND' | 'USD';
  /** The note in brackets after the cell, one pair of brackets (`((…))` in the crawl) removed. */
  note?: string;
}

export interface ChannelRow {
  channel: Channel;
  deadline?: Deadline;
  /**
   * The time cell ran into the fee amount (`Trực tuyến120 VNĐ(20.000 vnđ/tờ khai)`): the
   * deadline was split off where the note's amount shows where the fee starts, else left out.
   */
  glued?: true;
  /** The deadline cell when it holds words instead of a duration (`Không phải trả kết quả…`). */
  deadlineNote?: string;
  fee: Fee;
  description?: string;
}

const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không có thông tin|Không phải trả|Miễn phí)/gu;
const DURATION = /^(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần|Phút)?/u;
const CURRENCY = String.raw`(?:Việt Nam Đồng|VNĐ|Đồng|đồng|USD)`;
const AMOUNT = new RegExp(String.raw`^([\d.,]+)\s*${CURRENCY}`, 'u');

/** Parse the `cach_thuc_thuc_hien` column into one row per channel. */
export function parseChannelRows(raw: string): ChannelRow[] {
  const s = raw.startsWith(CHANNEL_HEADER) ? raw.slice(CHANNEL_HEADER.length) : raw;
  const starts = [...s.matchAll(ROW_START)];
  return starts.map((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = starts[i + 1]?.index ?? s.length;
    return parseRow(m[1] as Channel, s.slice(from, to));
  });
}

function parseRow(channel: Channel, body: string): ChannelRow {
  const row: ChannelRow = { channel, fee: { kind: 'unknown' } };
  let rest = body;
  const d = DURATION.exec(rest);
  const isFeeNumber = d && !d[2] && (AMOUNT.test(rest) || /^\d{1,3}(?:,\d{3})+/.test(rest));
  const glued = isFeeNumber ? splitGlued(rest) : undefined;
  if (isFeeNumber) row.glued = true;
  if (glued) {
    row.deadline = { text: glued.time, value: Number(glued.time) };
    rest = rest.slice(glued.time.length);
  } else if (d && !isFeeNumber) {
    const value = Number((d[1] ?? '').replace(',', '.'));
    row.deadline = d[2] ? { text: `${d[1]} ${d[2].toLowerCase()}`, value, unit: d[2].toLowerCase() } : { text: d[1] ?? '', value };
    rest = rest.slice(d[0].length);
  } else if (rest.startsWith('Không có thông tin')) {
    rest = rest.slice('Không có thông tin'.length);
  } else {
    const words = /^(Không phải trả[^]*?)(?=Miễn phí|Không có thông tin|[\d.,]+\s*(?:Việt Nam Đồng|VNĐ|USD))/u.exec(rest);
    if (words) {
      row.deadlineNote = (words[1] ?? '').trim();
      rest = rest.slice(words[0].length);
    }
  }
  const a = AMOUNT.exec(rest);
  if (rest.startsWith('Miễn phí')) {
    row.fee = { kind: 'free' };
    rest = rest.slice('Miễn phí'.length);
  } else if (rest.startsWith('Không có thông tin')) {
    rest = rest.slice('Không có thông tin'.length);
  } else if (a) {
    const currency = /USD$/.test(a[0]) ? 'USD' : 'đồng';
    const value = amountValue(a[1] ?? '');
    row.fee = {
      kind: 'amount', amount: `${vietnameseThousands(a[1] ?? '')} ${currency}`,
      ...(value !== undefined ? { value } : {}), currency: currency === 'USD' ? 'USD' : 'VND',
    };
    rest = rest.slice(a[0].length);
  }
  // The note in brackets; a second bracket straight after continues it (`(/hồ sơ)(áp dụng mức phí …)`).
  const notes: string[] = [];
  while (rest.startsWith('(')) {
    const close = matchingParen(rest);
    const note = tidy(unwrap(rest.slice(0, close + 1)));
    if (note) notes.push(note);
    rest = rest.slice(close + 1);
  }
  if (notes.length > 0) row.fee.note = notes.join(' ');
  const description = tidy(rest);
  if (description) row.description = description;
  return row;
}

/**
 * Where a time cell glued to the fee amount ends (`120 VNĐ(20.000 vnđ/tờ khai)`: time `1`,
 * fee `20` of `20.000`): the digits after a short time must be the note's amount, whole or
 * with its thousands dropped. Undefined when the note does not tell.
 */
function splitGlued(cells: string): { time: string } | undefined {
  const a = AMOUNT.exec(cells);
  if (!a) return undefined;
  const digits = (a[1] ?? '').replace(/[.,]/g, '');
  const after = cells.slice(a[0].length);
  const note = after.startsWith('(') ? after.slice(1, matchingParen(after)) : '';
  const noted = moneyAmounts(note).map((m) => m.value).filter((v): v is number => v !== undefined).map(String);
  for (let cut = 1; cut <= Math.min(3, digits.length - 1); cut += 1) {
    const fee = digits.slice(cut);
    if (/^0/.test(fee)) continue;
    if (noted.some((n) => n === fee || n === `${fee}000` || n === `${fee}000000`)) return { time: digits.slice(0, cut) };
  }
  return undefined;
}

/** `70,000` → `70.000` (the crawl writes English thousands separators). */
export function vietnameseThousands(n: string): string {
  return /^\d{1,3}(?:,\d{3})+$/.test(n) ? n.replace(/,/g, '.') : n;
}

function matchingParen(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i += 1) {
    if (s[i] === '(') depth += 1;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return s.length;
}

/** Collapse whitespace runs and blank lines; keep single line breaks. */
export function tidy(s: string): string {
  return s.replace(/\t/g, ' ').replace(/[ \u00a0]+/g, ' ').replace(/ *\n[\s]*/g, '\n').trim();
}

/** One paper of a dossier: `Đơn đề nghị …`, its form file, `1 bản chính, 0 bản sao`. */
export interface Paper {
  name: string;
  template?: string;
  quantity?: string;
  originals?: number;
  copies?: number;
}

/** Papers under one case caption (`Trường hợp …`), or under none. */
export interface PaperGroup {
  caption?: string;
  papers: Paper[];
}

const PAPER_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
const QUANTITY = /(?:(?<!\d)(\d{1,2})|(\d))\s*bản chính(?:\s*,\s*(\d{1,2})\s*bản sao)?|(?<!\d)(\d{1,2})\s*bản sao/gu;
const TEMPLATE_EXT = /\.(?:docx?|pdf|xlsx?|rar|zip|odt|rtf)$/iu;

/** Parse the `thanh_phan_ho_so` column into groups of papers. */
export function parsePaperGroups(raw: string): PaperGroup[] {
  const parts = raw.split(PAPER_HEADER);
  const groups: PaperGroup[] = [];
  let caption = captionOf(parts[0] ?? '');
  for (let i = 1; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const papers: Paper[] = [];
    let last = 0;
    for (const q of part.matchAll(QUANTITY)) {
      const at = q.index ?? 0;
      const paper = paperOf(part.slice(last, at), q);
      if (paper) papers.push(paper);
      last = at + q[0].length;
    }
    const tail = part.slice(last);
    const hasNext = i + 1 < parts.length;
    if (!hasNext && tail.trim()) {
      const paper = paperOf(tail, undefined);
      if (paper) papers.push(paper);
    }
    const group: PaperGroup = { papers };
    if (caption) group.caption = caption;
    groups.push(group);
    caption = hasNext ? captionOf(tail) : undefined;
  }
  return groups;
}

function captionOf(s: string): string | undefined {
  const t = tidy(s.replace(/^-+$/u, ''));
  return t && t !== '--' ? t : undefined;
}

function paperOf(cell: string, q: RegExpMatchArray | undefined): Paper | undefined {
  let text = tidy(cell);
  if (!text) return undefined;
  let template: string | undefined;
  if (TEMPLATE_EXT.test(text)) {
    const cut = templateStart(text);
    template = text.slice(cut).trim();
    text = text.slice(0, cut).trim();
  }
  const name = text.replace(/^[-+•*]\s*/u, '').replace(/[;,]$/u, '').trim() || template || '';
  const paper: Paper = { name };
  if (template && template !== name) paper.template = template;
  if (q) {
    const originals = Number(q[1] ?? q[2] ?? 0);
    const copies = Number(q[3] ?? q[4] ?? 0);
    paper.originals = q[4] !== undefined ? 0 : originals;
    paper.copies = copies;
    paper.quantity = `${paper.originals} bản chính, ${copies} bản sao`;
  }
  return paper;
}

/** Where the form's file name begins inside `name…file.docx`. */
function templateStart(text: string): number {
  const ext = TEMPLATE_EXT.exec(text)?.index ?? text.length;
  const head = text.slice(0, ext);
  let cut = -1;
  for (const m of head.matchAll(/[;:)”"\]](?=\s*\S)|\.(?=\p{Lu})|\p{Ll}(?=\p{Lu})/gu)) cut = (m.index ?? 0) + 1;
  if (cut > 0 && ext - cut <= 90) return cut;
  const words = head.split(' ');
  return Math.max(0, head.length - words.slice(-3).join(' ').length);
}

/** One legal basis: `Luật Khiếu nại năm 2011` with its number `02/2011/QH13`. */
export interface LegalBasis {
  name: string;
  number?: string;
}

const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
const CODE_SEGMENT = String.raw`(?:TTg|Ttg|CTr|TTr|[\p{Lu}][\p{Lu}&]*)`;
const LEGAL_CODE = new RegExp(String.raw`(?:(?<![\d/])|(?<=QH\d{2}))(\d+)\s?\/\s?(?:(\d{4})\s?\/\s?)?(QH\d{2}|${CODE_SEGMENT}(?:-${CODE_SEGMENT})*)`, 'gu');
const COLUMN_PREFIX = /(?<=[\p{Ll}.)\d]|^)(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư(?: liên tịch)?|Quyết định|Chỉ thị|Số|số)(?:\s+số)?\s*$/u;

/**
 * Parse the `can_cu_phap_ly` column into {name, number} pairs. The number column is glued
 * to the end of its name and to the start of the next name; numbers quoted inside a name
 * are followed by a space or a lowercase word, or repeated by the column right after.
 */
export function parseLegalBases(raw: string): LegalBasis[] {
  const s = raw.startsWith(LEGAL_HEADER) ? raw.slice(LEGAL_HEADER.length) : raw;
  if (!s.trim() || /^Không có thông tin$/u.test(s.trim())) return [];
  const codes = [...s.matchAll(LEGAL_CODE)].map((m) => codeOf(s, m));
  const out: LegalBasis[] = [];
  let nameStart = 0;
  codes.forEach((c, i) => {
    const next = codes[i + 1];
    const after = s.charAt(c.end);
    const isColumn = (after === '' || /[\p{Lu}\d]/u.test(after)) && !(next && next.number === c.number && next.start <= c.end + 4);
    if (!isColumn) return;
    const name = tidy(s.slice(nameStart, c.start)).replace(COLUMN_PREFIX, '').trim();
    out.push({ name: name || c.number, number: c.number });
    nameStart = c.end;
  });
  const rest = tidy(s.slice(nameStart));
  if (rest) {
    const inner = codes.find((c) => c.start >= nameStart);
    out.push(inner ? { name: rest, number: inner.number } : { name: rest });
  }
  return out;
}

/** Lowercase words that may follow a number inside a name (`53/2025/TT-BCAngày`): no trimming then. */
const NAME_CONTINUATION = /^(?:ngày|của|về|và|năm|số|quy định|ban hành|sửa đổi|hướng dẫn)/u;

/** A code match, trimmed where the crawl glued the next name on (`NĐ-CPNghị` → `NĐ-CP`, `201102/2011` → `02/2011`). */
function codeOf(s: string, m: RegExpMatchArray): { number: string; start: number; end: number } {
  let start = m.index ?? 0;
  let end = start + m[0].length;
  let code = m[3] ?? '';
  if (/^\p{Ll}/u.test(s.charAt(end)) && !/^QH\d{2}$/.test(code) && /\p{Lu}{2}$/u.test(code) && !NAME_CONTINUATION.test(s.slice(end))) {
    code = code.slice(0, -1);
    end -= 1;
  }
  let num = m[1] ?? '';
  const glued = /^((?:19|20)\d{2})(\d{1,3})$/.exec(num);
  if (glued && m[2]) {
    num = glued[2] ?? num;
    start += 4;
  }
  const number = [num, m[2], code].filter((x) => x).join('/');
  return { number, start, end };
}

/** Results of the procedure (`ket_qua_xu_ly`) without result codes and the trailing form noise. */
export function parseResults(raw: string): string[] {
  const main = raw.split(/Từ khóa/u)[0] ?? '';
  return main.split(/Mã:\s*[A-Z0-9][A-Z0-9.-]*\d/u).map(tidy).filter((r) => r && r !== 'Không có thông tin');
}
