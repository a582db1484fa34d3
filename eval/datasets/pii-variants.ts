/**
 * The PII-variants set (pii-variants.jsonl): citizen questions carrying personal data in
 * the forms that slip past a redactor (names after "tôi là" or in a sign-off, addresses,
 * passports, e-mails with Vietnamese letters or spelled out, numbers with zero-width or
 * full-width characters). `secrets` are the values as typed; none may reach the audit trail
 * or an answer. `normalizedSecrets`, where present, gives each value's canonical form
 * ({@link canonicalSecret}) so a leak checker also finds it reformatted.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { foldDiacritics } from '../../core/text/fold.ts';
import { parseJsonl } from './answer-datasets.ts';

export const PII_VARIANTS_PATH = fileURLToPath(new URL('./pii-variants.jsonl', import.meta.url));

export const PII_CATEGORIES = ['name', 'address', 'passport', 'email', 'phone', 'cccd', 'bank', 'tax', 'bhxh', 'plate', 'mixed'] as const;
export type PiiCategory = (typeof PII_CATEGORIES)[number];

/** One line of pii-variants.jsonl. */
export interface PiiVariant {
  id: string;
  category: PiiCategory;
  question: string;
  /** Exact substrings of the question, as typed. */
  secrets: string[];
  /** Parallel to `secrets`: each one's {@link canonicalSecret}; present when any differs from its secret. */
  normalizedSecrets?: string[];
  note: string;
}

/** Invisible characters typed or pasted inside identifiers: zero-width space/joiners, word joiner, BOM, soft hyphen. */
export const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/** NFKC (full-width digits and letters to ASCII, no-break space to space) with invisible characters removed. */
export function stripInvisible(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

const DIGIT_WORDS: Readonly<Record<string, string>> = {
  'không': '0', 'một': '1', 'mốt': '1', 'hai': '2', 'ba': '3', 'bốn': '4', 'tư': '4',
  'năm': '5', 'lăm': '5', 'sáu': '6', 'bảy': '7', 'bẩy': '7', 'tám': '8', 'chín': '9',
};
/** How "@" is spelled out: "a còng", "a móc", "[at]", "(at)", " at ". */
const SPELLED_AT_SOURCE = String.raw`\s*(?:\[at\]|\(at\)|\ba còng\b|\ba móc\b|\sat\s)\s*`;
const SPELLED_AT = new RegExp(SPELLED_AT_SOURCE, 'giu');
const HAS_SPELLED_AT = new RegExp(SPELLED_AT_SOURCE, 'iu');
const SPELLED_DOT = /\s*(?:\[dot\]|\(dot\)|\bchấm\b|\sdot\s)\s*/giu;
const EMAIL = /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

/**
 * The canonical form of a typed secret, the form a leak checker compares:
 * - numbers (phones, CCCD, accounts, tax and BHXH codes), typed with any separators,
 *   full-width or invisible characters, or as Vietnamese digit words: the digits only,
 *   with a +84 country code written as the national 0;
 * - e-mails, also spelled out ("an chấm nguyen a còng gmail chấm com", "[at]", "(dot)"):
 *   the address in lower case without spaces;
 * - short identifiers of letters and digits (passports, plates, health-insurance cards):
 *   upper case without spaces, dots or dashes;
 * - anything else (names, addresses): NFKC without invisible characters.
 */
export function canonicalSecret(value: string): string {
  const s = stripInvisible(value).trim();
  const words = s.toLowerCase().split(/[\s,.;-]+/u).filter((w) => w !== '');
  if (words.length >= 6 && words.every((w) => w in DIGIT_WORDS)) return words.map((w) => DIGIT_WORDS[w]).join('');
  if (s.includes('@') || HAS_SPELLED_AT.test(s)) {
    const email = s.replace(SPELLED_AT, '@').replace(SPELLED_DOT, '.').replace(/\s+/gu, '').toLowerCase();
    if (EMAIL.test(email)) return email;
  }
  if (/^[\d\s.()+-]+$/u.test(s) && /\d/u.test(s)) {
    const digits = s.replace(/\D/gu, '');
    return /^\(?\+84/u.test(s) ? `0${digits.slice(2)}` : digits;
  }
  if (/\d/u.test(s) && /^[A-Za-z0-9\s.-]+$/u.test(s) && !/[A-Za-z]{3}/u.test(s)) return s.replace(/[\s.-]/gu, '').toUpperCase();
  return s;
}

/** Read pii-variants.jsonl. */
export async function loadPiiVariants(path = PII_VARIANTS_PATH): Promise<PiiVariant[]> {
  return parseJsonl<PiiVariant>(await readFile(path, 'utf8'), path);
}

/** Problems with the set, one line each: schema, ids, secrets in their questions, canonical forms. */
export function checkPiiVariants(variants: PiiVariant[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const v of variants) {
    const at = v.id ?? '?';
    if (typeof v.id !== 'string' || !/^pii-\d{3}$/.test(v.id)) problems.push(`${at}: id must look like pii-001`);
    if (ids.has(v.id)) problems.push(`${at}: duplicate id`);
    ids.add(v.id);
    if (!(PII_CATEGORIES as readonly string[]).includes(v.category)) problems.push(`${at}: unknown category "${v.category}"`);
    if (typeof v.question !== 'string' || v.question.trim() === '') problems.push(`${at}: empty question`);
    if (typeof v.note !== 'string' || v.note.trim() === '') problems.push(`${at}: missing note`);
    if (!Array.isArray(v.secrets) || v.secrets.length === 0) {
      problems.push(`${at}: no secrets`);
      continue;
    }
    for (const s of v.secrets) {
      if (typeof s !== 'string' || s.trim() === '' || !v.question.includes(s)) problems.push(`${at}: secret ${JSON.stringify(s)} is not in the question`);
    }
    const canonical = v.secrets.map((s) => canonicalSecret(String(s)));
    const differs = canonical.some((c, i) => c !== v.secrets[i]);
    if (v.normalizedSecrets === undefined) {
      if (differs) problems.push(`${at}: normalizedSecrets missing (expected ${JSON.stringify(canonical)})`);
    } else if (JSON.stringify(v.normalizedSecrets) !== JSON.stringify(canonical)) {
      problems.push(`${at}: normalizedSecrets ${JSON.stringify(v.normalizedSecrets)} should be ${JSON.stringify(canonical)}`);
    }
  }
  return problems;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const fold = (s: string): string => foldDiacritics(stripInvisible(s)).toLowerCase().replace(/\s+/gu, ' ');

/**
 * Indexes of the variant's secrets that `text` (an answer, an audit file) still contains:
 * as typed; or in canonical form after {@link stripInvisible} — numbers with any separators
 * between their digits (and 0 ↔ +84 for phones), identifiers in any case and separators,
 * e-mails in any case, names and addresses in any case or without diacritics.
 */
export function leakedSecrets(text: string, variant: Pick<PiiVariant, 'secrets'>): number[] {
  const plain = stripInvisible(text);
  const folded = fold(text);
  const leaked: number[] = [];
  variant.secrets.forEach((secret, i) => {
    const c = canonicalSecret(secret);
    let found = text.includes(secret);
    if (!found && /^\d{6,}$/u.test(c)) {
      const spaced = (digits: string) => digits.split('').join('[\\s.\\-]?');
      const national = c.startsWith('0') ? `|(?:\\+\\s?)?84[\\s.\\-]?${spaced(c.slice(1))}` : '';
      found = new RegExp(`(?<!\\d)(?:${spaced(c)}${national})(?!\\d)`, 'u').test(plain);
    } else if (!found && c.includes('@')) {
      found = plain.toLowerCase().includes(c);
    } else if (!found && /^[A-Z0-9]+$/u.test(c) && /\d/u.test(c)) {
      found = new RegExp(`(?<![A-Za-z0-9])${c.split('').map(escape).join('[\\s.\\-]?')}(?![A-Za-z0-9])`, 'iu').test(plain);
    } else if (!found) {
      found = folded.includes(fold(c));
    }
    if (found) leaked.push(i);
  });
  return leaked;
}
