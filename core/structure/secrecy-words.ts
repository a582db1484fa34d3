/**
 * The words of a secrecy marking (độ mật) and of the header elements a stamp stands beside,
 * read from one line or one segment of a line. Shared by the header-zone check
 * (secrecy.ts) for texts, titles and record fields.
 */
import { foldDiacritics } from '../text/fold.ts';

export type SecrecyLevel = 'MẬT' | 'TỐI MẬT' | 'TUYỆT MẬT';

/** A level read from some words, and how it was written. */
export interface LevelWords {
  level: SecrecyLevel;
  /** Written with its diacritics (`MẬT`), not folded (`MAT`). */
  accented: boolean;
  /** Every letter a capital. */
  upper: boolean;
  /** Inside brackets or parentheses: `[MẬT]`, `(Mật)`. */
  bracketed: boolean;
}

/** Decoration around a stamp: brackets, frames, quotes, stars. Stripped before reading words. */
const DECORATION = /^[[\](){}<>*_"“”'‘’«»|#=~]+|[[\](){}<>*_"“”'‘’«»|#=~]+$/gu;
const BRACKETED = /^\s*[[({<«].*[\])}>»]\s*$/u;

/** Whether a word is one letter (a surrogate pair counts as one). */
function oneLetter(word: string): boolean {
  if (word.length > 2 || (word.length === 2 && !/^[\uD800-\uDBFF]/u.test(word))) return false;
  return /\p{L}/u.test(word);
}

/** Words of a segment, decoration stripped, letter-spaced runs joined: "M Ậ T" → ["MẬT"]. */
export function stampWords(segment: string): string[] {
  const raw = segment.normalize('NFC').split(/[\s.·•]+/u).map((w) => w.replace(DECORATION, '')).filter((w) => w.length > 0);
  const out: string[] = [];
  let run = '';
  for (const w of raw) {
    if (oneLetter(w)) {
      run += w;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(w);
  }
  if (run) out.push(run);
  return out;
}

const LEVELS: ReadonlyArray<readonly [string, SecrecyLevel]> = [
  ['MAT', 'MẬT'], ['TOIMAT', 'TỐI MẬT'], ['TUYETMAT', 'TUYỆT MẬT'],
];
const ACCENTED = new Set(['MẬT', 'TỐIMẬT', 'TUYỆTMẬT']);

/**
 * The level that `words` spell exactly (one or two words, or one letter-spaced run),
 * or undefined. `segment` is the text they came from, to tell brackets.
 */
export function levelOf(words: readonly string[], segment = ''): LevelWords | undefined {
  if (words.length === 0 || words.length > 2) return undefined;
  const joined = words.join('').normalize('NFC').replace(/[:;,.!]+$/u, '');
  const upperJoined = joined.toUpperCase();
  const folded = foldDiacritics(upperJoined);
  const hit = LEVELS.find(([f]) => f === folded);
  if (!hit) return undefined;
  // Folding also takes "MẶT" (face) and "MÁT" (cool) to MAT: only the stamp's own accents, or none, count.
  const accented = ACCENTED.has(upperJoined);
  if (!accented && folded !== upperJoined) return undefined;
  return { level: hit[1], accented, upper: joined === upperJoined, bracketed: BRACKETED.test(segment) };
}

/** Words that, standing just before MẬT, make it part of a noun phrase ("bảo mật", "tài liệu mật", "độ mật"). */
const BOUND_BEFORE = wordSet([
  'bảo', 'bí', 'thân', 'cơ', 'độ', 'về', 'loại', 'cấp', 'mức', 'liệu', 'bản', 'sơ', 'tin', 'dấu', 'các', 'những',
  'là', 'và', 'hoặc', 'vật', 'khẩu', 'thư', 'mật', 'tối', 'tuyệt', 'quyền', 'hàng', 'điện', 'tính',
]);
/** Words after MẬT that make an ordinary word: mật khẩu, mật ong, mật độ, mật mã… */
const BOUND_AFTER = wordSet(['khẩu', 'ong', 'độ', 'mã', 'thiết', 'báo', 'vụ', 'thám', 'ngọt', 'gấu', 'đắng', 'mía', 'ước', 'đàm', 'danh']);

function wordSet(words: readonly string[]): { accented: ReadonlySet<string>; folded: ReadonlySet<string> } {
  return { accented: new Set(words), folded: new Set(words.map(foldDiacritics)) };
}

/**
 * Whether `word` ties to a MẬT written next to it, making prose. Compared with its accents
 * ("đắng" binds, "Đăng" does not); a word written without any is compared folded.
 */
export function bindsToLevel(word: string | undefined, side: 'before' | 'after'): boolean {
  if (word === undefined) return false;
  const set = side === 'before' ? BOUND_BEFORE : BOUND_AFTER;
  const key = word.normalize('NFC').toLowerCase().replace(/[^\p{L}]/gu, '');
  return set.accented.has(key) || (foldDiacritics(key) === key && set.folded.has(key));
}

/** The opening words of an issuing body's name or of the national motto, in capitals and folded. */
const ISSUER_START =
  /^(?:UY BAN|UBND|HOI DONG|HDND|SO|BO|TINH UY|THANH UY|HUYEN UY|QUAN UY|DANG|BAN|VAN PHONG|CHINH PHU|THU TUONG|QUOC HOI|CUC|TONG CUC|CHI CUC|TRUNG TAM|CONG AN|THANH TRA|CONG HOA|PHONG|KHO BAC|TOA AN|VIEN KIEM SAT|BO CHI HUY|BO TU LENH|QUAN KHU|BAN CHI HUY|MAT TRAN)(?= |$)/;
const NUMBER_LINE = /^(?:SO|SO KY HIEU)\s*:?\s*[\d.…_ ]*\d*\s*\/\s*[A-Z0-9&/.\- ]{1,40}$/;
const MOTTO = /^DOC LAP\s*-?\s*TU DO\s*-?\s*HANH PHUC$/;
const PLACE_DATE = /^[A-Z][A-Z ]{1,40}, NGAY\s+[\d.…_ ]{1,8}\s*THANG\s+[\d.…_ ]{1,8}\s*NAM\s+\d{4}\.?$/;

/** Whether `text` is all capitals (ignoring digits and punctuation), with at least two letters. */
export function isCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu);
  return !!letters && letters.length >= 2 && text === text.toUpperCase();
}

/**
 * Whether `part` of a header line is one of the header's elements: an issuing body in
 * capitals, the national name and motto, the `Số: 12/QĐ-UBND` line, or the place-date line.
 */
export function isHeaderElement(part: string): boolean {
  const trimmed = part.trim().replace(/[\s,;:|\-–]+$/u, '');
  const key = foldDiacritics(trimmed.normalize('NFC').toUpperCase()).replace(/\s+/g, ' ');
  if (NUMBER_LINE.test(key) || MOTTO.test(key) || PLACE_DATE.test(key)) return true;
  return isCapitals(trimmed) && ISSUER_START.test(key);
}
