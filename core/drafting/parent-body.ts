/**
 * The "tên cơ quan, tổ chức chủ quản trực tiếp" line of Decree 30/2020/NĐ-CP (Phụ lục I,
 * Phần I, mục II.2.b): a body under a higher one — a sở, ban, chi cục, phòng, trung tâm,
 * văn phòng, trường — writes its parent above its own name ("UBND TỈNH QUẢNG NGÃI" over
 * "SỞ KHOA HỌC VÀ CÔNG NGHỆ"); Ủy ban nhân dân and Hội đồng nhân dân at every level, the
 * ministries and the Government write none. The kinds are data in
 * prompts/drafting/nd30-rules.json (`parentBody`), with the rule's source.
 */
import { foldDiacritics } from '../text/fold.ts';
import { ND30_RULES } from './rules.ts';

const RULE = ND30_RULES.parentBody;
const words = (s: string) => foldDiacritics(s.normalize('NFC').toLocaleLowerCase('vi')).split(/[^\p{L}\d]+/u).filter(Boolean);

/** Each kind as its folded words, longest first, with its example parent (undefined: no parent line). */
const KINDS: ReadonlyArray<{ words: string[]; example: string | undefined }> = [
  ...Object.entries(RULE.needsParent).map(([kind, example]) => ({ words: words(kind), example })),
  ...RULE.noParent.map((kind) => ({ words: words(kind), example: undefined })),
].sort((a, b) => b.words.length - a.words.length);

function kindOf(issuingBody: string): (typeof KINDS)[number] | undefined {
  const name = words(issuingBody);
  return KINDS.find((k) => k.words.every((w, i) => name[i] === w));
}

/** Whether a body of this name sits under a higher one, so its documents carry the parent body line. */
export function needsParentBody(issuingBody: string | undefined): boolean {
  return Boolean(issuingBody?.trim()) && kindOf(issuingBody!)?.example !== undefined;
}

/** The usual parent of a body of this kind, for the question's example ("UBND TỈNH QUẢNG NGÃI" for a sở); undefined when it has none. */
export function parentBodyExample(issuingBody: string, place?: string): string | undefined {
  const example = kindOf(issuingBody)?.example;
  if (!example) return undefined;
  return example.replace('{place}', place?.trim().toLocaleUpperCase('vi') || '…');
}

/** The rule's source in the decree, for findings and the docs. */
export const PARENT_BODY_SOURCE: string = RULE.source;
