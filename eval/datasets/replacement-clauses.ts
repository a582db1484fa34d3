/**
 * The replacement-clause evaluation set: passages that say what a document replaces,
 * repeals, amends or ends ("thay thế Quyết định số …", "bãi bỏ Điều 5 của …", "sửa đổi, bổ
 * sung khoản 2 Điều 3 của …", "… hết hiệu lực kể từ ngày …"), and passages that only look
 * like it; plus pairs of short documents where a newer one changes an older one. Record
 * schemas and loaders; the checks live in check-replacement-clauses.ts.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonl } from './answer-datasets.ts';

export const REPLACEMENT_CLAUSES_PATH = fileURLToPath(new URL('./replacement-clauses.jsonl', import.meta.url));
export const INFORCE_PAIRS_DIR = fileURLToPath(new URL('./inforce-pairs/', import.meta.url));
export const INFORCE_PAIRS_PATH = join(INFORCE_PAIRS_DIR, 'pairs.jsonl');

/**
 * What a passage does to another document: `replaces` (thay thế), `repeals` (bãi bỏ),
 * `amends` (sửa đổi, bổ sung), `expires` (the passage says the target "hết hiệu lực").
 */
export const RELATION_TYPES = ['replaces', 'repeals', 'amends', 'expires'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/**
 * Target types, lower case as written. The product's DocumentType values, plus the kinds
 * laws end (pháp lệnh) and ministries issue jointly (thông tư liên tịch).
 */
export const TARGET_DOC_TYPES = [
  'luật', 'bộ luật', 'pháp lệnh', 'nghị định', 'nghị quyết', 'thông tư', 'thông tư liên tịch', 'quyết định',
  'chỉ thị', 'kế hoạch', 'thông báo', 'công văn', 'hướng dẫn',
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'not a YYYY-MM-DD date');

export const relationTargetSchema = z.object({
  docType: z.enum(TARGET_DOC_TYPES),
  /** Số ký hiệu exactly as the passage writes it (`1287/QĐ-UBND`, `15/2021/QĐ-UBND`). */
  number: z.string().min(1),
  /** The year in the number, else the year of `date`, else null. */
  year: z.number().int().nullable(),
  /** Issue date of the target when the passage gives it. */
  date: isoDate.nullable(),
  /** Issuer as the passage writes it (`UBND tỉnh`, `Bộ trưởng Bộ Tài chính`), else null. */
  issuer: z.string().min(1).nullable(),
}).strict();

export const relationSchema = z.object({
  type: z.enum(RELATION_TYPES),
  target: relationTargetSchema,
  /** Parts concerned, one unit each (`khoản 2 Điều 3`, `Phụ lục I`); empty for the whole text or unnamed parts. */
  parts: z.array(z.string().min(1)),
  /** When the relation takes effect, if the passage lets one say; null otherwise. */
  from: isoDate.nullable(),
}).strict();

export const replacementClauseSchema = z.object({
  id: z.string().regex(/^rc-\d{3}$/u, 'id must be rc-NNN'),
  source: z.enum(['written', 'alqac']),
  text: z.string().min(1),
  /** Issue date of the document the passage is in (for a law: the day it was passed). */
  issuedDate: isoDate.nullable(),
  /** When the passage's own document takes effect, if the passage says. */
  effectiveDate: isoDate.nullable(),
  relations: z.array(relationSchema),
  /** ALQAC corpus record the passage is taken from: `law_id#article_id`. */
  alqacId: z.string().min(1).optional(),
  note: z.string(),
}).strict();

export type RelationTarget = z.infer<typeof relationTargetSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type ReplacementClause = z.infer<typeof replacementClauseSchema>;

export const inforcePairSchema = z.object({
  id: z.string().regex(/^ip-\d{2}$/u, 'id must be ip-NN'),
  /** File names inside inforce-pairs/. */
  old: z.string().min(1),
  new: z.string().min(1),
  relation: z.enum(RELATION_TYPES),
  question: z.string().min(1),
  /** Facts a correct answer from the new text contains, each found in the new document. */
  answerNew: z.array(z.string().min(1)).min(1),
  /** Facts the old text gives, each found in the old document. */
  answerOld: z.array(z.string().min(1)).min(1),
  /** The day the question is asked. */
  asOf: isoDate,
  /** Which text is in force on `asOf` (a new text may be signed but not yet in effect). */
  inForceAsOf: z.enum(['old', 'new']),
  note: z.string(),
}).strict();

export type InforcePair = z.infer<typeof inforcePairSchema>;

/** Raw records of the clause set, unvalidated (the checker reports schema problems per record). */
export async function loadReplacementClauses(path = REPLACEMENT_CLAUSES_PATH): Promise<unknown[]> {
  return parseJsonl<unknown>(await readFile(path, 'utf8'), path);
}

/** Raw records of the pair manifest, unvalidated. */
export async function loadInforcePairs(path = INFORCE_PAIRS_PATH): Promise<unknown[]> {
  return parseJsonl<unknown>(await readFile(path, 'utf8'), path);
}
