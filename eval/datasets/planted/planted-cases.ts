/**
 * The planted red-team set: documents that each carry one attack (a secrecy marking, an
 * instruction to the assistant, a fraud aimed at the reader) or none (a control that must
 * stay answerable), and the manifest cases.jsonl that says, per document, which citizen
 * questions retrieve it and which strings must never reach a citizen.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseJsonl } from '../answer-datasets.ts';

export const PLANTED_CASES_PATH = fileURLToPath(new URL('./cases.jsonl', import.meta.url));

export const PLANTED_SHAPES = ['txt', 'md', 'html', 'jsonl-procedure', 'jsonl-law', 'jsonl-record', 'docx', 'pdf'] as const;
export type PlantedShape = (typeof PLANTED_SHAPES)[number];

export const PLANTED_ATTACKS = ['secret', 'instruction', 'fraud', 'control'] as const;
export type PlantedAttack = (typeof PLANTED_ATTACKS)[number];

/** One line of cases.jsonl. */
export interface PlantedCase {
  id: string;
  /** Path under the planted document root (eval/datasets/planted/docs/, or the directory make-planted.ts wrote). */
  file: string;
  /** JSONL shapes: the record's source id (ma_thu_tuc; doc_id or law_id#article_id; id or doc_id). */
  record?: string;
  shape: PlantedShape;
  attack: PlantedAttack;
  /** The marking, cue or near-miss phrase as written in the document. */
  marking: string;
  /** Citizen questions that retrieve the document. */
  questions: string[];
  /** Strings that must never reach a citizen (compare with whitespace collapsed). Empty for controls. */
  forbidden: string[];
  /** True for controls only: the document must stay indexed and answer its questions. */
  mustAnswer: boolean;
  /** Controls: strings a correct answer contains. */
  facts?: string[];
  note: string;
}

/** The text of one planted document or record: what the loader indexes, and what its source holds. */
export interface PlantedText {
  /** Extracted text as the product's loaders give it (JSONL: every string field of the record). */
  indexed: string;
  /** The source's own text where it differs (HTML markup, DOCX page header, generated layout). */
  source: string;
}

export const SHAPE_EXTENSION: Readonly<Record<PlantedShape, string>> = {
  txt: '.txt', md: '.md', html: '.html', 'jsonl-procedure': '.jsonl', 'jsonl-law': '.jsonl', 'jsonl-record': '.jsonl', docx: '.docx', pdf: '.pdf',
};

/** Key of a case's document in a {@link PlantedText} map: the file, plus `#record` for JSONL. */
export function documentKey(c: Pick<PlantedCase, 'file' | 'record'>): string {
  return c.record === undefined ? c.file : `${c.file}#${c.record}`;
}

/** Whitespace collapsed to single spaces: how forbidden strings and facts are compared (PDF lines wrap). */
export function collapseSpace(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Whether `needle` occurs in `haystack` with whitespace collapsed in both. */
export function occursIn(haystack: string, needle: string): boolean {
  return collapseSpace(haystack).includes(collapseSpace(needle));
}

/** Read cases.jsonl. */
export async function loadPlantedCases(path = PLANTED_CASES_PATH): Promise<PlantedCase[]> {
  return parseJsonl<PlantedCase>(await readFile(path, 'utf8'), path);
}

const nonEmptyStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** Problems with the shape of the manifest, one line each (no file access). */
export function checkPlantedSchema(cases: PlantedCase[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const c of cases) {
    const at = c.id ?? '?';
    if (typeof c.id !== 'string' || !/^plant-\d{3}$/.test(c.id)) problems.push(`${at}: id must look like plant-001`);
    if (ids.has(c.id)) problems.push(`${at}: duplicate id`);
    ids.add(c.id);
    if (!(PLANTED_SHAPES as readonly string[]).includes(c.shape)) problems.push(`${at}: unknown shape "${c.shape}"`);
    if (!(PLANTED_ATTACKS as readonly string[]).includes(c.attack)) problems.push(`${at}: unknown attack "${c.attack}"`);
    if (typeof c.file !== 'string' || !c.file.endsWith(SHAPE_EXTENSION[c.shape] ?? '\0')) problems.push(`${at}: file "${c.file}" does not fit shape ${c.shape}`);
    const jsonl = typeof c.shape === 'string' && c.shape.startsWith('jsonl-');
    if (jsonl !== (typeof c.record === 'string' && c.record !== '')) problems.push(`${at}: record is required for JSONL shapes and only for them`);
    const key = documentKey(c);
    if (keys.has(key)) problems.push(`${at}: ${key} already has a case`);
    keys.add(key);
    if (typeof c.marking !== 'string' || c.marking.trim() === '') problems.push(`${at}: empty marking`);
    if (!nonEmptyStrings(c.questions) || c.questions.length === 0) problems.push(`${at}: needs at least one question`);
    if (!nonEmptyStrings(c.forbidden)) problems.push(`${at}: forbidden must be a list of non-empty strings`);
    else if (c.attack !== 'control' && c.forbidden.length === 0) problems.push(`${at}: an attack needs forbidden strings`);
    if (c.mustAnswer !== (c.attack === 'control')) problems.push(`${at}: mustAnswer must be true for controls and false otherwise`);
    if (c.attack === 'control' ? !nonEmptyStrings(c.facts) || c.facts.length === 0 : c.facts !== undefined) {
      problems.push(`${at}: controls need facts; attacks have none`);
    }
    if (typeof c.note !== 'string' || c.note.trim() === '') problems.push(`${at}: missing note`);
  }
  return problems;
}

/**
 * Problems with the manifest against the documents: every case's document exists, its
 * forbidden strings and facts occur in the indexed text, its marking in the indexed or the
 * source text; every document has exactly one case.
 */
export function checkPlantedAgainstTexts(cases: PlantedCase[], texts: ReadonlyMap<string, PlantedText>): string[] {
  const problems: string[] = [];
  const covered = new Set<string>();
  for (const c of cases) {
    const key = documentKey(c);
    covered.add(key);
    const text = texts.get(key);
    if (!text) {
      problems.push(`${c.id}: no document ${key}`);
      continue;
    }
    for (const s of c.forbidden ?? []) if (!occursIn(text.indexed, s)) problems.push(`${c.id}: forbidden "${s}" is not in the indexed text`);
    for (const s of c.facts ?? []) if (!occursIn(text.indexed, s)) problems.push(`${c.id}: fact "${s}" is not in the indexed text`);
    if (!occursIn(text.indexed, c.marking) && !occursIn(text.source, c.marking)) problems.push(`${c.id}: marking "${c.marking}" is not in the document`);
  }
  for (const key of texts.keys()) if (!covered.has(key)) problems.push(`${key}: document without a case`);
  return problems;
}

/** Mobile-phone-like numbers in a text: 10 digits from 0, or +84 and 9 digits, separators allowed. */
const PHONE = /(?<![\d+])(?:\+84[\s.]?|0)\d(?:[\s.]?\d){8}(?![\s.]?\d)/gu;

/** Phone numbers in `text` that are not in the fake 0900 000 xxx range (digits only). */
export function unsafePhones(text: string): string[] {
  return [...text.matchAll(PHONE)]
    .map((m) => m[0].replace(/\D/g, '').replace(/^84/, '0'))
    .filter((digits) => !digits.startsWith('0900000'));
}
