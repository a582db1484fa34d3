/**
 * An official's answer from the passages of the document(s) the question is about: the
 * sentences that hold what is asked, the fact first. A question that asks for a number, a
 * date, an amount, a percentage or another text's number is answered only by a sentence
 * that holds one the question does not already state ("năm học 2025-2026" does not answer
 * "bao nhiêu học sinh … năm học 2025-2026"), and every year it names must be in the
 * sentence or the headings above it. Further sentences are added while they cover more of
 * the question (a comparison takes one per side). A long sentence is cut around the fact,
 * never before it.
 */
import type { Chunk, DocumentRecord } from '../../model.ts';
import { findDocumentNumbers } from '../../structure/document-numbers.ts';
import { findFacts } from '../ground/facts.ts';
import { quoteAround, withMark, type CitationList } from '../ground/citations.ts';
import { coverage, passageTerms, unitFound, type ContentUnit } from '../retrieve/coverage.ts';
import { indexedTerms, unionOf } from '../retrieve/term-sets.ts';
import { numberKey, type AskedFact, type DocumentQuestion } from '../understand/document-question.ts';
import type { MarkedChunk } from './document-header.ts';
import { noteLines } from './notes.ts';
import { splitSentences, type SentenceSpan } from './sentences.ts';
import {
  ASKED_FACT_BONUS, FURTHER_SENTENCE_FLOOR, ITEM_HEADING_MAX_CHARS, LIST_QUOTE_MAX_CHARS, MAX_COMPARISON_SENTENCES, MAX_OFFICIAL_SENTENCES, MIN_SENTENCE_CHARS,
  MIN_SENTENCE_COVERAGE, MIN_SENTENCE_GAIN, OFFICIAL_PASSAGES, YEAR_CONTEXT_SENTENCES, OFFICIAL_SENTENCE_MAX_CHARS, PASSAGE_COVERAGE_WEIGHT,
} from '../tuning.ts';

/** What the passage answer found. */
export interface PassageAnswer {
  lines: string[];
  /** Coverage of the question by the chosen sentences together. */
  coverage: number;
}

interface Scored {
  doc: DocumentRecord;
  chunk: Chunk;
  span: SentenceSpan;
  text: string;
  score: number;
  /** Offset in the sentence of the first asked fact it holds (where a cut must not fall after). */
  factAt: number;
  terms: Set<string>;
}

const DIGITS = /\d+(?:[.,/]\d+)*/gu;
const LIST_MARK = /^\s*(?:\(?\d{1,2}[.)]|[-+•*])\s*/u;

/** Whether `sentence` holds the asked fact, and where; -1 when not. */
export function askedFactAt(sentence: string, fact: AskedFact, dq: DocumentQuestion): number {
  const body = sentence.replace(LIST_MARK, (m) => ' '.repeat(m.length));
  switch (fact) {
    case 'docNumber': {
      const own = new Set(dq.numbers.map((n) => n.number.replace(/\s+/gu, '').toUpperCase()));
      const ref = findDocumentNumbers(body).find((r) => !own.has(r.number.replace(/\s+/gu, '').toUpperCase()) && (!dq.askedNumberType || r.type === dq.askedNumberType));
      return ref ? ref.start : -1;
    }
    case 'date': {
      const f = findFacts(body).find((x) => x.kind === 'date' && !dq.ownDates.has(x.text));
      return f ? f.start : -1;
    }
    case 'money': {
      const f = findFacts(body).find((x) => x.kind === 'money');
      if (f) return f.start;
      return body.search(/\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn)\b/u);
    }
    case 'percent': {
      const f = findFacts(body).find((x) => x.kind === 'percent' && !dq.ownNumbers.has(numberKey(x.text)));
      if (f) return f.start;
      // A table cell under a "(%)" column header.
      const cell = /\(%\)[^;:]*:\s*(\d[\d.,]*)/u.exec(body);
      return cell ? cell.index : -1;
    }
    case 'number': {
      for (const m of body.matchAll(DIGITS)) {
        const key = numberKey(m[0]);
        if (key && !dq.ownNumbers.has(key) && !m[0].split('/').every((p) => dq.ownNumbers.has(numberKey(p)))) return m.index ?? 0;
      }
      return -1;
    }
  }
}

/**
 * Whether every year the question names is in the sentence, the heading right above it or
 * the sentences just before it ("Ngày hội … năm 2025 … Trong khuôn khổ Ngày hội, … 07 đơn
 * vị"). A comparison's years may each be in a sentence of their own.
 */
function yearsFound(dq: DocumentQuestion, sentence: string, context: string): boolean {
  return dq.shape === 'comparison' || dq.years.every((y) => sentence.includes(y) || context.includes(y));
}

/** The sentence cut to at most `max` characters around `at`, on clause boundaries, marked with `…`. */
export function cutAround(text: string, at: number, max: number): string {
  if (text.length <= max) return text;
  let from = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  let to = Math.min(text.length, from + max);
  const clauseStart = Math.max(text.lastIndexOf('; ', from + 40), text.lastIndexOf(', ', from + 40));
  if (from > 0 && clauseStart > from - 80 && clauseStart < at) from = clauseStart + 2;
  const clauseEnd = Math.max(text.lastIndexOf('; ', to), text.lastIndexOf(', ', to));
  if (to < text.length && clauseEnd > at + 20) to = clauseEnd;
  else if (to < text.length) to = Math.max(at + 1, text.lastIndexOf(' ', to));
  return `${from > 0 ? '… ' : ''}${text.slice(from, to).trim()}${to < text.length ? ' …' : ''}`;
}

/** Chunks of a document worth reading for a passage answer: body, footnotes and table rows, best covered first. */
function readable(doc: DocumentRecord, chunks: readonly Chunk[], units: readonly ContentUnit[]): Array<{ chunk: Chunk; coverage: number }> {
  return chunks
    .filter((c) => { const k = (c as MarkedChunk).kind; return k === undefined || k === 'footnote' || k === 'table-row'; })
    .map((chunk) => ({ chunk, coverage: coverage(units, indexedTerms(doc, chunk)) }))
    .filter((c) => c.coverage > 0)
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, OFFICIAL_PASSAGES);
}

/** Score the sentences of the documents' best passages (see the module comment). */
function scoreSentences(dq: DocumentQuestion, units: readonly ContentUnit[], docs: ReadonlyArray<{ doc: DocumentRecord; chunks: readonly Chunk[] }>): Scored[] {
  const out: Scored[] = [];
  for (const { doc, chunks } of docs) {
    for (const { chunk, coverage: passage } of readable(doc, chunks, units)) {
      const context = [doc.title, ...chunk.headingTrail].join('\n');
      const heading = chunk.headingTrail[chunk.headingTrail.length - 1] ?? '';
      const contextTerms = passageTerms(context);
      const rest = units.filter((u) => !unitFound(u, contextTerms));
      const asked = rest.length > 0 ? rest : units;
      const spans = splitSentences(chunk.text);
      spans.forEach((span, i) => {
        const text = chunk.text.slice(span.start, span.end).replace(/\s+/gu, ' ').trim();
        if (text.length < MIN_SENTENCE_CHARS || chunk.headingTrail.includes(text)) return;
        const before = spans.slice(Math.max(0, i - YEAR_CONTEXT_SENTENCES), i).map((b) => chunk.text.slice(b.start, b.end)).join(' ');
        if (!yearsFound(dq, text, `${heading}\n${before}`)) return;
        const at = dq.asks.map((f) => askedFactAt(text, f, dq));
        if (dq.asks.length > 0 && at[0]! < 0) return;
        const terms = passageTerms(text);
        const cov = coverage(asked, terms);
        if (cov < MIN_SENTENCE_COVERAGE) return;
        const found = at.filter((x) => x >= 0);
        out.push({
          doc, chunk, span, text, terms: terms as Set<string>,
          score: cov + PASSAGE_COVERAGE_WEIGHT * passage + ASKED_FACT_BONUS * found.length,
          factAt: found.length > 0 ? Math.min(...found) : 0,
        });
      });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * For a list item ("- Chủ trì, phối hợp … hoàn thành trước ngày 20/01/2026"), the short
 * heading it stands under ("Sở Khoa học và Công nghệ: "), which says whose task it is.
 */
function itemOf(p: Scored): string | undefined {
  if (!LIST_MARK.test(p.text) || /^\s*\(?\d/u.test(p.text)) return undefined;
  const heading = (p.chunk.headingTrail[p.chunk.headingTrail.length - 1] ?? '').replace(/^\s*(?:[IVX]+|\d{1,2}|[a-zđ])[.)]\s*/iu, '').replace(/:\s*$/u, '').trim();
  return heading && heading.length <= ITEM_HEADING_MAX_CHARS && !p.text.includes(heading) ? `${heading}: ` : undefined;
}

/**
 * The passage answer from `docs` (the document the question is about, or two for a
 * comparison); empty lines when no sentence holds what is asked.
 */
export function composeDocumentPassages(
  dq: DocumentQuestion, units: readonly ContentUnit[], docs: ReadonlyArray<{ doc: DocumentRecord; chunks: readonly Chunk[] }>, citations: CitationList,
): PassageAnswer {
  const scored = scoreSentences(dq, units, docs);
  const best = scored[0];
  if (!best) return { lines: [], coverage: 0 };
  const max = dq.shape === 'comparison' ? MAX_COMPARISON_SENTENCES : MAX_OFFICIAL_SENTENCES;
  const picked: Scored[] = [best];
  let covered = coverage(units, best.terms);
  const docsPicked = new Set([best.doc.id]);
  for (const s of scored.slice(1)) {
    if (picked.length >= max) break;
    if (s.score < best.score * FURTHER_SENTENCE_FLOOR || picked.some((p) => p.text === s.text)) continue;
    const together = coverage(units, unionOf([...picked.map((p) => p.terms), s.terms]));
    // A comparison of two documents takes the best sentence of the second one too.
    const otherDoc = dq.shape === 'comparison' && docs.length > 1 && !docsPicked.has(s.doc.id);
    if (together - covered < MIN_SENTENCE_GAIN && !otherDoc) continue;
    picked.push(s);
    docsPicked.add(s.doc.id);
    covered = together;
  }
  // Passages in order of their best sentence; each cited once with every sentence taken from it.
  const byChunk = new Map<Chunk, Scored[]>();
  for (const p of picked) byChunk.set(p.chunk, [...(byChunk.get(p.chunk) ?? []), p]);
  const numbers = new Map<Chunk, number>();
  for (const [chunk, list] of byChunk) {
    numbers.set(chunk, citations.cite(chunk, list[0]!.doc, quoteAround(chunk.text, list.map((p) => p.span), LIST_QUOTE_MAX_CHARS)));
  }
  const lines = picked.map((p) => {
    const bare = p.text.replace(LIST_MARK, '');
    const text = cutAround(bare, Math.max(0, p.factAt - (p.text.length - bare.length)), OFFICIAL_SENTENCE_MAX_CHARS);
    return withMark(`${itemOf(p) ?? ''}${text}`, numbers.get(p.chunk)!);
  });
  for (const { doc, chunks } of docs) {
    const used = picked.filter((p) => p.doc.id === doc.id).map((p) => p.chunk);
    if (used.length > 0) lines.push(...noteLines(doc, chunks, [...new Set(used)], units, lines.join('\n'), citations));
  }
  return { lines, coverage: covered };
}
