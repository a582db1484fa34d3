/**
 * The answer to a question about documents other than procedures (plans, reports,
 * notices): the best few sentences of the top passages, quoted as they are, each ending
 * with its `[n]`.
 *
 * A sentence scores by the share of the question's content it covers (retrieve/coverage.ts) — of
 * the content its document's title and headings do not already explain, since a sentence
 * need not repeat the title it sits under — plus
 * small bonuses when the question asks for a number or a date and the sentence has one,
 * and for passages retrieval ranked higher. Two to four sentences are kept, from at most
 * three documents.
 */
import { quoteAround, withMark, type CitationList } from '../ground/citations.ts';
import type { Passage } from '../retrieve/retrieve.ts';
import { coverage, passageTerms, unitFound, type ContentUnit } from '../retrieve/coverage.ts';
import type { QuestionAnalysis } from '../understand/question.ts';
import { clip, splitSentences, type SentenceSpan } from './sentences.ts';
import { FIRST_SENTENCES_FLOOR, MAX_SENTENCES, MAX_SOURCES, MIN_SENTENCE_CHARS, MIN_SENTENCES, MORE_SENTENCES_FLOOR, SENTENCE_DATE_BONUS, SENTENCE_MAX_CHARS, SENTENCE_NUMBER_BONUS, SENTENCE_RANK_BONUS } from '../tuning.ts';

const DATE = /\b\d{1,2}\/\d{1,2}\/\d{4}\b|\bngày \d{1,2} tháng \d{1,2}|\bnăm \d{4}\b|\btháng \d{1,2}\/\d{4}\b/u;

interface Scored {
  passage: number;
  span: SentenceSpan;
  score: number;
  coverage: number;
}

function squash(s: string): string {
  return s.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** Score every sentence of the passages against the question. */
export function scoreSentences(q: QuestionAnalysis, units: readonly ContentUnit[], passages: readonly Passage[]): Scored[] {
  const out: Scored[] = [];
  passages.forEach((p, rank) => {
    const text = p.chunk.text;
    const heads = [p.doc.title, ...p.chunk.headingTrail];
    const context = passageTerms([...heads, p.doc.number ?? ''].join('\n'));
    const rest = units.filter((u) => !unitFound(u, context));
    const asked = rest.length > 0 ? rest : units;
    const headings = new Set(heads.map(squash));
    for (const span of splitSentences(text)) {
      const sentence = text.slice(span.start, span.end);
      if (sentence.length < MIN_SENTENCE_CHARS || headings.has(squash(sentence))) continue;
      const cov = coverage(asked, passageTerms(sentence));
      if (cov === 0) continue;
      let score = cov + SENTENCE_RANK_BONUS * (1 - rank / passages.length);
      if (q.asksNumber && /\d/.test(sentence)) score += SENTENCE_NUMBER_BONUS;
      if (q.asksDate && DATE.test(sentence)) score += SENTENCE_DATE_BONUS;
      out.push({ passage: rank, span, score, coverage: cov });
    }
  });
  return out.sort((a, b) => b.score - a.score || a.passage - b.passage || a.span.start - b.span.start);
}

/** Pick 2–4 sentences from at most three documents; best first. */
export function pickSentences(scored: readonly Scored[], passages: readonly Passage[]): Scored[] {
  const best = scored[0]?.score ?? 0;
  const picked: Scored[] = [];
  const docs = new Set<string>();
  const seen = new Set<string>();
  for (const s of scored) {
    if (picked.length >= MAX_SENTENCES) break;
    const floor = picked.length < MIN_SENTENCES ? FIRST_SENTENCES_FLOOR : MORE_SENTENCES_FLOOR;
    if (s.score < best * floor) break;
    const p = passages[s.passage]!;
    const key = p.chunk.text.slice(s.span.start, s.span.end).replace(/\s+/gu, ' ').toLowerCase();
    if (seen.has(key)) continue;
    if (!docs.has(p.doc.id) && docs.size >= MAX_SOURCES) continue;
    seen.add(key);
    docs.add(p.doc.id);
    picked.push(s);
  }
  return picked;
}

/**
 * Compose the answer from the passages, citing each used passage once with a quote around
 * the sentences taken from it. Returns the answer lines (empty when nothing scored).
 */
export function composePassageAnswer(q: QuestionAnalysis, units: readonly ContentUnit[], passages: readonly Passage[], citations: CitationList): string[] {
  const picked = pickSentences(scoreSentences(q, units, passages), passages);
  // Passages in order of their best sentence; sentences of one passage in reading order.
  const order: number[] = [];
  for (const s of picked) if (!order.includes(s.passage)) order.push(s.passage);
  const lines: string[] = [];
  for (const index of order) {
    const p = passages[index]!;
    const spans = picked.filter((s) => s.passage === index).map((s) => s.span).sort((a, b) => a.start - b.start);
    const n = citations.cite(p.chunk, p.doc, quoteAround(p.chunk.text, spans));
    for (const span of spans) {
      const sentence = p.chunk.text.slice(span.start, span.end).replace(/\s+/gu, ' ').replace(/^[-+*•]\s+/u, '').trim();
      lines.push(withMark(clip(sentence, SENTENCE_MAX_CHARS), n));
    }
  }
  return lines;
}
