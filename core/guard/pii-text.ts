/**
 * The form of a text that personal-data detection reads, with a map back to the input:
 * NFC, zero-width and other invisible characters removed, compatibility forms (full-width
 * digits and letters, mathematical and circled digits, ＠) and every Unicode decimal digit
 * (Arabic-Indic, Devanagari…) made ASCII. Detection runs on `text`; a span of it maps back
 * to the characters the person typed, so redaction replaces exactly those.
 */

/** A normalised text and, per character of it, the input span it came from. */
export interface MappedText {
  text: string;
  /** `from[i]`: the input offset where normalised character i starts. */
  from: number[];
  /** `to[i]`: the input offset where normalised character i ends (exclusive). */
  to: number[];
}

/** Zero-width and invisible characters dropped before matching. */
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]|\u034F|\u17B4|\u17B5/u;
const ASCII = /^[\x20-\x7E]+$/;
const DIGIT = /\p{Nd}/u;
const MARK = /\p{M}/u;

/** The value 0–9 of a Unicode decimal digit: Unicode encodes each set of digits 0 to 9 contiguously, sets sometimes back to back. */
function digitValue(cp: number): number {
  let first = cp;
  while (first > 0 && DIGIT.test(String.fromCodePoint(first - 1))) first--;
  return (cp - first) % 10;
}

/** The ASCII stand-in of one input character, or undefined to keep it. */
function asciiOf(ch: string): string | undefined {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return undefined;
  if (DIGIT.test(ch)) return String(digitValue(cp));
  const compat = ch.normalize('NFKC');
  if (compat !== ch && ASCII.test(compat)) return compat;
  if (/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/u.test(ch)) return ' ';
  return undefined;
}

/** Whether `text` needs no mapping: NFC-stable and nothing to drop or replace. */
function plain(text: string): boolean {
  return ASCII.test(text) || (/^[\n\t\x20-\x7E\u00C0-\u024F\u1E00-\u1EFF]*$/u.test(text) && text.normalize('NFC') === text);
}

/** Normalise `input` for detection (see the module comment), keeping the map back. */
export function mapForDetection(input: string): MappedText {
  if (plain(input)) {
    const from = Array.from({ length: input.length }, (_, i) => i);
    return { text: input, from, to: from.map((i) => i + 1) };
  }
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  const emit = (s: string, start: number, end: number): void => {
    text += s;
    for (let k = 0; k < s.length; k++) {
      from.push(start);
      to.push(end);
    }
  };
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    let end = i + ch.length;
    if (INVISIBLE.test(ch)) {
      i = end;
      continue;
    }
    const ascii = asciiOf(ch);
    if (ascii !== undefined) {
      emit(ascii, i, end);
      i = end;
      continue;
    }
    // A base letter with its combining marks (invisible characters between them skipped) composes as one cluster.
    let cluster = ch;
    while (end < input.length) {
      const next = String.fromCodePoint(input.codePointAt(end)!);
      if (MARK.test(next)) cluster += next;
      else if (!INVISIBLE.test(next) || !MARK.test(input.charAt(end + next.length))) break;
      end += next.length;
    }
    emit(cluster.normalize('NFC'), i, end);
    i = end;
  }
  return { text, from, to };
}

/** The input span of normalised span `[start, end)`. */
export function spanBack(mapped: MappedText, start: number, end: number): { start: number; end: number } {
  return { start: mapped.from[start]!, end: mapped.to[end - 1]! };
}
