/**
 * The issuer codes of the bodies a question names, as document numbers write them
 * ("3062/SKHCN-CN&CN" is the Sở KH&CN's, "6824/BKHCN-CN" the Bộ KH&CN's, "02/CT-UBND" the
 * UBND's): a head and an abbreviated name ("Sở KH&CN" → SKHCN, "Bộ TT&TT" → BTTTT), or a
 * body whose code is fixed ("UBND", "Tỉnh ủy" → TU). The heads' letters and the fixed codes
 * are in prompts/cues/answerability.vi.json. A question that asks "Sở KH&CN … bằng công văn
 * số mấy?" asks the number the Sở's own công văn bears, not one its sentence cites.
 */
import cues from '../../../prompts/cues/answerability.vi.json' with { type: 'json' };
import { foldDiacritics } from '../../text/fold.ts';

const HEAD_LETTER = new Map(Object.entries(cues.issuerCodes).map(([h, c]) => [foldDiacritics(h), c]));
const BODY_CODES = Object.entries(cues.bodyCodes).map(([phrase, code]) => ({ form: ` ${foldDiacritics(phrase.toLowerCase())} `, code }));
/** An abbreviated name: capitals, with "&" between parts ("KH&CN", "TT&TT"). */
const ABBREVIATION = /^[\p{Lu}]{1,}(?:&[\p{Lu}]+)+$|^[\p{Lu}]{2,}$/u;

/** Upper case without diacritics or "&", the form issuer codes are compared in. */
export function codeForm(code: string): string {
  return foldDiacritics(code).toUpperCase().replace(/&/gu, '');
}

/** See the module comment; codes in {@link codeForm}. */
export function issuerCodes(text: string): string[] {
  const codes = new Set<string>();
  const words = text.normalize('NFC').split(/[^\p{L}\p{N}&]+/u).filter((w) => w !== '');
  words.forEach((w, i) => {
    const letter = HEAD_LETTER.get(foldDiacritics(w.toLowerCase()));
    const next = words[i + 1];
    if (letter && /^\p{Lu}/u.test(w) && next && ABBREVIATION.test(next)) codes.add(codeForm(`${letter}${next}`));
  });
  const folded = ` ${foldDiacritics(text.normalize('NFC').toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const b of BODY_CODES) if (folded.includes(b.form)) codes.add(codeForm(b.code));
  return [...codes];
}

/** Whether a document number was issued by one of `codes` (a part of it between "/" and "-" is one). */
export function issuedBy(number: string, codes: readonly string[]): boolean {
  return number.split(/[/-]/u).some((part) => codes.includes(codeForm(part)));
}
