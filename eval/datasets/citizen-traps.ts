/**
 * The citizens' trap set: questions a citizen types about one real procedure whose catalog
 * record hides a trap (an amount behind `Miễn phí(…)`, a fee set by the HĐND, a dated
 * reduction, no cơ quan, a time without a unit, channels that differ), plus questions
 * carrying personal data and questions outside the assistant's scope. The team's own
 * development set; see eval/datasets/README.md for how an answer is scored against it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseJsonl } from './answer-datasets.ts';

export const CITIZEN_TRAPS_PATH = fileURLToPath(new URL('./citizen-traps.jsonl', import.meta.url));
/**
 * The fresh set: written after the development set's rules, each checked against its
 * catalog record. Its failures have since been read to fix their classes (never question by
 * question), so it is development data now. Same format and scoring.
 */
export const FRESH_CITIZEN_TRAPS_PATH = fileURLToPath(new URL('./citizen-traps-fresh.jsonl', import.meta.url));
/**
 * The second fresh set: written from the catalog after the fresh set's failures were read,
 * on records no other set uses, and first scored before any rule changed after it. Its
 * failures have since been read too (issue 14, round 4), so it is development data now.
 */
export const FRESH2_CITIZEN_TRAPS_PATH = fileURLToPath(new URL('./citizen-traps-fresh2.jsonl', import.meta.url));
/**
 * The third fresh set: written from the catalog on records no other set uses, with dated
 * days other than today and everyday out-of-scope questions that share words with
 * procedures; scored before the rules written from the second set's failures. Its failures
 * have since been read (issue 14, round 5), so it is development data now. Same format and scoring.
 */
export const FRESH3_CITIZEN_TRAPS_PATH = fileURLToPath(new URL('./citizen-traps-fresh3.jsonl', import.meta.url));
/**
 * The fourth fresh set: written from the catalog on records no other trap set uses, before
 * the third set's failures were read; new kinds of out-of-scope questions (shopping,
 * entertainment, translation, homework, private disputes, medical and contract advice) and
 * personal data with phone numbers and addresses. Only scored, never read to write rules.
 */
export const FRESH4_CITIZEN_TRAPS_PATH = fileURLToPath(new URL('./citizen-traps-fresh4.jsonl', import.meta.url));

export const TRAP_KINDS = [
  'fee_hidden_amount', 'fee_hdnd', 'fee_expired_reduction', 'fee_running_reduction',
  'place_level_only', 'time_unit', 'fee_per_channel', 'personal_data', 'out_of_scope',
] as const;
export type TrapKind = (typeof TRAP_KINDS)[number];

/** What a correct reply is: an answer citing the gold procedure, or one of two refusals. */
export type TrapExpect = 'answer' | 'personal_data' | 'out_of_scope';

export interface CitizenTrap {
  id: string;
  kind: TrapKind;
  question: string;
  /** The day the question is asked (`YYYY-MM-DD`): decides which dated fee applies. */
  asOf: string;
  /** `ma_thu_tuc` of the one procedure the question is about; null for personal data and out of scope. */
  goldProcedure: string | null;
  /** Strings the reply must contain, each verbatim in the gold record (except for refusals). */
  facts: string[];
  /** Groups of which the reply must contain at least one string each. */
  anyOf: string[][];
  /** Strings a correct reply never contains. */
  forbidden: string[];
  expect: TrapExpect;
  /** Where the facts come from (field and text), and why the forbidden strings are forbidden. */
  note: string;
}

/** The reply each kind expects. */
export function expectOf(kind: TrapKind): TrapExpect {
  if (kind === 'personal_data') return 'personal_data';
  if (kind === 'out_of_scope') return 'out_of_scope';
  return 'answer';
}

export async function loadCitizenTraps(path = CITIZEN_TRAPS_PATH): Promise<CitizenTrap[]> {
  return parseJsonl<CitizenTrap>(await readFile(path, 'utf8'), path);
}
