/**
 * Unicode normalisation for Vietnamese text: NFC, look-alike and invisible characters,
 * whitespace. Idempotent: normalizeText(normalizeText(s)) === normalizeText(s), and
 * canonically equivalent inputs (NFC, NFD, mixed) give the same result.
 */

const LINE_BREAKS = /\r\n?/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const TRAILING_SPACES = /[ ]+\n/g;
/** Icelandic eth and African D, produced for Đ by legacy (TCVN3/VNI) converters and OCR. */
const D_LOOKALIKES = /[\u00D0\u0189]/g;
/**
 * After NFC a circumflex or breve left uncombined usually means the tone mark was typed
 * first ("e" + acute + circumflex): both marks have combining class 230, so Unicode keeps
 * their order and cannot compose "ế". Vietnamese writes the shape mark first.
 */
const LONE_SHAPE_MARK = /[\u0302\u0306]/;
const MARK_RUN = /[\u0300-\u0303\u0306\u0309]{2,}/g;
const SHAPE_MARKS = /[\u0302\u0306]/g;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309]/g;

/** Shape marks before tone marks, each group in its original order (a stable sort, so idempotent). */
function shapeMarksFirst(run: string): string {
  return (run.match(SHAPE_MARKS) ?? []).join('') + (run.match(TONE_MARKS) ?? []).join('');
}

/** NFC, drop invisible characters, unify spaces, dashes and look-alike Đ, trim trailing spaces of lines. */
export function normalizeText(input: string): string {
  let s = input.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').normalize('NFC');
  if (LONE_SHAPE_MARK.test(s)) {
    s = s.normalize('NFD').replace(MARK_RUN, shapeMarksFirst).normalize('NFC');
  }
  return s
    .replace(D_LOOKALIKES, 'Đ')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .replace(TRAILING_SPACES, '\n');
}
