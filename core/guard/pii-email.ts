/**
 * E-mail addresses in any form a person may type one: Vietnamese letters in the local part
 * ("nguyễn.an@gmail.com"), spaces around the signs ("an @ gmail . com"), the signs spelled
 * out in Vietnamese or English ("an a còng gmail chấm com", "an [at] gmail [dot] com",
 * "an (at) yahoo (dot) com (dot) vn"). A spelled address needs a known mail provider or
 * top-level domain, so prose such as "gặp at home" is left alone.
 */

/** An address's span in the text searched. */
export interface EmailSpan {
  start: number;
  end: number;
}

const LOCAL = '[\\p{L}\\p{M}\\p{N}._%+\\-]+';
const LABEL = '[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}\\-]{0,61}[\\p{L}\\p{M}\\p{N}])?';
const AT_SIGN = '\\s*[@＠]\\s*';
const AT_WORD = '\\s*(?:[([{<]\\s*(?:at|a\\s*còng|a\\s*cong|@)\\s*[)\\]}>]|\\s(?:at|a\\s*còng|a\\s*cong|a\\s*móc|a\\s*moc)\\s)\\s*';
/** A dot, spaced on both sides or on neither: "gmail . com", "gmail.com"; "gmail.com. Tôi" ends at com. */
const DOT_SIGN = '(?:\\s*\\.(?!\\s)|\\s+\\.\\s+)';
const DOT_WORD = '\\s*(?:[([{<]\\s*(?:dot|chấm|cham|\\.)\\s*[)\\]}>]|\\s(?:dot|chấm|cham)\\s)\\s*';
const DOT = `(?:${DOT_WORD}|${DOT_SIGN})`;
/** Providers and top-level domains that make a spelled address unambiguous. */
const KNOWN = /^(?:gmail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|zoho|gmx|mail|yandex|fpt|vnn|viettel|vnpt|hcm|edu|gov|com|net|org|vn|info|biz|io|co|us|uk|au|jp|kr|fr|de)$/i;

const PLAIN = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}._%+\\-])${LOCAL}${AT_SIGN}${LABEL}(?:${DOT}${LABEL})*${DOT}\\p{L}{2,}(?!\\p{L})`, 'giu');
const SPELLED = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}._%+\\-])${LOCAL}(${AT_WORD})(${LABEL}(?:${DOT}${LABEL})*${DOT}\\p{L}{2,})(?![\\p{L}\\p{N}])`, 'giu');
/** "email là nguyen van an at …": an address announced, whose local part was typed as several words. */
const ANNOUNCED = /(?:e-?mail|mail|thư điện tử|thu dien tu|hộp thư|hop thu)(?:\s+(?:của\s+|cua\s+)?(?:tôi|em|mình|cháu|toi|minh|chau))?\s*(?:là|la|:)\s*((?:[\p{L}\p{M}\p{N}._%+-]+\s+){1,4})$/iu;

/** E-mail addresses in `text` (NFC), in order, never overlapping. */
export function findEmails(text: string): EmailSpan[] {
  const spans: EmailSpan[] = [];
  const push = (start: number, end: number): void => {
    if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end });
  };
  for (const m of text.matchAll(PLAIN)) push(m.index, m.index + m[0].length);
  for (const m of text.matchAll(SPELLED)) {
    const labels = m[2]!.split(new RegExp(DOT, 'iu')).map((l) => l.trim().toLowerCase());
    if (!labels.some((l) => KNOWN.test(l))) continue;
    push(spelledStart(text, m.index), m.index + m[0].length);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Where a spelled address starts: at its local part, or after the words that announce it. */
function spelledStart(text: string, start: number): number {
  const line = text.lastIndexOf('\n', start - 1) + 1;
  const m = ANNOUNCED.exec(text.slice(Math.max(line, start - 80), start));
  return m ? start - m[1]!.length : start;
}
