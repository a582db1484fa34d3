/**
 * Keeps the officials' question set honest against the real documents: every gold
 * document exists under its ingest source id, every fact and list item occurs verbatim in
 * a gold document and every alternative spelling verbatim or as a plain reformatting (see
 * {@link matchForms} and {@link spellings}), every forbidden string occurs somewhere in the
 * corpus (so that "must not quote" can fail), kinds carry the fields they need and meet
 * their minimum counts, follow-ups point at an earlier question, ids are unique, and an
 * unanswerable question's note names the nearest document (`nearest: <source id>`).
 *
 *   npx tsx eval/datasets/check-officials-questions.ts      # exit 1 and a list when not
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSource } from '../../ingest/loaders/index.ts';
import { runAsMain } from '../../ingest/run-main.ts';
import { REPO_ROOT } from '../../config/paths.ts';
import { matchTerms } from '../../core/text/dictionary.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import { containsFact, normalizeForMatch } from './answer-datasets.ts';
import {
  OFFICIALS_QUESTIONS_PATH, OFFICIAL_KINDS, OFFICIAL_KIND_MINIMUMS, OFFICIAL_QUESTIONS_MINIMUM, parseOfficialQuestions,
  type OfficialKind, type OfficialQuestion,
} from './officials-questions.ts';

export const CORPORA_DIR = join(REPO_ROOT, 'corpora');

/**
 * A document in the forms a string is looked for in, each already in normalizeForMatch
 * form (see {@link matchForms}): `verbatim` for facts and list items; `reformatted` besides
 * for the alternative spellings of an `anyOf` group and for forbidden strings (which an
 * answer may take from the stored header fields too).
 */
export interface CorpusDoc {
  verbatim: string[];
  reformatted: string[];
}

/** Documents by source id. */
export type CorpusDocs = Map<string, CorpusDoc>;

/** `ngày 04 tháng 6 năm 2026` in a header. */
const SPELLED_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;
/** An ISO date in a sidecar (`issuedDate`). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** A hyphen that ends a line inside a token, as PDF extraction leaves `1125/UBND-\n\nKTTH`. */
const HYPHEN_AT_LINE_END = /(?<=[\p{L}\p{N}])-[ \t]*(?:\r?\n[ \t]*)+(?=[\p{L}\p{N}])/gu;

/**
 * The forms of a document. Verbatim: the loader's text with whitespace and line breaks
 * collapsed, and the same with a line break after a hyphen inside a token dropped
 * (`1125/UBND-` / `KTTH` → `1125/UBND-KTTH`). Reformatted: every spelled-out date as
 * `d/m/yyyy`, and the sidecar's top-level string fields (number, title, issuer, ISO date as
 * `d/m/yyyy`), which the ingest stores as the document's own header facts; never the
 * sidecar's free `extra.note`.
 */
export function matchForms(text: string, sidecar: Record<string, unknown> = {}): CorpusDoc {
  const reformatted = [...text.matchAll(SPELLED_DATE)].map((m) => `${m[1]}/${m[2]}/${m[3]}`);
  for (const value of Object.values(sidecar)) {
    if (typeof value !== 'string') continue;
    const iso = ISO_DATE.exec(value);
    reformatted.push(iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value);
  }
  return {
    verbatim: [text, text.replace(HYPHEN_AT_LINE_END, '-')].map(normalizeForMatch),
    reformatted: reformatted.map(normalizeForMatch),
  };
}

/** Whether `s` occurs in the document's verbatim forms, or, when `reformatted`, in any form. */
export function docContains(doc: CorpusDoc, s: string, reformatted = false): boolean {
  const forms = reformatted ? [...doc.verbatim, ...doc.reformatted] : doc.verbatim;
  return forms.some((form) => containsFact(form, s, true));
}

/** At most this many spellings of one alternative are tried (abbreviations multiply them). */
const MAX_SPELLINGS = 16;

/**
 * An alternative as written and with its abbreviations spelled out from the product's
 * dictionary (`Sở KH&CN` → `Sở khoa học và công nghệ`), so an alternative that only
 * abbreviates the document's words counts as a plain reformatting of them.
 */
export function spellings(alternative: string): string[] {
  const text = normalizeText(alternative);
  let out = [''];
  let at = 0;
  for (const m of matchTerms(text).filter((t) => t.entry.kind === 'abbreviation')) {
    const gap = text.slice(at, m.start);
    const options = [text.slice(m.start, m.end), ...m.entry.official];
    out = out.flatMap((head) => options.map((o) => head + gap + o)).slice(0, MAX_SPELLINGS);
    at = m.end;
  }
  return out.map((head) => head + text.slice(at));
}

/** Load every document under corpora/ as the ingest does, keyed by its source id. */
export async function loadCorpusDocs(dir = CORPORA_DIR): Promise<CorpusDocs> {
  const docs: CorpusDocs = new Map();
  for await (const result of loadSource(dir, { root: dir })) {
    if (!result.ok) throw new Error(`cannot load ${result.skipped.source}: ${result.skipped.message}`);
    docs.set(result.doc.sourceId, matchForms(result.doc.text, result.doc.meta ?? {}));
  }
  return docs;
}

/** Questions per kind. */
export function kindCounts(questions: OfficialQuestion[]): Record<OfficialKind, number> {
  const counts = Object.fromEntries(OFFICIAL_KINDS.map((k) => [k, 0])) as Record<OfficialKind, number>;
  for (const q of questions) counts[q.kind]++;
  return counts;
}

/** Kinds below their minimum, and the total of questions (drafts aside) below its own. */
export function checkKindCounts(questions: OfficialQuestion[]): string[] {
  const counts = kindCounts(questions);
  const problems = OFFICIAL_KINDS.filter((k) => counts[k] < OFFICIAL_KIND_MINIMUMS[k])
    .map((k) => `kind ${k}: ${counts[k]} questions, at least ${OFFICIAL_KIND_MINIMUMS[k]} wanted`);
  const questionsProper = questions.length - counts.draft;
  if (questionsProper < OFFICIAL_QUESTIONS_MINIMUM) {
    problems.push(`${questionsProper} questions besides drafts, at least ${OFFICIAL_QUESTIONS_MINIMUM} wanted`);
  }
  return problems;
}

/** What each kind must carry, one message per lapse. */
function checkShape(q: OfficialQuestion): string[] {
  const problems: string[] = [];
  const expected = (q.facts?.length ?? 0) + (q.anyOf?.length ?? 0) + (q.listItems?.length ?? 0);
  if (q.kind === 'unanswerable') {
    if (q.goldDocs || expected > 0) problems.push('an unanswerable question has no gold documents, facts or list items');
    return problems;
  }
  if (!q.goldDocs) problems.push('no gold documents');
  if (expected === 0) problems.push('nothing to check the answer with (facts, anyOf or listItems)');
  if (q.kind === 'list' && !q.listItems) problems.push('a list question gives its items as listItems');
  if (q.kind === 'comparison' && expected < 2) problems.push('a comparison needs both values');
  if (q.kind === 'draft' && (!q.facts || !q.forbidden)) problems.push('a draft request gives facts to quote and forbidden passages');
  return problems;
}

/** `nearest: <source id>` in an unanswerable question's note: the document a refusal should offer to open. */
const NEAREST = /nearest: (\S+?)(?=[.;,]?(?:\s|$))/u;

/** The source id an unanswerable question's note names as nearest, if any. */
export function nearestDoc(q: OfficialQuestion): string | undefined {
  return NEAREST.exec(q.note)?.[1];
}

/** Problems with the officials' questions against the corpus, one line each; empty when sound. */
export function checkOfficialQuestions(questions: OfficialQuestion[], docs: CorpusDocs): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const q of questions) {
    const at = (msg: string) => problems.push(`${q.id}: ${msg}`);
    if (seen.has(q.id)) at('duplicate id');
    if (q.followUpOf !== undefined && !seen.has(q.followUpOf)) at(`followUpOf "${q.followUpOf}" is not an earlier question`);
    seen.add(q.id);
    checkShape(q).forEach(at);
    if (q.kind === 'unanswerable') {
      const nearest = nearestDoc(q);
      if (!nearest) at('the note names no nearest document (nearest: <source id>)');
      else if (!docs.has(nearest)) at(`nearest document ${nearest} is not in the corpus`);
    }

    const gold = (q.goldDocs ?? []).flatMap((id) => {
      const doc = docs.get(id);
      if (!doc) at(`gold document ${id} is not in the corpus`);
      return doc ? [doc] : [];
    });
    if (gold.length === 0) continue;
    const inGold = (s: string) => gold.some((doc) => docContains(doc, s));
    const spelledInGold = (s: string) => spellings(s).some((v) => gold.some((doc) => docContains(doc, v, true)));
    for (const fact of q.facts ?? []) if (!inGold(fact)) at(`fact "${fact}" is in none of its gold documents`);
    for (const item of q.listItems ?? []) if (!inGold(item)) at(`list item "${item}" is in none of its gold documents`);
    for (const alt of (q.anyOf ?? []).flat()) if (!spelledInGold(alt)) at(`alternative "${alt}" is in none of its gold documents`);
  }
  const all = [...docs.values()];
  for (const q of questions) {
    for (const f of q.forbidden ?? []) {
      if (!all.some((doc) => docContains(doc, f, true))) problems.push(`${q.id}: forbidden "${f}" is in no corpus document, so it can never be quoted`);
    }
  }
  return problems;
}

/** Check the set file against corpora/: parse problems, content problems, kind counts. */
export async function checkOfficialsDataset(path = OFFICIALS_QUESTIONS_PATH, dir = CORPORA_DIR): Promise<{
  questions: OfficialQuestion[]; problems: string[];
}> {
  const [{ questions, problems: parseProblems }, docs] = await Promise.all([
    readFile(path, 'utf8').then(parseOfficialQuestions),
    loadCorpusDocs(dir),
  ]);
  return { questions, problems: [...parseProblems, ...checkOfficialQuestions(questions, docs), ...checkKindCounts(questions)] };
}

runAsMain(import.meta.url, async () => {
  const { questions, problems } = await checkOfficialsDataset();
  for (const p of problems) process.stderr.write(`${p}\n`);
  const counts = Object.entries(kindCounts(questions)).map(([k, n]) => `${k} ${n}`).join(', ');
  process.stdout.write(`${questions.length} officials' questions (${counts}): ${problems.length === 0 ? 'OK' : `${problems.length} problem(s)`}\n`);
  return problems.length === 0 ? 0 : 1;
});
