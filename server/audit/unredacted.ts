/**
 * Last-defence detector of personal data that should have been redacted before a text
 * reaches the audit trail. It is deliberately narrow (citizen ids and phone numbers);
 * the real redaction happens upstream, and this only stops an obvious leak from being
 * written to disk.
 */

/** Digit runs, allowing single space, dot or dash separators ("0912 345 678"). */
const DIGIT_RUN = /(?<![\p{Nd}])\p{Nd}(?:[ .-]?\p{Nd})+(?![\p{Nd}])/gu;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i;

/** What kind of personal data a text still carries. */
export type UnredactedKind = 'citizen-id' | 'phone';

/**
 * The first thing in `text` that looks like a 12-digit citizen id (CCCD) or a Vietnamese
 * phone number (10 digits starting with 0, or +84 followed by 9 digits), or undefined.
 * Separators inside the number are ignored, so "0912.345.678" is caught; so is a run such
 * as "2021 2022 2023" (a false positive the upstream redactor should never produce, since
 * it masks such numbers first).
 */
export function findUnredacted(text: string): UnredactedKind | undefined {
  const s = text.normalize('NFKC');
  for (const m of s.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/[ .-]/g, '');
    if (digits.length === 12) return 'citizen-id';
    if (digits.length === 10 && digits.startsWith('0')) return 'phone';
    if (digits.length === 11 && digits.startsWith('84') && s.charAt((m.index ?? 0) - 1) === '+') return 'phone';
  }
  return undefined;
}

/** Whether a user id looks like a raw IP address rather than a pseudonym. */
export function looksLikeIp(user: string): boolean {
  return IPV4.test(user) || (user.includes(':') && IPV6.test(user));
}
