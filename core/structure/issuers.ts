/**
 * Issuing bodies: the capitalised header lines (`ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NGÃI`) and
 * the issuer codes at the end of a document number (`114/TB-SKHCN` → Sở Khoa học và Công nghệ).
 */

/** Issuer codes that name one body without ambiguity. */
const ISSUER_CODES: Record<string, string> = {
  SKHCN: 'Sở Khoa học và Công nghệ',
  STC: 'Sở Tài chính',
  SNV: 'Sở Nội vụ',
  SYT: 'Sở Y tế',
  SGDĐT: 'Sở Giáo dục và Đào tạo',
  SXD: 'Sở Xây dựng',
  SCT: 'Sở Công Thương',
  STP: 'Sở Tư pháp',
  SNNMT: 'Sở Nông nghiệp và Môi trường',
  SVHTTDL: 'Sở Văn hóa, Thể thao và Du lịch',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  TTg: 'Thủ tướng Chính phủ',
  CP: 'Chính phủ',
  HĐND: 'Hội đồng nhân dân',
  UBND: 'Ủy ban nhân dân',
  TU: 'Tỉnh ủy',
  QH: 'Quốc hội',
};

/** Known names whose capitalisation cannot be derived from the capitalised header. */
const KNOWN_NAMES = [
  ...Object.values(ISSUER_CODES),
  'Bộ Công an', 'Bộ Tài chính', 'Bộ Nội vụ', 'Bộ Y tế', 'Bộ Xây dựng', 'Bộ Tư pháp',
  'Văn phòng Ủy ban nhân dân', 'Ủy ban nhân dân tỉnh Quảng Ngãi', 'Hội đồng nhân dân tỉnh Quảng Ngãi',
];

/** The issuer named by a document number's last code (`…/TB-SKHCN`), when unambiguous. */
export function issuerFromNumber(number: string): string | undefined {
  const last = number.split('/').pop() ?? '';
  const parts = last.split('-');
  const code = parts.length > 1 ? parts[1] : /^QH\d{2}$/.test(last) ? 'QH' : undefined;
  return code ? ISSUER_CODES[code] : undefined;
}

/** How the name of a state or Party body opens in a document header. */
export const HEADER_START = /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|SỞ|BỘ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY|ĐẢNG BỘ|BAN|VĂN PHÒNG|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|CỤC|CHI CỤC|TỔNG CỤC|TRUNG TÂM|CÔNG AN|THANH TRA|PHÒNG|TRƯỜNG|BỆNH VIỆN|VIỆN|ĐẠI HỌC|KHO BẠC|BẢO HIỂM|TÒA ÁN|MẶT TRẬN|LIÊN ĐOÀN|HỘI|ĐOÀN|BỘ CHỈ HUY|BAN QUẢN LÝ)(?=\s|$)/u;
const HEADER_CONTINUATION = /^(?:TỈNH|THÀNH PHỐ|HUYỆN|XÃ|PHƯỜNG|QUẬN|THỊ XÃ)\s+\p{Lu}/u;

/** The issuer from the capitalised header lines among the first lines of a document. */
export function issuerFromHeader(lines: string[]): string | undefined {
  for (let i = 0; i < Math.min(lines.length, 12); i += 1) {
    const line = (lines[i] ?? '').trim();
    if (!HEADER_START.test(line) || line.length > 80) continue;
    if (/CỘNG HÒA|CỘNG HOÀ/u.test(line)) continue;
    const next = (lines[i + 1] ?? '').trim();
    const full = HEADER_CONTINUATION.test(next) ? `${line} ${next}` : line;
    return toNameCase(full);
  }
  return undefined;
}

/** `ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI` → `Ủy ban nhân dân tỉnh Quảng Ngãi`. */
export function toNameCase(caps: string): string {
  const upper = caps.replace(/\s+/g, ' ').trim().replace(/^UỶ/u, 'ỦY').toUpperCase();
  for (const name of KNOWN_NAMES) if (name.toUpperCase() === upper) return name;
  const prefix = KNOWN_NAMES.filter((n) => upper.startsWith(`${n.toUpperCase()} `)).sort((a, b) => b.length - a.length)[0];
  const lower = upper.toLowerCase();
  if (prefix) return `${prefix}${placeCase(lower.slice(prefix.length))}`;
  return placeCase(lower.charAt(0).toUpperCase() + lower.slice(1));
}

/** Capitalise place names after `tỉnh`, `thành phố`, `huyện`, `xã`, `phường`. */
function placeCase(s: string): string {
  return s.replace(/(\b(?:tỉnh|thành phố|huyện|xã|phường|quận|thị xã)\s+)(.+)$/u, (_m, lead: string, name: string) =>
    lead + name.replace(/(^|\s)(\p{Ll})/gu, (_x, sp: string, c: string) => sp + c.toUpperCase()));
}
