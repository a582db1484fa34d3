/**
 * Detection and redaction of personal data in free text, before it is logged, audited or
 * sent to a model: Vietnamese identifiers (CCCD/CMND, phone, bank account, tax code, BHXH,
 * licence plate, passport, a file's code on the public-service portal), e-mail addresses in any written form, people's names after a
 * cue or signing a question, and street addresses.
 *
 * The text is first normalised for matching (pii-text.ts: NFC, zero-width characters
 * dropped, full-width and other Unicode digits made ASCII; pii-spelled-digits.ts: long runs
 * of digits spelled as words made digits), and every match is mapped back,
 * so offsets refer to the input as given and redaction replaces exactly what was typed.
 * Placeholders contain no digit, no '@' and no name, which makes redaction idempotent.
 */
import { foldDiacritics } from '../text/fold.ts';
import { findAddresses } from './pii-addresses.ts';
import { findEmails } from './pii-email.ts';
import { findNames } from './pii-names.ts';
import { withSpelledDigits } from './pii-spelled-digits.ts';
import { mapForDetection, spanBack } from './pii-text.ts';

/** The kinds of personal data recognised. */
export type PiiKind =
  | 'citizen_id'
  | 'phone'
  | 'email'
  | 'bank_account'
  | 'tax_code'
  | 'social_insurance'
  | 'licence_plate'
  | 'passport'
  | 'person_name'
  | 'address'
  | 'file_code';

/** One item found in a text: `text.slice(start, end)` is what was typed. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
}

/** The Vietnamese placeholder that replaces each kind of personal data. */
export const PII_PLACEHOLDERS: Readonly<Record<PiiKind, string>> = Object.freeze({
  citizen_id: '[số định danh]',
  phone: '[số điện thoại]',
  email: '[email]',
  bank_account: '[số tài khoản]',
  tax_code: '[mã số thuế]',
  social_insurance: '[số BHXH]',
  licence_plate: '[biển số xe]',
  passport: '[số hộ chiếu]',
  person_name: '[họ tên]',
  address: '[địa chỉ]',
  file_code: '[mã hồ sơ]',
});

/** Separators written inside numbers: space, dot, dashes (ASCII and Unicode), no-break space. */
const SEP = '[ .\\-\\u00A0\\u2010-\\u2015\\u2212]';
/** Stands in for an already-found identifier while numbers are scanned; neither digit nor letter. */
const MASK = '\uE000';

/** Passport numbers after their name ("hộ chiếu số C1234567", "passport no. B7654321"). */
const PASSPORT_NAMED = /(?<![\p{L}])(?:hộ chiếu|ho chieu|passport)(?:\s+(?:số|so|no\.?|number|#))?\s*[:：]?\s*([A-Z]{1,2} ?\d(?:[ .]?\d){5,7}|\d{8,9})(?!\p{N})/giud;
/** A Vietnamese passport's shape alone: one capital and seven digits ("C1234567"). */
const PASSPORT_SHAPE = /(?<![\p{L}\p{N}\-/.])[A-Z]\d{7}(?![\p{L}\p{N}\-/]|[.,]\d)/gu;
const INTERNATIONAL_PHONE = new RegExp(
  `(?:\\(\\s?\\+\\s?84\\s?\\)|\\+\\s?84)${SEP}?(?:\\(0\\)${SEP}?)?` +
    `(?:[35789]\\d(?:${SEP}?\\d){7}|2\\d(?:${SEP}?\\d){8})(?!\\d)`,
  'g',
);
/** "76A-123.45", "76-G1 234.56", "51F 12345", "29LD-1234": province, series, serial. */
const LICENCE_PLATE =
  /(?<![\p{L}\p{N}])\d{2}-?(?:[A-Z]{1,2}\d?|MĐ\d?)[ .-]?(?:\d{3}\.\d{2}|\d{4,5})(?![\p{L}\p{N}]|[.,]\d)/gu;
/** A plate after its name, in any case ("biển số 76h1-00084", "BKS: 76A-123.45"). */
const LICENCE_PLATE_NAMED =
  /(?<![\p{L}])(?:biển số|bien so|biển kiểm soát|bien kiem soat|bks)(?:\s+(?:xe|là|la))?\s*[:：]?\s*(\d{2}-?(?:[A-Za-z]{1,2}\d?|MĐ\d?)[ .-]?(?:\d{3}\.\d{2}|\d{4,5}))(?![\p{L}\p{N}]|[.,]\d)/giud;
/**
 * A file's code on the national public-service portal ("000.00.12.H48-261120-0042": agency
 * code, province, the day received as yymmdd, a sequence): it opens one person's file.
 */
const FILE_CODE_SHAPE = /(?<![\p{L}\p{N}])\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}(?![\p{L}\p{N}])/gu;
/** Any code with a digit after its name ("mã hồ sơ: HS-2026-00123", "số biên nhận 0042/TN"). */
const FILE_CODE_NAMED =
  /(?<![\p{L}])(?:mã hồ sơ|ma ho so|số biên nhận|so bien nhan|mã biên nhận|ma bien nhan)(?:\s+(?:của\s+tôi\s+|cua\s+toi\s+)?(?:là|la|số|so))?\s*[:：]?\s*((?=[\w.\-/]*\d)[\p{L}\p{N}][\p{L}\p{N}.\-/]{4,}[\p{L}\p{N}])/giud;
/** Health-insurance card code, "DN4010123456789": its last ten digits are the BHXH number. */
const HEALTH_CARD = /(?<!\p{L})[A-Z]{2}[1-5]\d{12}(?![\p{L}\p{N}])/gu;
/** Most digit groups read as one identifier: a number typed digit by digit ("0 9 0 5 …") has twelve. */
const MAX_GROUPS = 12;
const NUMBER_RUN = new RegExp(`\\d+(?:${SEP}\\d+)*`, 'g');
const GROUP = /\d+/g;

/**
 * Words that name an identifier, matched on lower-cased, diacritic-folded text. Bounded by
 * letters only (not `\b`), so a digit or a placeholder next to the word reads the same.
 */
const CONTEXT: ReadonlyArray<readonly [PiiKind, RegExp]> = [
  ['tax_code', /(?<![a-z])(?:ma so thue|mst|ma so doanh nghiep|msdn)(?![a-z])/g],
  ['social_insurance', /(?<![a-z])(?:bhxh|bhyt|bao hiem xa hoi|bao hiem y te)(?![a-z])/g],
  [
    'bank_account',
    /(?<![a-z])(?:so tai khoan|stk|tai khoan|tk|ngan hang|chuyen khoan|vietcombank|vcb|vietinbank|bidv|agribank|techcombank|tcb|mb ?bank|acb|sacombank|vpbank|tpbank|shb|hdbank|vib|ocb|msb|seabank|eximbank|lienvietpostbank|lpbank|abbank|pvcombank|scb|kienlongbank)(?![a-z])/g,
  ],
  ['citizen_id', /(?<![a-z])(?:cccd|cmnd|cmt|can cuoc|chung minh|dinh danh|ddcn)(?![a-z])/g],
  ['phone', /(?<![a-z])(?:sdt|dt|so dien thoai|dien thoai|didong|di dong|hotline|zalo|lien he|goi)(?![a-z])/g],
];
/** What may stand between a naming word and the number: no digits, brackets, masks or line breaks. */
const FILLER = /^[^\d[\]\n\uE000]{0,32}$/;
const CURRENCY_AFTER = /^\s?(?:dong|d|vnd|trieu|ty|nghin|ngan|usd|%)(?![a-z])/;
const CONTEXT_WINDOW = 80;

interface Group {
  start: number;
  end: number;
  digits: string;
}

/**
 * Find personal data in `text`, in order of position, never overlapping; offsets refer to
 * `text` as given. Numbers that are not identifiers (amounts, dates, document numbers,
 * procedure codes, years, counts) are left alone; 9-digit CMND, 10-digit tax and BHXH
 * numbers and bank accounts are only recognised when the text names them just before the
 * number; names need a cue ("tôi là", "ông", "họ tên:") or to sign the question off;
 * offices and their places ("UBND phường Nghĩa Chánh") are not addresses.
 */
export function findPersonalData(text: string): PiiMatch[] {
  const mapped = withSpelledDigits(mapForDetection(text));
  return findInNormalised(mapped.text).map((m) => ({ kind: m.kind, ...spanBack(mapped, m.start, m.end) }));
}

function findInNormalised(text: string): PiiMatch[] {
  const matches: PiiMatch[] = [];
  let masked = text;
  const mask = (kind: PiiKind, start: number, end: number): void => {
    if (masked.slice(start, end).includes(MASK)) return;
    matches.push({ kind, start, end });
    masked = masked.slice(0, start) + MASK.repeat(end - start) + masked.slice(end);
  };
  const take = (re: RegExp, kind: PiiKind): void => {
    for (const m of masked.matchAll(re)) mask(kind, m.index, m.index + m[0].length);
  };
  for (const e of findEmails(text)) mask('email', e.start, e.end);
  take(INTERNATIONAL_PHONE, 'phone');
  take(FILE_CODE_SHAPE, 'file_code');
  for (const m of masked.matchAll(FILE_CODE_NAMED)) mask('file_code', m.indices![1]![0], m.indices![1]![1]);
  take(HEALTH_CARD, 'social_insurance');
  take(LICENCE_PLATE, 'licence_plate');
  for (const m of masked.matchAll(LICENCE_PLATE_NAMED)) mask('licence_plate', m.indices![1]![0], m.indices![1]![1]);
  for (const m of masked.matchAll(PASSPORT_NAMED)) mask('passport', m.indices![1]![0], m.indices![1]![1]);
  for (const run of [...masked.matchAll(NUMBER_RUN)]) {
    for (const m of scanRun(masked, run[0], run.index)) mask(m.kind, m.start, m.end);
  }
  for (const a of findAddresses(masked)) mask('address', a.start, a.end);
  for (const n of findNames(masked)) mask('person_name', n.start, n.end);
  // Last, so that a shape glued to words redacted above reads the same before and after redaction.
  take(PASSPORT_SHAPE, 'passport');
  return matches.sort((a, b) => a.start - b.start);
}

/**
 * Replace everything {@link findPersonalData} finds with its Vietnamese placeholder
 * ({@link PII_PLACEHOLDERS}). Offsets in `matches` refer to the input text. Idempotent.
 */
export function redactPersonalData(text: string): { text: string; matches: PiiMatch[] } {
  const matches = findPersonalData(text);
  let out = '';
  let copied = 0;
  for (const m of matches) {
    out += text.slice(copied, m.start) + PII_PLACEHOLDERS[m.kind];
    copied = m.end;
  }
  return { text: out + text.slice(copied), matches };
}

/**
 * Split a run of digit groups ("CCCD 0010 9900 1234 0912 345 678" holds two identifiers)
 * into identifiers, longest first from each group. A split may fall only on a space or
 * dash, never on a dot, so "1.000.000.000.000.000" yields nothing.
 */
function scanRun(masked: string, run: string, offset: number): PiiMatch[] {
  const groups: Group[] = [...run.matchAll(GROUP)].map((g) => ({
    start: offset + g.index,
    end: offset + g.index + g[0].length,
    digits: g[0],
  }));
  const found: PiiMatch[] = [];
  let i = 0;
  while (i < groups.length) {
    const first = groups[i]!;
    let taken = false;
    if (i === 0 || masked[first.start - 1] !== '.') {
      for (let j = Math.min(groups.length - 1, i + MAX_GROUPS - 1); j >= i && !taken; j--) {
        const last = groups[j]!;
        if (j < groups.length - 1 && masked[last.end] === '.') continue;
        const kind = classify(masked, groups.slice(i, j + 1));
        if (kind) {
          found.push({ kind, start: first.start, end: last.end });
          i = j + 1;
          taken = true;
        }
      }
    }
    if (!taken) i++;
  }
  return found;
}

function classify(masked: string, groups: Group[]): PiiKind | null {
  const first = groups[0]!;
  const last = groups[groups.length - 1]!;
  const digits = groups.map((g) => g.digits).join('');
  const sizes = groups.map((g) => g.digits.length).join('-');
  const n = digits.length;
  const named = namedKind(masked, first.start);
  const contiguous = groups.length === 1;

  switch (named) {
    case 'bank_account':
      if (n >= 8 && n <= 16) return 'bank_account';
      break;
    case 'tax_code':
      // Named just before, a 10-digit code is one in any grouping ("MSDN: 4300 000 604").
      if (n === 10) return 'tax_code';
      if (n === 13 && (contiguous || (sizes === '10-3' && masked[groups[1]!.start - 1] === '-'))) return 'tax_code';
      break;
    case 'social_insurance':
      if (n === 10) return 'social_insurance';
      break;
    case 'citizen_id':
      if (n === 9 && (contiguous || sizes === '3-3-3')) return 'citizen_id';
      break;
    default:
      break;
  }

  const tail = foldDiacritics(masked.slice(last.end, last.end + 12)).toLowerCase();
  if (named === null && CURRENCY_AFTER.test(tail)) return null;
  if (n === 12 && /^842/.test(digits) && contiguous) return 'phone';
  if (n === 12 && (contiguous || ((sizes === '4-4-4' || sizes === '3-3-3-3') && (digits[0] === '0' || named === 'citizen_id')))) {
    return 'citizen_id';
  }
  // A prefix ("0905", "090", "0255") then groups of at most four digits, however split; named, any split.
  const prefixThenGroups = (first.digits.length === 3 || first.digits.length === 4) && groups.every((g) => g.digits.length <= 4);
  const phoneShape = contiguous || named === 'phone' || prefixThenGroups || sizes === '3-3-4';
  if (n === 10 && /^0[35789]/.test(digits) && phoneShape) return 'phone';
  const landlineShape = contiguous || named === 'phone' || prefixThenGroups || ['4-7', '3-8'].includes(sizes);
  if (n === 11 && /^02/.test(digits) && landlineShape) return 'phone';
  if (n === 11 && /^84[35789]/.test(digits) && contiguous) return 'phone';
  return null;
}

/** The kind named closest before `start`, if only filler words separate the name from the number. */
function namedKind(masked: string, start: number): PiiKind | null {
  let window = masked.slice(Math.max(0, start - CONTEXT_WINDOW), start);
  const lineStart = window.lastIndexOf('\n');
  if (lineStart >= 0) window = window.slice(lineStart + 1);
  const folded = foldDiacritics(window).toLowerCase();
  let best: PiiKind | null = null;
  let bestEnd = -1;
  for (const [kind, re] of CONTEXT) {
    for (const m of folded.matchAll(re)) {
      const end = m.index + m[0].length;
      if (end > bestEnd && FILLER.test(folded.slice(end))) {
        best = kind;
        bestEnd = end;
      }
    }
  }
  return best;
}
