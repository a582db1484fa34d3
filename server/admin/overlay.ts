/**
 * The effective metadata of indexed documents: admin overrides on top of what ingestion
 * stored, supersession carried from the replacing document to the replaced one, and the
 * relation clauses of other documents linked to each one (`changedBy`, core/inforce/).
 * Pure: the caller decides when to rebuild (once per index and overrides version).
 */
import { changesByTarget, linkRelations, type LinkDecision } from '../../core/inforce/links.ts';
import type { Audience, DocumentChange, DocumentRecord, DocumentStatus } from '../../core/model.ts';
import { normalizeText } from '../../core/text/normalize.ts';

/** What an admin changed about one document, with who and when. */
export interface MetadataOverride {
  audience?: Audience;
  status?: DocumentStatus;
  /** Ids, source ids or numbers (số ký hiệu) of documents this one replaces. */
  supersedes?: string[];
  /** Id or number of the document that replaced this one. */
  supersededBy?: string;
  /** Decisions on the links of this document's relation clauses, by link key (`replaces:1287/qđ-ubnd`). */
  links?: Record<string, LinkDecision>;
  /** ISO time of the last change. */
  updatedAt: string;
  /** Who made it (the admin's user name). */
  updatedBy: string;
}

/**
 * Gives the effective record of a document: the same object when nothing applies to it,
 * else a copy with the changed fields (the same copy on every call for a given object).
 */
export type Overlay = <D extends DocumentRecord>(doc: D) => D;

type Effective = Pick<DocumentRecord, 'audience' | 'status' | 'supersedes' | 'supersededBy'>;
type EffectiveField = keyof Effective;
const FIELDS: readonly EffectiveField[] = ['audience', 'status', 'supersedes', 'supersededBy'];

/** How references are compared: NFC (and the text core's other repairs), spaces collapsed, case folded. */
export function referenceKey(ref: string): string {
  return normalizeText(ref).trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The label a superseded document shows for its replacement. */
function labelOf(doc: DocumentRecord): string {
  return doc.number ?? doc.id;
}

/** Of two documents replacing the same one, the later issued wins (then the smaller id, for determinism). */
function isLater(a: DocumentRecord, b: DocumentRecord): boolean {
  const da = a.issuedDate ?? '';
  const db = b.issuedDate ?? '';
  return da !== db ? da > db : a.id < b.id;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * Which document replaces which, from every document's effective `supersedes` (the
 * override's list when it has one, else the indexed list). A reference matches a
 * document's id, source id or number. Numbers repeat from year to year (`83/KH-UBND` is
 * issued every year), so a document is never taken as replaced by one issued before it.
 * A document whose status an admin set explicitly is left alone.
 */
function replacements(docs: readonly DocumentRecord[], overrides: ReadonlyMap<string, MetadataOverride>): Map<string, DocumentRecord> {
  const byRef = new Map<string, DocumentRecord[]>();
  for (const doc of docs) {
    for (const ref of new Set([doc.id, doc.sourceId, doc.number].filter((r): r is string => !!r).map(referenceKey))) {
      const list = byRef.get(ref);
      if (list) list.push(doc);
      else byRef.set(ref, [doc]);
    }
  }
  const replacedBy = new Map<string, DocumentRecord>();
  for (const newer of docs) {
    for (const ref of overrides.get(newer.id)?.supersedes ?? newer.supersedes ?? []) {
      for (const older of byRef.get(referenceKey(ref)) ?? []) {
        if (older.id === newer.id || overrides.get(older.id)?.status !== undefined) continue;
        if (older.issuedDate && newer.issuedDate && older.issuedDate > newer.issuedDate) continue;
        const current = replacedBy.get(older.id);
        if (!current || isLater(newer, current)) replacedBy.set(older.id, newer);
      }
    }
  }
  return replacedBy;
}

/** Options of {@link buildOverlay}. */
export interface OverlayOptions {
  /**
   * Apply the links of relation clauses (default true). False while the admin's decisions
   * cannot be read: a link an admin rejected must not come back, so none applies.
   */
  links?: boolean;
}

/**
 * Builds the overlay of `overrides` (keyed by docId) over `documents`. The work is done
 * here, once; each call of the returned function is a map lookup. Overrides of documents
 * not in `documents` still apply to them (their own fields; supersession needs the set).
 */
export function buildOverlay(documents: Iterable<DocumentRecord>, overrides: ReadonlyMap<string, MetadataOverride>, options: OverlayOptions = {}): Overlay {
  const docs = [...documents];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const changes = options.links === false ? new Map<string, DocumentChange[]>()
    : changesByTarget(linkRelations(docs, (id) => overrides.get(id)?.links), (id) => byId.get(id));
  const wanted = new Map<string, Partial<Effective>>();
  for (const [docId, o] of overrides) {
    const fields: Partial<Effective> = {};
    for (const f of FIELDS) if (o[f] !== undefined) Object.assign(fields, { [f]: o[f] });
    wanted.set(docId, fields);
  }
  for (const [olderId, newer] of replacements(docs, overrides)) {
    const fields = wanted.get(olderId) ?? {};
    fields.status = 'superseded';
    fields.supersededBy ??= labelOf(newer);
    wanted.set(olderId, fields);
  }

  const memo = new WeakMap<DocumentRecord, DocumentRecord>();
  return <D extends DocumentRecord>(doc: D): D => {
    const fields = wanted.get(doc.id);
    const changedBy = changes.get(doc.id);
    if (!fields && !changedBy) return doc;
    const known = memo.get(doc);
    if (known) return known as D;
    const changed = fields ? FIELDS.filter((f) => fields[f] !== undefined && !sameValue(fields[f], doc[f])) : [];
    const base = changed.length === 0 ? doc : { ...doc, ...Object.fromEntries(changed.map((f) => [f, fields![f]])) };
    const out = changedBy ? { ...base, changedBy } : base;
    memo.set(doc, out);
    return out;
  };
}
