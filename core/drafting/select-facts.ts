/**
 * The facts a draft quotes: of the retrieved passages' whole sentences (quotable.ts), the
 * ones that hold most of what the draft is about — the trích yếu first, the rest of the
 * request second, each word weighted by its rarity in the index — with the document's title
 * counting for part of it. An opening sentence ("Thực hiện Công văn số …") of a document
 * not about the subject is never quoted; procedures and law articles weigh less than
 * provincial documents. At most a few per document and per passage, no sentence twice.
 */
import factCues from '../../prompts/drafting/facts.vi.json' with { type: 'json' };
import { foldDiacritics } from '../text/fold.ts';
import { isStopword } from '../text/stopwords.ts';
import { analyze, foldedTermSet } from '../text/tokenize.ts';
import { phrases, withoutPhrases } from './cue-phrases.ts';
import { quotableSentences } from './quotable.ts';
import { spellOut } from './spell-out.ts';
import {
  LAW_FACTOR, MAX_FACTS, MAX_FACTS_PER_CHUNK, MAX_FACTS_PER_DOCUMENT, MIN_FACT_SCORE, MIN_SENTENCE_COVERAGE,
  MIN_TITLE_COVERAGE_FOR_OPENING, PAIR_WEIGHT, PROCEDURE_FACTOR, REQUEST_ONLY_TERM_WEIGHT, TITLE_WEIGHT,
} from './tuning.ts';

/** A retrieved passage, with what the selection needs to know of its document. */
export interface FactPassage<R = unknown> {
  text: string;
  chunkId: string;
  docId: string;
  docTitle: string;
  /** The document's type (`thủ tục` for a national procedure, `luật`/`bộ luật` for a law). */
  docType: string;
  /** The chunk is the first of its document's body, where the document says why it was written. */
  firstOfDocument?: boolean;
  /** The chunk begins inside a paragraph begun by the chunk before it. */
  continues?: boolean;
  /** Headings above the passage ("II. Kết quả đạt được"): part of what its sentences are about. */
  headings?: readonly string[];
  /** The request names this document (by its number, or the date it opens with): it is the draft's subject whatever its title says. */
  named?: boolean;
  /** Anything the caller needs back to cite it (the search hit). */
  ref: R;
}

/** A sentence chosen for the draft. */
export interface SelectedFact<R = unknown> {
  text: string;
  passage: FactPassage<R>;
  /** Share of the request's weighted terms in the sentence (0–1). */
  coverage: number;
  score: number;
}

/** What the draft is about. */
export interface FactQuery {
  /** Trích yếu. */
  subject: string;
  /** The official's words. */
  request?: string;
  /** Recipients' names: they say who receives the draft, not what it is about. */
  recipients?: readonly string[];
}

/** Rarity weight of a folded term (syllable or syllable pair), e.g. from the index's term statistics. */
export type TermWeight = (term: string) => number;

const REQUEST_WORDS = phrases(factCues.requestWords);
const OPENING = new RegExp(`^(?:${factCues.openingCues.map((c) => foldDiacritics(c)).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\d])`, 'u');

/** A text as compared with the request: abbreviations spelled out, numbers without leading zeros ("03 năm" = "3 năm"). */
function comparable(text: string): string {
  return spellOut(text).replace(/(?<![\d.,/])0+(?=\d)/gu, '');
}

/** Terms that carry meaning: not function words, not the words of a drafting request, not bare punctuation. */
function contentTerms(text: string): Set<string> {
  const out = new Set<string>();
  const { terms, folded } = analyze(withoutPhrases(text, REQUEST_WORDS));
  terms.forEach((term, i) => {
    const t = folded[i]!;
    // A pair with a function word in it ("học_và") says nothing its other word does not.
    if (term.split('_').some((p) => isStopword(p))) return;
    if (!t.includes('_') && t.length < 2 && !/\d/u.test(t)) return;
    out.add(t);
  });
  return out;
}

/** The request's weighted terms: subject terms weigh their rarity, request-only ones half of it; recipients' words are left out. */
export function queryTerms(q: FactQuery, weight: TermWeight = () => 1): Map<string, number> {
  const subject = contentTerms(comparable(q.subject));
  const recipients = new Set((q.recipients ?? []).flatMap((r) => [...foldedTermSet(comparable(r))]));
  const terms = new Map<string, number>();
  const add = (t: string, share: number) => {
    const w = weight(t) * share * (t.includes('_') ? PAIR_WEIGHT : 1);
    if (w > 0) terms.set(t, w);
  };
  for (const t of subject) add(t, 1);
  for (const t of contentTerms(comparable(q.request ?? ''))) {
    if (!terms.has(t) && !subject.has(t) && !recipients.has(t)) add(t, REQUEST_ONLY_TERM_WEIGHT);
  }
  return terms;
}

/** Share of the weighted `terms` found in `text` (0–1). */
export function coverage(text: string, terms: ReadonlyMap<string, number>): number {
  let total = 0;
  let found = 0;
  const have = foldedTermSet(comparable(text));
  for (const [t, w] of terms) {
    total += w;
    if (have.has(t)) found += w;
  }
  return total > 0 ? found / total : 0;
}

function typeFactor(docType: string): number {
  if (docType === 'thủ tục') return PROCEDURE_FACTOR;
  if (docType === 'luật' || docType === 'bộ luật') return LAW_FACTOR;
  return 1;
}

const sameText = (s: string) => foldDiacritics(s.toLowerCase()).replace(/[^\p{L}\d]+/gu, ' ').trim();

/**
 * The sentences of `passages` to quote for `query`, best first: each a whole sentence
 * scoring at least MIN_FACT_SCORE (its own coverage of the request, and its document title's).
 */
export function selectFacts<R>(passages: ReadonlyArray<FactPassage<R>>, query: FactQuery, weight?: TermWeight, max = MAX_FACTS): SelectedFact<R>[] {
  const terms = queryTerms(query, weight);
  if (terms.size === 0) return [];
  const candidates: SelectedFact<R>[] = [];
  const seenChunks = new Set<string>();
  const titleCoverage = new Map<string, number>();
  for (const p of passages) {
    if (seenChunks.has(p.chunkId)) continue;
    seenChunks.add(p.chunkId);
    let title = titleCoverage.get(p.docId);
    if (title === undefined) titleCoverage.set(p.docId, title = p.named ? 1 : coverage(p.docTitle, terms));
    const headings = (p.headings ?? []).join('. ');
    for (const s of quotableSentences(p.text, p.continues ? { continues: true } : {})) {
      if (p.firstOfDocument && OPENING.test(foldDiacritics(s.text.toLowerCase())) && title < MIN_TITLE_COVERAGE_FOR_OPENING) continue;
      const c = coverage(headings ? `${headings}. ${s.text}` : s.text, terms);
      if (c < MIN_SENTENCE_COVERAGE) continue;
      const score = ((1 - TITLE_WEIGHT) * c + TITLE_WEIGHT * title) * typeFactor(p.docType);
      if (score < MIN_FACT_SCORE) continue;
      candidates.push({ text: s.text, passage: p, coverage: c, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);

  const out: SelectedFact<R>[] = [];
  const perDoc = new Map<string, number>();
  const perChunk = new Map<string, number>();
  const texts: string[] = [];
  for (const c of candidates) {
    if (out.length >= max) break;
    const { docId, chunkId } = c.passage;
    if ((perDoc.get(docId) ?? 0) >= MAX_FACTS_PER_DOCUMENT || (perChunk.get(chunkId) ?? 0) >= MAX_FACTS_PER_CHUNK) continue;
    const key = sameText(c.text);
    if (texts.some((t) => t.includes(key) || key.includes(t))) continue;
    texts.push(key);
    perDoc.set(docId, (perDoc.get(docId) ?? 0) + 1);
    perChunk.set(chunkId, (perChunk.get(chunkId) ?? 0) + 1);
    out.push(c);
  }
  return out;
}
