/**
 * The audit trail's own redaction of every free text it writes (questions, feedback
 * comments, drafting requests, notes): the caller's redaction is trusted to nothing. It never
 * fails open: a text whose redaction throws, or that still looks personal afterwards, is
 * written as a placeholder, never as typed, and the record is still written.
 */
import { redactPersonalData } from '../../core/guard/pii.ts';
import { findUnredacted } from './unredacted.ts';

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
