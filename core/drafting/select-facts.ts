/**
 * The facts a draft quotes: of the retrieved passages' whole sentences (quotable.ts), the
 * ones that hold most of what the draft is about — the trích yếu first, the rest of the
 * request second, each word weighted by its rarity in the index — with the document's title
 * counting for part of it. An opening sentence ("Thực hiện Công văn số …") of a document
 * not about the subject is never quoted; procedures and law articles weigh less than
 * provincial documents. A sentence shares part of its paragraph's relevance (the figures and
 * decisions follow the sentence naming the subject), and each sentence quoted from a paragraph
 * lowers the next one's score there. At most a few per document and per passage while others
 * have facts to give, no sentence twice.
 */
import factCues from '../../prompts/drafting/facts.vi.json' with { type: 'json' };
import { foldDiacritics } from '../text/fold.ts';
import { isStopword } from '../text/stopwords.ts';
import { analyze, foldedTermSet } from '../text/tokenize.ts';
import { phrases, withoutPhrases } from './cue-phrases.ts';
import { quotableSentences } from './quotable.ts';
import { spellOut } from './spell-out.ts';
import {
  FIGURE_BONUS, FIGURE_BONUS_FULL_COVERAGE, LAW_FACTOR, MAX_FACTS, MAX_FACTS_PER_CHUNK, MAX_FACTS_PER_DOCUMENT, MAX_FACTS_PER_SUBJECT_DOCUMENT, MIN_FACT_SCORE,
  MIN_SENTENCE_COVERAGE, MIN_TITLE_COVERAGE_FOR_OPENING, PAIR_WEIGHT, PARAGRAPH_SHARE, PROCEDURE_FACTOR, REQUEST_ONLY_TERM_WEIGHT, SCORE_STEP, PARAGRAPH_REPEAT_PENALTY, TITLE_WEIGHT,
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
  /** The request names this document (by its number, its title, or the date it opens with): it is the draft's subject whatever its title says. */
  named?: boolean;
  /** The document is read whole as the draft's subject (named, or its title covers the request): it may give more of the draft's facts. */
  subject?: boolean;
  /** Position of the passage in its document (0 for the first chunk of its body), for reading order among equal scores. */
  order?: number;
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

/** Words of a drafting request that are not its topic: the drafting words, and the frame around the topic (what is asked about it, the meeting, the obvious place). */
const REQUEST_WORDS = phrases([...factCues.requestWords, ...factCues.topicFrames]);
const OPENING = new RegExp(`^(?:${factCues.openingCues.map((c) => foldDiacritics(c)).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\d])`, 'u');

/** A text as compared with the request: abbreviations spelled out, numbers without leading zeros ("03 năm" = "3 năm"). */
function comparable(text: string): string {
  // A date says its year too: "tính đến ngày 30/9/2025" is about 2025 (not as much as "năm 2025" written out).
  return spellOut(text).replace(/(?<![\d/])(\d{1,2}\/\d{1,2}\/(\d{4}))(?![\d/])/gu, '$1 $2').replace(/(?<![\d.,/])0+(?=\d)/gu, '');
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

/**
 * A figure a draft can reuse: a count or amount followed by what it counts ("50 nhiệm vụ",
 * "8.000 cán bộ", "170 TB"), a share ("99,35%", "36/36 cơ sở"). Not a date, a year, a
 * document number ("số 127", "83/KH-UBND") nor a list marker.
 */
const FIGURE = /(?<![\p{L}\d/.,-])(?<!(?:số|Số|số hiệu|khoản|điểm|Điều|điều|mục|Mục|tháng|năm|ngày|lần|giai đoạn)\s)\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:\/\d{1,3}(?:\.\d{3})*)?\s?(?:%|(?!(?:tháng|năm|ngày)\b)\p{Ll}[\p{L}]*|[A-Z]{2,}\b)/u;

/** Whether a sentence states a figure (see FIGURE): what a draft borrows from a report before its general statements. */
export function statesFigure(sentence: string): boolean {
  return FIGURE.test(sentence.replace(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/gu, ' ').replace(/\d+\/[\p{Lu}Đ][\p{L}&.-]*/gu, ' '));
}

const sameText = (s: string) => foldDiacritics(s.toLowerCase()).replace(/[^\p{L}\d]+/gu, ' ').trim();

/** Why a candidate sentence was left out of the draft. */
export type FactRejection = 'opening' | 'low-coverage' | 'low-score' | 'per-document' | 'per-chunk' | 'repeated' | 'full';

/** A sentence of the passages scored for the draft, with why it was left out when it was. */
export interface RankedFact<R = unknown> extends SelectedFact<R> {
  /** 0-based position among the passage's sentences. */
  index: number;
  /** 0-based paragraph of the passage the sentence is in. */
  paragraph: number;
  rejected?: FactRejection;
}

/**
 * Every quotable sentence of `passages` scored for `query`, the quoted ones first in the
 * order quoted, then the others best first, each with why it was left out: the selection
 * laid open, for the eval's diagnosis and for tests.
 */
export function rankFacts<R>(passages: ReadonlyArray<FactPassage<R>>, query: FactQuery, weight?: TermWeight, max = MAX_FACTS): RankedFact<R>[] {
  const terms = queryTerms(query, weight);
  if (terms.size === 0) return [];
  const candidates: Array<RankedFact<R>> = [];
  const rejected: Array<RankedFact<R>> = [];
  const seenChunks = new Set<string>();
  const titleCoverage = new Map<string, number>();
  // The request's terms that a document's title does not already hold: what a sentence of it adds about the subject.
  const ownTerms = new Map<string, ReadonlyMap<string, number>>();
  for (const p of passages) {
    if (seenChunks.has(p.chunkId)) continue;
    seenChunks.add(p.chunkId);
    let own = ownTerms.get(p.docId);
    if (own === undefined) {
      const inTitle = foldedTermSet(comparable(p.docTitle));
      const rest = new Map([...terms].filter(([t]) => !inTitle.has(t)));
      ownTerms.set(p.docId, own = rest.size ? rest : terms);
    }
    let title = titleCoverage.get(p.docId);
    if (title === undefined) titleCoverage.set(p.docId, title = p.named ? 1 : coverage(p.docTitle, terms));
    const headings = (p.headings ?? []).join('. ');
    const withHeadings = (text: string) => (headings ? `${headings}. ${text}` : text);
    const sentences = quotableSentences(p.text, p.continues ? { continues: true } : {}).map((s) => {
      // A list is quoted when what announces it is about the subject (its items say what the list holds).
      const about = s.about ?? s.lead ?? s.text;
      return { ...s, own: coverage(withHeadings(about), terms), ownRelevance: coverage(withHeadings(about), own!) };
    });
    // A paragraph is about one thing: the sentence after the one that names the subject gives its figures,
    // its date, its names ("Đề án đã được phê duyệt tại Quyết định số …"), so it shares part of that relevance.
    const best = new Map<number, { c: number; r: number }>();
    for (const s of sentences) {
      const b = best.get(s.paragraph) ?? { c: 0, r: 0 };
      best.set(s.paragraph, { c: Math.max(b.c, s.own), r: Math.max(b.r, s.ownRelevance) });
    }
    for (const s of sentences) {
      const opening = p.firstOfDocument && OPENING.test(foldDiacritics(s.text.toLowerCase()));
      const c = Math.max(s.own, PARAGRAPH_SHARE * best.get(s.paragraph)!.c);
      const score = ((1 - TITLE_WEIGHT) * c + TITLE_WEIGHT * title) * typeFactor(p.docType);
      const reject = (why: FactRejection) => rejected.push({ text: s.text, passage: p, coverage: c, score, index: s.index, paragraph: s.paragraph, rejected: why });
      if (opening && title < MIN_TITLE_COVERAGE_FOR_OPENING) {
        reject('opening');
        continue;
      }
      if (c < MIN_SENTENCE_COVERAGE) {
        reject('low-coverage');
        continue;
      }
      if (score < MIN_FACT_SCORE) {
        reject('low-score');
        continue;
      }
      // The opening of the document the request names says what it answers (“Thực hiện Công văn số …”):
      // relevant because the request names its document, so its bonus is whole.
      const namedOpening = opening && p.named === true;
      const figure = statesFigure(s.text);
      // A figure counts in proportion to the sentence's own relevance: its coverage of the request's
      // terms beyond its document's title (see FIGURE_BONUS_FULL_COVERAGE), its paragraph's in part.
      const relevance = figure ? Math.max(s.ownRelevance, PARAGRAPH_SHARE * best.get(s.paragraph)!.r) : 0;
      const bonus = namedOpening ? FIGURE_BONUS : figure ? FIGURE_BONUS * Math.min(1, relevance / FIGURE_BONUS_FULL_COVERAGE) : 0;
      candidates.push({ text: s.text, passage: p, coverage: c, score: score + bonus, index: s.index, paragraph: s.paragraph });
    }
  }
  // Best first; a run of scores within one step of its best is read in the order of its documents
  // (a report states its main results first).
  candidates.sort((a, b) => b.score - a.score);
  for (let start = 0; start < candidates.length;) {
    let end = start + 1;
    while (end < candidates.length && candidates[end]!.score >= candidates[start]!.score - SCORE_STEP) end++;
    const docRank = new Map<string, number>();
    for (const c of candidates.slice(start, end)) if (!docRank.has(c.passage.docId)) docRank.set(c.passage.docId, docRank.size);
    const run = candidates.slice(start, end).sort((a, b) => docRank.get(a.passage.docId)! - docRank.get(b.passage.docId)!
      || (a.passage.order ?? 0) - (b.passage.order ?? 0) || a.index - b.index);
    candidates.splice(start, run.length, ...run);
    start = end;
  }

  const out: Array<RankedFact<R>> = [];
  const perDoc = new Map<string, number>();
  const perChunk = new Map<string, number>();
  const perParagraph = new Map<string, number>();
  const texts: string[] = [];
  const paragraphOf = (c: RankedFact<R>) => `${c.passage.chunkId}\u0000${c.paragraph}`;
  const take = (c: RankedFact<R>) => {
    texts.push(sameText(c.text));
    perDoc.set(c.passage.docId, (perDoc.get(c.passage.docId) ?? 0) + 1);
    perChunk.set(c.passage.chunkId, (perChunk.get(c.passage.chunkId) ?? 0) + 1);
    perParagraph.set(paragraphOf(c), (perParagraph.get(paragraphOf(c)) ?? 0) + 1);
    out.push(c);
  };
  const repeated = (c: RankedFact<R>) => texts.some((t) => t.includes(sameText(c.text)) || sameText(c.text).includes(t));
  const capped = (c: RankedFact<R>): FactRejection | undefined =>
    (perDoc.get(c.passage.docId) ?? 0) >= (c.passage.subject ? MAX_FACTS_PER_SUBJECT_DOCUMENT : MAX_FACTS_PER_DOCUMENT) ? 'per-document'
      : (perChunk.get(c.passage.chunkId) ?? 0) >= MAX_FACTS_PER_CHUNK ? 'per-chunk' : undefined;
  // Each sentence already quoted from a paragraph lowers the next one's score there, so the best of
  // another paragraph comes before a neighbouring sentence of the same one.
  const effective = (c: RankedFact<R>) => c.score - PARAGRAPH_REPEAT_PENALTY * (perParagraph.get(paragraphOf(c)) ?? 0);
  let open = candidates;
  while (out.length < max) {
    open = open.filter((c) => !out.includes(c) && !repeated(c));
    // The caps keep one passage or one report from filling the draft while others have facts to give;
    // when none has, the room left goes to the capped sentences.
    const uncapped = open.filter((c) => !capped(c));
    const pool = uncapped.length ? uncapped : open;
    if (pool.length === 0) break;
    const top = Math.max(...pool.map(effective));
    // Among scores within one step of the best, the first in reading order (the order sorted above).
    take(pool.find((c) => effective(c) >= top - SCORE_STEP)!);
  }
  const left: Array<RankedFact<R>> = candidates.filter((c) => !out.includes(c))
    .map((c) => ({ ...c, rejected: repeated(c) ? 'repeated' as const : capped(c) ?? 'full' }));
  return [...out, ...left, ...rejected.sort((a, b) => b.score - a.score)];
}

/**
 * The sentences of `passages` to quote for `query`, best first: each a whole sentence
 * scoring at least MIN_FACT_SCORE (its own coverage of the request, and its document title's).
 */
export function selectFacts<R>(passages: ReadonlyArray<FactPassage<R>>, query: FactQuery, weight?: TermWeight, max = MAX_FACTS): SelectedFact<R>[] {
  return rankFacts(passages, query, weight, max).filter((f) => !f.rejected).map(({ index: _index, paragraph: _paragraph, rejected: _rejected, ...fact }) => fact);
}
