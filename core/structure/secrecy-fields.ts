/**
 * Record fields that state a secrecy level (`do_mat`, `Độ mật`, `secrecy`, `classification`)
 * or hold a title, and how their values read: part of the secrecy check (secrecy.ts).
 */
import { foldDiacritics } from '../text/fold.ts';
import { levelOf, stampWords, type SecrecyLevel } from './secrecy-words.ts';

/** English grades, read in labels and fields. */
export const ENGLISH_LEVELS: Readonly<Record<string, SecrecyLevel>> = { confidential: 'MẬT', secret: 'TỐI MẬT', 'top secret': 'TUYỆT MẬT', classified: 'MẬT' };

/** Field names that state a secrecy level: `do_mat`, `Độ mật`, `secrecy`, `classification`… */
const SECRECY_FIELD = /(?:^|_)(?:do_mat|do_bao_mat|secrecy|classification|classified|confidentiality|security_level)(?:_|$)|^(?:mat|bi_mat|confidential|secret)$/;
/** Field names that hold a title. */
const TITLE_FIELD = /^(?:title|ten_thu_tuc|tieu_de|trich_yeu|ten_van_ban|ten|name|subject)$/;
const NOT_SECRET = /^(?:|khong|thuong|binh thuong|cong khai|public|none|unclassified|no|false|0|n\/a)$/;
const YES = /^(?:true|yes|co|1|x)$/;

/** A field name in snake case without accents: `Độ mật` → `do_mat`, `doMat` → `do_mat`. */
export function fieldKey(name: string): string {
  return foldDiacritics(name.normalize('NFC').replace(/(\p{Ll})(\p{Lu})/gu, '$1_$2').toLowerCase()).replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** The level a secrecy field's value states: a level in any case or accents, an English grade, or a yes. */
export function fieldLevel(value: string): SecrecyLevel | undefined {
  const plain = foldDiacritics(value.normalize('NFC').toLowerCase()).replace(/[^a-z0-9/ ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (NOT_SECRET.test(plain)) return undefined;
  if (YES.test(plain)) return 'MẬT';
  const english = Object.keys(ENGLISH_LEVELS).sort((a, b) => b.length - a.length).find((k) => plain.startsWith(k));
  if (english) return ENGLISH_LEVELS[english];
  const words = stampWords(value.split(/[;,(]/u)[0] ?? '');
  return (levelOf(words.slice(0, 2)) ?? levelOf(words.slice(0, 1)))?.level;
}

/** Whether a field key (see {@link fieldKey}) names a secrecy level. */
export function isSecrecyField(key: string): boolean {
  return SECRECY_FIELD.test(key);
}

/** Whether a field key (see {@link fieldKey}) names a title. */
export function isTitleField(key: string): boolean {
  return TITLE_FIELD.test(key);
}
