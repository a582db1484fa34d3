/**
 * Keeps the citizens' trap set honest: schema, unique ids, the mix of kinds, gold
 * procedures that exist, facts found verbatim in the gold record, and a gold record that
 * really carries the trap its kind names (checked with the census's own detectors).
 *
 *   npx tsx eval/datasets/check-citizen-traps.ts          # counts per kind; exit 1 and a list when not sound
 *   npx tsx eval/datasets/check-citizen-traps.ts --fresh  # the fresh set (no mix rules: it is small by design)
 *   npx tsx eval/datasets/check-citizen-traps.ts --fresh2 # the second fresh set (the same)
 *   npx tsx eval/datasets/check-citizen-traps.ts --fresh3 # the third fresh set (the same)
 *   npx tsx eval/datasets/check-citizen-traps.ts --fresh4 # the fourth fresh set (the same)
 */
import { configFromEnvironment } from '../../config/environment.ts';
import { datasetPaths } from '../../config/paths.ts';
import { runAsMain } from '../../ingest/run-main.ts';
import { containsFact, normalizeForMatch } from './answer-datasets.ts';
import { loadCatalogRecords, recordTexts, type CatalogRecord } from './catalog-records.ts';
import { recordPatterns } from './catalog-patterns.ts';
import { CITIZEN_TRAPS_PATH, FRESH2_CITIZEN_TRAPS_PATH, FRESH3_CITIZEN_TRAPS_PATH, FRESH4_CITIZEN_TRAPS_PATH, FRESH_CITIZEN_TRAPS_PATH, TRAP_KINDS, expectOf, loadCitizenTraps, type CitizenTrap, type TrapKind } from './citizen-traps.ts';

/** The least each kind must have, and the least in all (the brief of issue 14). */
export const MIN_PER_KIND = 8;
export const MIN_TOTAL = 80;

/** A record's text in the form facts are looked up in: every string field, NFC, whitespace collapsed, lower case. */
export interface GoldText {
  record: CatalogRecord;
  text: string;
  /** The same in the answer scorer's form ({@link normalizeForMatch}). */
  matchText: string;
}

/** Verbatim form: NFC, whitespace runs to one space, lower case. */
export function verbatimForm(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

export function goldTexts(records: CatalogRecord[]): Map<string, GoldText> {
  return new Map(records.map((r) => {
    const text = recordTexts(r).map(verbatimForm).join('\n');
    return [r.ma_thu_tuc, { record: r, text, matchText: normalizeForMatch(text) }];
  }));
}

/** Whether a string is in the gold record both verbatim and as the answer scorer will look for it. */
export function inRecord(gold: GoldText, s: string): boolean {
  return gold.text.includes(verbatimForm(s)) && containsFact(gold.matchText, s, true);
}

const DATE = /(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
function isoOf(s: string): string | undefined {
  const m = DATE.exec(s);
  return m ? `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}` : undefined;
}

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whether `s` is typed in the question, as written or with the spaces and dots inside a number left out. */
function typedIn(question: string, s: string): boolean {
  const squeeze = (x: string): string => x.replace(/(?<=\d)[ .](?=\d)/gu, '');
  return question.includes(s) || squeeze(question).includes(squeeze(s));
}

/** Why the gold record does not carry the trap of its kind; undefined when it does. */
function kindMismatch(t: CitizenTrap, gold: GoldText): string | undefined {
  const p = recordPatterns(gold.record);
  const strings = [...t.facts, ...t.anyOf.flat()];
  const ends = strings.map(isoOf).filter((d): d is string => !!d);
  switch (t.kind) {
    case 'fee_hidden_amount':
      return p.freeNoteAmounts.length > 0 ? undefined : 'no amount in a "Miễn phí(…)" note';
    case 'fee_hdnd':
      return p.hdnd ? undefined : 'no fee set by the HĐND';
    case 'fee_expired_reduction':
      return p.datedFees.some((d) => d.end < t.asOf && ends.includes(d.end)) ? undefined : `no dated fee ended before ${t.asOf} named in facts or anyOf`;
    case 'fee_running_reduction':
      return p.datedFees.some((d) => d.end >= t.asOf && ends.includes(d.end)) ? undefined : `no dated fee still running on ${t.asOf} named in facts or anyOf`;
    case 'place_level_only':
      return p.noOfficeButLevel ? undefined : 'the record names a cơ quan thực hiện';
    case 'time_unit':
      return p.bareTimeRows > 0 || p.timeDiffers || p.rows.some((r) => /Giờ|Tháng/u.test(r.time.text)) ? undefined : 'no bare, per-channel or hour/month time';
    case 'fee_per_channel':
      return p.feeDiffers ? undefined : 'the channels do not differ in fee';
    default:
      return undefined;
  }
}

/** Problems with the trap set, one line each; empty when it is sound. */
export function checkCitizenTraps(traps: CitizenTrap[], gold: Map<string, GoldText>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const t of traps) {
    const at = t.id ?? '?';
    if (!/^trap-\d{3}$/u.test(t.id ?? '') || seen.has(t.id)) problems.push(`${at}: id missing, malformed or repeated`);
    seen.add(t.id);
    if (!(TRAP_KINDS as readonly string[]).includes(t.kind)) {
      problems.push(`${at}: unknown kind "${t.kind}"`);
      continue;
    }
    if (t.expect !== expectOf(t.kind)) problems.push(`${at}: expect "${t.expect}" does not fit kind ${t.kind}`);
    if (typeof t.question !== 'string' || !t.question.trim()) problems.push(`${at}: empty question`);
    if (!isRealDate(t.asOf)) problems.push(`${at}: asOf "${t.asOf}" is not a YYYY-MM-DD date`);
    if (typeof t.note !== 'string' || !t.note.trim()) problems.push(`${at}: missing note`);
    if (!Array.isArray(t.facts) || !Array.isArray(t.anyOf) || !Array.isArray(t.forbidden)) {
      problems.push(`${at}: facts, anyOf and forbidden must be arrays`);
      continue;
    }
    if (t.anyOf.some((g) => !Array.isArray(g) || g.length === 0)) problems.push(`${at}: an anyOf group is empty`);
    const wanted = [...t.facts, ...t.anyOf.flat()];
    for (const f of t.forbidden) {
      if (wanted.some((w) => containsFact(w, f))) problems.push(`${at}: forbidden "${f}" is inside a wanted string`);
    }
    if (expectOf(t.kind) !== 'answer') {
      if (t.goldProcedure !== null) problems.push(`${at}: a ${t.kind} question has no gold procedure (null)`);
      if (t.kind === 'personal_data') {
        if (t.facts.length === 0) problems.push(`${at}: personal_data needs facts (what the reply must say)`);
        if (t.forbidden.length === 0) problems.push(`${at}: personal_data needs the typed numbers as forbidden`);
        for (const f of t.forbidden) if (!typedIn(t.question, f)) problems.push(`${at}: forbidden "${f}" is not typed in the question`);
      }
      continue;
    }
    const g = typeof t.goldProcedure === 'string' ? gold.get(t.goldProcedure) : undefined;
    if (!g) {
      problems.push(`${at}: gold procedure ${t.goldProcedure} is not in the catalog`);
      continue;
    }
    if (t.facts.length === 0 && t.anyOf.length === 0) problems.push(`${at}: neither facts nor anyOf`);
    for (const f of t.facts) if (!inRecord(g, f)) problems.push(`${at}: fact "${f}" is not verbatim in ${t.goldProcedure}`);
    t.anyOf.forEach((group, i) => {
      if (!group.some((s) => inRecord(g, s))) problems.push(`${at}: anyOf group ${i + 1} has no string from ${t.goldProcedure}`);
      for (const s of group) {
        if (!inRecord(g, s) && !t.note.includes(s)) problems.push(`${at}: anyOf "${s}" is neither in the record nor explained in the note`);
      }
    });
    const mismatch = kindMismatch(t, g);
    if (mismatch) problems.push(`${at}: ${t.goldProcedure} does not fit ${t.kind}: ${mismatch}`);
  }
  return problems;
}

/** How many questions of each kind. */
export function countByKind(traps: CitizenTrap[]): Record<TrapKind, number> {
  const counts = Object.fromEntries(TRAP_KINDS.map((k) => [k, 0])) as Record<TrapKind, number>;
  for (const t of traps) if (t.kind in counts) counts[t.kind] += 1;
  return counts;
}

/** The mix rules: at least MIN_PER_KIND of each kind and MIN_TOTAL in all. */
export function checkMix(traps: CitizenTrap[]): string[] {
  const problems = Object.entries(countByKind(traps))
    .filter(([, n]) => n < MIN_PER_KIND)
    .map(([k, n]) => `kind ${k}: ${n} questions, fewer than ${MIN_PER_KIND}`);
  if (traps.length < MIN_TOTAL) problems.push(`${traps.length} questions, fewer than ${MIN_TOTAL}`);
  return problems;
}

/**
 * Check a trap set file against the catalog: the development set (default) with its mix
 * rules, or another file (the fresh set) on its questions alone.
 */
export async function checkCitizenTrapSet(path = CITIZEN_TRAPS_PATH): Promise<{ traps: CitizenTrap[]; problems: string[] }> {
  const [traps, records] = await Promise.all([loadCitizenTraps(path), loadCatalogRecords(datasetPaths(configFromEnvironment()).tthc)]);
  // Only the records a question names: putting every record in the scorer's form takes seconds.
  const named = new Set(traps.map((t) => t.goldProcedure));
  const mix = path === CITIZEN_TRAPS_PATH ? checkMix(traps) : [];
  return { traps, problems: [...checkCitizenTraps(traps, goldTexts(records.filter((r) => named.has(r.ma_thu_tuc)))), ...mix] };
}

runAsMain(import.meta.url, async (argv) => {
  const path = argv.includes('--fresh4') ? FRESH4_CITIZEN_TRAPS_PATH : argv.includes('--fresh3') ? FRESH3_CITIZEN_TRAPS_PATH : argv.includes('--fresh2') ? FRESH2_CITIZEN_TRAPS_PATH : argv.includes('--fresh') ? FRESH_CITIZEN_TRAPS_PATH : CITIZEN_TRAPS_PATH;
  const { traps, problems } = await checkCitizenTrapSet(path);
  for (const p of problems) process.stderr.write(`${p}\n`);
  for (const [kind, n] of Object.entries(countByKind(traps))) process.stdout.write(`${kind.padEnd(24)} ${n}\n`);
  process.stdout.write(`${traps.length} citizen traps: ${problems.length === 0 ? 'OK' : `${problems.length} problem(s)`}\n`);
  return problems.length === 0 ? 0 : 1;
});
