/**
 * What the assistant still has to ask before it can write a draft: one polite Vietnamese
 * question per missing field (prompts/drafting/request.vi.json), in the order a form reads.
 */
import { foldDiacritics } from '../text/fold.ts';
import type { DraftFields } from './model.ts';
import { capitalizeFirst } from './format.ts';
import { nameInRunningText } from './names.ts';
import { needsParentBody, parentBodyExample } from './parent-body.ts';
import { DRAFT_REQUEST_VI, fill } from './rules.ts';

const Q = DRAFT_REQUEST_VI.questions;
const fold = (s: string) => foldDiacritics(s).toLowerCase();

/** Whether the body of this draft needs a deadline or an event time. */
export function needsDeadline(partial: Partial<DraftFields>): boolean {
  if (!partial.type) return false;
  if ((DRAFT_REQUEST_VI.deadlineTypes as string[]).includes(partial.type)) return true;
  if (!(DRAFT_REQUEST_VI.deadlineByKeywordTypes as string[]).includes(partial.type)) return false;
  const subject = fold(partial.subject ?? '');
  return DRAFT_REQUEST_VI.deadlineKeywords.some((k) => subject.includes(fold(k)));
}

const blank = (v: string | undefined) => !v || !v.trim();

/**
 * The questions for what `partial` lacks. `number` and `date` are never asked: the văn thư fills
 * them at registration. The deadline is asked only when the type or subject calls for one; the
 * parent body when the issuer sits under a higher body (parent-body.ts), or, as optional, with
 * the issuer when that is not known yet.
 */
export function missingFields(partial: Partial<DraftFields>): Array<{ field: keyof DraftFields; question: string }> {
  const out: Array<{ field: keyof DraftFields; question: string }> = [];
  const ask = (field: keyof DraftFields, question: string) => out.push({ field, question });
  if (!partial.type) ask('type', Q.type);
  if (blank(partial.issuingBody)) {
    ask('issuingBody', Q.issuingBody);
    // Asked in the same round, as optional, so that the answer to both comes back at once.
    if (blank(partial.superiorBody)) ask('superiorBody', Q.superiorBodyUnknownIssuer);
  } else if (blank(partial.superiorBody) && needsParentBody(partial.issuingBody)) {
    const issuer = capitalizeFirst(nameInRunningText(partial.issuingBody!));
    ask('superiorBody', fill(Q.superiorBody, { issuer, example: parentBodyExample(partial.issuingBody!, partial.place) ?? '' }));
  }
  if (blank(partial.issuingBodyCode)) ask('issuingBodyCode', Q.issuingBodyCode);
  if (blank(partial.place)) ask('place', Q.place);
  if (blank(partial.subject)) ask('subject', Q.subject);
  if (!partial.recipients?.some((r) => r.trim())) ask('recipients', Q.recipients);
  if (blank(partial.deadline) && needsDeadline(partial)) ask('deadline', partial.type === 'giấy mời' ? Q.deadlineInvitation : Q.deadline);
  if (blank(partial.signerTitle)) ask('signerTitle', Q.signerTitle);
  const a = partial.signingAuthority;
  if (a && a !== 'Q.' && blank(partial.onBehalfOf)) ask('onBehalfOf', Q.onBehalfOf);
  if (blank(partial.signerName)) ask('signerName', Q.signerName);
  return out;
}
