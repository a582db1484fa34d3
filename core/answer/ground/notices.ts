/**
 * Notices shown beside an answer about the standing of the documents it cites: a
 * superseded document names what replaced it; an expired one says so.
 */
import type { DocumentRecord } from '../../model.ts';
import { documentLabel } from './citations.ts';
import { fill, MESSAGES_VI } from '../messages.ts';

const N = MESSAGES_VI.notice;

/** One notice per cited document that is no longer in force. `lookup` resolves replacement ids. */
export function statusNotices(docs: readonly DocumentRecord[], lookup: (id: string) => DocumentRecord | undefined): string[] {
  const out: string[] = [];
  for (const doc of docs) {
    const label = documentLabel(doc);
    if (doc.status === 'superseded') {
      const by = doc.supersededBy?.trim();
      if (!by) {
        out.push(fill(N.supersededUnknown, { label }));
        continue;
      }
      const replacement = lookup(by);
      out.push(fill(N.superseded, { label, by: replacement ? documentLabel(replacement) : `văn bản ${/\d/.test(by) ? `số ${by}` : by}` }));
    } else if (doc.status === 'expired') {
      out.push(fill(N.expired, { label }));
    }
  }
  return out;
}
