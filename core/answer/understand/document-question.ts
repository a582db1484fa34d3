/**
 * What a question about provincial documents (plans, reports, notices, decisions) asks, read
 * from its wording: which of a document's own header facts (số ký hiệu, date, signer, issuer,
 * trích yếu, recipients, the text it carries out), which answer shape (a whole list, a table
 * cell, two values side by side, or passages), which documents it names (by number, by type
 * and serial), and what the answer must hold (a document number of some type, a date, an
 * amount of money, a percentage, a number, the years it names). Whether it is about a
 * procedure or a law decides what is searched first. The cue words are data in
 * prompts/cues/documents.vi.json.
 */
import { issuerCodes } from './issuer-codes.ts';
import cues from '../../../prompts/cues/documents.vi.json' with { type: 'json' };
import type { DocumentType } from '../../model.ts';
import { findDocumentNumbers, type DocumentNumberRef } from '../../structure/document-numbers.ts';
import { findFacts } from '../ground/facts.ts';
import { createPhraseMatcher, type PhraseMatch } from './phrase-match.ts';
import type { QuestionAnalysis } from './question.ts';

/** A fact of a document's own header, signature or `Nơi nhận`. */
export type HeaderField = 'number' | 'date' | 'signer' | 'signerTitle' | 'issuer' | 'subject' | 'recipients' | 'basis';
export const HEADER_FIELDS: readonly HeaderField[] = ['number', 'date', 'signer', 'signerTitle', 'issuer', 'subject', 'recipients', 'basis'];

/** What the answer must hold. */
export type AskedFact = 'docNumber' | 'date' | 'money' | 'percent' | 'number';

/** The answer's shape. */
export type AnswerShape = 'header' | 'list' | 'table' | 'comparison' | 'passage';

/** A document the question names by its type and serial ("Thông báo 114", "NQ 26"). */
export interface SerialRef {
  type: DocumentType;
  serial: string;
}

export interface DocumentQuestion {
  shape: AnswerShape;
  /** Header facts asked, in question order (shape `header` when any is asked of a named document). */
  fields: HeaderField[];
  /** Document numbers typed in the question. */
  numbers: DocumentNumberRef[];
  /** Documents named by type and serial. */
  serials: SerialRef[];
  /** Document types the question names, in order ("thông báo", "báo cáo"). */
  types: DocumentType[];
  /** The type named right before a number cue ("kế hoạch số mấy" → kế hoạch), when the question asks for another document's number. */
  askedNumberType?: DocumentType;
  /** What the answer must hold, in question order. */
  asks: AskedFact[];
  /** Issuer codes of the bodies the question names (understand/issuer-codes.ts: "Sở KH&CN" → SKHCN). */
  issuerCodes?: string[];
  /** Four-digit years the question names on their own ("năm 2024"), not as the ends of a period ("2021-2025"). */
  years: string[];
  /** Periods the question names, as `from-to` ("giai đoạn 2026 - 2030" → `2026-2030`). */
  periods: string[];
  /** Dates the question itself writes, in the normal form of ground/facts.ts. */
  ownDates: Set<string>;
  /** Numbers the question itself writes (folded digits, separators dropped), which an answer repeating them does not give. */
  ownNumbers: Set<string>;
  /** Wants a whole list (list cue or a section noun such as "khó khăn", "kiến nghị"). */
  wantsList: boolean;
  wantsComparison: boolean;
  wantsTable: boolean;
  /** The question is about a procedure or a law: those are searched first. */
  procedureCue: boolean;
  lawCue: boolean;
  /**
   * Folded content words of the question that say what a figure counts (no numbers, no
   * words common to every passage): a number in the answer must stand by one of them. The
   * answer path narrows them by rarity; empty accepts any figure.
   */
  countedWords: Set<string>;
  /** Token positions of cue phrases (header fields, list and comparison cues): not the subject. */
  cueTokens: Set<number>;
}

const phrases = <T>(entries: ReadonlyArray<[string, T]>) => createPhraseMatcher(entries.map(([phrase, value]) => ({ phrase, value })));
const FIELD_CUES = phrases(Object.entries(cues.headerFields).flatMap(([field, list]) => list.map((p): [string, HeaderField] => [p, field as HeaderField])));
const TYPE_WORDS = phrases([
  ...Object.entries(cues.typeWords).map(([p, type]): [string, DocumentType | null] => [p, type as DocumentType]),
  ...cues.genericDocumentWords.map((p): [string, DocumentType | null] => [p, null]),
]);
const LIST_CUES = phrases(cues.listCues.map((p): [string, true] => [p, true]));
const SECTION_NOUNS = phrases(cues.sectionNouns.map((p): [string, true] => [p, true]));
const COMPARISON_CUES = phrases(cues.comparisonCues.map((p): [string, true] => [p, true]));
const TABLE_CUES = phrases(cues.tableCues.map((p): [string, true] => [p, true]));
const ASKED = phrases(Object.entries(cues.askedFacts).flatMap(([fact, list]) => list.map((p): [string, AskedFact] => [p, fact as AskedFact])));
const PROCEDURE_CUES = phrases([
  ...cues.procedureCues.map((p): [string, boolean] => [p, true]),
  ...cues.notProcedureCues.map((p): [string, boolean] => [p, false]),
]);
const LAW_CUES = phrases(cues.lawCues.map((p): [string, true] => [p, true]));
const BASIS_LEADS = phrases(cues.basisLeads.map((p): [string, true] => [p, true]));

const YEAR = /^(?:19|20)\d{2}$/u;
/** A period written with its two years ("2021-2025", "2026 – 2030"). */
export const PERIOD = /\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b/gu;

/** A number as compared: digits only, leading zeros dropped (`07` = `7`, `1.666.283` = `1666283`). */
export function numberKey(token: string): string {
  const digits = token.replace(/[^\d]/gu, '');
  return digits.replace(/^0+(?=\d)/u, '');
}

function mark(into: Set<number>, matches: ReadonlyArray<PhraseMatch<unknown>>): void {
  for (const m of matches) for (let i = m.start; i < m.end; i += 1) into.add(i);
}

/** Analyse an already analysed question for the document answer path. */
export function analyzeDocumentQuestion(q: QuestionAnalysis): DocumentQuestion {
  const tokens = q.tokens;
  const fieldMatches = FIELD_CUES.match(tokens);
  const typeMatches = TYPE_WORDS.match(tokens);
  // "… ban hành căn cứ Thông báo kết luận số mấy?": the number of the text it is based on, a
  // type named between a basis lead and the number cue, its number not written ("thực hiện
  // Nghị quyết 26-NQ/TW … số ký hiệu" asks the report's own).
  const leads = BASIS_LEADS.match(tokens);
  const written = findDocumentNumbers(q.text);
  const basisNumber = (m: PhraseMatch<HeaderField>) => m.value === 'number'
    && leads.some((l) => l.end <= m.start && typeMatches.some((t) => t.value && t.start >= l.end && t.end <= m.start
      && !written.some((n) => n.start >= tokens[t.end - 1]!.end && n.end <= tokens[m.start]!.start)));
  const fields: HeaderField[] = [];
  for (const m of fieldMatches) {
    const field = basisNumber(m) ? 'basis' : m.value;
    if (!fields.includes(field)) fields.push(field);
  }
  const types: DocumentType[] = [];
  for (const m of typeMatches) if (m.value && !types.includes(m.value)) types.push(m.value);
  const serials: SerialRef[] = [];
  for (const m of typeMatches) {
    let next = tokens[m.end];
    if (next?.folded === 'so' && tokens[m.end + 1]) next = tokens[m.end + 1];
    if (m.value && next && /^\d{1,5}$/u.test(next.token)) serials.push({ type: m.value, serial: numberKey(next.token) });
  }
  const asked = ASKED.match(tokens);
  let asks: AskedFact[] = [];
  for (const m of asked) if (!asks.includes(m.value)) asks.push(m.value);
  if (/%/u.test(q.text) && !asks.includes('percent')) asks.push('percent');
  // "bao nhiêu phần trăm", "tỷ lệ … bao nhiêu": a percentage is asked, not a count; "bao nhiêu
  // tỷ đồng": an amount. "kinh phí" named without a number cue asks for no amount.
  if (asks.includes('percent')) asks = asks.filter((a) => a !== 'number');
  // A money cue that itself asks how much ("bao nhiêu tiền") asks for an amount on its own.
  const amountAsked = asks.includes('number') || asked.some((m) => m.value === 'money' && cues.askedFacts.number.some((n) => m.phrase.includes(n)));
  if (asks.includes('money')) asks = amountAsked ? asks.filter((a) => a !== 'number') : asks.filter((a) => a !== 'money');
  let askedNumberType: DocumentType | undefined;
  for (const m of asked.filter((a) => a.value === 'docNumber')) {
    // "kế hoạch số mấy", "tại quyết định nào": the type written right before the cue, or in it.
    const before = typeMatches.find((t) => t.value && t.end === m.start);
    const inside = TYPE_WORDS.match(tokens.slice(m.start, m.end)).find((t) => t.value);
    askedNumberType = before?.value ?? inside?.value ?? askedNumberType;
  }
  const numbers = findDocumentNumbers(q.text);
  const periodSpans = [...q.text.matchAll(PERIOD)].map((m) => `${m[1]}-${m[2]}`);
  const periods = new Set(periodSpans.flatMap((p) => p.split('-')));
  const ownNumbers = new Set<string>();
  const years: string[] = [];
  for (const t of tokens) {
    if (!/\d/u.test(t.token) || numbers.some((n) => t.start >= n.start && t.end <= n.end)) continue;
    for (const part of t.token.split(/[/-]/u)) {
      const key = numberKey(part);
      if (key) ownNumbers.add(key);
    }
    if (YEAR.test(t.token) && !periods.has(t.token) && !years.includes(t.token)) years.push(t.token);
  }
  for (const n of numbers) for (const part of n.number.split(/[^\d]+/u)) if (part) ownNumbers.add(numberKey(part));
  const cueTokens = new Set<number>();
  mark(cueTokens, fieldMatches);
  const listCues = LIST_CUES.match(tokens);
  const comparisonCues = COMPARISON_CUES.match(tokens);
  mark(cueTokens, listCues);
  mark(cueTokens, comparisonCues);
  // "tổng cộng", "số lượng", "số liệu" ask for a count and name nothing counted ("mấy" typed
  // bare may be "máy", so one-word cues stay).
  mark(cueTokens, asked.filter((m) => m.value === 'number' && m.end - m.start >= 2));
  const procedure = PROCEDURE_CUES.match(tokens);
  const wantsComparison = comparisonCues.length > 0 || years.length >= 2;
  const wantsList = !wantsComparison && (listCues.length > 0 || (SECTION_NOUNS.match(tokens).length > 0 && !asks.some((a) => a !== 'date')));
  const wantsTable = TABLE_CUES.match(tokens).length > 0;
  const shape: AnswerShape = fields.length > 0 ? 'header' : wantsComparison ? 'comparison' : wantsTable ? 'table' : wantsList ? 'list' : 'passage';
  return {
    shape, fields, numbers, serials, types, ...(askedNumberType ? { askedNumberType } : {}), asks, years, periods: [...new Set(periodSpans)], ownNumbers,
    issuerCodes: issuerCodes(q.text),
    ownDates: new Set(findFacts(q.text).filter((f) => f.kind === 'date').map((f) => f.text)),
    countedWords: new Set(q.content.map((i) => tokens[i]!.folded).filter((w) => !/\d/u.test(w))),
    wantsList, wantsComparison, wantsTable,
    procedureCue: procedure.some((m) => m.value),
    lawCue: LAW_CUES.match(tokens).length > 0 || /\bđiều\s+\d+/iu.test(q.text),
    cueTokens,
  };
}
