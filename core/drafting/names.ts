/**
 * Writing an issuing body's name, given in capitals for the header ("SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
 * the way running text names it ("Sở Khoa học và Công nghệ"), following the capitalisation of
 * Phụ lục II of Decree 30/2020/NĐ-CP for the common shapes of provincial bodies.
 */

/** Acronyms kept as written. */
const ACRONYMS = new Set(['UBND', 'HĐND', 'MTTQ', 'VN', 'CNTT']);
/** Administrative units: written lower-case, and the place name after them capitalised. */
const ONE_WORD_UNITS = new Set(['tỉnh', 'huyện', 'xã', 'phường', 'quận']);
const TWO_WORD_UNITS = new Set(['thành phố', 'thị trấn', 'thị xã']);
/** Body kinds after which each field group is capitalised ("Sở Nội vụ", "Phòng Tài chính - Kế hoạch"). */
const FIELD_BODIES = new Set(['sở', 'phòng', 'cục', 'vụ', 'ban', 'trung tâm', 'chi cục']);

const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);

export function nameInRunningText(upper: string): string {
  const original = upper.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const words = original.map((w) => w.toLocaleLowerCase('vi'));
  const out: string[] = [];
  let capNext = true;
  let inPlace = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const pair = `${w} ${words[i + 1] ?? ''}`;
    if (ACRONYMS.has(original[i]!)) {
      out.push(original[i]!);
      capNext = false;
      continue;
    }
    if (inPlace) {
      out.push(cap(w));
      continue;
    }
    if (i > 0 && TWO_WORD_UNITS.has(pair)) {
      out.push(pair);
      i++;
      inPlace = true;
      continue;
    }
    if (i > 0 && ONE_WORD_UNITS.has(w)) {
      out.push(w);
      inPlace = true;
      continue;
    }
    out.push(capNext || (w === 'ủy' && words[i + 1] === 'ban') || (w === 'hội' && words[i + 1] === 'đồng') ? cap(w) : w);
    capNext = (i === 0 && (FIELD_BODIES.has(w) || FIELD_BODIES.has(pair))) || w === 'và' || w === '-' || w.endsWith(',');
    if (i === 0 && FIELD_BODIES.has(pair)) {
      out.push(words[++i]!);
    }
  }
  return out.join(' ');
}
