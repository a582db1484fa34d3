/**
 * The closing blocks of a Vietnamese official document (Decree 30/2020/NĐ-CP): `Nơi nhận`
 * with its list of recipients, and the signature block — the authority to sign (`KT.`,
 * `TM.`, `TL.`, `Q.`, `TUQ.` and the office signed for), the signer's title and name. PDF
 * extraction writes the two side-by-side columns one after the other (either order) or
 * both on one line (`- Lưu: VT, CN. PHÓ GIÁM ĐỐC`); all three shapes are read.
 */
import { isAllCaps } from './markers.ts';

export interface Recipients {
  /** Items without their dash and closing punctuation (`Bộ KH&CN (báo cáo)`, `Lưu: VT, CN&CN`). */
  items: string[];
  /** Lines [start, end) of the block, the `Nơi nhận:` line included. */
  start: number;
  end: number;
}

export interface Signature {
  /** Authority lines in order (`TL. CHỦ TỊCH`, `KT. CHÁNH VĂN PHÒNG`). */
  authority: string[];
  /** The title of the signer (`PHÓ GIÁM ĐỐC`). */
  title?: string;
  /** The signer's name as written (`Phùng Tô Long`); absent when the extraction lost it. */
  name?: string;
  /** Lines the block was read from (a line may also hold a recipient in one-line layouts). */
  lines: number[];
  /** 0-based line of each part. */
  at: { authority?: number; title?: number; name?: number };
}

export interface ClosingBlocks {
  recipients?: Recipients;
  signature?: Signature;
  /** First line of the closing blocks: the body ends before it. */
  start: number;
  /** Lines [start, end) hold only closing blocks. */
  end: number;
}

const RECIPIENTS = /^Nơi\s+nhận\s*:?\s*/u;
const AUTHORITY = /^(KT|TM|TL|Q|TUQ|K\/T|T\/M)\s*\.?\s+(\p{Lu}.*)$/u;
const ITEM = /^[-+•–]\s*/u;
const SIGNED_MARK = /^\(?\s*(?:Đã ký|đã ký|Ký|ký)(?![\p{L}])[^)]*\)?$/u;
/** Words of a title, never of a personal name written in capitals. */
const TITLE_WORDS = /(?<![\p{L}])(?:GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG|PHÓ|VĂN PHÒNG|CHÁNH|ỦY VIÊN|BÍ THƯ|TỔNG|THANH TRA|KẾ TOÁN|ỦY BAN|HỘI ĐỒNG|THƯ KÝ|CỤC|SỞ)(?![\p{L}])/u;

/** A personal name: two to six capitalised words, letters only (`Nguyễn Trọng Tâm`). */
export function isPersonalName(line: string): boolean {
  if (line.length > 45) return false;
  const words = line.split(/\s+/u);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
}

function isTitle(line: string): boolean {
  return isAllCaps(line) && line.length <= 70 && !/[\d,.;:()&]/u.test(line);
}

/** Read the closing blocks among lines [from, to) of a cleaned document. */
export function parseClosing(lines: string[], from: number, to: number): ClosingBlocks | undefined {
  let recipientsAt = -1;
  for (let i = to - 1; i >= from; i -= 1) {
    if (RECIPIENTS.test((lines[i] ?? '').trim())) {
      recipientsAt = i;
      break;
    }
  }
  if (recipientsAt >= 0) {
    const signature: Signature = { authority: [], lines: [], at: {} };
    const recipients = readRecipients(lines, recipientsAt, to, signature);
    let end = recipients.end;
    const after = readSignature(lines, end, to, signature);
    end = Math.max(end, after);
    let start = recipientsAt;
    if (!hasSignature(signature)) {
      // The signature column may come first: walk back over its lines.
      const before = signatureBefore(lines, recipientsAt, from);
      if (before !== undefined) {
        readSignature(lines, before, recipientsAt, signature);
        start = before;
      }
    }
    const out: ClosingBlocks = { recipients, start, end };
    if (hasSignature(signature)) out.signature = signature;
    return out;
  }
  // No "Nơi nhận": a signature block alone, opened by an authority line near the end.
  for (let i = Math.max(from, to - 8); i < to; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (!AUTHORITY.test(line) && !(isTitle(line) && isPersonalName((lines[i + 1] ?? '').trim()))) continue;
    const signature: Signature = { authority: [], lines: [], at: {} };
    const end = readSignature(lines, i, to, signature);
    if (hasSignature(signature) && end === to) return { signature, start: i, end };
  }
  return undefined;
}

function hasSignature(s: Signature): boolean {
  return s.authority.length > 0 || s.title !== undefined || s.name !== undefined;
}

function readRecipients(lines: string[], at: number, to: number, signature: Signature): Recipients {
  const items: string[] = [];
  const first = (lines[at] ?? '').trim().replace(RECIPIENTS, '');
  const add = (raw: string, i: number): void => {
    if (AUTHORITY.test(raw) || isTitle(raw) || isPersonalName(raw)) {
      readSignatureLine(raw, i, signature);
      return;
    }
    const { item, rest } = splitTrailingSignature(raw);
    for (const part of item.split(/\s+(?=[-+•]\s)/u)) {
      const clean = part.replace(ITEM, '').replace(/[;,.]+$/u, '').trim();
      if (clean) items.push(clean);
    }
    if (rest) readSignatureLine(rest, i, signature);
  };
  if (first) add(first, at);
  let i = at + 1;
  for (; i < to; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    if (ITEM.test(line)) {
      add(line, i);
      continue;
    }
    const last = items[items.length - 1];
    if (last !== undefined && /^\p{Ll}/u.test(line) && !/[;.]$/u.test(lines[i - 1]?.trim() ?? '')) {
      items[items.length - 1] = `${last} ${line.replace(/[;,.]+$/u, '')}`;
      continue;
    }
    break;
  }
  return { items, start: at, end: i };
}

/** `- Lưu: VT, CN. PHÓ GIÁM ĐỐC` → the item and the signature part written beside it. */
function splitTrailingSignature(line: string): { item: string; rest?: string } {
  for (const m of line.matchAll(/[;.:]\s+(?=\S)/gu)) {
    const cut = (m.index ?? 0) + 1;
    const rest = line.slice(cut).trim();
    const title = isTitle(rest) && rest.split(/\s+/u).length >= 2;
    if (AUTHORITY.test(rest) || title || isPersonalName(rest)) return { item: line.slice(0, cut), rest };
  }
  const auth = /\s((?:KT|TM|TL|Q|TUQ)\.\s+\p{Lu}.*)$/u.exec(line);
  return auth ? { item: line.slice(0, auth.index), rest: auth[1] } : { item: line };
}

/** Read signature lines from `from`; returns the line after the last one read. */
function readSignature(lines: string[], from: number, to: number, signature: Signature): number {
  let end = from;
  for (let i = from; i < to; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    if (!readSignatureLine(line, i, signature)) break;
    end = i + 1;
  }
  return end;
}

function readSignatureLine(line: string, i: number, signature: Signature): boolean {
  const note = (): void => {
    if (!signature.lines.includes(i)) signature.lines.push(i);
  };
  if (signature.name !== undefined) return false;
  if (SIGNED_MARK.test(line)) {
    note();
    return true;
  }
  const auth = AUTHORITY.exec(line);
  if (auth && signature.title === undefined) {
    const prefix = (auth[1] ?? '').replace('/', '');
    signature.authority.push(`${prefix}. ${(auth[2] ?? '').trim()}`);
    signature.at.authority ??= i;
    note();
    return true;
  }
  if (isPersonalName(line)) {
    signature.name = line;
    signature.at.name = i;
    note();
    return true;
  }
  if (isTitle(line)) {
    if (signature.title !== undefined && !TITLE_WORDS.test(line) && line.split(/\s+/u).length >= 2) {
      // A name set in capitals under the title.
      signature.name = line.toLowerCase().replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
      signature.at.name = i;
    } else if (signature.title === undefined) {
      signature.title = line;
      signature.at.title = i;
    } else {
      return false;
    }
    note();
    return true;
  }
  return false;
}

/** The first line of a signature block written just before `Nơi nhận`, if any. */
function signatureBefore(lines: string[], recipientsAt: number, from: number): number | undefined {
  let start: number | undefined;
  for (let i = recipientsAt - 1; i >= Math.max(from, recipientsAt - 6); i -= 1) {
    const line = (lines[i] ?? '').trim();
    if (AUTHORITY.test(line) || isTitle(line) || isPersonalName(line) || SIGNED_MARK.test(line)) start = i;
    else break;
  }
  return start;
}
