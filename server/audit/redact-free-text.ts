/**
 * The audit trail's own redaction of every free text it writes (questions, feedback
 * comments, drafting requests, notes): the caller's redaction is trusted to nothing. It never
 * fails open: a text whose redaction throws, or that still looks personal afterwards, is
 * written as a placeholder, never as typed, and the record is still written.
 */
import type { AuditRecord } from '../../core/audit/types.ts';
import { redactPersonalData } from '../../core/guard/pii.ts';
import { findUnredacted, looksLikeIp } from './unredacted.ts';

/** Written instead of a text that could not be redacted with certainty. */
export const WITHHELD_TEXT = '[nội dung đã ẩn: không che được dữ liệu cá nhân]';

/** A redactor: text in, text with personal data replaced out. */
export type Redactor = (text: string) => string;

/** The shipped redactor (core/guard/pii.ts). */
export const redactText: Redactor = (text) => redactPersonalData(text).text;

/** A text made safe to write, and whether it had to be withheld whole. */
export interface SafeText {
  text: string;
  withheld: boolean;
}

/**
 * `text` with personal data redacted by `redact`; {@link WITHHELD_TEXT} when `redact`
 * throws or its output still holds a citizen id or a phone number (the narrow last check
 * of unredacted.ts).
 */
export function safeFreeText(text: string, redact: Redactor = redactText): SafeText {
  let out: string;
  try {
    out = redact(text);
  } catch {
    return { text: WITHHELD_TEXT, withheld: true };
  }
  if (typeof out !== 'string' || findUnredacted(out) !== undefined) return { text: WITHHELD_TEXT, withheld: true };
  return { text: out, withheld: false };
}

/** Record fields that hold codes, ids and times set by the server, never text a person typed. */
const STRUCTURAL = new Set(['id', 'time', 'role', 'user', 'outcome', 'reason', 'answerer', 'retrieved', 'decisions', 'citations', 'feedback']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Written as `user` when the caller passed something that is not a pseudonym (an IP address). */
const UNKNOWN_USER = 'unknown';

/**
 * The record as it may be written: every free text redacted with {@link safeFreeText} —
 * the question, the feedback comment, a conversation id that is not a UUID, and every string
 * of any other field, nested ones included (a drafting request, an admin note) — and a
 * `user` that is an IP address replaced by `unknown`. Decisions say what was withheld.
 */
export function redactRecord(r: AuditRecord, redact: Redactor = redactText): AuditRecord {
  let withheld = 0;
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const safe = safeFreeText(value, redact);
      if (safe.withheld) withheld++;
      return safe.text;
    }
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(r)) {
    const keep = STRUCTURAL.has(key) || (key === 'conversationId' && typeof value === 'string' && UUID.test(value));
    out[key] = keep ? value : clean(value);
  }
  if (r.feedback?.comment !== undefined) out.feedback = { ...r.feedback, comment: clean(r.feedback.comment) };
  const decisions = [...r.decisions];
  if (looksLikeIp(r.user)) {
    out.user = UNKNOWN_USER;
    decisions.push({ guard: 'audit-redaction', action: 'redact', reason: 'user id was an IP address' });
  }
  if (withheld) decisions.push({ guard: 'audit-redaction', action: 'redact', reason: `${withheld} text(s) withheld: redaction failed or left personal data` });
  out.decisions = decisions;
  return out as unknown as AuditRecord;
}
