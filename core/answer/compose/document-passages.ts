/**
 * An official's answer from the passages of the document(s) the question is about: the
 * sentences that hold what is asked, the fact first. A question that asks for a number, a
 * date, an amount, a percentage or another text's number is answered only by a sentence
 * that holds one the question does not already state ("năm học 2025-2026" does not answer
 * "bao nhiêu học sinh … năm học 2025-2026"), every year and period it names must be in the
 * sentence or the headings and passage above it, and so must enough of its subject — its
 * telling words and word pairs (tuning.ts, SUBJECT_MIN_SHARE): a count of businesses at a
 * fair does not answer how many businesses sell on the province's e-commerce platform.
 * Further sentences are added while they cover more of the question (a comparison takes one
 * per side). A long sentence is cut around the fact, never before it.
 */
import type { Chunk, DocumentRecord } from '../../model.ts';
import { findDocumentNumbers } from '../../structure/document-numbers.ts';
import { foldDiacritics } from '../../text/fold.ts';
import { findFacts } from '../ground/facts.ts';
import { quoteAround, withMark, type CitationList } from '../ground/citations.ts';
import { coverage, passageTerms, unitFound, type ContentUnit, type TermSet } from '../retrieve/coverage.ts';
import { chunkTerms, indexedTerms, unionOf } from '../retrieve/term-sets.ts';
import { numberKey, PERIOD, type AskedFact, type DocumentQuestion } from '../understand/document-question.ts';
import { issuedBy } from '../understand/issuer-codes.ts';
import type { MarkedChunk } from './document-header.ts';
import { noteLines } from './notes.ts';
import { splitSentences, type SentenceSpan } from './sentences.ts';
import {
  ASKED_FACT_BONUS, ASKED_SENTENCE_MIN_COVERAGE, CLAUSE_SPLIT_CHARS, FACT_WINDOW_CHARS, FACT_WINDOW_WEIGHT, COUNTED_WORD_WINDOW, RARE_UNIT_WEIGHT, RARE_UNITS_MIN_SHARE, FURTHER_SENTENCE_FLOOR, ITEM_HEADING_MAX_CHARS, NOTE_FACT_MIN_COVERAGE, LIST_QUOTE_MAX_CHARS, MAX_COMPARISON_SENTENCES, MAX_OFFICIAL_SENTENCES, MIN_SENTENCE_CHARS,
  MIN_SENTENCE_COVERAGE, MIN_SENTENCE_GAIN, OFFICIAL_PASSAGES,  OFFICIAL_SENTENCE_MAX_CHARS, PASSAGE_COVERAGE_WEIGHT, SUBJECT_MIN_SHARE, SUBJECT_UNIT_WEIGHT,
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
  /** The asked fact is in a footnote of the passage, not in the sentence. */
  viaNote: boolean;
  /** Its checkable facts (numbers, dates …), in normal form. */
  facts: Set<string>;
  terms: Set<string>;
}

/** Chunks other than body text that hold sentences worth quoting: notes, table rows, an outline of headings, the closing formula ("… kính đề nghị Bộ … tổng hợp"). */
const READABLE_KINDS: ReadonlySet<string> = new Set(['footnote', 'table-row', 'outline', 'closing']);
const DIGITS = /\d+(?:[.,/]\d+)*/gu;
const LIST_MARK = /^\s*(?:\(?\d{1,2}[.)]|[-+•*])\s*/u;

/**
 * Whether the figure at [start, end) counts or measures something the question names: a
 * telling word of the question ({@link DocumentQuestion.countedWords}) within a few words
 * of it ("07 đơn vị", "81.935 học viên", "73% hộ gia đình").
 */
function counts(body: string, start: number, end: number, dq: DocumentQuestion): boolean {
  if (dq.countedWords.size === 0) return true;
  const words = [...body.matchAll(/[\p{L}][\p{L}]*/gu)];
  const before = words.filter((w) => (w.index ?? 0) + w[0].length <= start).slice(-COUNTED_WORD_WINDOW);
  const after = words.filter((w) => (w.index ?? 0) >= end).slice(0, COUNTED_WORD_WINDOW);
  return [...before, ...after].some((w) => dq.countedWords.has(foldDiacritics(w[0].toLowerCase())));
}

/**
 * Whether `sentence` holds the asked fact, and where; -1 when not. With `byNamedIssuer`, a
 * document number counts only when a body the question names issued it.
 */
export function askedFactAt(sentence: string, fact: AskedFact, dq: DocumentQuestion, byNamedIssuer = false): number {
  const body = sentence.replace(LIST_MARK, (m) => ' '.repeat(m.length));
  switch (fact) {
    case 'docNumber': {
      const own = new Set(dq.numbers.map((n) => n.number.replace(/\s+/gu, '').toUpperCase()));
      const ref = findDocumentNumbers(body).find((r) => !own.has(r.number.replace(/\s+/gu, '').toUpperCase()) && (!dq.askedNumberType || r.type === dq.askedNumberType)
        && (!byNamedIssuer || issuedBy(r.number, dq.issuerCodes ?? [])));
      return ref ? ref.start : -1;
    }
    case 'date': {
      const f = findFacts(body).find((x) => x.kind === 'date' && !dq.ownDates.has(x.text));
      return f ? f.start : -1;
    }
    case 'money': {
      const f = findFacts(body).find((x) => x.kind === 'money' && counts(body, x.start, x.end, dq));
      if (f) return f.start;
      const scaled = /\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn)\b/u.exec(body);
      return scaled && counts(body, scaled.index, scaled.index + scaled[0].length, dq) ? scaled.index : -1;
    }
    case 'percent': {
      const f = findFacts(body).find((x) => x.kind === 'percent' && !dq.ownNumbers.has(numberKey(x.text)) && counts(body, x.start, x.end, dq));
      if (f) return f.start;
      // A table cell under a "(%)" column header.
      const cell = /\(%\)[^;:]*:\s*(\d[\d.,]*)/u.exec(body);
      return cell ? cell.index : -1;
    }
    case 'number': {
      const dates = findFacts(body).filter((f) => f.kind === 'date');
      for (const m of body.matchAll(DIGITS)) {
        const key = numberKey(m[0]);
        const start = m.index ?? 0;
        if (!key || dq.ownNumbers.has(key) || m[0].split('/').every((p) => dq.ownNumbers.has(numberKey(p)))) continue;
        // A year or a date is not a count.
        if (/^(?:19|20)\d{2}$/u.test(m[0]) || dates.some((d) => start < d.end && start + m[0].length > d.start)) continue;
        if (counts(body, start, start + m[0].length, dq)) return start;
      }
      return -1;
    }
  }
}

/**
 * Whether every year the question names is in the sentence, the heading right above it or
 * its paragraph before it ("Ngày hội … năm 2025 … Trong khuôn khổ Ngày hội, … 07 đơn vị").
 * A comparison's years may each be in a sentence of their own. The period of a text whose
 * number is asked is part of its name, so it must be there too: "kế hoạch … giai đoạn
 * 2026-2030 … số mấy" is not answered by a plan of 2025 or of 2025 - 2030 (a period the
 * question names only as the time of a fact may differ: a programme's own "giai đoạn 2016-2025").
 */
function yearsFound(dq: DocumentQuestion, sentence: string, context: string, trail: string): boolean {
  if (dq.periods.length > 0 && dq.asks.includes('docNumber')) {
    const own = [...`${context}\n${sentence}`.matchAll(PERIOD)].map((m) => `${m[1]}-${m[2]}`);
    if (!dq.periods.some((p) => own.includes(p))) return false;
  }
  // A figure asked of a period ("năm học 2025-2026", "giai đoạn 2021-2025") is one the text
  // gives for that period: the period is in the sentence, the passage before it or its headings.
  if (dq.periods.length > 0 && dq.asks.length > 0 && dq.shape !== 'comparison') {
    const own = [...`${trail}\n${context}\n${sentence}`.matchAll(PERIOD)].map((m) => `${m[1]}-${m[2]}`);
    if (!dq.periods.some((p) => own.includes(p))) return false;
  }
  return dq.shape === 'comparison' || dq.years.every((y) => sentence.includes(y) || context.includes(y));
}

/** The sentence cut to at most `max` characters around `at`, on clause boundaries, marked with `…`. */
export function cutAround(text: string, at: number, max: number): string {
  if (text.length <= max) return text;
  let from = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  let to = Math.min(text.length, from + max);
  const clauseStart = Math.max(text.lastIndexOf('; ', from + 40), text.lastIndexOf(', ', from + 40));
  if (from > 0 && clauseStart > from - 80 && clauseStart < at) from = clauseStart + 2;
  // Otherwise start at a word, never inside one ("… ạng cáp quang" of "Mạng").
  else if (from > 0 && /\S/u.test(text[from - 1] ?? '')) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < at) from = space + 1;
  }
  const clauseEnd = Math.max(text.lastIndexOf('; ', to), text.lastIndexOf(', ', to));
  if (to < text.length && clauseEnd > at + 20) to = clauseEnd;
  else if (to < text.length) to = Math.max(at + 1, text.lastIndexOf(' ', to));
  return `${from > 0 ? '… ' : ''}${text.slice(from, to).trim()}${to < text.length ? ' …' : ''}`;
}

/** Chunks of a document worth reading for a passage answer (not its header, signature or recipients), best covered first. */
function readable(doc: DocumentRecord, chunks: readonly Chunk[], units: readonly ContentUnit[]): Array<{ chunk: Chunk; coverage: number }> {
  return chunks
    .filter((c) => { const k = (c as MarkedChunk).kind; return k === undefined || READABLE_KINDS.has(k); })
    .map((chunk) => ({ chunk, coverage: coverage(units, indexedTerms(doc, chunk)) }))
    .filter((c) => c.coverage > 0)
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, OFFICIAL_PASSAGES);
}

function notesOf(chunk: Chunk): string[] {
  return ((chunk as MarkedChunk).notes ?? []).map((n) => n.text);
}

/**
 * The sentences of a passage, each with its clauses when it is long and the question asks
 * for a fact: a clause holding the fact is quoted rather than a sentence of many.
 */
function pieces(text: string, split: boolean): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const s of splitSentences(text)) {
    out.push(s);
    if (!split || s.end - s.start <= CLAUSE_SPLIT_CHARS) continue;
    let from = s.start;
    for (const m of text.slice(s.start, s.end).matchAll(/;\s+/gu)) {
      const cut = s.start + (m.index ?? 0);
      if (cut > from) out.push({ start: from, end: cut });
      from = cut + m[0].length;
    }
    if (from > s.start && from < s.end) out.push({ start: from, end: s.end });
  }
  return out;
}

/** Score the sentences of the documents' best passages (see the module comment); exported for tests and tracing. */
export function scoreSentences(
  dq: DocumentQuestion, units: readonly ContentUnit[], docs: ReadonlyArray<{ doc: DocumentRecord; chunks: readonly Chunk[] }>, mustName: readonly string[],
  known?: TermSet,
): Scored[] {
  const out: Scored[] = [];
  const split = dq.asks.length > 0 && !dq.wantsList;
  for (const { doc, chunks } of docs) {
    const whole = unionOf(chunks.map(chunkTerms));
    for (const { chunk, coverage: passage } of readable(doc, chunks, units)) {
      const context = [doc.title, ...chunk.headingTrail].join('\n');
      const heading = chunk.headingTrail[chunk.headingTrail.length - 1] ?? '';
      const contextTerms = passageTerms(context);
      const rest = units.filter((u) => !unitFound(u, contextTerms));
      const asked = rest.length > 0 ? rest : units;
      // The question's rare words (not word pairs, not numbers or dates) that the document
      // has but the passage's context does not explain: a sentence about another matter
      // lacks them. A date or number the question states mostly names the document or the
      // event ("kết luận ngày 29/12/2025", "Nghị quyết 13-NQ/TU"), not each sentence asked for.
      const rare = rest.filter((u) => u.weight >= RARE_UNIT_WEIGHT && u.alternatives.every((a) => a.every((t) => !t.includes('_') && !/\d/u.test(t))) && unitFound(u, whole));
      // Only words the documents found use: a pair across two phrases of the question ("gửi |
      // số liệu") or an everyday word no document writes tells nothing of the subject.
      const subject = dq.asks.length > 0 && dq.shape === 'passage'
        ? units.filter((u) => u.weight >= SUBJECT_UNIT_WEIGHT && u.alternatives.every((a) => a.every((t) => !/\d/u.test(t))) && (!known || unitFound(u, known)))
        : [];
      const previous = chunks[chunks.indexOf(chunk) - 1];
      const carried = previous && previous.sectionPath.join('.') === chunk.sectionPath.join('.') ? previous.text.slice(previous.text.lastIndexOf('\n') + 1) : '';
      const spans = pieces(chunk.text, split);
      spans.forEach((span) => {
        const text = chunk.text.slice(span.start, span.end).replace(/\s+/gu, ' ').trim();
        if (text.length < MIN_SENTENCE_CHARS || chunk.headingTrail.includes(text)) return;
        // The paragraph up to the sentence: an event named earlier in it ("Ngày hội … năm 2025"),
        // from the end of the section's previous chunk when the chunk begins inside it.
        const paragraphStart = chunk.text.lastIndexOf('\n', span.start) + 1;
        const before = `${paragraphStart === 0 ? carried : ''}\n${chunk.text.slice(paragraphStart, span.start)}`;
        if (!yearsFound(dq, text, `${heading}\n${before}`, `${context}\n${chunk.text.slice(0, span.start)}`)) return;
        if (mustName.length > 0 && !mustName.some((n) => text.replace(/\s+/gu, '').toUpperCase().includes(n))) return;
        const terms = passageTerms(text);
        if (rare.length > 0 && coverage(rare, terms) < RARE_UNITS_MIN_SHARE) return;
        // A figure or date asked must stand where the question's subject is: its telling
        // words and word pairs in the sentence, the passage before it or its headings.
        if (subject.length > 0 && coverage(subject, unionOf([terms, contextTerms])) < SUBJECT_MIN_SHARE
          && coverage(subject, unionOf([terms, contextTerms, passageTerms(chunk.text.slice(0, span.start))])) < SUBJECT_MIN_SHARE) return;
        const cov = coverage(asked, terms);
        let at = dq.asks.map((f) => askedFactAt(text, f, dq));
        // "… ban hành 04 Nghị quyết¹": the footnote on the passage holds what is asked; and
        // "Sở … đã có văn bản² đề nghị …" asked as "Sở KH&CN … công văn số mấy": the note holds
        // the number the named body issued, while the sentence cites others' numbers.
        let viaNote = false;
        const byIssuer = dq.asks[0] === 'docNumber' && (dq.issuerCodes?.length ?? 0) > 0 && at[0]! >= 0 && askedFactAt(text, 'docNumber', dq, true) < 0;
        if (dq.asks.length > 0 && (at[0]! < 0 || byIssuer) && cov >= NOTE_FACT_MIN_COVERAGE && notesOf(chunk).some((n) => askedFactAt(n, dq.asks[0]!, dq, byIssuer) >= 0)) {
          at = at.map((x, k) => (k === 0 ? 0 : x));
          viaNote = true;
        }
        if (dq.asks.length > 0 && at[0]! < 0) return;
        if (cov < (dq.asks.length > 0 ? ASKED_SENTENCE_MIN_COVERAGE : MIN_SENTENCE_COVERAGE)) return;
        const found = at.filter((x) => x >= 0);
        // The words right around the fact say what it counts: "2.725 doanh nghiệp công nghệ số".
        const factAt = found.length > 0 && !viaNote ? Math.min(...found) : -1;
        const around = factAt >= 0 ? coverage(asked, passageTerms(text.slice(Math.max(0, factAt - FACT_WINDOW_CHARS), factAt + FACT_WINDOW_CHARS))) : 0;
        out.push({
          doc, chunk, span, text, terms: terms as Set<string>,
          score: cov + PASSAGE_COVERAGE_WEIGHT * passage + ASKED_FACT_BONUS * found.length + FACT_WINDOW_WEIGHT * around,
          factAt: viaNote ? 0 : found.length > 0 ? Math.min(...found) : 0,
          facts: new Set(findFacts(text).map((f) => f.text)),
          viaNote,
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
  mustName: readonly string[] = [], known?: TermSet,
): PassageAnswer {
  const named = mustName.map((n) => n.replace(/\s+/gu, '').toUpperCase());
  const names = (s: Scored) => named.some((n) => s.text.replace(/\s+/gu, '').toUpperCase().includes(n));
  // A comparison sets the unindexed text's figure beside one stated elsewhere ("… cấp xã đạt
  // 85,35%, so với chỉ tiêu Nghị quyết 13-NQ/TU"): one side must name the text, not both.
  const comparison = dq.shape === 'comparison' && named.length > 0;
  const scored = scoreSentences(dq, units, docs, comparison ? [] : named, known);
  const best = comparison ? scored.find(names) : scored[0];
  if (!best) return { lines: [], coverage: 0 };
  const max = dq.shape === 'comparison' ? MAX_COMPARISON_SENTENCES : MAX_OFFICIAL_SENTENCES;
  const picked: Scored[] = [best];
  let covered = coverage(units, best.terms);
  const docsPicked = new Set([best.doc.id]);
  for (const s of scored) {
    if (s === best) continue;
    if (picked.length >= max) break;
    if (s.score < best.score * FURTHER_SENTENCE_FLOOR || picked.some((p) => p.text === s.text)) continue;
    const together = coverage(units, unionOf([...picked.map((p) => p.terms), s.terms]));
    // A comparison takes the best sentence of a second document, and a sentence holding the
    // other value asked ("hạn của từng việc": the second date).
    const otherDoc = dq.shape === 'comparison' && docs.length > 1 && !docsPicked.has(s.doc.id);
    const otherValue = dq.shape === 'comparison' && dq.asks.length > 0 && s.factAt >= 0 && [...s.facts].some((f) => !picked.some((p) => p.facts.has(f)));
    if (together - covered < MIN_SENTENCE_GAIN && !otherDoc && !otherValue) continue;
    if (picked.some((p) => p.chunk === s.chunk && (p.span.start <= s.span.start && p.span.end >= s.span.end || s.span.start <= p.span.start && s.span.end >= p.span.end))) continue;
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
    const mine = picked.filter((p) => p.doc.id === doc.id);
    const used = [...new Set(mine.map((p) => p.chunk))];
    const forced = [...new Set(mine.filter((p) => p.viaNote).map((p) => p.chunk))];
    if (used.length > 0) lines.push(...noteLines(doc, chunks, used, units, lines.join('\n'), citations, forced));
  }
  return { lines, coverage: covered };
}
