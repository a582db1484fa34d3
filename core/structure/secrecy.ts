/**
 * Secrecy stamps (độ mật) on a document header: `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`, written as a
 * line of their own near the top (`M Ậ T`, `Tối mật`, `Độ mật: MẬT`, `[MẬT]`). The word in
 * prose (`bảo mật`, `mật khẩu`, `bí mật nhà nước`) never counts: the whole line must be the stamp.
 */

export type SecrecyLevel = 'MẬT' | 'TỐI MẬT' | 'TUYỆT MẬT';

/** The letter of "MẬT" in either case; upper-casing gives Ậ from nothing else. */
const STAMP_LETTER = /[ậẬ]/u;

/** How far into the document a stamp may stand (characters). */
const HEADER_CHARS = 1500;

/** The secrecy level stamped on the document header, if any. */
export function detectSecrecyMarking(text: string): SecrecyLevel | undefined {
  const head = text.normalize('NFC').slice(0, HEADER_CHARS);
  // Every stamp has the letter Ậ: a header without it (nearly every text) has none.
  if (!STAMP_LETTER.test(head)) return undefined;
  const lines = head.split('\n').slice(0, 25);
  for (const line of lines) {
    const level = stampLevel(line);
    if (level) return level;
  }
  return undefined;
}

function stampLevel(line: string): SecrecyLevel | undefined {
  let s = line.normalize('NFC').toUpperCase().replace(/[[\](){}*_"“”'|:.\-–]/g, ' ').trim();
  s = s.replace(/^ĐỘ\s*M\s*Ậ\s*T\s*/u, '').trim();
  const squeezed = s.replace(/\s+/g, '');
  if (squeezed === 'MẬT') return 'MẬT';
  if (squeezed === 'TỐIMẬT') return 'TỐI MẬT';
  if (squeezed === 'TUYỆTMẬT') return 'TUYỆT MẬT';
  return undefined;
}
