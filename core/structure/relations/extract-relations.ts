/**
 * What a document says it does to other texts, read from its clauses: "thay thế Quyết
 * định số …" (replaces), "bãi bỏ …" (repeals), "sửa đổi, bổ sung Điều … của …" (amends,
 * with the units), "… hết hiệu lực kể từ ngày …" (expires), each with the numbers it names
 * and the day it takes effect.
 *
 * A relation needs a verb used as an act of this text (triggers.ts) and a document number
 * in the right place: after an active verb, as its object ("thay thế người đại diện", "thay
 * thế thiết bị … theo Quyết định số …" are not relations), or before a passive verb and
 * "hết hiệu lực", as its subject. An amending lead-in ("Sửa đổi, bổ sung một số điều của
 * Luật X số N như sau:") lends its target to the items under it ("a) Bãi bỏ Điều 37;"), and
 * a lead-in without a number ("Các văn bản sau đây hết hiệu lực:") to the numbers listed
 * under it. Pure: no I/O.
 */
import type { DocumentRelation, RelationKind } from '../../model.ts';
import { normalizeText } from '../../text/normalize.ts';
import { ownEffectiveDate, relationFrom } from './effect-dates.ts';
import { partsIn } from './parts.ts';
import { clauses, statements } from './statements.ts';
import { references, run, targetOf, type TargetRef } from './targets.ts';
import { verbGroups, type VerbGroup } from './triggers.ts';

export { ownEffectiveDate } from './effect-dates.ts';

/** What the extractor knows of the document the text belongs to (from its header). */
export interface RelationContext {
  /** The document's own number: never its own target. */
  ownNumber?: string;
  issuedDate?: string;
  /** The document's effective date; read from `text` when not given. */
  effectiveDate?: string;
}

/** Words that make the object of a verb a person or a thing, not a text ("thay thế ông …", "thay thế thiết bị …"). */
const NOT_A_TEXT = /^\s*(?:các\s+)?(?:ông|bà|người|đồng chí|thành viên|cán bộ|công chức|viên chức|thiết bị|máy|vật tư|linh kiện|biểu mẫu|mẫu|điều lệ|quy trình|tài sản|xe|hồ sơ|giấy)(?![\p{L}])/iu;
/** The verb's object is something else: "thay thế cho …", "thay thế bằng …". */
const OTHER_OBJECT = /^\s*(?:cho|bằng)(?![\p{L}])/iu;
/** The number is cited, not acted on: "… theo Quyết định số …", "căn cứ …" ("kèm theo", "ban hành theo" name an attachment). */
const CITED = /(?:(?<![\p{L}])(?<!(?:kèm|hành)\s)theo(?:\s+quy định\s+(?:của|tại))?\s*$|(?<![\p{L}])(?:căn cứ|thực hiện)(?![\p{L}]))/iu;
/**
 * What may stand between a number and a verb that belongs to that number's own title: a
 * report listing "Quyết định số 789/QĐ-UBND ngày 21/6/2022 sửa đổi, bổ sung …" tells what
 * another text did.
 */
const TITLE_GLUE = /^\s*(?:,?\s*ngày\s+(?:\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?\s*(?:của\s+[^,;.]{1,80}?)?\s*(?:về việc\s*)?$/iu;
const MAX_OBJECT_GAP = 300;
const QUOTE_LENGTH = 300;

/** A number-key as numbers are compared: NFC, no spaces, case folded. */
export function numberKey(number: string): string {
  return normalizeText(number).replace(/\s+/gu, '').toLowerCase();
}

interface Found {
  kinds: RelationKind[];
  refs: TargetRef[];
  parts: string[];
  from?: string;
  quote: string;
}

interface Lead {
  /** The lead-in's target: items lend it their parts. */
  refs?: TargetRef[];
  /** A lead-in without a number: items give the numbers. */
  kinds?: RelationKind[];
  from?: string;
  quote: string;
}

/** The relations a text states, merged per kind and target number. */
export function extractRelations(text: string, context: RelationContext = {}): DocumentRelation[] {
  const effectiveDate = context.effectiveDate ?? ownEffectiveDate(text, context.issuedDate);
  const dates = { ...(context.issuedDate ? { issuedDate: context.issuedDate } : {}), ...(effectiveDate ? { effectiveDate } : {}) };
  const own = context.ownNumber ? numberKey(context.ownNumber) : undefined;
  const found: Found[] = [];
  let lead: Lead | undefined;
  for (const st of statements(text)) {
    if (st.quoted || st.recital) continue;
    if (st.article) lead = undefined;
    if (lead?.kinds && !st.enumerated) lead = undefined;
    for (const clause of clauses(st.text)) {
      const refs = references(clause.text).filter((r) => numberKey(r.number) !== own);
      const groups = verbGroups(clause.text);
      const from = relationFrom(clause.text, dates);
      const quote = shorten(st.text);
      let named = false;
      for (const [gi, g] of groups.entries()) {
        if (g.inert) continue;
        const next = groups.slice(gi + 1).find((x) => !x.descriptor);
        const targets = g.targetBefore ? subjectOf(clause.text, groups, gi, refs) : objectOf(clause.text, g, refs);
        if (targets.length > 0) {
          named = true;
          const partsEnd = g.targetBefore ? targets[0]!.start : Math.min(targets[0]!.start, next && next.start > g.end ? next.start : Infinity);
          const partsStart = g.targetBefore ? previousEnd(groups, gi) : g.end;
          found.push({ kinds: g.kinds, refs: targets, parts: partsIn(clause.text.slice(partsStart, partsEnd)), ...(from ? { from } : {}), quote });
          if (!g.targetBefore) lead = { refs: targets, ...(from ? { from } : {}), quote };
          continue;
        }
        if (lead?.kinds && st.enumerated) continue;
        const itemStart = /^\s*(?:\d+(?:\.\d+)*\.|[a-zđ]\)|[-–•+])?\s*$/u.test(clause.text.slice(0, g.start));
        const parts = partsIn(clause.text.slice(g.end, next ? next.start : clause.text.length));
        if (lead?.refs && itemStart && parts.length > 0) {
          found.push({ kinds: g.kinds, refs: lead.refs, parts, ...(lead.from ? { from: lead.from } : {}), quote: lead.quote });
        } else if (!lead?.refs && /:\s*$/u.test(st.text) && refs.length === 0) {
          lead = { kinds: g.kinds, ...(from ? { from } : {}), quote };
        }
      }
      // An item under a lead-in without a number: "a) Quyết định số … ;".
      if (!named && lead?.kinds && st.enumerated && refs.length > 0 && groups.every((g) => g.inert || g.descriptor)) {
        const items = run(clause.text, refs, 0);
        found.push({ kinds: lead.kinds, refs: items, parts: partsIn(clause.text.slice(0, items[0]!.start)), ...(lead.from ? { from: lead.from } : {}), quote: lead.quote });
      }
    }
  }
  return merge(found);
}

/** The end of the verb group before `gi` that acts (descriptors do not close a subject). */
function previousEnd(groups: readonly VerbGroup[], gi: number): number {
  for (let i = gi - 1; i >= 0; i -= 1) if (!groups[i]!.descriptor) return groups[i]!.end;
  return 0;
}

/** Numbers after a descriptor ("đã được sửa đổi, bổ sung một số điều theo Luật số …") name the target's history, not targets. */
function describing(groups: readonly VerbGroup[], at: number): boolean {
  const last = [...groups].reverse().find((g) => g.end <= at);
  return !!last?.descriptor;
}

/** The subject of a passive verb or "hết hiệu lực": the first run of numbers before it. */
function subjectOf(clause: string, groups: readonly VerbGroup[], gi: number, refs: readonly TargetRef[]): TargetRef[] {
  const g = groups[gi]!;
  const from = previousEnd(groups, gi);
  const i = refs.findIndex((r) => r.numberStart >= from && r.end <= g.start && !describing(groups, r.numberStart));
  if (i < 0) return [];
  return run(clause, refs, i, g.start).filter((r) => !describing(groups, r.numberStart));
}

/** The object of an active verb: the first run of numbers after it, when what lies between is a part, a name or a list. */
function objectOf(clause: string, g: VerbGroup, refs: readonly TargetRef[]): TargetRef[] {
  const before = refs.filter((r) => r.end <= g.start).pop();
  if (before && TITLE_GLUE.test(clause.slice(before.end, g.start))) return [];
  const i = refs.findIndex((r) => r.numberStart >= g.end);
  if (i < 0) return [];
  const gap = clause.slice(g.end, refs[i]!.start);
  if (gap.length > MAX_OBJECT_GAP || NOT_A_TEXT.test(gap) || OTHER_OBJECT.test(gap) || CITED.test(gap)) return [];
  const groups = verbGroups(clause);
  return run(clause, refs, i).filter((r) => !describing(groups, r.numberStart));
}

function shorten(text: string): string {
  return text.length <= QUOTE_LENGTH ? text : `${text.slice(0, QUOTE_LENGTH).replace(/\s+\S*$/u, '')}…`;
}

/** One relation per kind and target number; parts are pooled, the first date and fields kept. */
function merge(found: readonly Found[]): DocumentRelation[] {
  const out = new Map<string, DocumentRelation>();
  for (const f of found) {
    for (const kind of f.kinds) {
      for (const ref of f.refs) {
        const key = `${kind} ${numberKey(ref.number)}`;
        const known = out.get(key);
        if (known) {
          for (const p of f.parts) if (!known.parts.includes(p)) known.parts.push(p);
          known.from ??= f.from;
          if (known.from === undefined) delete known.from;
          continue;
        }
        out.set(key, { kind, target: targetOf(ref), parts: [...f.parts], ...(f.from ? { from: f.from } : {}), quote: f.quote });
      }
    }
  }
  return [...out.values()];
}
