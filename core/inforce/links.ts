/**
 * Links from the relation clauses of indexed documents ("thay thế Quyết định số …") to the
 * indexed documents they name, by normalised number. A number without a year
 * (`1287/QĐ-UBND` is issued again every year) must agree with the year of the date the
 * clause writes; a text never changes one issued after it; a number that still fits more
 * than one document links to none until an admin picks. Admin decisions confirm, reject
 * or re-point a link; a decision pointing at a document that is not indexed applies
 * nothing (fail closed). Pure: the caller decides when to rebuild.
 */
import type { DocumentChange, DocumentRecord, DocumentRelation, RelationKind } from '../model.ts';
import { numberKey } from '../structure/relations/extract-relations.ts';
import { yearOfNumber } from '../structure/relations/targets.ts';
import { documentLabel } from '../answer/ground/citations.ts';

/** An admin's decision on one link. */
export interface LinkDecision {
  decision: 'confirmed' | 'rejected';
  /** The document the link should point at, when the automatic match was wrong or ambiguous. */
  targetId?: string;
}

/** Where a link stands. */
export type LinkState = 'automatic' | 'ambiguous' | 'unmatched' | 'confirmed' | 'rejected';

/** One relation of one document, with what it was linked to. */
export interface RelationLink {
  /** `${kind}:${number key}`: stable across re-indexing while the clause stays the same. */
  key: string;
  byId: string;
  relation: DocumentRelation;
  /** Indexed documents whose number matches (before any decision). */
  candidates: string[];
  /** The document the link applies to, when it applies. */
  targetId?: string;
  state: LinkState;
  /** When it takes effect: the clause's date, else the relating document's effective or issue date. */
  from?: string;
}

/** The key of a relation among its document's relations. */
export function linkKey(kind: RelationKind, number: string): string {
  return `${kind}:${numberKey(number)}`;
}

function yearOf(doc: DocumentRecord): number | undefined {
  return doc.issuedDate ? Number(doc.issuedDate.slice(0, 4)) : (doc.number ? yearOfNumber(doc.number) : undefined);
}

/** Documents a relation of `by` may name. */
function candidatesFor(relation: DocumentRelation, by: DocumentRecord, byNumber: ReadonlyMap<string, DocumentRecord[]>): DocumentRecord[] {
  const wanted = relation.target.year ?? yearOfNumber(relation.target.number);
  return (byNumber.get(numberKey(relation.target.number)) ?? []).filter((doc) => {
    if (doc.id === by.id) return false;
    if (doc.issuedDate && by.issuedDate && doc.issuedDate > by.issuedDate) return false;
    const year = yearOf(doc);
    if (wanted !== undefined && year !== undefined && year !== wanted) return false;
    return !(relation.target.date && doc.issuedDate && relation.target.date !== doc.issuedDate);
  });
}

/**
 * Every relation of `docs` with its link. `decisionsOf(id)` gives the admin's decisions
 * for the relations of document `id`, by {@link linkKey}.
 */
export function linkRelations(
  docs: Iterable<DocumentRecord>,
  decisionsOf: (docId: string) => Readonly<Record<string, LinkDecision>> | undefined,
): RelationLink[] {
  const all = [...docs];
  const byId = new Map(all.map((d) => [d.id, d]));
  const byNumber = new Map<string, DocumentRecord[]>();
  for (const doc of all) {
    if (!doc.number) continue;
    const key = numberKey(doc.number);
    const list = byNumber.get(key);
    if (list) list.push(doc);
    else byNumber.set(key, [doc]);
  }
  const links: RelationLink[] = [];
  for (const by of all) {
    const decisions = by.relations?.length ? decisionsOf(by.id) : undefined;
    for (const relation of by.relations ?? []) {
      const key = linkKey(relation.kind, relation.target.number);
      const candidates = candidatesFor(relation, by, byNumber).map((d) => d.id);
      const decision = decisions?.[key];
      const from = relation.from ?? by.effectiveDate ?? by.issuedDate;
      const link: RelationLink = { key, byId: by.id, relation, candidates, state: 'unmatched', ...(from ? { from } : {}) };
      if (decision?.decision === 'rejected') link.state = 'rejected';
      else if (decision?.decision === 'confirmed') {
        const target = decision.targetId ?? (candidates.length === 1 ? candidates[0] : undefined);
        // A confirmation that names no indexed document applies nothing.
        if (target && byId.has(target) && target !== by.id) {
          link.state = 'confirmed';
          link.targetId = target;
        }
      } else if (candidates.length === 1) {
        link.state = 'automatic';
        link.targetId = candidates[0]!;
      } else if (candidates.length > 1) link.state = 'ambiguous';
      links.push(link);
    }
  }
  return links;
}

/** What the applied links do to each target document, by target id, earliest first. */
export function changesByTarget(links: readonly RelationLink[], document: (id: string) => DocumentRecord | undefined): Map<string, DocumentChange[]> {
  const out = new Map<string, DocumentChange[]>();
  for (const link of links) {
    if (!link.targetId || (link.state !== 'automatic' && link.state !== 'confirmed')) continue;
    const by = document(link.byId);
    if (!by) continue;
    const change: DocumentChange = {
      kind: link.relation.kind, byId: by.id, byLabel: documentLabel(by), parts: link.relation.parts,
      ...(link.from ? { from: link.from } : {}), confirmed: link.state === 'confirmed',
    };
    const list = out.get(link.targetId);
    if (list) list.push(change);
    else out.set(link.targetId, [change]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  return out;
}
