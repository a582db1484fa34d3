/**
 * A citizen asking the assistant to look up their own file ("Số CCCD của tôi là …, tra giúp
 * hồ sơ", "hồ sơ khai sinh của con tôi đến đâu rồi?"). The assistant holds no personal
 * files: answering with a procedure that happens to share words would mislead, so such a
 * question is refused with where the file can be looked up (the national portal's "Tra
 * cứu hồ sơ", the one-stop desk where it was submitted). A question about how to do a
 * procedure ("tôi muốn đăng ký khai sinh cần giấy tờ gì") is not a lookup.
 */
import { foldDiacritics } from '../text/fold.ts';

/**
 * Phrases that ask for the state or the result of one's own file, unaccented and lower
 * case (matched on the folded question, so typing without diacritics works too).
 */
const LOOKUP_PHRASES = [
  String.raw`tra (?:giup|ho|cuu giup|cuu ho|xem giup|xem ho) (?:\S+ ){0,3}ho so`,
  String.raw`(?:kiem tra|xem) (?:giup|ho) (?:\S+ ){0,3}ho so`,
  String.raw`ho so (?:\S+ ){0,5}(?:cua toi|cua em|cua minh|cua con toi|cua gia dinh toi|toi da nop|toi nop|em da nop|minh da nop)(?: \S+){0,4} (?:den dau|toi dau|xong chua|da xong chua|duoc duyet chua|the nao roi|ra sao|khi nao co|bao gio co|co ket qua chua|da co ket qua chua)`,
  String.raw`ho so (?:\S+ ){0,5}(?:den dau roi|toi dau roi|xong chua|da xong chua|duoc duyet chua|co ket qua chua|da co ket qua chua)`,
  String.raw`(?:tinh trang|trang thai|tien do) (?:giai quyet )?ho so (?:cua toi|cua em|cua minh|cua con toi|toi da nop|so|ma)`,
  String.raw`(?:ma ho so|so bien nhan|giay bien nhan|phieu hen) (?:cua toi|la|so)`,
];
const LOOKUP = new RegExp(`(?<![a-z0-9])(?:${LOOKUP_PHRASES.join('|')})(?![a-z0-9])`, 'u');

/**
 * With an identifier given (a CCCD, a phone, a tax or insurance number, a plate, an e-mail),
 * a request to check or a question about whether something is done reads as a lookup of
 * that person's file even without the word "hồ sơ".
 */
const CHECK_PHRASES = [
  String.raw`(?:tra|xem|kiem tra|tra cuu) (?:giup|ho|dum|voi)`,
  String.raw`nho (?:tra|xem|kiem tra)`,
  String.raw`(?:xong|duoc duyet|duoc xu ly|duoc giai quyet|co ket qua|duoc cap) chua`,
  String.raw`den dau roi`,
  String.raw`con no (?:\S+ ){0,2}(?:khong|bao nhieu)`,
];
const CHECK = new RegExp(`(?<![a-z0-9])(?:${CHECK_PHRASES.join('|')})(?![a-z0-9])`, 'u');

function folded(question: string): string {
  return foldDiacritics(question.normalize('NFC').toLowerCase()).replace(/đ/gu, 'd').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Whether `question` asks the assistant to look up the asker's own file; `withIdentifier`:
 * the question carried personal data (found by the redactor), which widens the cues.
 */
export function asksPersonalLookup(question: string, withIdentifier = false): boolean {
  const text = folded(question);
  return LOOKUP.test(text) || (withIdentifier && CHECK.test(text));
}
