/**
 * Keeps the replacement-clause set and the in-force document pairs honest: schema, unique
 * ids, every target number, type, issuer and date written in its passage, years consistent
 * with numbers and dates, every ALQAC passage verbatim in the corpus record it names, and
 * each pair's newer document naming the older one with the wording of its relation.
 *
 *   npx tsx eval/datasets/check-replacement-clauses.ts      # exit 1 and a list when not
 */
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnvironment } from '../../config/environment.ts';
import { datasetPaths, requireDataset } from '../../config/paths.ts';
import { runAsMain } from '../../ingest/run-main.ts';
import { extractMetadata } from '../../core/structure/metadata.ts';
import { toIsoDate } from '../../core/structure/vietnamese-date.ts';
import { containsFact, parseJsonl } from './answer-datasets.ts';
import {
  INFORCE_PAIRS_DIR, inforcePairSchema, loadInforcePairs, loadReplacementClauses, replacementClauseSchema,
  type InforcePair, type Relation, type RelationType, type ReplacementClause,
} from './replacement-clauses.ts';

/** ALQAC corpus records by `law_id#article_id`. */
export type AlqacRecords = Map<string, { lawId: string; text: string }>;

/** Read the ALQAC corpus into {@link AlqacRecords}. */
export async function loadAlqacRecords(path: string): Promise<AlqacRecords> {
  const rows = parseJsonl<{ law_id: string; article_id: string; text: string }>(await readFile(requireDataset(path), 'utf8'), path);
  return new Map(rows.map((r) => [`${r.law_id}#${r.article_id}`, { lawId: r.law_id, text: r.text }]));
}

const WORDED = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;
const NUMERIC = /(?<![\d/.-])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/gu;

/** Every calendar date written in `text` (`ngày 05 tháng 3 năm 2020`, `05/3/2020`), as ISO. */
export function datesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(WORDED)) {
    const iso = toIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) out.add(iso);
  }
  for (const m of text.matchAll(NUMERIC)) {
    const iso = toIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) out.add(iso);
  }
  return out;
}

/** `điểm a khoản 2 Điều 3`, `khoản 2 Điều 3`, `Điều 5`. */
const ARTICLE_PART = /^(?:điểm ([a-zđ]) )?(?:khoản (\d+) )?Điều (\d+)$/u;
/** `Phụ lục I`, `mục 192 Phụ lục IV`, `mục 3.1 phần VII Danh mục phí, lệ phí`, `Mục IX Phụ lục số 01`. */
const ANNEX_PART = /^(?:[Mm]ục [\dIVXL.]+ )?(?:[Pp]hần [IVXL\d]+ )?(?:Phụ lục|Danh mục)(?: .+)?$/u;

function articleRangeCovers(text: string, article: number): boolean {
  for (const m of text.matchAll(/từ Điều (\d+) đến Điều (\d+)/gu)) {
    if (Number(m[1]) <= article && article <= Number(m[2])) return true;
  }
  return false;
}

function checkParts(at: string, text: string, parts: string[]): string[] {
  const problems: string[] = [];
  for (const part of parts) {
    const m = ARTICLE_PART.exec(part);
    if (!m) {
      if (!ANNEX_PART.test(part)) problems.push(`${at}: part "${part}" is neither an article unit nor an annex unit`);
      continue;
    }
    const [, point, clause, article] = m;
    if (!new RegExp(`Điều ${article}(?!\\d)`, 'u').test(text) && !articleRangeCovers(text, Number(article))) {
      problems.push(`${at}: part "${part}": Điều ${article} is not in the text`);
    }
    if (clause && !new RegExp(`khoản ${clause}(?!\\d)`, 'iu').test(text)) problems.push(`${at}: part "${part}": khoản ${clause} is not in the text`);
    if (point && !new RegExp(`điểm ${point}(?![\\p{L}])`, 'iu').test(text)) problems.push(`${at}: part "${part}": điểm ${point} is not in the text`);
  }
  return problems;
}

function checkRelation(at: string, clause: ReplacementClause, rel: Relation, dates: Set<string>): string[] {
  const problems: string[] = [];
  const { text } = clause;
  const t = rel.target;
  if (!text.includes(t.number)) problems.push(`${at}: target number ${t.number} is not in the text`);
  if (!text.toLowerCase().includes(t.docType)) problems.push(`${at}: target type "${t.docType}" is not in the text`);
  if (t.issuer !== null && !text.includes(t.issuer)) problems.push(`${at}: issuer "${t.issuer}" is not in the text`);
  if (t.date !== null && !dates.has(t.date)) problems.push(`${at}: target date ${t.date} is not written in the text`);
  const numberYear = /\/(\d{4})\//u.exec(t.number)?.[1];
  const expectedYear = numberYear ? Number(numberYear) : t.date ? Number(t.date.slice(0, 4)) : null;
  if (t.year !== expectedYear) problems.push(`${at}: year ${t.year} should be ${expectedYear} (from the number, else the date)`);
  if (rel.from !== null && !dates.has(rel.from) && rel.from !== clause.issuedDate && rel.from !== clause.effectiveDate) {
    problems.push(`${at}: from ${rel.from} is neither written in the text nor the issue or effective date`);
  }
  problems.push(...checkParts(at, text, rel.parts));
  return problems;
}

/** Problems with the clause records, one line each; empty when the set is sound. */
export function checkReplacementClauses(records: unknown[], corpus: AlqacRecords): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const texts = new Set<string>();
  const adopted = adoptionDates(corpus);
  records.forEach((raw, i) => {
    const parsed = replacementClauseSchema.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown })?.id;
      for (const issue of parsed.error.issues) problems.push(`${typeof id === 'string' ? id : `line ${i + 1}`}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
      return;
    }
    const c = parsed.data;
    if (ids.has(c.id)) problems.push(`${c.id}: duplicate id`);
    ids.add(c.id);
    if (texts.has(c.text)) problems.push(`${c.id}: duplicate text`);
    texts.add(c.text);
    const dates = datesIn(c.text);
    if (c.effectiveDate !== null && !dates.has(c.effectiveDate) && c.effectiveDate !== c.issuedDate) {
      problems.push(`${c.id}: effectiveDate ${c.effectiveDate} is neither written in the text nor the issue date`);
    }
    if (c.relations.length === 0 && !c.note.trim()) problems.push(`${c.id}: a negative needs a note saying why`);
    const keys = new Set<string>();
    c.relations.forEach((rel, j) => {
      const key = `${rel.type}|${rel.target.number}|${rel.parts.join(',')}`;
      if (keys.has(key)) problems.push(`${c.id}: relation ${j} repeats an earlier one`);
      keys.add(key);
      problems.push(...checkRelation(`${c.id} relation ${j}`, c, rel, dates));
    });
    if (c.source === 'alqac') problems.push(...checkAlqac(c, corpus, adopted));
    else if (c.alqacId !== undefined) problems.push(`${c.id}: a written passage has no alqacId`);
  });
  return problems;
}

/** The day each law was passed, from "… thông qua ngày 24 tháng 11 năm 2015" in its records. */
function adoptionDates(corpus: AlqacRecords): Map<string, string> {
  const out = new Map<string, string>();
  for (const { lawId, text } of corpus.values()) {
    const m = /thông qua ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(text);
    const iso = m ? toIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    if (iso) out.set(lawId, iso);
  }
  return out;
}

function checkAlqac(c: ReplacementClause, corpus: AlqacRecords, adopted: Map<string, string>): string[] {
  if (!c.alqacId) return [`${c.id}: an alqac passage needs alqacId (law_id#article_id)`];
  const record = corpus.get(c.alqacId);
  if (!record) return [`${c.id}: alqacId "${c.alqacId}" is not in the corpus`];
  const problems: string[] = [];
  if (!record.text.includes(c.text)) problems.push(`${c.id}: text is not verbatim in ${c.alqacId}`);
  if (c.issuedDate !== null && adopted.get(record.lawId) !== c.issuedDate) {
    problems.push(`${c.id}: issuedDate ${c.issuedDate} is not the day ${record.lawId} was passed (${adopted.get(record.lawId) ?? 'not in the corpus'})`);
  }
  return problems;
}

/** Words that carry each relation in the newer document. */
const RELATION_CUES: Record<RelationType, RegExp> = {
  replaces: /thay thế/iu,
  repeals: /bãi bỏ/iu,
  amends: /sửa đổi|bổ sung/iu,
  expires: /hết hiệu lực/iu,
};

const OWN_EFFECT = /(?:Quyết định|Nghị quyết|Nghị định|Thông tư|Luật) này có hiệu lực(?: thi hành)?(?: kể)? từ ngày\s+(ký|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/u;

/**
 * The day a document says it takes effect ("Quyết định này có hiệu lực thi hành kể từ ngày
 * 10 tháng 11 năm 2026", "… kể từ ngày ký"). Written here rather than taken from core's
 * metadata so that the pairs are judged by what their text says.
 */
export function statedEffectiveDate(text: string, issuedDate: string | undefined): string | undefined {
  const m = OWN_EFFECT.exec(text);
  if (!m) return undefined;
  if (m[1] === 'ký') return issuedDate;
  return [...datesIn(`ngày ${m[1]}`)][0];
}

/** Problems with the pair manifest and its documents; `readDoc` returns a document's text or undefined. */
export function checkInforcePairs(records: unknown[], readDoc: (file: string) => string | undefined): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  records.forEach((raw, i) => {
    const parsed = inforcePairSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`pair ${i + 1}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
      return;
    }
    const p = parsed.data;
    if (ids.has(p.id)) problems.push(`${p.id}: duplicate id`);
    ids.add(p.id);
    const oldText = readDoc(p.old);
    const newText = readDoc(p.new);
    if (oldText === undefined) problems.push(`${p.id}: ${p.old} is missing`);
    if (newText === undefined) problems.push(`${p.id}: ${p.new} is missing`);
    if (oldText !== undefined && newText !== undefined) problems.push(...checkPairTexts(p, oldText, newText));
  });
  return problems;
}

function checkPairTexts(p: InforcePair, oldText: string, newText: string): string[] {
  const problems: string[] = [];
  const oldMeta = extractMetadata(oldText);
  const newMeta = extractMetadata(newText);
  for (const [file, meta] of [[p.old, oldMeta], [p.new, newMeta]] as const) {
    if (!meta.number || !meta.issuedDate || meta.type === 'khác') problems.push(`${p.id}: the header of ${file} does not give number, date and type`);
  }
  if (!oldMeta.number || !oldMeta.issuedDate || !newMeta.issuedDate) return problems;
  if (newMeta.issuedDate <= oldMeta.issuedDate) problems.push(`${p.id}: the new document is not issued after the old one`);
  const oldNumber = oldMeta.number;
  const stated = newText.split('\n').some((line) => line.includes(oldNumber) && RELATION_CUES[p.relation].test(line));
  if (!stated) problems.push(`${p.id}: no line of ${p.new} names ${oldNumber} with wording for "${p.relation}"`);
  for (const fact of p.answerNew) if (!containsFact(newText, fact)) problems.push(`${p.id}: answerNew "${fact}" is not in ${p.new}`);
  for (const fact of p.answerOld) if (!containsFact(oldText, fact)) problems.push(`${p.id}: answerOld "${fact}" is not in ${p.old}`);
  if (p.answerNew.every((f) => containsFact(oldText, f)) || p.answerOld.every((f) => containsFact(newText, f))) {
    problems.push(`${p.id}: the answers do not tell the two texts apart`);
  }
  const effective = statedEffectiveDate(newText, newMeta.issuedDate);
  if (!effective) problems.push(`${p.id}: ${p.new} states no effective date`);
  else if ((effective <= p.asOf ? 'new' : 'old') !== p.inForceAsOf) {
    problems.push(`${p.id}: inForceAsOf "${p.inForceAsOf}" disagrees with ${p.new} in effect from ${effective}`);
  }
  return problems;
}

/** Read a pair document from inforce-pairs/, undefined when it is missing. */
export function readPairDoc(file: string, dir = INFORCE_PAIRS_DIR): string | undefined {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The set's mix, counted the way the targets are stated. */
export interface ClauseCounts {
  total: number;
  writtenPositive: number;
  writtenNegative: number;
  alqacPositive: number;
  alqacNegative: number;
  relations: Record<RelationType, number>;
  numbersWithYear: number;
  numbersWithoutYear: number;
}

/** Count the mix of well-formed clause records. */
export function countClauses(clauses: ReplacementClause[]): ClauseCounts {
  const relations: Record<RelationType, number> = { replaces: 0, repeals: 0, amends: 0, expires: 0 };
  let numbersWithYear = 0;
  for (const rel of clauses.flatMap((c) => c.relations)) {
    relations[rel.type] += 1;
    if (/\/\d{4}\//u.test(rel.target.number)) numbersWithYear += 1;
  }
  const count = (source: string, positive: boolean) => clauses.filter((c) => c.source === source && (c.relations.length > 0) === positive).length;
  const all = Object.values(relations).reduce((a, b) => a + b, 0);
  return {
    total: clauses.length,
    writtenPositive: count('written', true),
    writtenNegative: count('written', false),
    alqacPositive: count('alqac', true),
    alqacNegative: count('alqac', false),
    relations,
    numbersWithYear,
    numbersWithoutYear: all - numbersWithYear,
  };
}

/**
 * Check the clause set and the pairs against the ALQAC corpus at `alqacCorpusPath`; the
 * counts and the problems, empty when all is well.
 */
export async function checkReplacementDatasets(alqacCorpusPath: string): Promise<{ counts: ClauseCounts; pairs: number; problems: string[] }> {
  const [records, corpus, pairs] = await Promise.all([loadReplacementClauses(), loadAlqacRecords(alqacCorpusPath), loadInforcePairs()]);
  const problems = [...checkReplacementClauses(records, corpus), ...checkInforcePairs(pairs, (f) => readPairDoc(f))];
  const clauses = records.flatMap((r) => {
    const parsed = replacementClauseSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  return { counts: countClauses(clauses), pairs: pairs.length, problems };
}

runAsMain(import.meta.url, async () => {
  const { counts, pairs, problems } = await checkReplacementDatasets(datasetPaths(configFromEnvironment()).alqacCorpus);
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(`${JSON.stringify(counts)}\n${counts.total} passages, ${pairs} pairs: ${problems.length === 0 ? 'OK' : `${problems.length} problem(s)`}\n`);
  return problems.length === 0 ? 0 : 1;
});
