/**
 * Recognisers for the structural markers that open a line in Vietnamese official and legal
 * texts (Decree 30/2020/NĐ-CP layout): Phần/Chương/Mục/Điều, Roman and Arabic numbering,
 * lettered points, bullets. Shared by the PDF line joiner and the section parser.
 */

/** What kind of structural marker opens a line, with its key (`II`, `4`, `b`, `Điều 5`). */
export type MarkerKind =
  | 'part' | 'chapter' | 'section' | 'article'
  | 'roman' | 'arabic' | 'decimal' | 'letter' | 'paren' | 'bullet';

export interface LineMarker {
  kind: MarkerKind;
  /** Path key: `II`, `4`, `4.1`, `b`, `5` (article number), `1` (chương I as roman → `I`). */
  key: string;
  /** The text after the marker, trimmed. */
  rest: string;
}

/** Lowercase Vietnamese point letters (điểm) in legal order: a b c d đ e g h i k l m n o p q r s t u v x y. */
const POINT_LETTERS = 'abcdđeghiklmnopqrstuvxy';

const PART = /^(?:Phần|PHẦN)\s+(thứ\s+\S+|[IVXLC]+|\d+)\b[.:]?\s*(.*)$/u;
const CHAPTER = /^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d+)\b[.:]?\s*(.*)$/u;
const SECTION = /^(?:Mục|MỤC)\s+(\d+)\b[.:]?\s*(.*)$/u;
const ARTICLE = /^(?:Điều|ĐIỀU)\s+(\d+[a-z]?)\s*[.:]\s*(.*)$/u;
const ROMAN = /^([IVX]{1,5})\s*[.)]\s+(.*)$/u;
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){1,3})(?:\.\s+(\S.*)|\s+(\p{Lu}.*))$/u;
const ARABIC = /^(\d{1,2})\s*[.)]\s+(\S.*)$/u;
const LETTER_PAREN = new RegExp(`^([${POINT_LETTERS}])\\)\\s*(\\S.*)$`, 'u');
const LETTER_DOT = new RegExp(`^([${POINT_LETTERS}])\\.\\s+(\\p{Lu}.*)$`, 'u');
const PAREN = /^\((\d{1,2}|[a-zđ])\)\s*(\S.*)$/u;
const BULLET = /^([-+*•–▪◦·])\s*(\S.*)$/u;

/** Classify the start of one (trimmed) line; undefined when it opens no structure. */
export function matchLineMarker(line: string): LineMarker | undefined {
  let m: RegExpMatchArray | null;
  if ((m = PART.exec(line))) return { kind: 'part', key: m[1] ?? '', rest: m[2] ?? '' };
  if ((m = CHAPTER.exec(line))) return { kind: 'chapter', key: m[1] ?? '', rest: m[2] ?? '' };
  if ((m = SECTION.exec(line))) return { kind: 'section', key: m[1] ?? '', rest: m[2] ?? '' };
  if ((m = ARTICLE.exec(line))) return { kind: 'article', key: m[1] ?? '', rest: m[2] ?? '' };
  if ((m = ROMAN.exec(line)) && isRoman(m[1] ?? '')) return { kind: 'roman', key: m[1] ?? '', rest: m[2] ?? '' };
  if ((m = DECIMAL.exec(line)) && !/^\d{1,2}\.\d{3}/.test(line)) return { kind: 'decimal', key: m[1] ?? '', rest: m[2] ?? m[3] ?? '' };
  if ((m = ARABIC.exec(line))) return { kind: 'arabic', key: m[1] ?? '', rest: m[2] ?? '' };
  if ((m = LETTER_PAREN.exec(line))) return { kind: 'letter', key: m[1] ?? '', rest: m[2] ?? '' };
  if ((m = LETTER_DOT.exec(line))) return { kind: 'letter', key: m[1] ?? '', rest: m[2] ?? '' };
  if ((m = PAREN.exec(line))) return { kind: 'paren', key: m[1] ?? '', rest: m[2] ?? '' };
  if ((m = BULLET.exec(line))) return { kind: 'bullet', key: m[1] ?? '', rest: m[2] ?? '' };
  return undefined;
}

function isRoman(s: string): boolean {
  return /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) && s.length > 0;
}

/** True when the line is written in capitals (a heading like `BÁO CÁO`, `NƠI NHẬN`). */
export function isAllCaps(line: string): boolean {
  const letters = line.match(/\p{L}/gu);
  if (!letters || letters.length < 2) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.9;
}

/** Words after which a Vietnamese sentence cannot end: a line ending with one continues. */
const CONNECTIVES = new Set([
  'và', 'các', 'của', 'về', 'cho', 'với', 'trong', 'theo', 'tại', 'để', 'những', 'là', 'có', 'được',
  'hoặc', 'hay', 'từ', 'đến', 'nhằm', 'trên', 'dưới', 'thuộc', 'bằng', 'như', 'do', 'mà', 'thì',
  'khi', 'số', 'ngày', 'tháng', 'năm', 'một', 'đã', 'đang', 'sẽ', 'bị', 'vào', 'ra', 'qua', 'nêu',
  'tỉnh', 'phải', 'không', 'cũng', 'còn', 'này', 'đó', 'người', 'việc', 'sự',
]);

/** True when the line ends with a word or sign after which the sentence must go on. */
export function endsWithConnective(line: string): boolean {
  const t = line.trimEnd();
  if (/[,(\-–&/]$/.test(t)) return true;
  const last = /(\p{L}+)$/u.exec(t)?.[1];
  return last !== undefined && CONNECTIVES.has(last.toLowerCase());
}
