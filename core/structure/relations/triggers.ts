/**
 * The verbs of a relation clause and how they are used. "Bãi bỏ, sửa đổi, bổ sung" is one
 * group of verbs with two kinds; "được sửa đổi", "bị bãi bỏ" and "… hết hiệu lực" name
 * their target before the verb; "đã được sửa đổi, bổ sung … theo" only describes a text;
 * "sửa đổi, bổ sung hoặc thay thế" is a general rule; a proposal, an assignment or a
 * condition before the verb ("đề xuất", "tham mưu … sửa đổi", "trường hợp", "cho đến khi")
 * changes nothing yet.
 */
import type { RelationKind } from '../../model.ts';

/** One group of relation verbs in a clause. */
export interface VerbGroup {
  kinds: RelationKind[];
  start: number;
  end: number;
  /** The target is written before the verb (passive voice, or "… hết hiệu lực"). */
  targetBefore: boolean;
  /** "đã được sửa đổi, bổ sung … theo …": describes the text named before it; nothing happens. */
  descriptor: boolean;
  /** Negated by its context (proposal, condition, general rule, report): not a relation. */
  inert: boolean;
}

const VERBS: Array<[string, RelationKind]> = [
  ['thay thế', 'replaces'], ['bãi bỏ', 'repeals'], ['sửa đổi', 'amends'], ['bổ sung', 'amends'], ['hết hiệu lực', 'expires'],
];
const VERB = new RegExp(`(?<![\\p{L}])(${VERBS.map(([w]) => w).join('|')})(?![\\p{L}])`, 'giu');
/** What may stand between two verbs of one group. */
const JOINER = /^\s*(?:,|và|,\s*và|hoặc|,\s*hoặc)\s*$/iu;

/**
 * Words before a verb that make it a proposal, a task, an ability, a condition or a
 * report rather than an act of this text.
 */
const INERT_BEFORE = new RegExp(`(?<![\\p{L}])(?:${[
  'đề xuất', 'đề nghị', 'kiến nghị', 'tham mưu', 'xem xét', 'nghiên cứu', 'chờ', 'dự kiến', 'rà soát', 'có thể', 'có quyền',
  'phải', 'cần', 'nếu', 'trường hợp', 'cho đến', 'đến khi', 'sẽ được', 'để', 'nhằm', 'giao', 'đã', 'không',
].join('|')})(?![\\p{L}])`, 'iu');

function kindOf(word: string): RelationKind {
  const lower = word.toLowerCase();
  return VERBS.find(([w]) => w === lower)?.[1] ?? 'amends';
}

/** The verb groups of a clause, in order. */
export function verbGroups(clause: string): VerbGroup[] {
  const hits = [...clause.matchAll(VERB)].map((m) => ({ word: m[1] ?? '', start: m.index ?? 0, end: (m.index ?? 0) + (m[0]?.length ?? 0) }));
  const groups: VerbGroup[] = [];
  let i = 0;
  while (i < hits.length) {
    const first = hits[i]!;
    const words = [first.word];
    let end = first.end;
    let alternative = false;
    let j = i + 1;
    while (j < hits.length && JOINER.test(clause.slice(end, hits[j]!.start))) {
      if (/hoặc/iu.test(clause.slice(end, hits[j]!.start))) alternative = true;
      words.push(hits[j]!.word);
      end = hits[j]!.end;
      j += 1;
    }
    const kinds = [...new Set(words.map(kindOf))];
    const before = clause.slice(groups.length ? groups[groups.length - 1]!.end : 0, first.start);
    const lead = before.slice(-12).toLowerCase();
    const descriptor = /đã\s+(?:được\s+)?$/u.test(lead) && !kinds.includes('expires');
    const passive = /(?:được|bị)\s+$/u.test(lead);
    const expiry = kinds.length === 1 && kinds[0] === 'expires';
    const after = clause.slice(end, end + 12).toLowerCase();
    groups.push({
      kinds, start: first.start, end,
      targetBefore: passive || expiry,
      descriptor,
      // "đã được sửa đổi … theo" is a description; "đã hết hiệu lực" a report; "hoặc" a general rule.
      inert: descriptor || alternative || /^\s*hoặc(?![\p{L}])/u.test(after) || INERT_BEFORE.test(before) || /^\s*bởi(?![\p{L}])/u.test(after),
    });
    i = j;
  }
  return groups;
}
