/**
 * Street addresses in a citizen's question: a house number before a street ("số nhà 12",
 * "123/4 Lê Lợi", "45 đường Trần Hưng Đạo"), a lane ("hẻm 45", "ngõ 12", "kiệt 3"), a hamlet
 * or residential group ("thôn An Phú", "tổ 5", "ấp 3", "khu phố 2", "xóm Mới"), a street
 * after "tôi ở"/"trú tại", or anything after "địa chỉ:" — with the ward, commune, district
 * and province names that follow ("…, phường Nghĩa Chánh, TP Quảng Ngãi"). An office's
 * place ("UBND phường Nghĩa Chánh", "nộp tại Sở Tư pháp") is not an address: an
 * administrative unit alone counts only after the address label.
 */
import { opensNonName, TITLE_CASE, wordsFrom } from './person-names.ts';

/** An address's span in the text searched. */
export interface AddressSpan {
  start: number;
  end: number;
}

const HOUSE = /(?<![\p{L}\p{N}/.,-])(?:(?:số\s+nhà|nhà\s+số|so\s+nha|nha\s+so|số|so|nhà|nha|căn)\s+)?(\d{1,5}[A-Za-z]?(?:\s?[/-]\s?\d{1,5}[A-Za-z]?){0,3})(?=\s)/giu;
const HOUSE_NAMED = /^(?:số\s+nhà|nhà\s+số|so\s+nha|nha\s+so)/iu;
/** A number just after one of these names a document part, a date or an amount, not a house. */
const NOT_HOUSE_BEFORE = /(?:quyết định|nghị định|thông tư|luật|công văn|kế hoạch|báo cáo|văn bản|thông báo|chỉ thị|nghị quyết|tờ trình|điều|khoản|điểm|mục|chương|phần|ký hiệu|mẫu|biểu|ngày|tháng|năm|lúc|phòng|tầng|quầy|bàn|phí|giá|tuổi|lần|bước|lớp|khối|cấp|hạng|loại|nhóm|đợt|kỳ|khóa|khoá|bậc|top|hạng)\s+(?:số\s+)?$/iu;
/** Capitalised words that open a school, a market or a building, not a street. */
const NOT_STREET_FIRST = /^(?:Trường|Chợ|Bến|Khu|Tòa|Toà|Nhà|Bệnh|Trung|Lớp|Khối)$/u;
const STREET_WORD = /^(?:đường|phố|đ\.|duong|pho)\s+/iu;
const LANE = /(?<![\p{L}])(?:hẻm|ngõ|ngách|kiệt|hem|ngo|ngach|kiet)\s+(?:số\s+|so\s+)?/giu;
const HAMLET = /(?<![\p{L}])(?:tổ\s+dân\s+phố|khu\s+dân\s+cư|khu\s+tập\s+thể|khu\s+phố|chung\s+cư|căn\s+hộ|thôn|tổ|ấp|xóm|buôn|to\s+dan\s+pho|khu\s+pho|chung\s+cu|thon|xom)\s+(?:số\s+|so\s+)?/giu;
/** "đường X" names a place of residence only after the person says they live there. */
const STREET_AFTER_RESIDENCE = /(?<![\p{L}])(?:(?:nhà|gia đình) (?:tôi|em|mình|cháu|con) (?:ở|tại)|(?:tôi|em|mình|cháu) (?:ở|sống ở|sống tại|đang ở|cư trú tại|cư trú ở)|(?:thường trú|tạm trú|cư trú|ngụ|trú) (?:tại|ở)|quê (?:ở|tại)|nơi ở|chỗ ở|i live (?:at|in|on)|my address is)\s*(?:là\s+|:\s*)?/giu;
const STREET = /(?<![\p{L}])(?:đường|phố|duong|pho)\s+(?:số\s+|so\s+)?/iuy;
/** Where a person lives, then a house number: "nhà ở 56 Bà Triệu" (the street's name may look like a title or a person's). */
const HOME_AT = /(?<![\p{L}])(?:nhà|nha)(?: riêng)?\s+(?:ở|tại|o|tai)\s+(?=\d)/gu;
/** A house number, then a capitalised word opening the street's name. */
const HOUSE_NUMBER = /^\d{1,5}[A-Za-z]?(?:\s?[/-]\s?\d{1,5}[A-Za-z]?){0,3}\s+(?=\p{Lu}\p{Ll})/u;
const LABEL = /(?<![\p{L}])(?:địa chỉ|dia chi|address)(?:\s+(?:nhà|liên hệ|thường trú|tạm trú|của (?:tôi|em|mình|cháu)|nha|cua toi))*\s*(?:là\s+|la\s+|[:：]\s*|\s)/giu;
const UNIT = /\s*(?:,|-|–)?\s*(?:(?:phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh|phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tinh)\s+|(?:tp|tx|tt|p|q|h|x)\.\s*|tp\s+)(?:số\s+)?/iuy;
const PART = /\s*(?:,|-|–)?\s*/uy;
const HAMLET_HERE = new RegExp(`^${HAMLET.source}`, 'iu');

/** The end of a run of capitalised words or numbers from `at` ("Lê Lợi", "3", "Nghĩa Chánh"), or undefined. */
function capitalisedRunEnd(text: string, at: number, max = 5): number | undefined {
  const words = wordsFrom(text, at, max);
  let end: number | undefined;
  for (const w of words) {
    if (!TITLE_CASE.test(w.text) && !/^\p{Lu}+$/u.test(w.text)) break;
    end = w.end;
  }
  if (end !== undefined) return end;
  const number = /^\d{1,4}[A-Za-z]?\b/u.exec(text.slice(at));
  return number ? at + number[0].length : undefined;
}

/** A street's name from `at`: capitalised words that are not an office, a date or a document ("Tháng", "Luật"). */
function streetEnd(text: string, at: number, minWords: number): number | undefined {
  const words = wordsFrom(text, at, 5);
  if (!words[0] || opensNonName(words[0].text, words[1]?.text) || NOT_STREET_FIRST.test(words[0].text)) return undefined;
  const named = words.filter((w, i) => words.slice(0, i + 1).every((x) => TITLE_CASE.test(x.text)));
  return named.length >= minWords ? named.at(-1)!.end : undefined;
}

/** The end of the address parts that follow `at`: streets, hamlets and administrative units. */
function extend(text: string, at: number): number {
  let end = at;
  for (;;) {
    let next: number | undefined;
    for (const re of [UNIT, STREET]) {
      PART.lastIndex = end;
      const sep = PART.exec(text);
      re.lastIndex = end + (sep?.[0].length ?? 0);
      const m = re.exec(text);
      if (m) next = capitalisedRunEnd(text, m.index + m[0].length);
      if (next !== undefined) break;
    }
    if (next === undefined) {
      const rest = /^\s*[,\-–]?\s*/u.exec(text.slice(end));
      const hamlet = rest ? HAMLET_HERE.exec(text.slice(end + rest[0].length)) : null;
      if (rest && hamlet) next = capitalisedRunEnd(text, end + rest[0].length + hamlet[0].length);
    }
    if (next === undefined || next <= end) return end;
    end = next;
  }
}

/** Street addresses in `text` (NFC), in order, never overlapping. */
export function findAddresses(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  const add = (start: number, end: number | undefined): void => {
    if (end === undefined || end <= start) return;
    const full = extend(text, end);
    if (spans.some((s) => s.start < full && start < s.end)) return;
    spans.push({ start, end: full });
  };
  for (const m of text.matchAll(HOUSE)) {
    if (NOT_HOUSE_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    let at = m.index + m[0].length;
    at += /^\s*/u.exec(text.slice(at))![0].length;
    const street = STREET_WORD.exec(text.slice(at));
    if (street) at += street[0].length;
    const named = HOUSE_NAMED.test(m[0]);
    add(m.index, streetEnd(text, at, named || street ? 1 : 2) ?? (named ? m.index + m[0].length : undefined));
  }
  for (const re of [LANE, HAMLET]) {
    for (const m of text.matchAll(re)) add(m.index, capitalisedRunEnd(text, m.index + m[0].length));
  }
  for (const re of [HOME_AT, STREET_AFTER_RESIDENCE]) {
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].length;
      const house = HOUSE_NUMBER.exec(text.slice(at));
      if (house) add(at, capitalisedRunEnd(text, at + house[0].length));
    }
  }
  for (const m of text.matchAll(STREET_AFTER_RESIDENCE)) {
    const at = m.index + m[0].length;
    STREET.lastIndex = at;
    const street = STREET.exec(text);
    if (street) add(at, capitalisedRunEnd(text, at + street[0].length));
  }
  for (const m of text.matchAll(LABEL)) {
    const at = m.index + m[0].length;
    UNIT.lastIndex = at;
    const unit = UNIT.exec(text);
    if (unit) add(at, capitalisedRunEnd(text, at + unit[0].length));
  }
  return spans.sort((a, b) => a.start - b.start);
}
