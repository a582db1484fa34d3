/**
 * Notices about the standing of cited documents on the day a question is asked, from the
 * links other indexed texts make to them (core/inforce/): replaced, repealed or ended from
 * a day, partly changed, not yet in force, or to be replaced later. A document whose
 * status is set by an admin or a sidecar keeps the notice of `notices.ts` instead.
 */
import { standingOn } from '../../inforce/standing.ts';
import type { DocumentChange, DocumentRecord } from '../../model.ts';
import { fill, MESSAGES_VI } from '../messages.ts';
import { documentLabel, vietnameseDate } from './citations.ts';

const N = MESSAGES_VI.notice.inforce;
const MAX_PARTS = 4;

function since(change: DocumentChange): string {
  const date = change.from ? vietnameseDate(change.from) : undefined;
  return date ? fill(N.since, { date }) : '';
}

function partsLabel(parts: readonly string[]): string {
  if (parts.length === 0 || parts.length > MAX_PARTS) return N.somePartsOf;
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One notice per cited document not (or no longer, or not wholly) in force on `day`. */
export function inForceNotices(docs: readonly DocumentRecord[], day: string | undefined): string[] {
  if (!day) return [];
  const out: string[] = [];
  for (const doc of docs) {
    if (doc.status !== 'in_force' || (!doc.changedBy?.length && !doc.effectiveDate)) continue;
    const label = documentLabel(doc);
    const standing = standingOn(doc, day);
    if (standing.state === 'ended') {
      const c = standing.change;
      out.push(fill(N[c.kind === 'repeals' ? 'repeals' : c.kind === 'expires' ? 'expires' : 'replaces'], { label, by: c.byLabel, since: since(c) }));
      continue;
    }
    if (standing.state === 'not_yet') {
      out.push(fill(N.notYet, { label, date: vietnameseDate(standing.from) ?? standing.from }));
      continue;
    }
    for (const c of standing.partly) {
      out.push(fill(N.partly, { label, parts: partsLabel(c.parts), verb: N.partlyVerb[c.kind], by: c.byLabel, since: since(c) }));
    }
    const next = standing.upcoming;
    if (next?.from) out.push(fill(N.upcoming, { label, date: vietnameseDate(next.from) ?? next.from, fate: N.upcomingFate[next.kind], by: next.byLabel }));
  }
  return out;
}
