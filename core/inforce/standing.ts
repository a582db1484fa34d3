/**
 * Whether a text is in force on a given day, from the links other texts make to it
 * (links.ts) and its own effective date: replaced, repealed or ended from a day on, partly
 * changed, not yet in force, or to be replaced on a later day. A relation whose day is not
 * known counts from the relating document's issue (a text indexed says what it does).
 */
import type { DocumentChange, DocumentRecord } from '../model.ts';

/** A text's standing on one day. */
export type Standing =
  | { state: 'in_force'; partly: DocumentChange[]; upcoming?: DocumentChange }
  | { state: 'ended'; change: DocumentChange; partly: DocumentChange[] }
  | { state: 'not_yet'; from: string; partly: DocumentChange[] };

/** A change of the whole text: replaced or repealed without parts, or ended. */
export function endsWhole(c: DocumentChange): boolean {
  return c.kind === 'expires' || ((c.kind === 'replaces' || c.kind === 'repeals') && c.parts.length === 0);
}

function inEffect(c: DocumentChange, day: string): boolean {
  return c.from === undefined || c.from <= day;
}

/** The standing of `doc` on `day` (ISO). */
export function standingOn(doc: Pick<DocumentRecord, 'changedBy' | 'effectiveDate'>, day: string): Standing {
  const changes = doc.changedBy ?? [];
  const partly = changes.filter((c) => !endsWhole(c) && inEffect(c, day));
  const ended = changes.filter((c) => endsWhole(c) && inEffect(c, day));
  if (ended.length > 0) return { state: 'ended', change: ended[0]!, partly };
  if (doc.effectiveDate && doc.effectiveDate > day) return { state: 'not_yet', from: doc.effectiveDate, partly };
  const upcoming = changes.find((c) => endsWhole(c) && !inEffect(c, day));
  return { state: 'in_force', partly, ...(upcoming ? { upcoming } : {}) };
}

/** Whether `doc` is in force on `day` (neither ended nor waiting for its effective date). */
export function inForceOn(doc: Pick<DocumentRecord, 'changedBy' | 'effectiveDate' | 'status'>, day: string): boolean {
  return doc.status === 'in_force' && standingOn(doc, day).state === 'in_force';
}

/**
 * Passages ordered by the standing of their texts on `day`, each group in its previous
 * order: texts in force and unchanged first, then texts in force with parts amended,
 * replaced or repealed from that day (the text that changed them holds the current rule for
 * those parts, so it comes before them), then texts no longer (or not yet) in force. Nothing
 * is removed: a text out of force is still found, after.
 */
export function preferInForce<P extends { doc: Pick<DocumentRecord, 'changedBy' | 'effectiveDate' | 'status'> }>(passages: readonly P[], day: string): P[] {
  const tier = (doc: P['doc']): number => (!inForceOn(doc, day) ? 2 : standingOn(doc, day).partly.length > 0 ? 1 : 0);
  return passages.map((p, i) => ({ p, i, t: tier(p.doc) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.p);
}
