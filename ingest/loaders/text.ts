/**
 * Decoding of plain-text bytes (TXT, MD, HTML bodies) to a JS string.
 *
 * Order of the rules:
 * 1. A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE.
 * 2. UTF-16 without BOM is recognised by NUL bytes: text in the Latin script encodes most
 *    characters with a zero high byte, so at least 20% of the 2-byte units have a NUL at the
 *    odd offset (LE) or the even offset (BE) while the other offset has almost none (≤ 2%).
 * 3. Any other NUL byte, or more than 1% of control bytes, means binary: TEXT_ENCODING.
 * 4. Bytes that are valid UTF-8 are UTF-8.
 * 5. Otherwise a legacy 8-bit code page: the bytes are decoded as both Windows-1258
 *    (Vietnamese) and Windows-1252 (Western) and NFC-composed; each reading scores
 *    2 × (letters only Vietnamese has: ă đ ơ ư and U+1EA0–U+1EF9, e.g. ả ạ ế) minus
 *    3 × (oddities: combining marks left over after NFC, Ð ð Þ þ, C1 controls, U+FFFD).
 *    Windows-1258 wins only with a strictly higher score; ties (texts where the two code
 *    pages agree) read as Windows-1252. A reading whose oddities exceed 5% of its
 *    characters is garbage: TEXT_ENCODING.
 * Legacy Vietnamese font encodings (TCVN3/ABC, VNI) are not detected; they read as
 * Windows-1252 mojibake.
 */
import iconv from 'iconv-lite';
import { userError } from './result.ts';

/** The encodings `decodeText` can report. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

/** A decoded text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const VIETNAMESE_ONLY = /[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/gu;
const ODDITIES = /[\u0300-\u036F\u0080-\u009FÐðÞþ\uFFFD]/gu;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  const pairs = n / 2;
  if (pairs < 1) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs >= 0.2 && evenNul / pairs <= 0.02) return 'utf-16le';
  if (evenNul / pairs >= 0.2 && oddNul / pairs <= 0.02) return 'utf-16be';
  return undefined;
}

function controlRatio(bytes: Uint8Array): number {
  let controls = 0;
  for (const b of bytes) {
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) || b === 0x7f) controls++;
  }
  return bytes.length === 0 ? 0 : controls / bytes.length;
}

/** Scores a legacy reading; higher is more plausible (see the module comment). */
export function legacyScore(text: string): { score: number; oddities: number } {
  const oddities = count(text, ODDITIES);
  return { score: 2 * count(text, VIETNAMESE_ONLY) - 3 * oddities, oddities };
}

/** Decodes text bytes by the rules in the module comment; throws AppError TEXT_ENCODING for binary data. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };

  const utf16 = sniffUtf16(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16 };

  if (buf.includes(0) || controlRatio(buf) > 0.01) {
    throw userError('TEXT_ENCODING', 'binary content (NUL or control bytes)', 'Tệp có vẻ là dữ liệu nhị phân.');
  }
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy code page.
  }
  const vi = iconv.decode(buf, 'windows1258').normalize('NFC');
  const west = iconv.decode(buf, 'windows1252').normalize('NFC');
  const viScore = legacyScore(vi);
  const westScore = legacyScore(west);
  const [text, encoding, oddities] = viScore.score > westScore.score
    ? [vi, 'windows-1258' as const, viScore.oddities]
    : [west, 'windows-1252' as const, westScore.oddities];
  if (oddities > 0.05 * text.length) {
    throw userError('TEXT_ENCODING', `legacy decoding too odd (${oddities} odd characters)`);
  }
  return { text, encoding };
}
